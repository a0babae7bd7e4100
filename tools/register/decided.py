"""What the board decided, and who was asked to do what: the decisions and actions of the
minutes, on a topic, of an owner, at a meeting, with what the later papers record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from board.asks import RecordAsk
from board.dates import meeting_dates
from board.records import ToolAnswer
from board.routing import Filters
from tools.register.answers import AnswerBuilder, call, count, follow_ups, long_date
from tools.register.handler import RegisterHandler
from tools.register.questions import dates_in, meetings_named, owner_in
from tools.register.records import Action, Decision, span
from tools.register.store import Register
from tools.register.tools import actions, decisions, timeline

MAX_LATER = 4  # papers after the decisions shown with "what did the board decide"
MAX_BESIDE = 2  # records shown with what their minute says beside them


class Decisions(RegisterHandler):
    """ "What did the board decide about X?": the decisions minuted, then the later papers."""

    name = "decisions"
    kinds = ("decided",)

    def answer(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        if ask.board_asked:
            return None  # what a report asked the Board to decide is in the report, not the minutes
        topic = self.topic_of(ask)
        date_from, date_to = dates_in(ask, filters, self.register.meetings)
        asked_for_dates = (date_from, date_to) != (filters.date_from, filters.date_to)
        if not (topic or asked_for_dates or ask.all_decisions):
            return None  # "what decision was sought in the report?" is for the passages
        if self.minutes_silent_on(topic) or not self.decides(ask.decider):
            return None
        found = decisions(self.register, topic, date_from, date_to, ask.also)
        if not found:
            return unminuted(self.register, ask, "decisions")
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
        for index, d in enumerate(found):
            out.lines.append(f"- {out.decision(d)}")
            out.rows.append(d.to_dict())
            if index < MAX_BESIDE:
                self._beside(out, d, ask)
                for a in _carried_out_by(d, self.register.actions):
                    out.lines.append(f"  Action: {out.action(a, show_owner=True)}")
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


def _due_at(found: list[Action], ask: RecordAsk) -> list[Action]:
    """The actions due at the meeting asked of ("for the December 2020 meeting")."""
    return [a for a in found if not ask.due or _month_of(a.due) == ask.due]


def _month_of(due: str | None) -> str | None:
    """The month an action's due date names ("December 2020 meeting", "next meeting (21
    December 2020)"), as '2020-12'."""
    exact, month = meeting_dates(due or "")
    return month or (exact[:7] if exact else None)


class Actions(RegisterHandler):
    """ "What actions did Y get?": the actions minuted, by owner, topic, status and meeting."""

    name = "actions"
    kinds = ("actions",)

    def answer(self, ask: RecordAsk, filters: Filters) -> ToolAnswer | None:
        if ask.board_asked:
            return None
        owner = owner_in(ask, self.register.actions)
        topic = self.topic_of(ask)
        if topic and owner:
            topic = re.sub(rf"\b{re.escape(owner)}\b", " ", topic).strip() or None
        status = ask.status
        date_from, date_to = dates_in(ask, filters, self.register.meetings)
        if not owner and self.minutes_silent_on(topic):
            return None
        found = _due_at(actions(self.register, owner, topic, status, date_from, date_to), ask)
        if not found and owner and topic:
            # The owner's actions at that meeting, when none of them is on the topic as asked.
            topic = None
            found = _due_at(actions(self.register, owner, None, status, date_from, date_to), ask)
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
        for index, a in enumerate(found):
            out.lines.append(f"- {out.action(a, show_owner=not owner)}")
            out.rows.append(a.to_dict())
            if index < MAX_BESIDE:
                self._beside(out, a, ask)
        return out.result()


def _carried_out_by(d: Decision, all_actions: Sequence[Action]) -> list[Action]:
    """The actions minuted with a decision: those on its own lines, else the first after it."""
    after = follow_ups([d], all_actions)
    start, end = span(d.locator)
    own = [a for a in after if span(a.locator)[0] <= end and start <= span(a.locator)[1]]
    return own or after[:1]


def unminuted(register: Register, ask: RecordAsk, what: str) -> ToolAnswer | None:
    """'Not recorded', with the agenda cited, when the question names a meeting the papers hold no minutes of."""
    held = meetings_named(ask, register.meetings)
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
