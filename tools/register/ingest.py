"""Adapters for the ingest pipeline: a derived-store builder and the handlers' loader."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from board.profile import BoardProfile
from board.records import Chunk, Document, Section
from tools.paper_words import PaperWords
from tools.register.handler import RegisterHandler
from tools.register.router import register_handlers
from tools.register.store import Register, compile_register, register_path, write_register


def register_builder(
    parsed: Sequence[tuple[Document, Sequence[Section]]],
    chunks: Sequence[Chunk],
    index: Path,
    profile: BoardProfile,
) -> str:
    """An ``ingest.pipeline.DerivedBuilder``: rebuild ``<index>/register.json`` from the papers."""
    del chunks  # the register reads sections; chunks serve the timeline at question time
    data = compile_register([sections for _, sections in parsed], profile)
    write_register(register_path(index), data)
    return (
        f"register: {len(data.meetings)} meetings, {len(data.decisions)} decisions, "
        f"{len(data.actions)} actions"
    )


def load_handlers(
    index: Path,
    chunks: Sequence[Chunk],
    profile: BoardProfile | None = None,
    paper_words: PaperWords | None = None,
) -> list[RegisterHandler]:
    """The register's handlers for ``assistant.derived.load_routers``; none before the
    register is built."""
    if not register_path(index).exists():
        return []
    return register_handlers(Register(index), chunks, profile, paper_words)
