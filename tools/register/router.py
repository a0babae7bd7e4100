"""RegisterRouter: 'what did the board decide about X', 'what actions did Y get', 'what happened
to X', 'who attended', 'when did the board last discuss X', answered from the register.

Answers are chronological, dated, and cite the minute (or paper) lines. The
router returns None for other questions, or when nothing in the register
matches, so the assistant falls back to passages.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from board.asks import RecordAsk
from board.errors import IndexMissing
from board.question import Question
from board.records import Chunk, ToolAnswer
from board.routing import Filters
from tools.register.answers import (
    AnswerBuilder,
    attendance_lines,
    call,
    count,
    follow_ups,
    long_date,
    overlaps,
)
from tools.register.questions import dates_in, meeting_in, meetings_named, owner_in
from tools.register.records import span
from tools.register.store import Register
from tools.register.tools import ChunkSource, actions, decisions, timeline

log = logging.getLogger(__name__)
MAX_LATER = 4  # papers after the decisions shown with "what did the board decide"
Handler = Callable[[RecordAsk, Filters], ToolAnswer | None]


class RegisterRouter:
    """The decisions and actions register as a router; cheap to build, chunks read when needed."""

    name = "register"

    def __init__(self, register: Register, chunks: ChunkSource = ()) -> None:
        self.register = register
        self._chunks = chunks

    @property
    def chunks(self) -> Sequence[Chunk]:
        source = self._chunks
        if callable(source):
            self._chunks = source = source()
        return source

    def route(self, question: Question, filters: Filters) -> ToolAnswer | None:
        """An answer from the register, or None: not a register question, or nothing matches."""
        ask = question.record
        if ask.kind is None or filters.paper_type not in (None, "minutes", "pack", "agenda"):
            return None
        handlers: dict[str, Handler] = {
            "attendance": self._attendance,
            "last_discussed": self._last_discussed,
            "happened": self._happened,
            "decided": self._decided,
            "actions": self._actions,
            "meeting_details": self._meeting_details,
            "meetings": self._meetings,
        }
        try:
            return handlers[ask.kind](ask, filters)
        except IndexMissing as exc:  # no register yet: the passages can still answer
            log.warning("register router skipped: %s", exc)
            return None

    def _decided(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        if ask.board_asked:
            return None  # what a report asked the Board to decide is in the report, not the minutes
        topic = ask.topic
        date_from, date_to = dates_in(ask, filters, self.register.meetings)
        asked_for_dates = (date_from, date_to) != (filters.date_from, filters.date_to)
        if not (topic or asked_for_dates or ask.all_decisions):
            return None  # "what decision was sought in the report?" is for the passages
        found = decisions(self.register, topic, date_from, date_to)
        if not found:
            return self._unminuted(ask, "decisions")
        out = AnswerBuilder()
        out.calls.append(
            call(
                "decisions",
                count(len(found), "decision"),
                topic=topic,
                date_from=date_from,
                date_to=date_to,
            )
        )
        about = f" on {topic}" if topic else ""
        out.lines.append(
            f"The minutes record {len(found)} decision{'s' * (len(found) != 1)}{about}:"
        )
        for d in found:
            out.lines.append(f"- {out.decision(d)}")
            out.rows.append(d.to_dict())
        if topic and self.chunks:
            last = found[-1].meeting_date
            entries = timeline(topic, self.chunks, date_from=found[0].meeting_date, date_to=date_to)
            later = [e for e in entries if e.paper_type != "minutes" or e.meeting_date > last]
            if later[:MAX_LATER]:
                out.calls.append(
                    call("timeline", f"{len(later[:MAX_LATER])} later papers", topic=topic)
                )
                out.lines.append("What the other papers record:")
                out.lines.extend(f"- {out.entry(e)}" for e in later[:MAX_LATER])
        return out.result()

    def _unminuted(self, ask: RecordAsk, what: str) -> ToolAnswer | None:
        """'Not recorded', with the agenda cited, when the question names a meeting the papers hold no minutes of."""
        held = meetings_named(ask, self.register.meetings)
        if len(held) != 1 or held[0].minuted:
            return None
        m = held[0]
        out = AnswerBuilder()
        out.calls.append(call("meeting", "agenda only", date=m.meeting_date))
        agenda = "; ".join(f"{i.number}. {i.title}" for i in m.agenda_items)
        n = out.cite(m.source, m.title, m.meeting_date, m.locator, agenda)
        out.lines.append(
            f"The papers hold only the agenda for the meeting of {long_date(m.meeting_date)}; "
            f"its minutes are not among them, so its {what} are not recorded [{n}]."
        )
        return replace(out.result(), status="not_found")

    def _actions(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        if ask.board_asked:
            return None
        owner = owner_in(ask, self.register.actions)
        topic = ask.topic
        if topic and owner:
            topic = re.sub(rf"\b{re.escape(owner)}\b", " ", topic).strip() or None
        status = ask.status
        date_from, date_to = dates_in(ask, filters, self.register.meetings)
        found = actions(self.register, owner, topic, status, date_from, date_to)
        if not found and owner and topic:
            # The owner's actions at that meeting, when none of them is on the topic as asked.
            topic = None
            found = actions(self.register, owner, None, status, date_from, date_to)
        if not found:
            return None
        out = AnswerBuilder()
        out.calls.append(
            call(
                "actions",
                count(len(found), "action"),
                owner=owner,
                topic=topic,
                status=status,
                date_from=date_from,
                date_to=date_to,
            )
        )
        when = (
            f" from the meeting of {long_date(date_from)}"
            if date_from and date_from == date_to
            else ""
        )
        about = f" on {topic}" if topic and not owner else ""
        who = f" for {owner}" if owner else ""
        state = f" {status}" if status else ""
        plural = "s" * (len(found) != 1)
        out.lines.append(f"{len(found)}{state} action{plural}{who}{about}{when} in the minutes:")
        for a in found:
            out.lines.append(f"- {out.action(a, show_owner=not owner)}")
            out.rows.append(a.to_dict())
        return out.result()

    def _happened(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        topic = ask.topic
        if not topic:
            return None
        date_from, date_to = filters.date_from, filters.date_to
        entries = (
            timeline(topic, self.chunks, date_from=date_from, date_to=date_to)
            if self.chunks
            else []
        )
        found_decisions = decisions(self.register, topic, date_from, date_to)
        found_actions = actions(self.register, topic=topic, date_from=date_from, date_to=date_to)
        found_actions += [
            a for a in follow_ups(found_decisions, self.register.actions) if a not in found_actions
        ]
        if not (entries or found_decisions or found_actions):
            return None
        out = AnswerBuilder()
        out.calls.extend(
            [
                call("timeline", count(len(entries), "entry"), topic=topic),
                call("decisions", count(len(found_decisions), "decision"), topic=topic),
                call("actions", count(len(found_actions), "action"), topic=topic),
            ]
        )
        out.lines.append(f"What the papers record about {topic}, oldest first:")
        events: list[tuple[str, int, int, Callable[[], str]]] = []
        for d in found_decisions:
            events.append((d.meeting_date, 0, span(d.locator)[0], partial(out.decision, d)))
            out.rows.append(d.to_dict())
        for a in found_actions:
            events.append((a.meeting_date, 1, span(a.locator)[0], partial(out.action, a, True)))
            out.rows.append(a.to_dict())
        for e in entries:
            if not overlaps(e, [*found_decisions, *found_actions]):
                events.append((e.meeting_date, 2, span(e.locator)[0], partial(out.entry, e)))
        # Citations are numbered as the lines are rendered, so render in date order.
        events.sort(key=lambda ev: ev[:3])
        out.lines.extend(f"- {render()}" for *_, render in events)
        return out.result()

    def _last_discussed(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        topic = ask.topic
        if not topic or not self.chunks:
            return None
        entries = timeline(topic, self.chunks, date_from=filters.date_from, date_to=filters.date_to)
        if not entries:
            return None
        out = AnswerBuilder()
        out.calls.append(call("timeline", count(len(entries), "entry"), topic=topic))
        # Of the last meeting's papers, the first in paper order (minutes, report, agenda, …).
        last = next(e for e in entries if e.meeting_date == entries[-1].meeting_date)
        n = out.cite_entry(last)
        out.lines.append(
            f"The papers last deal with {topic} for the meeting of {long_date(last.meeting_date)} "
            f"({last.title}): {last.text} [{n}]"
        )
        earlier: dict[str, int] = {}
        for e in entries:
            if e.meeting_date < last.meeting_date and e.meeting_date not in earlier:
                earlier[e.meeting_date] = out.cite_entry(e)
        if earlier:
            dated = ", ".join(f"{long_date(d)} [{k}]" for d, k in earlier.items())
            out.lines.append(f"Earlier: {dated}.")
        out.rows.extend(e.to_dict() for e in entries)
        return out.result()

    def _attendance(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        if not ask.about_a_meeting and ask.date == (None, None):
            return None  # "who attended the conference?" is not about a board meeting
        held = meetings_named(ask, self.register.meetings)
        if not held:
            last = meeting_in(ask, filters, self.register.meetings)
            held = [last] if last and ask.date == (None, None) else []
        if not held:
            return None
        out = AnswerBuilder()
        for found in held:
            out.calls.append(call("meeting", "found", date=found.meeting_date))
            out.rows.append(found.to_dict())
            attendance_lines(found, out)
        if not any(m.minuted for m in held) and not ask.chair:
            # Only an agenda: who attended is not in the papers, and the answer says so.
            return replace(out.result(), status="not_found")
        chairs = {m.chair for m in held if m.minuted}
        if len(held) > 1 and len(chairs) == 1 and None not in chairs:
            out.lines.append(f"The same chairman, {chairs.pop()}, chaired each of these meetings.")
        return out.result()

    def _meeting_details(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        if ask.not_recorded:
            return None
        held = meetings_named(ask, self.register.meetings)
        if len(held) != 1:
            return None  # "the meeting for this agenda pack": which one is for the passages
        found = held[0]
        out = AnswerBuilder()
        out.calls.append(call("meeting", "found", date=found.meeting_date))
        out.rows.append(found.to_dict())
        if ask.next_meeting:
            if not (found.next_meeting and found.next_meeting_locator):
                return None
            n = out.cite(
                found.source,
                found.title,
                found.meeting_date,
                found.next_meeting_locator,
                found.next_meeting_text,
            )
            out.lines.append(
                f"The papers for the meeting of {long_date(found.meeting_date)} set the next "
                f"meeting for {long_date(found.next_meeting)}: {found.next_meeting_text} [{n}]"
            )
            return out.result()
        if not found.venue or not found.header_locator:
            return None
        n = out.cite(
            found.header_source or found.source,
            found.title,
            found.meeting_date,
            found.header_locator,
            ", ".join(x for x in (long_date(found.meeting_date), found.time, found.venue) if x),
        )
        at = f" at {found.time}" if found.time else ""
        out.lines.append(
            f"The meeting of {long_date(found.meeting_date)} was held{at} at {found.venue} [{n}]."
        )
        return out.result()

    def _meetings(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        found = [
            m
            for m in self.register.meetings
            if (not filters.date_from or m.meeting_date >= filters.date_from)
            and (not filters.date_to or m.meeting_date <= filters.date_to)
        ]
        if not found:
            return None
        out = AnswerBuilder()
        out.calls.append(call("meetings", count(len(found), "meeting")))
        out.lines.append(f"The papers record {len(found)} meetings:")
        for m in found:
            paper = "minutes" if m.minuted else "agenda only"
            venue = f", {m.venue}" if m.venue else ""
            n = out.cite(m.source, m.title, m.meeting_date, m.locator, m.title)
            out.lines.append(f"- {long_date(m.meeting_date)}{venue} ({paper}) [{n}]")
            out.rows.append(m.to_dict())
        return out.result()
