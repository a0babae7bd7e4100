"""Adapters for the ingest pipeline: a derived-store builder and the router loader."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from board.records import Chunk, Document, Section
from tools.register.router import RegisterRouter
from tools.register.store import Register, compile_register, register_path, write_register


def register_builder(
    parsed: Sequence[tuple[Document, Sequence[Section]]], chunks: Sequence[Chunk], index: Path
) -> str:
    """An ``ingest.pipeline.DerivedBuilder``: rebuild ``<index>/register.json`` from the papers."""
    del chunks  # the register reads sections; chunks serve the timeline at question time
    data = compile_register([sections for _, sections in parsed])
    write_register(register_path(index), data)
    return (
        f"register: {len(data.meetings)} meetings, {len(data.decisions)} decisions, "
        f"{len(data.actions)} actions"
    )


def load_router(index: Path, chunks: Sequence[Chunk]) -> RegisterRouter | None:
    """The router for ``assistant.derived.load_routers``; None before the register is built."""
    if not register_path(index).exists():
        return None
    return RegisterRouter(Register(index), chunks)
