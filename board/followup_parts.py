"""The parts of a question a follow-up replaces or carries over: its period ("2016/17", "the
year before"), place, measure, topic and the meeting it was about; found in the question's
text and put back in it. Pure functions over text, for board/followups.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from board.dates import MONTH_NAME
from board.measures import areas_in, known_measure
from board.profile import BoardProfile
from board.text import tokenize

_FY = r"(?:19|20)\d{2}\s*[/-]\s*(?:\d{2}|(?:19|20)\d{2})"

_YEAR = r"(?<![\d/])(?:19|20)\d{2}(?![\d/])"

# A period as people write it in a question: "2016/17", "2016", "January 2018", "Q4 2012".
PERIOD = re.compile(
    rf"\b(?:(?:q[1-4]|quarter [1-4])\s+)?(?:{MONTH_NAME}\s+)?(?:{_FY}|{_YEAR})\b|"
    rf"\b(?:the )?(?:current |latest )?rolling (?:12|twelve) months\b|\byear to date\b",
    re.I,
)

_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}

SHIFT = re.compile(
    r"\b(?:(?P<count>a|one|two|three|four|five|ten|\d{1,2})\s+|the\s+)?(?P<unit>year|quarter|"
    r"month|meeting)s?\s+(?P<dir>before|earlier|after|later|ago)\b|"
    r"\b(?:the )?(?P<dir2>previous|prior|preceding|next|following|last)\s+(?P<unit2>year|quarter|"
    r"month|meeting)\b",
    re.I,
)


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


def measure_span(question: str, profile: BoardProfile) -> tuple[int, int] | None:
    """Where the question names its measure ("robberies" in "How many robberies ..."), if any."""
    measure = known_measure(question, profile)
    if measure is None:
        return None
    lowered = question.lower()
    for variant in sorted(profile.measure_synonyms.get(measure, (measure,)), key=len, reverse=True):
        m = re.search(rf"\b{re.escape(variant)}\b", lowered)
        if m:
            return m.span()
    return None


def _area_span(question: str, area: str) -> tuple[int, int] | None:
    m = re.search(rf"\b{re.escape(area)}(?:'s)?\b", question, re.I)
    return m.span() if m else None


def replace_span(text: str, span: tuple[int, int], new: str) -> str:
    return text[: span[0]] + new + text[span[1] :]


def append_phrase(text: str, phrase: str) -> str:
    body = text.rstrip(" ?.")
    return f"{body} {phrase}?"


def _topic(question: str, profile: BoardProfile) -> str | None:
    """What a question is about: the words after 'about/on/regarding/of', else its measure."""
    m = re.search(
        r"\b(?:about|regarding|concerning|on|into|for)\s+(?P<topic>(?:the\s+)?[\w'’ -]+?)"
        r"(?:\s+(?:at|in|during|between|from|since)\b.*)?\s*[?.]?$",
        question,
        re.I,
    )
    if m and tokenize(m.group("topic")):
        return m.group("topic").strip()
    span = measure_span(question, profile)
    return question[span[0] : span[1]] if span else None


def carried_context(base: str) -> str | None:
    """The meeting, dates or period a question was about, as a phrase to carry over."""
    for pattern in (_RANGE, _DATED_MEETING, MEETING):
        m = pattern.search(base)
        if m:
            phrase = m.group(0)
            return (
                phrase
                if re.match(r"(?:between|from|to|up to|in|at|for)\b", phrase, re.I)
                else (f"at {phrase}" if MEETING.fullmatch(phrase) else f"in {phrase}")
            )
    periods = [m for m in PERIOD.finditer(base) if not _is_paper_reference(base, m)]
    if periods:
        return f"in {periods[0].group(0)}"
    papers = list(PERIOD.finditer(base))
    return f"in {papers[0].group(0)}" if papers else None


_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}\s+(?:19|20)\d{{2}}"

_RANGE = re.compile(
    rf"\bbetween\s+{_DATE}\s+and\s+{_DATE}|\bfrom\s+{_DATE}\s+to\s+{_DATE}|"
    rf"\b(?:up )?to\s+{_DATE}|\b(?:(?:the )?(?:12|twelve) months|year) to\s+{MONTH_NAME}\s+(?:19|20)\d{{2}}",
    re.I,
)


def with_measure(question: str, measure: str) -> str:
    """'How many were detected?' asked after robberies: 'How many robberies were detected?'."""
    m = re.match(r"(?i)(how many|how much|what (?:was|were|is|are) the)\b", question)
    if m:
        return question[: m.end()] + f" {measure}" + question[m.end() :]
    return append_phrase(question, f"for {measure}")


def shifted_period(
    base: str, answer: str, shift: re.Match[str], profile: BoardProfile
) -> str | None:
    """The period a year (or N) before the one the question or its answer was about."""
    for text in (base, answer):
        periods = [m for m in PERIOD.finditer(text) if not _is_paper_reference(text, m)]
        if periods:
            return carry_parts(periods[0].group(0), shift, (), (), None, profile=profile)
    return None


def what_it_names(base: str, question: str, profile: BoardProfile) -> str | None:
    """What 'it' points at: the meeting when the follow-up asks about a meeting, else the topic."""
    if re.search(r"\b(?:finish|start|end|held|propos|attend|chair|take place)\w*", question, re.I):
        meeting = MEETING.search(base)
        if meeting:
            return (
                meeting.group(0)
                if meeting.group(0).lower().startswith("the")
                else (f"the {meeting.group(0)}")
            )
    return _topic(base, profile)


def topic_span(question: str) -> tuple[int, int] | None:
    m = re.search(
        r"\b(?:about|regarding|concerning)\s+(?:the\s+)?(?P<topic>[\w'’ -]+?)"
        r"(?:\s+(?:at|in|during|between|from|since|by)\b.*)?\s*[?.]?$",
        question,
        re.I,
    )
    return m.span("topic") if m and tokenize(m.group("topic")) else None


MEETING = re.compile(
    rf"\b(?:the )?(?:\d{{1,2}}\s+)?{MONTH_NAME}\s+(?:19|20)\d{{2}}\s+(?:\w+\s+)?(?:meeting|pack|minutes|agenda)\b|"
    rf"\b(?:the )?(?:\w+\s+)?meeting (?:of|on|held on)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}\s+(?:19|20)\d{{2}}|"
    r"\b(?:the )?(?:first|last|latest|previous|next) meeting\b",
    re.I,
)

_DATED_MEETING = re.compile(
    rf"\b(?:the )?(?:\w+\s+)?meeting (?:of|on|held on)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"{MONTH_NAME}\s+(?:19|20)\d{{2}}|\b(?:the )?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}\s+"
    rf"(?:19|20)\d{{2}}\s+(?:\w+\s+)?meeting\b",
    re.I,
)


def carry_parts(
    target: str,
    shift: re.Match[str] | None,
    periods: Sequence[str],
    areas: Sequence[str],
    measure: str | None,
    answer: str = "",
    *,
    profile: BoardProfile,
) -> str:
    """``target`` with the base question's period, place and measure replaced by the new ones;
    a period shifted from the one the answer gave when the question named only its paper."""
    out = target
    base_periods = list(PERIOD.finditer(out))
    if shift is not None:
        unit = (shift.group("unit") or shift.group("unit2") or "year").lower()
        direction = (shift.group("dir") or shift.group("dir2") or "").lower()
        count = (shift.group("count") or "1").lower()
        years = int(count) if count.isdigit() else _COUNTS.get(count, 1)
        delta = years if direction in ("after", "later", "next", "following") else -years
        data_periods = [m for m in base_periods if not _is_paper_reference(out, m)]
        if unit == "year":
            for m in reversed(data_periods):
                out = replace_span(out, m.span(), _shift_years(m.group(0), delta))
            stated = [m for m in PERIOD.finditer(answer) if not _is_paper_reference(answer, m)]
            if not data_periods and stated:
                out = append_phrase(out, f"for {_shift_years(stated[0].group(0), delta)}")
    elif periods:
        if base_periods:
            first = base_periods[0]
            out = replace_span(out, first.span(), periods[0])
        else:
            out = append_phrase(out, f"in {periods[0]}")
    if areas:
        base_areas = [a for a in areas_in(target, profile) if _area_span(out, a)]
        where = _area_span(out, base_areas[0]) if base_areas else None
        if where is not None:
            possessive = out[where[0] : where[1]].endswith("'s")
            out = replace_span(out, where, areas[0] + ("'s" if possessive else ""))
        else:
            out = append_phrase(out, f"in {areas[0]}")
    if measure:
        span = measure_span(out, profile)
        if span is not None:
            out = replace_span(out, span, measure)
    return out


_PAPER_NOUN = re.compile(
    r"\s*(?:[A-Z][\w-]*\s+){0,3}(?:pack|dashboard|report|assessment|strategy|minutes|agenda|"
    r"paper|update|table|meeting|summary|survey)s?\b",
    re.I,
)


def _is_paper_reference(text: str, period: re.Match[str]) -> bool:
    """'the January 2018 dashboard', 'the 2017 strategic assessment': a paper, not a period."""
    return bool(_PAPER_NOUN.match(text, period.end())) and not re.search(
        r"\b(?:in|for|during|between|to|from|of)\s*$", text[: period.start()], re.I
    )
