"""What every register handler shares: it answers only the kind of record question it is for
("what did the board decide", "who attended"), from minutes, packs or agendas, and a
register not built yet hands the question on rather than failing.

    class Decisions(RegisterHandler):
        name, kinds = "decisions", ("decided",)
        def answer(self, ask, filters): ...   # ToolAnswer, or None for the plan's next handler

Answers are chronological, dated, and cite the minute (or paper) lines; None when nothing
in the register matches, so the assistant falls back to passages.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from board.asks import RecordAsk
from board.errors import IndexMissing
from board.profile import BoardProfile
from board.question import Question
from board.records import Chunk, ToolAnswer
from board.routing import Filters
from board.text import tokenize
from tools.paper_words import PaperWords
from tools.register.answers import AnswerBuilder
from tools.register.beside import answering, item_of, pointed_back_to
from tools.register.records import Action, Decision
from tools.register.store import Register
from tools.register.tools import ChunkSource

log = logging.getLogger(__name__)


def record_text(record: Decision | Action) -> str:
    return record.text if isinstance(record, Decision) else record.task


_PAPERS = (None, "minutes", "pack", "agenda")  # the paper types the register is read from


class RegisterHandler:
    """One kind of question of the minutes' record, answered from the register; cheap to
    build, the papers' chunks read when first needed."""

    name = "register"
    kinds: tuple[str, ...] = ()  # the record kinds (board/asks.py) it answers

    def __init__(
        self,
        register: Register,
        chunks: ChunkSource = (),
        profile: BoardProfile | None = None,
        paper_words: PaperWords | None = None,
    ) -> None:
        self.register = register
        self._chunks = chunks
        self.bodies = profile.deciding_bodies if profile else frozenset()
        self._paper_words = paper_words

    @property
    def chunks(self) -> Sequence[Chunk]:
        source = self._chunks
        if callable(source):
            self._chunks = source = source()
        return source

    def _beside(self, out: AnswerBuilder, record: Decision | Action, ask: RecordAsk) -> None:
        """What the record's minute says beside it: the sentence an action's short task points
        back to, and the sentence answering the rest of the question ("…, and what do they
        cost?"), each cited at its lines."""
        item = item_of(self.register.items, record)
        if item is None:
            return
        found = [pointed_back_to(item, record) if isinstance(record, Action) else None]
        said = record_text(record)
        missing = [w for w in ask.also if w not in tokenize(said)]
        found.append(answering(item, record, missing))
        shown: set[str] = set()
        for beside in found:
            if beside is None or beside.locator in shown or beside.text in said:
                continue
            shown.add(beside.locator)
            n = out.cite(
                record.source, record.paper_title, record.meeting_date, beside.locator, beside.text
            )
            out.lines.append(f"  The minute also says: {beside.text} [{n}]")

    def minutes_silent_on(self, topic: str | None) -> bool:
        """Whether the papers that write most of the topic's words are none of them minutes the
        register read ("SSA #21's budget" when SSA #21's minutes could not be read): the
        register's nearest records would be about something else."""
        if not topic or not self.chunks:
            return False
        if self._paper_words is None:
            self._paper_words = PaperWords(self.chunks)
        papers = self._paper_words.most_of(tokenize(topic))
        minuted = {m.source for m in self.register.meetings if m.minuted}
        return papers is not None and not papers & minuted

    def decides(self, who: str | None) -> bool:
        """Whether the body a question says decided is one whose minutes the register read:
        "the board", "the councillors", or a name the minutes' heads write ("Milburn"); not
        "the steering group", whose decision a report tells of."""
        if who is None or re.sub(r"^(?:the|all)\s+", "", who.lower()) in self.bodies:
            return True
        words = set(tokenize(who))
        return any(
            words <= set(tokenize(f"{m.head} {m.title}"))
            for m in self.register.meetings
            if m.minuted
        )

    def topic_of(self, ask: RecordAsk) -> str | None:
        """The question's topic without the name of the body that met ("North Star move from
        savings to checking" is about moving from savings to checking): minutes rarely write
        their own body's name beside a decision."""
        topic = ask.topic
        for name in ask.names:
            if topic and name in topic and self.decides(name) and tokenize(name):
                topic = " ".join(topic.replace(name, " ").split()) or None
        return topic if topic and tokenize(topic) else ask.topic

    def route(self, question: Question, filters: Filters) -> ToolAnswer | None:
        ask = question.record
        if ask.kind not in self.kinds or filters.paper_type not in _PAPERS:
            return None
        try:
            return self.answer(ask, filters)
        except IndexMissing as exc:  # no register yet: the passages can still answer
            log.warning("%s skipped: %s", self.name, exc)
            return None

    def answer(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        raise NotImplementedError
