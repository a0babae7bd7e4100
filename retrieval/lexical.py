"""BM25 over the same chunks as the vector store, with the project's one tokenizer."""

from __future__ import annotations

from collections.abc import Sequence

from rank_bm25 import BM25Okapi

from board.text import tokenize


class LexicalIndex:
    """BM25Okapi over chunk texts; ``search`` returns (position, score) best first."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._docs = [tokenize(t) for t in texts]
        self._bm25 = BM25Okapi(self._docs) if self._docs else None

    def search(
        self, query: str, k: int, allowed: Sequence[bool] | None = None
    ) -> list[tuple[int, float]]:
        terms = tokenize(query)
        if self._bm25 is None or not terms:
            return []
        scores = self._bm25.get_scores(terms)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        hits = [
            (i, float(scores[i]))
            for i in order
            if scores[i] > 0 and (allowed is None or allowed[i])
        ]
        return hits[:k]
