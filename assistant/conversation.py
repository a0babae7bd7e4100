"""Follow-up questions resolved against the conversation, once, before any tool runs.

"How many robberies were there in 2016/17?" then "And the year before?" is
asked as "How many robberies were there in 2015/16?"; "Who chairs the board?"
then "When did he become chair?" names the person the last answer named. The
follow-up's own parts (a period, a place, a measure, a person) take the place
of the same parts of the question before it; what it leaves out is carried
over. A follow-up that points at nothing the conversation holds is not
answered as some other question: it says what it could not resolve.

Pure functions over text: the caller keeps the turns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board.text import tokenize
from tools.register.people import MENTION, looks_like_name, strip_title
from tools.tables.measures import areas_in, known_measure
from tools.tables.vocabulary import SYNONYMS


@dataclass(frozen=True)
class Turn:
    """One earlier exchange: the question as it was understood, and the answer given."""

    question: str
    answer: str = ""


@dataclass(frozen=True)
class Resolution:
    """A question ready to answer on its own, or the reason it cannot be."""

    question: str  # the standalone question (the follow-up itself when it needs nothing)
    follow_up: bool = False  # the conversation was needed to read it
    unresolved: str | None = None  # why the follow-up could not be read, for the user

    @property
    def understood(self) -> str | None:
        """The question as understood, to show the user, when it was rewritten."""
        return self.question if self.follow_up and self.unresolved is None else None


_OPENER = re.compile(
    r"^\s*(?:and|also|but|so|ok(?:ay)?|then|now)\b[\s,]*|"
    r"^\s*(?:what|how) about\b\s*|^\s*(?:what|how) of\b\s*|^\s*same (?:for|again for)\b\s*|"
    r"^\s*(?:and )?(?:for|in) the same (?:way|period) (?:for|in)\b\s*",
    re.I,
)
_FY = r"(?:19|20)\d{2}\s*[/-]\s*(?:\d{2}|(?:19|20)\d{2})"
_YEAR = r"(?<![\d/])(?:19|20)\d{2}(?![\d/])"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A period as people write it in a question: "2016/17", "2016", "January 2018", "Q4 2012".
PERIOD = re.compile(
    rf"\b(?:(?:q[1-4]|quarter [1-4])\s+)?(?:{_MONTHS}\s+)?(?:{_FY}|{_YEAR})\b|"
    rf"\b(?:the )?(?:current |latest )?rolling (?:12|twelve) months\b|\byear to date\b",
    re.I,
)
_SHIFT = re.compile(
    r"\b(?:the|a|one)?\s*(?P<unit>year|quarter|month|meeting)s?\s+(?P<dir>before|earlier|after|"
    r"later)\b|\b(?:the )?(?P<dir2>previous|prior|preceding|next|following)\s+(?P<unit2>year|"
    r"quarter|month|meeting)\b",
    re.I,
)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)
_THING_PRONOUN = re.compile(r"\b(?:it|its|this|that|these|those|they|them|their)\b", re.I)
# A follow-up that only carries a part ("and the year before?", "what about robbery?").
_QUESTION_WORD = re.compile(
    r"^\s*(?:who|what|when|where|which|why|how|did|does|do|is|are|was|were|has|have|can|could|"
    r"will|would|should|list|show|tell|give)\b",
    re.I,
)
_OTHER = re.compile(r"\b(?:the )?other (?:one|ones)\b|\bthe rest\b|\bthe same\b", re.I)


def _strip_opener(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _OPENER.sub("", text, count=1)
    return text.strip()


def _shift_years(span: str, delta: int) -> str:
    """'2016/17' -> '2015/16', '2016' -> '2015', 'Q4 2012' -> 'Q4 2011' (delta in years)."""

    def one(m: re.Match[str]) -> str:
        text = m.group(0)
        if "/" in text or "-" in text:
            sep = "/" if "/" in text else "-"
            first, second = (p.strip() for p in text.split(sep))
            start = int(first) + delta
            end = int(second) + delta
            width = len(second)
            return f"{start}{sep}{end % 100:02d}" if width == 2 else f"{start}{sep}{end}"
        return str(int(text) + delta)

    return re.sub(rf"{_FY}|{_YEAR}", one, span)


def _measure_span(question: str) -> tuple[int, int] | None:
    """Where the question names its measure ("robberies" in "How many robberies ..."), if any."""
    measure = known_measure(question)
    if measure is None:
        return None
    lowered = question.lower()
    for variant in sorted(SYNONYMS.get(measure, (measure,)), key=len, reverse=True):
        m = re.search(rf"\b{re.escape(variant)}\b", lowered)
        if m:
            return m.span()
    return None


def _area_span(question: str, area: str) -> tuple[int, int] | None:
    m = re.search(rf"\b{re.escape(area)}(?:'s)?\b", question, re.I)
    return m.span() if m else None


def _replace(text: str, span: tuple[int, int], new: str) -> str:
    return text[: span[0]] + new + text[span[1] :]


def _append(text: str, phrase: str) -> str:
    body = text.rstrip(" ?.")
    return f"{body} {phrase}?"


def person_named(answer: str) -> str | None:
    """The first person an answer names ("Councillor Jane Smith"), title kept."""
    for m in MENTION.finditer(re.sub(r"\[\d+\]", " ", answer)):
        name = m.group(0)
        if name.lower() in ("he", "she", "the chairman"):
            continue
        if looks_like_name(name):
            return name.strip()
    return None


def _topic(question: str) -> str | None:
    """What a question is about: the words after 'about/on/regarding/of', else its measure."""
    m = re.search(
        r"\b(?:about|regarding|concerning|on|into|for)\s+(?P<topic>(?:the\s+)?[\w'’ -]+?)"
        r"(?:\s+(?:at|in|during|between|from|since)\b.*)?\s*[?.]?$",
        question,
        re.I,
    )
    if m and tokenize(m.group("topic")):
        return m.group("topic").strip()
    span = _measure_span(question)
    return question[span[0] : span[1]] if span else None


def resolve(question: str, history: Sequence[Turn]) -> Resolution:
    """The standalone question a follow-up asks, given the earlier turns (latest last)."""
    text = " ".join(question.split())
    rest = _strip_opener(text)
    opened = rest != text
    shift = _SHIFT.search(rest)
    periods = [m.group(0) for m in PERIOD.finditer(rest)]
    areas = areas_in(rest)
    span = _measure_span(rest)
    person = _PERSON_PRONOUN.search(rest)
    person_ref = person is not None and not _names_someone(rest)
    thing_ref = _thing_is_reference(rest)
    elliptical = not _QUESTION_WORD.match(rest)
    if not (elliptical or person_ref or thing_ref or (shift and not periods) or opened):
        return Resolution(text)
    if not history:
        if elliptical:
            return Resolution(
                text,
                follow_up=True,
                unresolved="This reads as a follow-up, but there is no earlier question to "
                "follow: please ask it in full.",
            )
        return Resolution(text)
    last = history[-1]
    base = last.question
    other = _OTHER.search(rest)
    if other:
        return Resolution(
            text,
            follow_up=True,
            unresolved=f"I can't tell what '{other.group(0)}' refers to after “{base}”: "
            "please name it.",
        )
    if elliptical:
        measure = rest[span[0] : span[1]] if span else None
        resolved = _carry_parts(base, shift, periods, areas, measure)
        if resolved == base:
            return _new_ask_of_same(text, rest, base)
        return Resolution(resolved, follow_up=True)
    # A whole question: name what its pronouns point at, and carry the period it leaves out.
    resolved = rest[0].upper() + rest[1:]
    if person_ref and person is not None:
        name = person_named(last.answer) or _person_in(base)
        if name is None:
            return Resolution(
                text,
                follow_up=True,
                unresolved=f"I can't tell who '{person.group(0)}' is: the last answer names "
                "nobody. Please give the name.",
            )
        resolved = _PERSON_PRONOUN.sub(
            lambda m: f"{name}'s" if m.group(0).lower() in ("his", "hers") else name,
            resolved,
            count=1,
        )
    if thing_ref:
        topic = _topic(base)
        if topic is None:
            return Resolution(
                text,
                follow_up=True,
                unresolved=f"I can't tell what '{_THING_PRONOUN.search(rest).group(0)}' "  # type: ignore[union-attr]
                f"refers to after “{base}”: please name it.",
            )
        resolved = _THING_PRONOUN.sub(topic, resolved, count=1)
    own_shift = _SHIFT.search(resolved)
    if own_shift and not periods:
        carried = [m.group(0) for m in PERIOD.finditer(base)]
        if carried:
            shifted = _carry_parts(carried[0], own_shift, (), (), None)
            resolved = _replace(resolved, own_shift.span(), f"in {shifted}")
    elif not periods:
        carried_period = PERIOD.search(base) or _MEETING.search(base)
        if carried_period:
            resolved = _append(resolved, f"in {carried_period.group(0)}")
    return Resolution(resolved, follow_up=resolved != text)


def _new_ask_of_same(text: str, rest: str, base: str) -> Resolution:
    """'and the actions?': a new thing asked of the same meeting, paper or period."""
    asked = rest.rstrip(" ?.")
    context = _MEETING.search(base) or PERIOD.search(base)
    if not asked or context is None or not tokenize(asked):
        return Resolution(
            text,
            follow_up=True,
            unresolved=f"I can't tell what “{text}” asks after “{base}”: please ask it in full.",
        )
    return Resolution(f"What about {asked} in {context.group(0)}?", follow_up=True)


_MEETING = re.compile(
    rf"\b(?:the )?(?:\d{{1,2}}\s+)?{_MONTHS}\s+(?:19|20)\d{{2}}\s+(?:meeting|pack|minutes|agenda)\b|"
    r"\b(?:the )?(?:first|last|latest|previous|next) meeting\b",
    re.I,
)


def _carry_parts(
    target: str,
    shift: re.Match[str] | None,
    periods: Sequence[str],
    areas: Sequence[str],
    measure: str | None,
) -> str:
    """``target`` with the base question's period, place and measure replaced by the new ones."""
    out = target
    base_periods = list(PERIOD.finditer(out))
    if shift is not None:
        unit = (shift.group("unit") or shift.group("unit2") or "year").lower()
        direction = (shift.group("dir") or shift.group("dir2") or "").lower()
        delta = 1 if direction in ("after", "later", "next", "following") else -1
        if unit == "year" and base_periods:
            for m in reversed(base_periods):
                out = _replace(out, m.span(), _shift_years(m.group(0), delta))
    elif periods:
        if base_periods:
            first = base_periods[0]
            out = _replace(out, first.span(), periods[0])
        else:
            out = _append(out, f"in {periods[0]}")
    if areas:
        base_areas = [a for a in areas_in(target) if _area_span(out, a)]
        where = _area_span(out, base_areas[0]) if base_areas else None
        if where is not None:
            possessive = out[where[0] : where[1]].endswith("'s")
            out = _replace(out, where, areas[0] + ("'s" if possessive else ""))
        else:
            out = _append(out, f"in {areas[0]}")
    if measure:
        span = _measure_span(out)
        if span is not None:
            out = _replace(out, span, measure)
    return out


def _names_someone(text: str) -> bool:
    return any(looks_like_name(m.group(0)) for m in MENTION.finditer(text))


def _person_in(question: str) -> str | None:
    for m in MENTION.finditer(question):
        if looks_like_name(m.group(0)):
            return strip_title(m.group(0))
    return None


def _thing_is_reference(text: str) -> bool:
    """'it' in 'who proposed it?' points back; 'is it true that ...' and 'this year' do not."""
    m = _THING_PRONOUN.search(text)
    if m is None:
        return False
    after = text[m.end() :].lstrip().lower()
    return not re.match(r"(?:year|month|week|quarter|meeting|time|period|board|report)\b", after)
