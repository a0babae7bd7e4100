"""RegisterRouter: answers 'what did the board decide', 'what actions did X get', 'what happened to X',
'who attended', 'when did the board last discuss X' from the register, chronologically, citing the minutes.

Returns None for other questions, or when nothing in the register matches, so
the assistant falls back to passages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.records import Chunk, Citation, ToolAnswer, ToolCall
from assistant.routing import Filters
from tools.register.people import NAME_TOKEN, TITLE
from tools.register.records import NO_LATER_RECORD, Action, Decision, Meeting, TimelineEntry
from tools.register.store import Register
from tools.register.tools import ChunkSource, actions, decisions, meeting, meeting_dates, owner_matches, timeline

ATTENDANCE = re.compile(
    r"\bwho (?:attended|was (?:at|present)|were (?:at|present)|came|chaired|was (?:the )?chair)\b|"
    r"\battendance\b|\bapologies\b|\bmembers present\b|\battendees\b",
    re.I,
)
LAST_DISCUSSED = re.compile(
    r"\bwhen (?:did|was|were|has|have) (?:the )?(?:board|partnership|it|they)?\s*(?:last|most recently)\s+"
    r"(?:discuss|consider|talk about|look at|review|debate)\w*\s+(?P<topic>.+)|"
    r"\bwhen was (?P<topic2>.+?) (?:last|most recently) (?:discussed|considered|raised|reviewed)\b",
    re.I,
)
DECIDED = re.compile(
    r"\bwhat (?:did|has|have|had) (?:the )?board (?:decide|agree|resolve|approve|endorse|conclude)d?\b|"
    r"\bdecisions?\b|\bwhat was (?:decided|agreed|resolved)\b|\bdid the board (?:decide|agree|approve|endorse)\b",
    re.I,
)
HAPPENED = re.compile(
    r"\bwhat (?:has |had )?happened (?:to|with|about|on)\s+(?P<topic>.+)|\bwhat became of\s+(?P<topic2>.+)|"
    r"\b(?:history|timeline|progress) (?:of|on|with)\s+(?P<topic3>.+)",
    re.I,
)
ACTIONS = re.compile(
    r"\bactions?\b|\bwho (?:must|should|has to|needs to|was asked to|agreed to)\b|\btake away\b|\bfollow[- ]ups?\b",
    re.I,
)
MEETINGS = re.compile(r"\b(?:which|what) meetings\b|\bwhen did the board meet\b|\blist (?:of )?(?:the )?meetings\b", re.I)
TOPIC_AFTER = re.compile(r"\b(?:about|on|regarding|concerning|over|for|to|of|with)\s+(?P<topic>.+)$", re.I)
_NAME = re.compile(rf"(?:(?:{TITLE})\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN})*")
_QUESTION_WORDS = frozenset("What Which Who When How Did Does Has Have Is Are The Board".split())
_TRAILING = re.compile(
    r"\s*(?:\?|\.|!)+\s*$|\s+(?:at|in|from|during) (?:the )?(?:last|latest|previous|\w+ \d{4}|\d{4})\s*(?:meeting)?\s*$",
    re.I,
)
MAX_EXTRA = 4  # later papers shown after the decisions


def long_date(iso: str | None) -> str:
    if not iso:
        return "undated"
    d = date.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def clean_topic(text: str) -> str:
    text = text.strip()
    for _ in range(3):
        text = _TRAILING.sub("", text).strip()
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return text.strip(" ,;:'\"")


@dataclass
class _Answer:
    """Builds the answer text with numbered citations, one per cited record."""

    lines: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    calls: list[ToolCall] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def cite(self, source: str, title: str, meeting_date: str | None, locator: str, quote: str) -> int:
        for c in self.citations:
            if (c.source, c.locator) == (source, locator):
                return c.n
        n = len(self.citations) + 1
        self.citations.append(Citation(n, source, title, meeting_date, locator, quote))
        return n

    def result(self) -> ToolAnswer:
        return ToolAnswer(
            answer="\n".join(self.lines),
            citations=tuple(self.citations),
            tool_calls=tuple(self.calls),
            table_rows=tuple(self.rows),
        )


class RegisterRouter:
    """The decisions and actions register as a router; cheap to build, chunks read only when needed."""

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

    def route(self, question: str, filters: Filters) -> ToolAnswer | None:
        """An answer from the register, or None when the question is not for it or nothing matches."""
        if filters.paper_type not in (None, "minutes", "pack", "agenda"):
            return None
        handlers: list[tuple[re.Pattern[str], Callable[[str, Filters], ToolAnswer | None]]] = [
            (ATTENDANCE, self._attendance),
            (LAST_DISCUSSED, self._last_discussed),
            (HAPPENED, self._happened),
            (DECIDED, self._decided),
            (ACTIONS, self._actions),
            (MEETINGS, self._meetings),
        ]
        for pattern, handler in handlers:
            if pattern.search(question):
                return handler(question, filters)
        return None

    # --- question kinds -----------------------------------------------------------

    def _decided(self, question: str, filters: Filters) -> ToolAnswer | None:
        topic, date_from, date_to = self._topic_and_dates(question, filters, DECIDED)
        found = decisions(self.register, topic, date_from, date_to)
        if not found:
            return None
        out = _Answer(calls=[ToolCall("decisions", _args(topic=topic, date_from=date_from, date_to=date_to), f"{len(found)} decisions")])
        about = f" on {topic}" if topic else ""
        out.lines.append(f"The minutes record {len(found)} decision{'s' * (len(found) != 1)}{about}:")
        for d in found:
            out.lines.append(f"- {self._decision_line(d, out)}")
            out.rows.append(d.to_dict())
        if topic and self.chunks:
            last = found[-1].meeting_date
            later = [
                e for e in timeline(topic, self.chunks, date_from=found[0].meeting_date, date_to=date_to)
                if e.paper_type != "minutes" or e.meeting_date > last
            ][:MAX_EXTRA]
            if later:
                out.calls.append(ToolCall("timeline", _args(topic=topic), f"{len(later)} later papers"))
                out.lines.append("What the other papers record:")
                out.lines.extend(f"- {self._timeline_line(e, out)}" for e in later)
        return out.result()

    def _actions(self, question: str, filters: Filters) -> ToolAnswer | None:
        owner = self._owner_in(question)
        status = "open" if re.search(r"\b(?:open|outstanding|pending|not (?:yet )?done)\b", question, re.I) else None
        status = "done" if re.search(r"\b(?:done|completed|closed|finished)\b", question, re.I) else status
        topic = None
        _, date_from, date_to = self._topic_and_dates(question, filters, ACTIONS)
        if not owner:
            m = TOPIC_AFTER.search(re.split(ACTIONS, question, maxsplit=1)[-1])
            topic = clean_topic(m.group("topic")) if m else None
            if topic and (meeting_dates(topic) != (None, None) or re.fullmatch(r"(?:the )?(?:last|latest) meeting", topic, re.I)):
                topic = None
        found = actions(self.register, owner, topic, status, date_from, date_to)
        if not found:
            return None
        who = owner or "the board"
        out = _Answer(calls=[ToolCall("actions", _args(owner=owner, topic=topic, status=status), f"{len(found)} actions")])
        about = f" on {topic}" if topic else ""
        state = f" {status}" if status else ""
        out.lines.append(f"{len(found)}{state} action{'s' * (len(found) != 1)} for {who}{about} in the minutes:")
        for a in found:
            out.lines.append(f"- {self._action_line(a, out, show_owner=not owner)}")
            out.rows.append(a.to_dict())
        return out.result()

    def _happened(self, question: str, filters: Filters) -> ToolAnswer | None:
        m = HAPPENED.search(question)
        topic = clean_topic(next(g for g in (m.group("topic"), m.group("topic2"), m.group("topic3")) if g)) if m else ""
        if not topic:
            return None
        date_from, date_to = filters.date_from, filters.date_to
        entries = timeline(topic, self.chunks, date_from=date_from, date_to=date_to) if self.chunks else []
        found_decisions = decisions(self.register, topic, date_from, date_to)
        found_actions = actions(self.register, topic=topic, date_from=date_from, date_to=date_to)
        found_actions += [a for a in follow_ups(found_decisions, self.register.actions) if a not in found_actions]
        found_actions.sort(key=lambda a: (a.meeting_date, _span(a.locator)))
        if not (entries or found_decisions or found_actions):
            return None
        out = _Answer(
            calls=[
                ToolCall("timeline", _args(topic=topic), f"{len(entries)} entries"),
                ToolCall("decisions", _args(topic=topic), f"{len(found_decisions)} decisions"),
                ToolCall("actions", _args(topic=topic), f"{len(found_actions)} actions"),
            ]
        )
        out.lines.append(f"What the papers record about {topic}, oldest first:")
        events: list[tuple[str, int, Callable[[], str]]] = []
        for d in found_decisions:
            events.append((d.meeting_date, 0, lambda d=d: self._decision_line(d, out)))
            out.rows.append(d.to_dict())
        for a in found_actions:
            events.append((a.meeting_date, 1, lambda a=a: self._action_line(a, out, show_owner=True)))
            out.rows.append(a.to_dict())
        cited = {(d.source, d.locator) for d in found_decisions} | {(a.source, a.locator) for a in found_actions}
        for e in entries:
            if (e.source, e.locator) not in cited and not _inside_minutes(e, found_decisions, found_actions):
                events.append((e.meeting_date, 2, lambda e=e: self._timeline_line(e, out)))
        events.sort(key=lambda ev: (ev[0], ev[1]))
        out.lines.extend(f"- {render()}" for _, _, render in events)
        return out.result()

    def _last_discussed(self, question: str, filters: Filters) -> ToolAnswer | None:
        m = LAST_DISCUSSED.search(question)
        topic = clean_topic((m.group("topic") or m.group("topic2") or "") if m else "")
        if not topic or not self.chunks:
            return None
        entries = timeline(topic, self.chunks, date_from=filters.date_from, date_to=filters.date_to)
        if not entries:
            return None
        out = _Answer(calls=[ToolCall("timeline", _args(topic=topic), f"{len(entries)} entries")])
        # Of the last meeting's papers, the first in paper order (minutes, report, agenda, appendix).
        last = next(e for e in entries if e.meeting_date == entries[-1].meeting_date)
        n = self._cite_entry(last, out)
        out.lines.append(
            f"The papers last deal with {topic} for the meeting of {long_date(last.meeting_date)} "
            f"({last.title}): {last.text} [{n}]"
        )
        earlier = [e for e in entries if e.meeting_date < last.meeting_date]
        if earlier:
            seen: dict[str, int] = {}
            for e in earlier:
                if e.meeting_date not in seen:
                    seen[e.meeting_date] = self._cite_entry(e, out)
            out.lines.append("Earlier: " + ", ".join(f"{long_date(d)} [{k}]" for d, k in seen.items()) + ".")
        out.rows.extend(e.to_dict() for e in entries)
        return out.result()

    def _attendance(self, question: str, filters: Filters) -> ToolAnswer | None:
        found = self._meeting_in(question, filters)
        if found is None:
            return None
        out = _Answer(calls=[ToolCall("meeting", _args(date=found.meeting_date), "found")])
        when = long_date(found.meeting_date)
        where = f" at {found.venue}" if found.venue else ""
        out.rows.append(found.to_dict())
        if not found.minuted:
            n = out.cite(found.source, found.title, found.meeting_date, found.locator, _agenda_quote(found))
            listed = ", ".join(found.members_listed) or "not listed"
            out.lines.append(
                f"The papers hold only the agenda for the meeting of {when}{where}; its minutes are not among them, "
                f"so who attended is not recorded. Chairman: {found.chair or 'not named'}. "
                f"Members the agenda was sent to: {listed} [{n}]."
            )
            return out.result()
        n = out.cite(found.source, found.title, found.meeting_date, found.attendance_locator or found.locator, found.attendance_text)
        out.lines.append(f"Meeting of {when}{where}, chaired by {found.chair or 'a chairman not named'} [{n}].")
        out.lines.append(f"Board members present: {', '.join(found.members_present) or 'not recorded'} [{n}].")
        if found.also_present:
            out.lines.append(f"Also present: {', '.join(found.also_present)} [{n}].")
        if found.apologies and found.apologies_locator:
            k = out.cite(found.source, found.title, found.meeting_date, found.apologies_locator, found.apologies_text)
            out.lines.append(f"Apologies: {', '.join(found.apologies)} [{k}].")
        return out.result()

    def _meetings(self, question: str, filters: Filters) -> ToolAnswer | None:
        found = [
            m for m in self.register.meetings
            if (not filters.date_from or m.meeting_date >= filters.date_from)
            and (not filters.date_to or m.meeting_date <= filters.date_to)
        ]
        if not found:
            return None
        out = _Answer(calls=[ToolCall("meetings", {}, f"{len(found)} meetings")])
        out.lines.append(f"The papers record {len(found)} meetings:")
        for m in found:
            paper = "minutes" if m.minuted else "agenda only"
            n = out.cite(m.source, m.title, m.meeting_date, m.locator, m.title)
            out.lines.append(f"- {long_date(m.meeting_date)}{', ' + m.venue if m.venue else ''} ({paper}) [{n}]")
            out.rows.append(m.to_dict())
        return out.result()

    # --- pieces ---------------------------------------------------------------------

    def _topic_and_dates(self, question: str, filters: Filters, pattern: re.Pattern[str]) -> tuple[str | None, str | None, str | None]:
        date_from, date_to = filters.date_from, filters.date_to
        exact, month = meeting_dates(question)
        if exact or month:
            date_from = date_to = exact
            if month:
                date_from, date_to = f"{month}-01", f"{month}-31"
        elif re.search(r"\b(?:last|latest|previous|most recent|first|earliest) meeting\b", question, re.I):
            held = self._meeting_in(question, filters)
            if held:
                date_from = date_to = held.meeting_date
        rest = re.split(pattern, question, maxsplit=1)[-1]
        m = TOPIC_AFTER.search(rest)
        topic = clean_topic(m.group("topic")) if m else None
        if topic and (meeting_dates(topic) != (None, None) or re.search(r"\bmeeting\b", topic, re.I) and len(topic.split()) <= 4):
            topic = None
        return topic or None, date_from, date_to

    def _owner_in(self, question: str) -> str | None:
        """A person named in the question who owns an action in the register."""
        for m in _NAME.finditer(question):
            words = [w for w in m.group(0).split() if w not in _QUESTION_WORDS]
            candidate = " ".join(words)
            if candidate and any(owner_matches(candidate, a.owners) for a in self.register.actions):
                return candidate
        return None

    def _meeting_in(self, question: str, filters: Filters) -> Meeting | None:
        exact, month = meeting_dates(question)
        if exact or month:
            return meeting(self.register, exact or month or "")
        minuted = [
            m for m in self.register.meetings
            if m.minuted and (not filters.date_to or m.meeting_date <= filters.date_to)
            and (not filters.date_from or m.meeting_date >= filters.date_from)
        ]
        if re.search(r"\bfirst\b|\bearliest\b", question, re.I):
            return minuted[0] if minuted else None
        return minuted[-1] if minuted else None

    def _decision_line(self, d: Decision, out: _Answer) -> str:
        n = out.cite(d.source, d.paper_title, d.meeting_date, d.locator, d.text)
        return f"{long_date(d.meeting_date)}, item {d.agenda_item} ({d.item_title}) — {d.kind}: {d.text} [{n}]"

    def _action_line(self, a: Action, out: _Answer, show_owner: bool) -> str:
        n = out.cite(a.source, a.paper_title, a.meeting_date, a.locator, a.task)
        owners = ", ".join(a.owners) if a.owners else f"owner not named (item led by {a.lead or 'no one named'})"
        who = f"{owners}: " if show_owner else ""
        due = f"; due {a.due}" if a.due else ""
        status = f"{a.status} ({a.status_note})"
        if a.status_source and a.status_locator:
            quote = a.status_note.split(f"{a.status_locator}: ", 1)[-1]
            k = out.cite(a.status_source, a.status_title or "", a.status_date, a.status_locator, quote)
            status += f" [{k}]"
        task = a.task.rstrip(" .;:")
        return f"{long_date(a.meeting_date)}, item {a.agenda_item} ({a.item_title}) — {who}{task} [{n}]{due}; status: {status}"

    def _cite_entry(self, e: TimelineEntry, out: _Answer) -> int:
        return out.cite(e.source, e.title, e.meeting_date, e.locator, e.quote)

    def _timeline_line(self, e: TimelineEntry, out: _Answer) -> str:
        n = self._cite_entry(e, out)
        return f"{long_date(e.meeting_date)} ({e.title}): {e.text} [{n}]"


def _span(locator: str) -> tuple[int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", locator)] or [0]
    return numbers[0], numbers[-1]


def _inside_minutes(e: TimelineEntry, found_decisions: Sequence[Decision], found_actions: Sequence[Action]) -> bool:
    """A minutes entry whose lines a decision or action already cites."""
    start, end = _span(e.locator)
    for r in (*found_decisions, *found_actions):
        r_start, r_end = _span(r.locator)
        if r.source == e.source and r_start <= end and start <= r_end:
            return True
    return False


def follow_ups(found: Sequence[Decision], all_actions: Sequence[Action]) -> list[Action]:
    """Actions minuted with a decision: same item, starting within two lines of it."""
    related: list[Action] = []
    for a in all_actions:
        a_start, _ = _span(a.locator)
        for d in found:
            d_start, d_end = _span(d.locator)
            same_item = (a.source, a.meeting_date, a.agenda_item) == (d.source, d.meeting_date, d.agenda_item)
            if same_item and d_start <= a_start <= d_end + 2:
                related.append(a)
                break
    return related


def _agenda_quote(m: Meeting) -> str:
    return "; ".join(f"{i.number}. {i.title}" for i in m.agenda_items)


def _args(**kwargs: Any) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}
