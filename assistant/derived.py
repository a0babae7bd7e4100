"""Stores derived from the parsed papers at ingest and the routers that answer from them.

Each is rebuilt whole when any paper changes (or its file is missing) and read
back through a router that the assistant tries before passage retrieval:
metric tables first (figure questions), then the register of decisions and
actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from board.profile import BoardProfile
from board.records import Chunk
from board.routing import Router
from ingest.pipeline import DerivedStore, Parsed, code_fingerprint
from tools.paper_words import PaperWords
from tools.register import load_handlers as register_handlers
from tools.register import register_builder
from tools.tables import (
    STORE_NAME,
    TableStore,
    build_table_store,
    extract_tables,
    tables_summary,
)
from tools.tables.router import table_handlers


def tables_builder(
    parsed: Sequence[Parsed], chunks: Sequence[Chunk], index: Path, profile: BoardProfile
) -> str:
    """Extract every paper's tables into ``<index>/tables.duckdb``, read under ``profile``."""
    del chunks  # tables are read from sections, where rows keep their line numbers
    tables = extract_tables([s for _, sections in parsed for s in sections], profile)
    build_table_store(index / STORE_NAME, tables)
    return f"tables: {tables_summary(tables)}"


def derived_stores(profile: BoardProfile) -> list[DerivedStore]:
    """The stores built at ingest; each is rebuilt when its extracting code or the profile changes."""
    return [
        DerivedStore(
            "metric tables",
            STORE_NAME,
            partial(tables_builder, profile=profile),
            code_fingerprint("tools.tables.extract", "tools.tables.store") + profile.fingerprint,
        ),
        DerivedStore(
            "register of decisions and actions",
            "register.json",
            partial(register_builder, profile=profile),
            code_fingerprint("tools.register.store") + profile.fingerprint,
        ),
    ]


def load_routers(index: Path, chunks: Sequence[Chunk], profile: BoardProfile) -> list[Router]:
    """The deterministic handlers over the index's derived stores (the plan orders them)."""
    tables = index / STORE_NAME
    store = TableStore(tables, profile=profile)
    words = PaperWords(chunks)  # read once, on first use, by the tables and the register alike
    routers: list[Router] = [*table_handlers(store, chunks, words)] if tables.exists() else []
    return [*routers, *register_handlers(index, chunks, profile, words)]
