"""The index folder: the chunk list, per-file state, the vector store and BM25.

``chunks.jsonl`` and ``state.json`` are replaced atomically, and vectors of
removed chunks are deleted only after that, so an interrupted ingest leaves
the previous index whole and usable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from board.errors import IndexMissing
from board.files import atomic_write_text
from board.records import Chunk, Document

CHUNKS_FILE = "chunks.jsonl"
STATE_FILE = "state.json"
CHROMA_DIR = "chroma"
FORMAT_VERSION = 1


@dataclass
class FileState:
    """What the index holds for one file."""

    document: Document
    chunk_ids: list[str]
    pages: int = 0
    path: str = ""  # where the file was read from
    ingested: str = ""  # when its present content was first indexed (ISO, UTC)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "chunk_ids": self.chunk_ids,
            "pages": self.pages,
            "path": self.path,
            "ingested": self.ingested,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FileState:
        return cls(
            Document.from_dict(data["document"]),
            list(data["chunk_ids"]),
            data.get("pages", 0),
            data.get("path", ""),
            data.get("ingested", ""),
        )


@dataclass
class IndexState:
    """The index's manifest: which embedder built it and what each file contributed."""

    embedder: str = ""
    chunker: str = ""
    files: dict[str, FileState] = field(default_factory=dict)
    derived: dict[str, str] = field(
        default_factory=dict
    )  # derived store name -> code version built

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "embedder": self.embedder,
            "chunker": self.chunker,
            "files": {k: v.to_dict() for k, v in sorted(self.files.items())},
            "derived": self.derived,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexState:
        if data.get("version") != FORMAT_VERSION:
            return cls()
        files = {k: FileState.from_dict(v) for k, v in data.get("files", {}).items()}
        return cls(
            data.get("embedder", ""), data.get("chunker", ""), files, dict(data.get("derived", {}))
        )


def read_state(index: Path) -> IndexState:
    path = index / STATE_FILE
    if not path.exists():
        return IndexState()
    try:
        return IndexState.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, KeyError, TypeError):
        return IndexState()  # unreadable state: rebuild


def read_chunks(index: Path) -> list[Chunk]:
    """The chunks of the current index; IndexMissing when nothing has been ingested."""
    path = index / CHUNKS_FILE
    if not path.exists():
        raise IndexMissing(f"no index at {index}: run `boardqa ingest` first")
    with path.open(encoding="utf-8") as fh:
        return [Chunk.from_dict(json.loads(line)) for line in fh if line.strip()]


def write_index_files(index: Path, chunks: Iterable[Chunk], state: IndexState) -> None:
    """Swap in the new chunk list, then the new state (the state names the chunk list's files)."""
    atomic_write_text(index / CHUNKS_FILE, "".join(json.dumps(c.to_dict()) + "\n" for c in chunks))
    atomic_write_text(index / STATE_FILE, json.dumps(state.to_dict(), indent=1))
