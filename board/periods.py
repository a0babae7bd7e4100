"""Period labels, normalised: "FY 11/12" and "2011/12" are one financial year, "14 Apr"
is a week ending in the report's year, "This Year" in a crime summary "between
01/04/2012 and 06/01/2013" is that range, "Current R12" the report's rolling twelve
months. Pure functions; a label that names no period gives None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from board.dates import MONTH_NAME, MONTHS, find_dates, safe_date, two_digit_year

_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_FY = re.compile(
    rf"(?<![\d/])(?:FY\s*)?({_YEAR}|\d{{2}})\s*[/-]\s*({_YEAR}|\d{{2}})(?![\d/])", re.I
)
_WEEK = re.compile(rf"(\d{{1,2}}){_ORD}\s*({MONTH_NAME})\.?", re.I)
_VERSUS = re.compile(r"\b(?:vs\.?|versus|compared (?:with|to)|against)\s.*$", re.I)
_MON_Y = re.compile(rf"\b({MONTH_NAME})\.?\s*[-']?\s*({_YEAR}|\d{{2}})(?![\d/])", re.I)
_MONTH_RANGE = re.compile(
    rf"\b({MONTH_NAME})\s*[-']?\s*({_YEAR}|\d{{2}})?\s*(?:-|–|—|to)\s*({MONTH_NAME})\s*[-']?\s*({_YEAR}|"
    rf"\d{{2}})(?![\d/])",
    re.I,
)
_QUARTER = re.compile(
    r"\b(?:Q|Qtr|Qrt|Quarter)\s*([1-4])(?:\s+((?:19|20)?\d{2})(?![\d/]))?\b", re.I
)
_Q_ROLLING = re.compile(r"\bQ[1-4]\s*-\s*Q[1-4]\b", re.I)
_R12 = re.compile(
    r"\bR12\b|\brolling\s*(?:12|twelve)\s*months?\b|\b(?:12|twelve)\s*months?\b", re.I
)
_FYTD = re.compile(
    r"\bFYTD\b|\b(?:year|yr\.?)[\s-]+to[\s-]+date\b|\bYTD\b|\bso far this (?:financial )?year\b",
    re.I,
)
_CURRENT = re.compile(r"\b(?:this year|current|recent|latest|most recent)\b", re.I)
_PREVIOUS = re.compile(
    r"\b(?:last (?:year|yr\b\.?)|previous (?:year|yr\.?|period|r12|rolling|12|twelve|quarter|month)|"
    r"prev\.? year|one year ago|"
    r"a year (?:ago|earlier)|prior year|year before)\b|^previous$",
    re.I,
)
_AS_OF = re.compile(r"\b(?:to|up to|until|as at|ending)\s+(.{3,24})", re.I)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_SEASON = re.compile(rf"\b(spring|summer|autumn|winter)\s*'?({_YEAR}|\d{{2}})\b", re.I)
_YEAR_ONLY = re.compile(rf"^\(?({_YEAR})\)?$")
# "2017-10" as data files write a month; "2011-12" stays a financial year (see _iso_month).
_ISO_MONTH = re.compile(rf"(?<![\d/-])({_YEAR})-(0[1-9]|1[0-2])(?![\d/-])")
_MONTH_ABBR = ("", *(calendar.month_abbr[m] for m in range(1, 13)))


@dataclass(frozen=True)
class PeriodContext:
    """What a table says about its own dates: the report date, the data's last day, a range."""

    meeting_date: date | None = None
    as_of: date | None = None  # last day the figures cover ("to Nov2017", latest week shown)
    current: tuple[date, date] | None = (
        None  # what "This Year" means ("between 01/04/2012 and 06/01/2013")
    )
    month: tuple[int, int] | None = None  # the one month a sheet is for ("SUMMARY: APRIL 2020")

    @property
    def anchor(self) -> date | None:
        return self.as_of or self.meeting_date


# ---------------------------------------------------------------- dates


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def fy_start(d: date) -> int:
    """The first calendar year of the financial year (April to March) containing ``d``."""
    return d.year if d.month >= 4 else d.year - 1


def fy_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def latest_on_or_before(day: int, month: int, anchor: date) -> date | None:
    """The latest date with that day and month on or before ``anchor``."""
    for year in (anchor.year, anchor.year - 1):
        d = safe_date(year, month, day)
        if d and d <= anchor + timedelta(days=6):
            return d
    return None


# ---------------------------------------------------------------- reading one label


@dataclass(frozen=True)
class Parts:
    """What a label says about time, before the table's context is applied."""

    fy: int | None = None  # first year of a financial year
    fytd: bool = False
    r12: bool = False
    relation: str | None = None  # "current" | "previous"
    week: tuple[int, int] | None = None  # (day, month) of a week ending
    month: tuple[int, int] | None = None  # (year, month)
    span: tuple[date, date] | None = None  # an explicit range
    quarter: int | None = None
    quarter_year: int | None = None
    year: int | None = None
    as_of: date | None = None

    def empty(self) -> bool:
        return self == Parts()

    def merged(self, other: Parts) -> Parts:
        """These parts with ``other``'s filling the gaps (the more specific label goes first)."""
        values = {k: getattr(self, k) for k in self.__dataclass_fields__}
        for k in values:
            if values[k] in (None, False):
                values[k] = getattr(other, k)
        return Parts(**values)


def read_parts(label: str, default_year: int | None = None) -> Parts:
    """What ``label`` says about time ("FY 11/12", "14 Apr", "Current R12", "Apr 13 - Mar 14")."""
    text = _ISO_MONTH.sub(_iso_month, _VERSUS.sub("", " ".join(label.split())).strip())
    if not text:
        return Parts()
    if week := _WEEK.fullmatch(text):
        return Parts(week=(int(week.group(1)), MONTHS[week.group(2).lower()]))
    fields: dict[str, object] = {}
    rest = text
    if m := _MONTH_RANGE.search(rest):
        y2 = two_digit_year(m.group(4))
        m1, m2 = MONTHS[m.group(1).lower()], MONTHS[m.group(3).lower()]
        y1 = two_digit_year(m.group(2)) if m.group(2) else (y2 if m1 <= m2 else y2 - 1)
        fields["span"] = (date(y1, m1, 1), month_end(y2, m2))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    dates = find_dates(rest, default_year)
    between = re.search(r"\bbetween\b|\bfrom\b|\s[-–]\s|\bto\b", rest, re.I)
    if "span" not in fields and len(dates) >= 2 and between:
        fields["span"] = (dates[0], dates[1])
    elif dates and (m := _AS_OF.search(rest)) and find_dates(m.group(1), default_year):
        fields["as_of"] = find_dates(m.group(1), default_year)[0]
    elif dates and "span" not in fields and not re.search(r"\b(?:from|since|after)\b", rest, re.I):
        fields["as_of"] = dates[0]
    if "span" not in fields and (m := _FY.search(rest)):
        a, b = two_digit_year(m.group(1)), two_digit_year(m.group(2))
        if b == a + 1:
            fields["fy"] = a
            rest = rest[: m.start()] + " " + rest[m.end() :]
    mon = _MON_Y.search(rest) if "span" not in fields and not dates and "fy" not in fields else None
    if mon is not None:
        month, year = MONTHS[mon.group(1).lower()], two_digit_year(mon.group(2))
        if (to := _AS_OF.search(rest)) and mon.start() >= to.start():
            fields["as_of"] = month_end(year, month)
        else:
            fields["month"] = (year, month)
    if "span" not in fields and (m := _SEASON.search(text)):
        first = _SEASONS[m.group(1).lower()]
        year = two_digit_year(m.group(2))
        last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
        fields["span"] = (date(year, first, 1), month_end(last_year, last))
    if (m := _QUARTER.search(text)) and not _Q_ROLLING.search(text):
        fields["quarter"] = int(m.group(1))
        if m.group(2):
            fields["quarter_year"] = two_digit_year(m.group(2))
    if _FYTD.search(text):
        fields["fytd"] = True
    if _R12.search(text):
        fields["r12"] = True
    if _PREVIOUS.search(text):
        fields["relation"] = "previous"
    elif _CURRENT.search(text):
        fields["relation"] = "current"
    year_only = _YEAR_ONLY.match(text.strip()) or re.search(rf"\(({_YEAR})\)", text)
    if year_only and not fields.get("span") and not fields.get("fy") and not fields.get("month"):
        fields["year"] = int(year_only.group(1))
    return Parts(**fields)  # type: ignore[arg-type]


def _iso_month(m: re.Match[str]) -> str:
    """ "2017-10" read as "Oct 2017"; "2011-12", whose second half is the next year, is left a
    financial year."""
    year, month = int(m.group(1)), int(m.group(2))
    if month == (year + 1) % 100:
        return m.group(0)
    return f"{_MONTH_ABBR[month]} {year}"


# "last 7 days", "last 28 days", "past 4 weeks": a short span up to the report's date
LAST_DAYS = re.compile(r"\b(?:last|past|previous)\s+(\d{1,3})\s+(days?|weeks?)\b", re.I)
# A monthly sheet's own columns: the month it is for, and the year so far to that month.
THIS_MONTH = re.compile(r"\b(?:this|current) month\b|\bmonthly total\b", re.I)
YEARLY_TOTAL = re.compile(r"\byearly total\b", re.I)


def is_sheet_span(label: str) -> bool:
    """A statistics sheet's own time column: "LAST 7 DAYS", "THIS MONTH", "Yearly Total"."""
    return bool(
        LAST_DAYS.fullmatch(label.strip()) or THIS_MONTH.search(label) or YEARLY_TOTAL.search(label)
    )


def is_period_label(label: str) -> bool:
    """Whether a label names a time (so it is a period, not a measure or an area)."""
    if is_sheet_span(label):
        return True
    parts = read_parts(label, 2000)
    if parts.empty():
        return False
    words = re.sub(r"[^A-Za-z ]", " ", label).lower().split()
    timeish = {
        "fy",
        "fytd",
        "ytd",
        "r",
        "current",
        "previous",
        "last",
        "this",
        "year",
        "years",
        "yr",
        "month",
        "months",
        "rolling",
        "q",
        "qtr",
        "qrt",
        "quarter",
        "to",
        "up",
        "date",
        "total",
        "totals",
        "baseline",
        "ago",
        "one",
        "a",
        "prev",
        "recent",
        "latest",
        "period",
        "week",
        "ending",
        "the",
        "financial",
        "of",
        "and",
        "between",
        "as",
        "at",
        "st",
        "nd",
        "rd",
        "th",
        "vs",
        "so",
        "far",
        "most",
        "same",
        "from",
        "based",
        "on",
        "information",
        "data",
        "strategy",
    } | set(MONTHS)
    return all(w in timeish or w.isdigit() for w in words) or bool(parts.span or parts.fy)
