"""What a figure question says of the table that answers it, read once for the matchers: the
words it names a measure with, a table's label or kind, a ledger's rows and columns, the
agencies named, the kind of period ranked, change words and the days it names. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from board.dates import MONTH_NAME, MONTHS
from board.label_words import label_words
from board.measures import (
    MeasureWords,
    measure_words,
    normalise_text,
)
from board.profile import BoardProfile


@dataclass(frozen=True)
class TableAsk:
    """What a figure question says of the table that answers it, read once for the matchers."""

    measure: MeasureWords  # its words, as measure names are matched against them
    label: str | None  # "Table 2" named, as a caption starts ("table 2")
    ledger: LedgerWords  # its words as a ledger's rows and columns are named
    organisations: tuple[str, ...]  # agencies named ("the Police"); "Total" for "all agencies"
    ranked_home: str | None  # the home area, when it asks where that ranks
    period_ranked: str | None  # "which week|month|quarter had the most": that kind of period
    asks_change: bool  # a change word anywhere ("rise", "down", "compared")
    five_years: bool  # "five years ago": the table's five-year change column
    days: tuple[tuple[int, int], ...]  # (day, month) named: "the week to 30 December"
    week_days: tuple[tuple[int, int], ...]  # of those, days not starting a dated period
    latest_week: bool  # "the latest week shown"
    descriptors: frozenset[str]  # kinds of table named: "weekly", "dashboard"


@dataclass(frozen=True)
class LedgerWords:
    """The question's words as a ledger table's rows and columns are named by them."""

    stems: frozenset[str]  # its words stemmed as labels are, "each year" read as "annual"
    places: tuple[tuple[str, int], ...]  # where it first writes each of them: rows in order
    operation: str | None = None  # "ratio" (how many times), "difference" (how much more)

    def place(self, words: frozenset[str]) -> int:
        """Where the question first names one of ``words`` (after all it names, when none)."""
        at = dict(self.places)
        return min((at[w] for w in words if w in at), default=_UNNAMED)


_UNNAMED = 1 << 30

# Phrases a question uses for a ledger column's words ("save ... each year": "Annual saving").
_LEDGER_PHRASES = (
    (re.compile(r"\b(?:each|per|a) (?:year|annum)\b|\byearly\b|\bannually\b", re.I), " annual "),
    (re.compile(r"\bacross all (?:the )?(?:agencies|partners|organisations)\b", re.I), " total "),
    (re.compile(r"\b(?:altogether|overall|in all)\b", re.I), " total "),
)

_TIMES = re.compile(r"\bhow many times\b|\bratio\b|\btimes (?:larger|bigger|greater|more)\b", re.I)

_DIFFERENCE = re.compile(
    r"\bhow much (?:larger|bigger|greater|more|higher|smaller|less|lower)\b|\bdifference between\b",
    re.I,
)

_TABLE_LABEL = re.compile(r"\b(table|figure|appendix)\s+(\d{1,2})\b", re.I)

_CHANGE_WORD = re.compile(
    r"\b(?:change|compare|increase|decrease|rise|rose|fall|fell|up|down)\b", re.I
)

_FIVE_YEARS = re.compile(r"\b(?:five|5) years? (?:ago|earlier|before|previously)\b", re.I)

_WHICH_PERIOD = re.compile(r"\bwhich (week|month|quarter)\b", re.I)

_LATEST_WEEK = re.compile(r"\b(?:latest|last|most recent) week\b", re.I)

_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAME})\b", re.I)  # "30 December"

_YEAR_NEXT = re.compile(r"\s+(?:19|20)\d{2}\b")

# Words that name a kind of table; a question using one must be answered from such a table.
_DESCRIPTORS = ("weekly", "dashboard", "summary", "headline")


def _ledger_words(text: str, profile: BoardProfile) -> LedgerWords:
    """The question's words as a ledger's labels are stemmed, with where it writes each."""
    phrased = text
    for pattern, replacement in _LEDGER_PHRASES:
        phrased = pattern.sub(replacement, phrased)
    words = label_words(phrased, profile)
    lowered = text.lower()
    places = tuple((w, at) for w in sorted(words) if (at := lowered.find(w)) >= 0)
    operation = (
        "ratio" if _TIMES.search(text) else "difference" if _DIFFERENCE.search(text) else None
    )
    return LedgerWords(words, places, operation)


def _ranked_home(text: str, profile: BoardProfile) -> str | None:
    """The home area, when a question asks where it ranks ("where did X rank", "X's rank")."""
    home = profile.home_area
    if not home:
        return None
    name = re.escape(home.lower())
    pattern = rf"\bwhere (?:did|does|do|is|was) {name}\b|\b{name}(?:'?s)? rank"
    return home if re.search(pattern, text.lower()) else None


def _organisations(text: str, profile: BoardProfile) -> tuple[str, ...]:
    """Organisations a question names ("the Police"), and "Total" for "across all agencies"."""
    haystack = f" {normalise_text(text)} "
    words = profile.organisation_words.items()
    return tuple(dict.fromkeys(name for word, name in words if f" {word} " in haystack))


def _days(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """The days a question names ("30 December"), and those that are a week's end rather than
    the start of a dated period ("to 23 June 2013")."""
    found = [(m, (int(m.group(1)), MONTHS[m.group(2).lower()])) for m in _DAY_MONTH.finditer(text)]
    weeks = tuple(day for m, day in found if not _YEAR_NEXT.match(text, m.end()))
    return tuple(day for _, day in found), weeks


def read_table_ask(text: str, profile: BoardProfile) -> TableAsk:
    """What the question says of the table to read: its label, its kind, its ledger words."""
    profile = profile
    label = _TABLE_LABEL.search(text)
    period = _WHICH_PERIOD.search(text)
    days, weeks = _days(text)
    lowered = text.lower()
    return TableAsk(
        measure=measure_words(text, profile),
        label=f"{label.group(1).lower()} {label.group(2)}" if label else None,
        ledger=_ledger_words(text, profile),
        organisations=_organisations(text, profile),
        ranked_home=_ranked_home(text, profile),
        period_ranked=period.group(1).lower() if period else None,
        asks_change=bool(_CHANGE_WORD.search(text)),
        five_years=bool(_FIVE_YEARS.search(text)),
        days=days,
        week_days=weeks,
        latest_week=bool(_LATEST_WEEK.search(text)),
        descriptors=frozenset(w for w in _DESCRIPTORS if re.search(rf"\b{w}\b", lowered)),
    )
