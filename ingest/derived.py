"""Stores derived from the parsed papers at ingest and the routers that answer from them.

Each is rebuilt whole when any paper changes (or its file is missing) and read
back through a router that the assistant tries before passage retrieval.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.records import Chunk
from assistant.routing import Router
from ingest.pipeline import DerivedStore
from tools.register import load_router as load_register_router
from tools.register import register_builder

DERIVED_STORES: list[DerivedStore] = [
    DerivedStore("register of decisions and actions", "register.json", register_builder),
]


def load_routers(index: Path, chunks: Sequence[Chunk]) -> list[Router]:
    """The deterministic routers over the index's derived stores, in the order they are tried."""
    routers: list[Router | None] = [load_register_router(index, chunks)]
    return [r for r in routers if r is not None]
