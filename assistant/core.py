"""The one core object the CLI, the app and the evaluation harness all drive."""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from assistant.compose import NOT_FOUND
from assistant.conversation import Turn, resolve
from assistant.derived import derived_stores, load_routers
from assistant.figures import answer_figure, asks_for_figure
from assistant.library import add_files, paper_rows, remove_file
from assistant.reader import Reading, combine, read, unknown_words
from board.errors import IngestError
from board.profile import BoardProfile, activate, load_profile
from board.question import Question, checked_question, question_parts, read_question
from board.records import Answer, Chunk, ToolAnswer, ToolCall
from board.routing import Filters, Router
from board.settings import Settings, get_settings
from ingest.pipeline import ingest
from retrieval.embedder import Embedder, make_embedder
from retrieval.index import CHROMA_DIR, STATE_FILE, read_chunks
from retrieval.search import Hit, Retriever
from retrieval.vectorstore import ChromaStore, VectorStore
from tools.register import Register
from tools.register.store import register_path

log = logging.getLogger(__name__)


class BoardAssistant:
    """Ingests board papers and answers questions about them with citations.

    Dependencies are parameters with defaults from settings: tests pass a fake
    embedder and an in-memory store; the app passes nothing. The model, the
    vector store and the routers load on first use, once.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        store: VectorStore | None = None,
        routers: Sequence[Router] | None = None,
    ) -> None:
        self.settings = settings or get_settings()
        # The board's particulars are read before any paper or question is.
        self.profile: BoardProfile = load_profile(self.settings.profile_path)
        activate(self.profile)
        self.embedder = embedder or make_embedder(self.settings.embedding)
        self.store = store or ChromaStore(self.settings.index / CHROMA_DIR)
        self._given_routers = list(routers) if routers is not None else None
        self._routers = self._given_routers
        self._retriever: Retriever | None = None
        self._loaded: int | None = None  # the index's stamp when the retriever was read
        self._lock = threading.RLock()
        self.last_failures: list[IngestError] = []  # what the last ingest could not read

    @property
    def index_path(self) -> Path:
        return self.settings.index

    def ingest(self, paths: Sequence[Path] | None = None, progress=None):  # type: ignore[no-untyped-def]
        """Bring the index up to date with the corpus (or the given files); returns the IngestReport."""
        activate(self.profile)
        corpus = self.settings.corpus
        report = ingest(
            list(paths) if paths else [corpus],
            self.index_path,
            self.embedder,
            self.store,
            corpus=None if paths else corpus,
            derived=derived_stores(self.profile),
            progress=progress,
        )
        with self._lock:
            # The next question sees the new index.
            self._retriever = None
            self._routers = self._given_routers
            self.last_failures = list(report.failures)
        return report

    @property
    def register(self) -> Register:
        """The index's register of meetings, decisions and actions, read again after a re-index."""
        path = register_path(self.index_path)
        return _register_as_of(path, path.stat().st_mtime_ns if path.exists() else None)

    def papers(self) -> list[dict[str, object]]:
        """The papers in the index, with their counts, and the files the last ingest refused."""
        return paper_rows(self.index_path, self.last_failures)

    def add_papers(self, uploads: Sequence[Path], replace: bool = False, progress=None):  # type: ignore[no-untyped-def]
        """Copy files into the corpus under safe names and re-index: (outcomes, IngestReport)."""
        outcomes = add_files(self.settings.corpus, uploads, replace)
        return outcomes, self.ingest(progress=progress)

    def remove_paper(self, name: str, progress=None):  # type: ignore[no-untyped-def]
        """Delete one paper from the corpus and re-index: (message, IngestReport)."""
        message = remove_file(self.settings.corpus, name)
        return message, self.ingest(progress=progress)

    def _index_stamp(self) -> int | None:
        """Changes whenever an ingest (in this process or another) rewrites the index."""
        try:
            return (self.index_path / STATE_FILE).stat().st_mtime_ns
        except OSError:
            return None

    @property
    def retriever(self) -> Retriever:
        with self._lock:
            stamp = self._index_stamp()
            if self._retriever is not None and stamp != self._loaded:
                # Another process re-indexed: answer from the new index from now on.
                self._retriever = None
                self._routers = self._given_routers
            if self._retriever is None:
                self._loaded = stamp
                chunks = read_chunks(self.index_path)
                r = self.settings.retrieval
                self._retriever = Retriever(
                    chunks, self.embedder, self.store, r.candidates, r.rrf_k
                )
            return self._retriever

    @property
    def chunks(self) -> list[Chunk]:
        return self.retriever.chunks

    @property
    def routers(self) -> list[Router]:
        with self._lock:
            chunks = self.chunks  # notices a re-index first, which drops stale routers
            if self._routers is None:
                self._routers = load_routers(self.index_path, chunks)
            return self._routers

    def search(
        self, question: str, filters: Filters | None = None, k: int | None = None
    ) -> list[Hit]:
        """Ranked passages for a question."""
        return self.retriever.search(question, filters, k or self.settings.retrieval.top_k)

    def ask(
        self,
        question: str,
        filters: Filters | None = None,
        *,
        history: Sequence[Answer | Turn] = (),
    ) -> Answer:
        """Answer a question, reading a follow-up against the earlier turns; never a guess."""
        activate(self.profile)
        # This assistant's own limit, whatever the process's settings say (QuestionError).
        checked_question(question, self.settings.answer.max_question_chars)
        turns = [
            Turn(h.asked, h.answer) if isinstance(h, Answer) else h
            for h in history
            if not (isinstance(h, Answer) and _unresolved(h))
        ]
        resolution = resolve(question, turns)
        if resolution.unresolved is not None:
            call = ToolCall("resolve_follow_up", {"question": question}, resolution.unresolved)
            return Answer(question, "not_found", resolution.unresolved, (), (call,), {"total": 0.0})
        answer = self._answer(resolution.question, filters or Filters())
        if resolution.understood is None:
            return answer
        call = ToolCall(
            "resolve_follow_up",
            {"question": question, "previous": turns[-1].question},
            resolution.understood,
        )
        return replace(
            answer,
            question=question,
            answer=f"Taking this as: “{resolution.understood}” {answer.answer}",
            tool_calls=(call, *answer.tool_calls),
            understood=resolution.understood,
        )

    def _answer(self, question: str, filters: Filters) -> Answer:
        """Answer from the tools when they recognise the question, else from passages."""
        question = " ".join(question.split())
        timings: dict[str, float] = {}
        started = time.perf_counter()
        if not question:
            return Answer(
                question,
                "not_found",
                "Please ask a question about the board papers.",
                timings_ms={"total": 0.0},
            )
        retriever = self.retriever
        for router in self.routers:
            t0 = time.perf_counter()
            routed: ToolAnswer | None = router.route(question, filters)
            timings[f"tool_{router.name}"] = (time.perf_counter() - t0) * 1000
            if routed is not None and routed.citations:
                timings["total"] = (time.perf_counter() - started) * 1000
                return Answer(
                    question,
                    "not_found" if routed.status == "not_found" else "answered",
                    routed.answer,
                    routed.citations,
                    routed.tool_calls,
                    timings,
                    routed.table_rows,
                    routed.chart,
                )
        t0 = time.perf_counter()
        question_vector = self.embedder.embed([question], "query")[0]
        timings["embed_query"] = (time.perf_counter() - t0) * 1000
        hits = retriever.search(
            question, filters, self.settings.retrieval.top_k, timings, question_vector
        )
        t0 = time.perf_counter()
        a = self.settings.answer
        record = read_question(question)
        # A figure stated in a sentence is quoted (and any change computed) before composing,
        # unless the question hinges on a word no paper uses.
        figure = (
            None
            if unknown_words(record, retriever.knows)
            else answer_figure(
                question, hits, retriever.idf, chunks=retriever.chunks, min_support=a.min_support
            )
        )
        if figure is not None:
            timings["figure"] = (time.perf_counter() - t0) * 1000
            timings["total"] = (time.perf_counter() - started) * 1000
            return Answer(
                question, "answered", figure.answer, figure.citations, figure.tool_calls, timings
            )
        if asks_for_figure(question) and not record.wants_figure:
            # "which month had the most ...": a figure only a table can give; sentences that
            # merely share its words would be a guess at a number.
            timings["total"] = (time.perf_counter() - started) * 1000
            return Answer(question, "not_found", NOT_FOUND, (), (), timings)

        def similarity(texts: Sequence[str]) -> list[float]:
            return [float(v @ question_vector) for v in self.embedder.embed(list(texts), "passage")]

        def read_record(asked: Question, found: Sequence[Hit]) -> Reading:
            return read(
                asked,
                found,
                retriever.idf,
                similarity,
                retriever.paper_head,
                retriever.knows,
                min_support=a.min_passage_support,
                file_date=retriever.file_date,
            )

        reading = read_record(record, hits)
        parts = question_parts(question)
        if parts:  # a compound question: each part is read too, against its own passages
            part_readings = []
            for part in parts:
                asked = read_question(part)
                found = retriever.search(part, filters, self.settings.retrieval.top_k)
                part_readings.append(read_record(asked, found))
            reading = combine(reading, part_readings)
        timings["read"] = (time.perf_counter() - t0) * 1000
        timings["total"] = (time.perf_counter() - started) * 1000
        call = ToolCall(
            "read_passages",
            {
                "intent": record.intent,
                "answer_type": record.answer_type,
                "support": None if reading.support is None else round(reading.support, 3),
            },
            reading.reason,
        )
        return Answer(
            question,
            reading.status,
            reading.text,
            reading.citations,
            (call,),
            timings,  # type: ignore[arg-type]
        )


def _unresolved(answer: Answer) -> bool:
    """A turn whose follow-up could not be read: no later question builds on it."""
    return answer.status == "not_found" and any(
        c.name == "resolve_follow_up" for c in answer.tool_calls
    )


@functools.lru_cache(maxsize=4)
def _register_as_of(path: Path, modified_ns: int | None) -> Register:
    del modified_ns  # part of the cache key only: a rewritten register is read afresh
    return Register(path)
