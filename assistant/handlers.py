"""The handlers a plan puts in order: each takes the question as read and answers it, or
returns None for the next one to try.

    answer = handler.run(question, context)   # Answer, or None: not mine to answer

A handler never reads the question's text for what it asks: that is in the `Question`
record (tests/test_question_read_once.py holds every function outside the reader to that).
Retrieval alone takes the text, to embed and score it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import numpy as np

from assistant.compose import NOT_FOUND
from assistant.figures import answer_figure
from assistant.fit import unknown_words
from assistant.reader import Reading, combine, read
from board.profile import BoardProfile
from board.question import Question, read_question
from board.records import Answer, ToolCall
from board.routing import Filters, Router
from board.settings import Settings
from retrieval.embedder import Embedder
from retrieval.search import Hit, Retriever


@dataclass
class Context:
    """What the handlers of one question share: the user's filters, the index, and the
    passages found for the question, searched once, when a handler first needs them."""

    question: Question
    filters: Filters
    retriever: Retriever
    embedder: Embedder
    settings: Settings
    profile: BoardProfile  # the board's: the names and places the passages are read with
    timings: dict[str, float] = field(default_factory=dict)

    @cached_property
    def vector(self) -> np.ndarray:
        t0 = time.perf_counter()
        vector = self.embedder.embed([self.question.text], "query")[0]
        self.timings["embed_query"] = (time.perf_counter() - t0) * 1000
        return vector

    @cached_property
    def hits(self) -> list[Hit]:
        top_k = self.settings.retrieval.top_k
        return self.retriever.search(
            self.question.text, self.filters, top_k, self.timings, self.vector
        )


class Handler(Protocol):
    """Answers the questions it can; None hands the question to the next in the plan."""

    name: str

    def run(self, question: Question, context: Context) -> Answer | None: ...


class RouterHandler:
    """A deterministic tool over a store built at ingest (the metric tables, the register):
    its answer counts only when it cites the papers."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.name = router.name

    def run(self, question: Question, context: Context) -> Answer | None:
        routed = self.router.route(question, context.filters)
        if routed is None or not routed.citations:
            return None
        return Answer(
            question.text,
            "not_found" if routed.status == "not_found" else "answered",
            routed.answer,
            routed.citations,
            routed.tool_calls,
            table_rows=routed.table_rows,
            chart=routed.chart,
        )


class ProseFigure:
    """A figure stated in a sentence, quoted, with any change between its two ends computed;
    for a figure only a table could give, "not in the papers" rather than a near sentence."""

    name = "prose_figure"

    def run(self, question: Question, context: Context) -> Answer | None:
        retriever = context.retriever
        figure = None
        if not unknown_words(question, retriever.knows):  # it hinges on a word no paper uses
            figure = answer_figure(
                question,
                context.hits,
                retriever.idf,
                chunks=retriever.chunks,
                min_support=context.settings.answer.min_support,
            )
        if figure is not None:
            return Answer(
                question.text, "answered", figure.answer, figure.citations, figure.tool_calls
            )
        if question.figure_only and not question.wants_figure:
            # "which month had the most ...": a figure only a table can give; sentences that
            # merely share its words would be a guess at a number.
            return Answer(question.text, "not_found", NOT_FOUND)
        return None


class Passages:
    """The reader over the retrieved passages: an answer of the type asked, cited, or "not in
    the papers" with its reason. It always answers, so it closes every plan."""

    name = "passages"

    def run(self, question: Question, context: Context) -> Answer:
        reading = self._read(question, context.hits, context)
        if question.parts:  # a compound question: each part is read too, against its own passages
            top_k = context.settings.retrieval.top_k
            reading = combine(
                reading,
                [
                    self._read(
                        read_question(part, context.profile),
                        context.retriever.search(part, context.filters, top_k),
                        context,
                    )
                    for part in question.parts
                ],
            )
        call = ToolCall(
            "read_passages",
            {
                "intent": question.intent,
                "answer_type": question.answer_type,
                "support": None if reading.support is None else round(reading.support, 3),
            },
            reading.reason,
        )
        return Answer(question.text, reading.status, reading.text, reading.citations, (call,))

    @staticmethod
    def _read(asked: Question, found: Sequence[Hit], context: Context) -> Reading:
        retriever, vector = context.retriever, context.vector

        def similarity(texts: Sequence[str]) -> list[float]:
            return [float(v @ vector) for v in context.embedder.embed(list(texts), "passage")]

        return read(
            asked,
            found,
            retriever.idf,
            similarity,
            retriever.paper_head,
            retriever.knows,
            min_support=context.settings.answer.min_passage_support,
            file_date=retriever.file_date,
            profile=context.profile,
        )
