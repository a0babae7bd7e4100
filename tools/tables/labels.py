"""Reading row and column labels: is a label a period ("FY 11/12"), a place ("Southtown"),
a statistic ("% Chg", "SD Rate") or a measure ("Residential Burglary")? And what measure
does a caption name ("Q10B: How much of a problem ... are teenagers hanging around ...?")?
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from board.dates import MONTH_NAME
from board.measures import (
    area_name,
    canonical_measure,
    canonical_statistic,
    known_measure,
)
from board.periods import is_period_label, is_sheet_span, read_parts
from board.profile import BoardProfile

_QUESTION_PREFIX = re.compile(r"^(?:[A-Z]{1,3}\d{1,3}[A-Z]?|Proxy SPI\w*)\s*:\s*", re.I)
_BASE_SUFFIX = re.compile(r"\s*Base:.*$", re.I)
# Survey questions as captions: the measure is what they ask about ("worried about ASB").
_SURVEY_LEAD = re.compile(
    r"^(?:to what extent (?:are you|do you (?:think|agree) that)|"
    r"how much of a problem in the area (?:is|are)|"
    r"on the last occasion,?|how)\s+",
    re.I,
)
_SURVEY_TAIL = re.compile(r"\s*(?:in (?:the|this) area)?\s*\?\s*$", re.I)
STATISTIC_MEASURES = {"sanction detection rate", "sanction detections"}


@dataclass(frozen=True)
class Label:
    """What one label says: a period (its raw text), a place, a statistic, a measure."""

    text: str
    is_period: bool
    area: str | None
    statistic: str | None
    measure: str | None


def read_label(text: str, default_year: int | None, profile: BoardProfile) -> Label:
    """Classify a row or column label."""
    clean = " ".join(text.split())
    if not clean:
        return Label("", False, None, None, None)
    area = area_name(clean, profile)
    if area:
        return Label(clean, False, area, None, None)
    parts = read_parts(clean, default_year)
    if (not parts.empty() or is_sheet_span(clean)) and is_period_label(clean):
        return Label(clean, True, None, None, None)  # "FY 11/12", "LAST 7 DAYS", "THIS MONTH"
    without_time = strip_time(clean) if not parts.empty() else clean
    statistic = canonical_statistic(without_time, profile) if without_time else None
    measure: str | None = None
    if statistic == "value":
        statistic = None
    elif statistic in profile.known_statistics:
        measure = known_measure(clean, profile)
    elif statistic is not None:
        measure, statistic = canonical_measure(without_time, profile) or None, None
    if measure in STATISTIC_MEASURES:
        measure = None
    return Label(clean, not parts.empty(), None, statistic, measure)


_TIME_WORDS = re.compile(
    rf"\b(?:FY\s*)?\d{{2,4}}\s*/\s*\d{{2,4}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\bFYTD\b|"
    rf"\bR12\b|"
    rf"\b(?:current|previous|recent|rolling|last|this|latest|one|ago|period|quarter|month|months|"
    rf"week|weeks)\b|"
    rf"\b(?:12|twelve)\s*months?\b|\byear\s+to\s+date\b|\byears?\b|\btotals?\b|\bq(?:tr|"
    rf"rt)?\s*[1-4]\b|"
    rf"\d{{0,2}}(?:st|nd|rd|th)?{MONTH_NAME}\.?\s*'?\d{{0,4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\b|"
    rf"\b(?:19|20)\d{{2}}\b|\bto\b|\bup\b|\bbaseline\b|\bin\b",
    re.I,
)


def strip_time(text: str) -> str:
    """A label without its period words: "Offences Current R12" -> "Offences"."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = _TIME_WORDS.sub(" ", text).replace("(", " ").replace(")", " ")
    return " ".join(text.split()).strip(" -–:/.,")


def caption_measure(caption: str, stub: str, profile: BoardProfile) -> str | None:
    """The measure a caption or stub names: a known one, else the caption's question."""
    question = "?" in caption
    for text in (caption, stub):
        found = known_measure(text, profile)
        if not question and found and found not in STATISTIC_MEASURES:
            return found
    text = _BASE_SUFFIX.sub("", _QUESTION_PREFIX.sub("", caption)).strip()
    text = _SURVEY_LEAD.sub("", text)
    text = _SURVEY_TAIL.sub("", text).strip()
    text = canonical_measure(strip_time(text), profile) if text else ""
    return text or None
