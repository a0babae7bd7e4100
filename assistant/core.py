"""The one core object the CLI, the app and the evaluation harness all drive."""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from assistant.derived import derived_stores, load_routers
from assistant.handlers import Context, Handler, Passages, ProseFigure, RouterHandler
from assistant.library import add_files, paper_rows, remove_file
from assistant.plan import check_plan, plan_for
from board.errors import IngestError
from board.followups import Turn
from board.profile import BoardProfile, load_profile
from board.question import Question
from board.reading import read
from board.records import Answer, Chunk, ToolCall
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
        check_plan(self.settings.plan)
        # The board's particulars are read before any paper or question is.
        self.profile: BoardProfile = load_profile(self.settings.profile_path)
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
        corpus = self.settings.corpus
        report = ingest(
            list(paths) if paths else [corpus],
            self.index_path,
            self.embedder,
            self.store,
            corpus=None if paths else corpus,
            profile=self.profile,
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
        return paper_rows(self.index_path, self.profile, self.last_failures)

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
                self._routers = load_routers(self.index_path, chunks, self.profile)
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
        started = time.perf_counter()
        turns = [
            Turn(h.asked, h.answer) if isinstance(h, Answer) else h
            for h in history
            if not (isinstance(h, Answer) and _unresolved(h))
        ]
        # This assistant's own limit, whatever the process's settings say (QuestionError).
        limit = self.settings.answer.max_question_chars
        read_as = read(question, self.profile, turns, max_chars=limit)
        if read_as.unresolved is not None:
            call = ToolCall("resolve_follow_up", {"question": question}, read_as.unresolved)
            return Answer(question, "not_found", read_as.unresolved, (), (call,), {"total": 0.0})
        answer = self._answer(read_as, filters or Filters(), started)
        if read_as.understood is None:
            return answer
        call = ToolCall(
            "resolve_follow_up",
            {"question": question, "previous": turns[-1].question},
            read_as.understood,
        )
        return replace(
            answer,
            question=question,
            answer=f"Taking this as: “{read_as.understood}” {answer.answer}",
            tool_calls=(call, *answer.tool_calls),
            understood=read_as.understood,
        )

    @property
    def handlers(self) -> dict[str, Handler]:
        """Every handler a plan may name, over this index's stores (the routers reload with it)."""
        tools: list[Handler] = [RouterHandler(r) for r in self.routers]
        return {h.name: h for h in [*tools, ProseFigure(), Passages()]}

    def _answer(self, question: Question, filters: Filters, started: float) -> Answer:
        """Plan by the question's intent and let its handlers answer in turn (``started``: when
        the reading began, for the total time)."""
        context = Context(
            question, filters, self.retriever, self.embedder, self.settings, self.profile
        )
        answer: Answer | None = None
        for handler in plan_for(question, self.settings.plan, self.handlers):
            t0 = time.perf_counter()
            answer = handler.run(question, context)
            context.timings[handler.name] = (time.perf_counter() - t0) * 1000
            if answer is not None:
                break
        if answer is None:  # cannot happen: the passage reader closes every plan and answers
            raise RuntimeError(f"no handler answered a question planned as {question.intent}")
        context.timings["total"] = (time.perf_counter() - started) * 1000
        return replace(answer, timings_ms=context.timings)


def _unresolved(answer: Answer) -> bool:
    """A turn whose follow-up could not be read: no later question builds on it."""
    return answer.status == "not_found" and any(
        c.name == "resolve_follow_up" for c in answer.tool_calls
    )


@functools.lru_cache(maxsize=4)
def _register_as_of(path: Path, modified_ns: int | None) -> Register:
    del modified_ns  # part of the cache key only: a rewritten register is read afresh
    return Register(path)
