"""Vector stores: ``add`` / ``search`` / ``delete`` / ``ids``. Chroma on disk; an in-memory one for tests."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from board.errors import BackendError

log = logging.getLogger(__name__)
COLLECTION = "board_chunks"


class VectorStore(Protocol):
    """Stores one vector per chunk id; finds the nearest ids to a query vector."""

    def add(
        self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]]
    ) -> None: ...

    def search(
        self, vector: np.ndarray, k: int, allowed: set[str] | None = None
    ) -> list[tuple[str, float]]: ...

    def delete(self, ids: Sequence[str]) -> None: ...

    def ids(self) -> set[str]: ...


class ChromaStore:
    """A Chroma PersistentClient collection with cosine distance, opened on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._collection: Any = None

    @property
    def collection(self) -> Any:
        if self._collection is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            try:
                self.path.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(
                    path=str(self.path), settings=ChromaSettings(anonymized_telemetry=False)
                )
                # No embedding function: vectors always come from our own embedder.
                self._collection = client.get_or_create_collection(
                    COLLECTION, metadata={"hnsw:space": "cosine"}, embedding_function=None
                )
            except Exception as exc:
                raise BackendError(
                    f"could not open the vector store at {self.path}: {exc}"
                ) from exc
        return self._collection

    def add(
        self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]]
    ) -> None:
        if not ids:
            return
        clean = [{k: v for k, v in m.items() if v is not None} for m in metadatas]
        step = 1000
        for i in range(0, len(ids), step):
            self.collection.upsert(
                ids=list(ids[i : i + step]),
                embeddings=vectors[i : i + step].tolist(),
                metadatas=clean[i : i + step],
            )

    def search(
        self, vector: np.ndarray, k: int, allowed: set[str] | None = None
    ) -> list[tuple[str, float]]:
        total = self.collection.count()
        if total == 0:
            return []
        # Over-fetch by the number of ids that may be filtered out (other papers' dates,
        # leftovers of an interrupted ingest), so k allowed hits come back when they exist.
        n = min(total, k + max(0, total - len(allowed)) if allowed is not None else k)
        result = self.collection.query(
            query_embeddings=[vector.tolist()], n_results=n, include=["distances"]
        )
        hits = [
            (i, 1.0 - float(d))
            for i, d in zip(result["ids"][0], result["distances"][0], strict=True)
        ]
        if allowed is not None:
            hits = [h for h in hits if h[0] in allowed]
        return hits[:k]

    def delete(self, ids: Sequence[str]) -> None:
        if ids:
            self.collection.delete(ids=list(ids))

    def ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])


class MemoryStore:
    """Exact cosine search over vectors held in memory (tests, small corpora)."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def add(
        self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]]
    ) -> None:
        for i, v in zip(ids, vectors, strict=True):
            self._vectors[i] = np.asarray(v, dtype=np.float32)

    def search(
        self, vector: np.ndarray, k: int, allowed: set[str] | None = None
    ) -> list[tuple[str, float]]:
        ids = [i for i in self._vectors if allowed is None or i in allowed]
        if not ids:
            return []
        matrix = np.stack([self._vectors[i] for i in ids])
        scores = matrix @ vector
        order = np.argsort(-scores)[:k]
        return [(ids[j], float(scores[j])) for j in order]

    def delete(self, ids: Sequence[str]) -> None:
        for i in ids:
            self._vectors.pop(i, None)

    def ids(self) -> set[str]:
        return set(self._vectors)
