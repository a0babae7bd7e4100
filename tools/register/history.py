"""What became of a topic, and when the board last dealt with it: the decisions, actions and
papers about it, oldest first, each dated and cited.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from board.asks import RecordAsk
from board.records import ToolAnswer
from board.routing import Filters
from tools.register.answers import AnswerBuilder, call, count, follow_ups, long_date, overlaps
from tools.register.handler import RegisterHandler
from tools.register.records import span
from tools.register.tools import actions, decisions, timeline


class Timeline(RegisterHandler):
    """ "What happened to X?": every decision, action and paper about it, in date order."""

    name = "timeline"
    kinds = ("happened",)

    def answer(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
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


class LastDiscussed(RegisterHandler):
    """ "When did the board last discuss X?": the last meeting's paper, and the earlier ones."""

    name = "last_discussed"
    kinds = ("last_discussed",)

    def answer(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
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
