"""What a register question asks: its kind, topic, owner, status, meeting dates. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from board.routing import Filters
from tools.register.people import NAME_TOKEN, TITLE
from tools.register.records import Action, Meeting
from tools.register.tools import meeting_dates, owner_matches

ATTENDANCE = re.compile(
    r"\bwho (?:attended|was (?:at|present)|were (?:at|present)|came|chaired|was (?:the )?chair)\b"
    r"|\bwho (?:chairs|is (?:the )?chair(?:man|person)?)\b"
    r"|\b(?:which|what) (?:board )?members (?:attended|were (?:at|present))\b"
    r"|\battendance\b|\bapologies\b|\bmembers present\b|\battendees\b"
    r"|\b(?:listed|recorded) as present\b|\b(?:who|how many)\b.{0,40}\b(?:was|were) present\b",
    re.I,
)
LAST_DISCUSSED = re.compile(
    r"\bwhen (?:did|was|were|has|have) (?:the )?(?:board|partnership|it|they)?\s*"
    r"(?:last|most recently)\s+(?:discuss|consider|talk about|look at|review|debate)\w*\s+"
    r"(?P<topic>.+)"
    r"|\bwhen was (?P<topic2>.+?) (?:last|most recently) "
    r"(?:discussed|considered|raised|reviewed)\b",
    re.I,
)
DECIDED = re.compile(
    r"\bwhat (?:did|has|have|had) (?:the )?board "
    r"(?:decide|agree|resolve|approve|endorse|conclude)d?\b"
    r"|\bdecisions?\b(?!\s+(?:sought|requested|required))|\bwhat was (?:decided|agreed|resolved)\b"
    r"|\bhow did the board (?:respond|react)\b|\bthe board'?s (?:view|position|response|decision)\b"
    r"|\bdid the board (?:decide|agree|approve|endorse)\b",
    re.I,
)
HAPPENED = re.compile(
    r"\bwhat (?:has |had )?happened (?:to|with|about|on)\s+(?P<topic>.+)"
    r"|\bwhat became of\s+(?P<topic2>.+)"
    r"|\b(?:history|timeline) of\s+(?P<topic3>.+)"
    r"|\bhow (?:did|has|have) (?:the )?(?:plans? for |work on )?(?P<topic4>.+?) "
    r"(?:progress|develop|evolve)(?:ed)?\b",
    re.I,
)
ACTIONS = re.compile(
    r"\bactions?\b(?!\s+(?:plans?|planning|group))"
    r"|\bwho (?:must|should|has to|needs to|was asked to|agreed to)\b|\bactioned\b"
    r"|\bwhat did .+? (?:agree|undertake|offer|volunteer|promise) to\b"
    r"|\bwho (?:was|were) (?:asked|actioned|tasked|given)\b"
    r"|\b(?:say|said) (?:she|he|they) would\b"
    r"|\btake away\b|\bfollow[- ]ups?\b",
    re.I,
)
# "What was Stuart Collins asked to present", "What were the Police going to bring": a named owner.
ASKED_OF = re.compile(
    r"\b(?:was|were) (?:the )?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+"
    r"(?:asked|going|due|expected|tasked|actioned) to\b"
)
MEETING_DETAILS = re.compile(
    r"\bwhere (?:was|is|will|did)\b.*\b(?:meeting|held|meet)\b"
    r"|\bwhen and where\b|\bwhere and when\b"
    r"|\bnext meeting\b|\bmeeting after\b|\bwhat time\b",
    re.I,
)
# What the register does not record about a meeting: leave such questions to the passages.
NOT_RECORDED = re.compile(
    r"\bquorum\b|\b(?:end|ended|finish|finished|last)\b\W*$|\bhow long\b", re.I
)
BOARD_ASKED = re.compile(
    r"\b(?:was|were) the (?:partnership )?board asked\b|\bboard (?:was|were) asked\b"
    r"|\basked to (?:decide|make a decision)\b",
    re.I,
)
MEETINGS = re.compile(
    r"\b(?:which|what) meetings\b|\bwhen did the board meet\b|\blist (?:of )?(?:the )?meetings\b",
    re.I,
)
TOPIC_AFTER = re.compile(
    r"\b(?:about|on|regarding|concerning|over|for|to|of|with)\s+(?P<topic>.+)$", re.I
)
OPEN = re.compile(r"\b(?:open|outstanding|pending|not (?:yet )?done)\b", re.I)
DONE = re.compile(r"\b(?:done|completed|closed|finished)\b", re.I)
ALL_DECISIONS = re.compile(r"\b(?:all|list|every|which|what)\b.{0,20}\bdecisions\b", re.I)
ABOUT_A_MEETING = re.compile(r"\bmeetings?\b|\bboard\b", re.I)
WHICH_MEETING = re.compile(r"\b(?:last|latest|previous|most recent|first|earliest) meeting\b", re.I)
_NAME = re.compile(rf"(?:(?:{TITLE})\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN})*")
_QUESTION_WORDS = frozenset(
    """What Which Who When How Did Does Has Have Is Are The Board""".split()  # noqa: SIM905
)
_TRAILING = re.compile(
    r"\s*(?:\?|\.|!)+\s*$"
    r"|\s+(?:at|in|from|during) (?:the )?(?:last|latest|previous|\w+ \d{4}|\d{4})"
    r"\s*(?:meeting)?\s*$",
    re.I,
)


def clean_topic(text: str) -> str:
    """'the draft strategic priorities at the last meeting?' -> 'draft strategic priorities'."""
    text = re.split(r",\s*(?:and|or)\s+(?:when|where|who|which|what|how|at|on|in)\b", text)[0]
    text = re.sub(r",?\s*according to\b.*$", "", text, flags=re.I).strip()
    for _ in range(3):
        text = _TRAILING.sub("", text).strip()
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return text.strip(" ,;:'\"")


def topic_after(question: str, pattern: re.Pattern[str], rest_is_topic: bool = False) -> str | None:
    """The topic after the question's key phrase ('… decide about X'); none if it is a meeting.

    With ``rest_is_topic`` the words after the key phrase are the topic when no 'about',
    'on' … introduces one ("who was asked to investigate the decline in satisfaction").
    """
    rest = re.split(pattern, question, maxsplit=1)[-1]
    m = TOPIC_AFTER.search(rest)
    topic = clean_topic(m.group("topic")) if m else None
    if topic is None and rest_is_topic:
        bare = clean_topic(re.sub(rf"(?:at |after |in |on )?(?:the )?(?:{_DATE_WORDS})", " ", rest))
        topic = bare if len(bare.split()) >= 2 else None
    if not topic or meeting_dates(topic) != (None, None):
        return None
    if re.search(r"\bmeeting\b", topic, re.I) and len(topic.split()) <= 4:
        return None
    return topic


def topic_in(question: str, pattern: re.Pattern[str]) -> str | None:
    """The topic a pattern with named groups ('topic', 'topic2', …) captured."""
    m = pattern.search(question)
    if not m:
        return None
    found = next((g for g in m.groups() if g), None)
    return clean_topic(found) if found else None


def status_in(question: str) -> str | None:
    if DONE.search(question):
        return "done"
    return "open" if OPEN.search(question) else None


def owner_in(question: str, actions: Sequence[Action]) -> str | None:
    """A person named in the question who owns an action in the register."""
    for m in _NAME.finditer(question):
        candidate = " ".join(w for w in m.group(0).split() if w not in _QUESTION_WORDS)
        if candidate and any(owner_matches(candidate, a.owners) for a in actions):
            return candidate
    return None


def meeting_in(question: str, filters: Filters, meetings: Sequence[Meeting]) -> Meeting | None:
    """The meeting a question names by date, or its first/last minuted one (last by default)."""
    exact, month = meeting_dates(question)
    if exact or month:
        wanted = exact or month or ""
        return next((m for m in meetings if m.meeting_date.startswith(wanted)), None)
    minuted = [
        m
        for m in meetings
        if m.minuted
        and (not filters.date_to or m.meeting_date <= filters.date_to)
        and (not filters.date_from or m.meeting_date >= filters.date_from)
    ]
    if not minuted:
        return None
    return minuted[0] if re.search(r"\bfirst\b|\bearliest\b", question, re.I) else minuted[-1]


def dates_in(
    question: str, filters: Filters, meetings: Sequence[Meeting]
) -> tuple[str | None, str | None]:
    """The meeting dates a question limits itself to: a date, a month, 'the last meeting'."""
    exact, month = meeting_dates(question)
    if exact:
        return exact, exact
    if month:
        return f"{month}-01", f"{month}-31"
    if WHICH_MEETING.search(question) and (held := meeting_in(question, filters, meetings)):
        return held.meeting_date, held.meeting_date
    return filters.date_from, filters.date_to


def meetings_named(question: str, meetings: Sequence[Meeting]) -> list[Meeting]:
    """Every meeting a question names by date or month, in the question's order."""
    found: list[Meeting] = []
    for m in re.finditer(rf"{_DATE_WORDS}", question, re.I):
        exact, month = meeting_dates(m.group(0))
        wanted = exact or month
        held = next((x for x in meetings if wanted and x.meeting_date.startswith(wanted)), None)
        if held and held not in found:
            found.append(held)
    return found


_DATE_WORDS = (
    r"\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}|\b\d{4}-\d{2}(?:-\d{2})?\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\w*\.?,?\s+\d{4}"
)
