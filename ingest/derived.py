"""Stores derived from the parsed papers at ingest (metric tables, the register) and their routers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.records import Chunk
from assistant.routing import Router
from ingest.pipeline import DerivedBuilder

DERIVED_BUILDERS: list[DerivedBuilder] = []


def load_routers(index: Path, chunks: Sequence[Chunk]) -> list[Router]:
    """The deterministic routers over the index's derived stores, tried in order before passages."""
    return []
