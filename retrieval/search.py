"""Hybrid retrieval: dense (vector store) and BM25 rankings fused by reciprocal rank."""

from __future__ import annotations

import bisect
import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from board.records import Chunk
from board.routing import Filters
from board.text import embedding_text, tokenize
from retrieval.embedder import Embedder
from retrieval.lexical import LexicalIndex
from retrieval.vectorstore import VectorStore

HEAD_PASSAGES = 2  # passages at a paper's start that name its body, date and place


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the evidence behind it."""

    chunk: Chunk
    score: float
    dense: float | None = None  # cosine similarity, when the dense retriever found it
    lexical: float | None = None  # BM25 score, when BM25 found it


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = 60
) -> list[tuple[str, float]]:
    """Fuse ranked id lists: score(id) = sum over lists of 1 / (k + rank), best first."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def passes(chunk: Chunk, filters: Filters) -> bool:
    """Whether a chunk is inside the user's date range and paper type."""
    if filters.paper_type and chunk.paper_type != filters.paper_type:
        return False
    if filters.date_from or filters.date_to:
        if chunk.meeting_date is None:
            return False
        if filters.date_from and chunk.meeting_date < filters.date_from:
            return False
        if filters.date_to and chunk.meeting_date > filters.date_to:
            return False
    return True


class Retriever:
    """Dense + BM25 search over the index's chunks."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        embedder: Embedder,
        store: VectorStore,
        candidates: int = 30,
        rrf_k: int = 60,
    ) -> None:
        self.chunks = list(chunks)
        self._papers: dict[str, str] | None = None
        self._file_dates: dict[str, str] | None = None
        self.by_id = {c.id: c for c in self.chunks}
        self.embedder = embedder
        self.store = store
        self.candidates = candidates
        self.rrf_k = rrf_k
        texts = [embedding_text(c) for c in self.chunks]
        self.lexical = LexicalIndex(texts)
        df: Counter[str] = Counter()
        for text in texts:
            df.update(set(tokenize(text)))
        self.doc_freq = df
        self._vocabulary = sorted(df)

    def knows(self, word: str) -> bool:
        """Whether any passage uses ``word`` in some form: a word sharing its first letters
        ('tarmac' for 'tarmacking'; all but the last four letters, five at least)."""
        if word in self.doc_freq:
            return True
        prefix = word[: min(len(word), max(5, len(word) - 4))]
        i = bisect.bisect_left(self._vocabulary, prefix)
        return i < len(self._vocabulary) and self._vocabulary[i].startswith(prefix)

    def paper_head(self, source: str) -> str:
        """The head of one paper (its titles and first passages): a body's name, its meeting's
        date and place are written there once, not in every passage."""
        if self._papers is None:
            parts: dict[str, list[str]] = {}
            for c in self.chunks:
                part = parts.setdefault(c.source, [c.doc_title])
                if len(part) < 1 + 2 * HEAD_PASSAGES:
                    part.extend((c.title, c.text))
            self._papers = {s: " ".join(dict.fromkeys(p)) for s, p in parts.items()}
        return self._papers.get(source, "")

    def file_date(self, source: str) -> str | None:
        """The latest meeting date in a file: a pack is the papers for its meeting, though it
        carries the minutes of the meeting before."""
        if self._file_dates is None:
            dates: dict[str, str] = {}
            for c in self.chunks:
                if c.meeting_date and c.meeting_date > dates.get(c.source, ""):
                    dates[c.source] = c.meeting_date
            self._file_dates = dates
        return self._file_dates.get(source)

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term no passage contains weighs most."""
        n = len(self.chunks) or 1
        return math.log(1.0 + n / (self.doc_freq.get(term, 0) + 0.5))

    def search(
        self,
        question: str,
        filters: Filters | None = None,
        k: int = 8,
        timings: dict[str, float] | None = None,
        vector: np.ndarray | None = None,
    ) -> list[Hit]:
        """The ``k`` best passages; ``vector`` is the question's embedding when the caller has it."""
        filters = filters or Filters()
        allowed_ids = {c.id for c in self.chunks if passes(c, filters)}
        t0 = time.perf_counter()
        if vector is None:
            vector = self.embedder.embed([question], "query")[0]
            if timings is not None:  # a caller that passes the vector timed its embedding
                timings["embed_query"] = (time.perf_counter() - t0) * 1000
        t1 = time.perf_counter()
        dense = self.store.search(vector, self.candidates, allowed=allowed_ids)
        t2 = time.perf_counter()
        mask = [c.id in allowed_ids for c in self.chunks]
        lexical = [
            (self.chunks[i].id, s) for i, s in self.lexical.search(question, self.candidates, mask)
        ]
        t3 = time.perf_counter()
        if timings is not None:
            timings["dense"] = (t2 - t1) * 1000
            timings["bm25"] = (t3 - t2) * 1000
        dense_scores = dict(dense)
        lexical_scores = dict(lexical)
        fused = reciprocal_rank_fusion([[i for i, _ in dense], [i for i, _ in lexical]], self.rrf_k)
        return [
            Hit(self.by_id[i], s, dense_scores.get(i), lexical_scores.get(i))
            for i, s in fused[:k]
            if i in self.by_id
        ]
