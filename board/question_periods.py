"""The periods a question names: "in 2012/13", "the rolling 12 months to November 2017",
"between 1 April 2012 and 6 January 2013", "the week ending 30 December", "last year".
Part of the question reader (board/figure_question.py). Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from board.dates import MONTH_NAME, MONTHS, find_dates, safe_date
from board.metrics import Period
from board.period_resolve import resolve
from board.periods import (
    Parts,
    PeriodContext,
    fy_start,
    long_date,
    month_end,
    read_parts,
)

_RANGE_PHRASES = re.compile(
    r"(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until)\s+(?P<b>(?:\d{1,2}(?:st|nd|rd|"
    r"th)?\s+)?\w+\s+(?:19|20)\d{2})|"
    r"(?P<c>\d{1,2}(?:st|nd|rd|th)?\s+\w+(?:\s+(?:19|20)\d{2})?)\s+(?:to|until|-|"
    r"–)\s+(?P<d>\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+(?:19|20)\d{2})",
    re.I,
)
_WEEK = re.compile(
    r"\bweek(?: ending| shown as| to| of)?\s+(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+\w+(?:\s+(?:19|"
    r"20)\d{2})?)",
    re.I,
)
TO_DATE = re.compile(
    r"\b(?:to|up to|until|ending)\s+(?:the\s+)?(?:week ending\s+)?(\d{1,2}(?:st|nd|rd|"
    r"th)?\s+\w+\s+(?:19|20)\d{2})",
    re.I,
)
_FY_WORDS = re.compile(
    r"\b(?:financial )?year[\s-]+to[\s-]+date\b|\bfytd\b|\bso far this (?:financial )?year\b|"
    r"\bfinancial year (?=to (?:the week ending )?\d)",
    re.I,
)
R12_WORDS = re.compile(r"\b(?:rolling\s+)?(?:12|twelve)\s+months?\b", re.I)
_PREVIOUS_WORDS = re.compile(
    r"\b(?:last year|same period (?:last year|the year before|a year earlier)|previous (?:year|"
    r"rolling|12|twelve)|"
    r"year before|a year earlier|one year ago|prior year)\b",
    re.I,
)
CURRENT_WORDS = re.compile(r"\b(?:this year|current(?:ly)?|latest|most recent)\b", re.I)


_MONTH_QUALIFIER = re.compile(
    rf"\b(?:late|early|mid|(?:the )?(?:end|start|beginning|middle) of)\s+(?=(?:{'|'.join(MONTHS)})\b)",
    re.I,
)


# "30 December" with no year (unlike confidence.DAY_MONTH, the whole text, "Decembre" too)
_DAY_MONTH_ONLY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAME})[a-z]*$", re.I)


def yearless_week(day: str, month: str) -> Period:
    """ "The week ending 30 December" with no year: the latest such week of a weekly table
    (the "This Year" row); see ``period_matching.period_matches``."""
    number = MONTHS[month.lower()]
    label = f"week ending {int(day)} {date(2000, number, 1):%B}"
    return Period(f"week ending --{number:02d}-{int(day):02d}", label, "week")


def question_periods(text: str, today: date | None = None) -> tuple[tuple[Period, ...], bool]:
    """The periods a question names, in order, and whether it also asks about "last year"."""
    ctx = PeriodContext(today)
    text = _MONTH_QUALIFIER.sub("", text)  # "late October to end of December 2012"
    found = _Found()
    _ranges(text, ctx, found)
    fytd = _FY_WORDS.search(text)
    up_to = TO_DATE.search(text) if fytd else None
    if up_to is not None:
        found.taken.append(up_to.span())  # "up to the week ending 23 June" ends the year to date
    _weeks(text, today, found)
    if fytd:
        _year_to_date(text, ctx, fytd, up_to, found)
    _calendar_to_date(text, found)
    _rolling_twelve_months(text, ctx, found)
    _written_periods(text, ctx, found)
    return found.periods(), bool(_PREVIOUS_WORDS.search(text))


class _Found:
    """The periods read so far, by where the question writes them; a stretch of the text
    read as one period is not read again as another."""

    def __init__(self) -> None:
        self.found: list[tuple[int, Period]] = []
        self.taken: list[tuple[int, int]] = []

    def add(self, start: int, end: int, period: Period | None) -> None:
        if period is not None and not any(s < end and start < e for s, e in self.taken):
            self.found.append((start, period))
            self.taken.append((start, end))

    def periods(self) -> tuple[Period, ...]:
        return tuple(p for _, p in sorted(self.found, key=lambda x: x[0]))


def _ranges(text: str, ctx: PeriodContext, found: _Found) -> None:
    """ "Between 1 April 2012 and 6 January 2013", "from ... to ...": one span."""
    for m in _RANGE_PHRASES.finditer(text):
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        dates = find_dates(f"{a} and {b}")
        if len(dates) == 2:
            found.add(m.start(), m.end(), resolve(Parts(span=(dates[0], dates[1])), ctx))


def _weeks(text: str, today: date | None, found: _Found) -> None:
    """ "The week ending 30 December 2012", or with no year the latest such week."""
    for m in _WEEK.finditer(text):
        dates = find_dates(m.group(1), today.year if today else None)
        if dates:
            d = dates[0]
            period = resolve(Parts(week=(d.day, d.month)), PeriodContext(d, d))
            found.add(m.start(), m.end(), period)
        elif day_month := _DAY_MONTH_ONLY.match(m.group(1)):
            found.add(m.start(), m.end(), yearless_week(*day_month.groups()))


def _year_to_date(
    text: str,
    ctx: PeriodContext,
    fytd: re.Match[str],
    up_to: re.Match[str] | None,
    found: _Found,
) -> None:
    """ "The 2013/14 financial year to date, up to the week ending 23 June"."""
    end_dates = find_dates(up_to.group(1)) if up_to else []
    end_date = end_dates[0] if end_dates else None
    parts = read_parts(text[max(0, fytd.start() - 20) : fytd.end() + 5])
    fy = parts.fy if parts.fy is not None else (fy_start(end_date) if end_date else None)
    if fy is not None:
        period = resolve(Parts(fy=fy, fytd=True, as_of=end_date), ctx)
        if period and end_date is None:
            period = replace(period, end=None, key=f"FYTD {period.label.split()[0]}")
        found.add(fytd.start(), fytd.end(), period)
    elif end_date is None:
        period = Period("FYTD", "financial year to date", "fytd", None, None, "current")
        found.add(fytd.start(), fytd.end(), period)


_DAY_OR_MONTH = rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({MONTH_NAME})[a-z]*"
_SO_FAR = re.compile(
    rf"\b(?:in|during|for)\s+((?:19|20)\d{{2}})\s+(?:(?:up\s+)?to|until|by)\s+(?:the\s+)?"
    rf"(?:end\s+of\s+)?{_DAY_OR_MONTH}\b(?!\s+(?:19|20)\d{{2}})"
    r"|\bso far in\s+((?:19|20)\d{2})\b|\bin\s+((?:19|20)\d{2})\s+(?:so far|to date)\b",
    re.I,
)
_SAME_POINT = re.compile(
    r"\b(?:by\s+|at\s+)?the same (?:point|stage|time|period)\s+(?:in|of)\s+((?:19|20)\d{2})\b",
    re.I,
)


def _calendar_to_date(text: str, found: _Found) -> None:
    """A calendar year so far: "in 2020 up to the end of April", "so far in 2026", and "by
    the same point in 2019" after it: the later year's to date is the current, the earlier's
    the previous, as a statistics sheet's YEAR TO DATE and LAST YEAR TO DATE."""
    m = _SO_FAR.search(text)
    if m is None:
        return
    year = int(m.group(1) or m.group(4) or m.group(5))
    day, month = m.group(2), m.group(3)
    end = None
    if month:
        number = MONTHS[month.lower()]
        end = safe_date(year, number, int(day)) if day else month_end(year, number)
    found.add(m.start(), m.end(), _year_so_far(year, end, "current"))
    for same in _SAME_POINT.finditer(text):
        other = int(same.group(1))
        up_to = end.replace(year=other) if end and not (end.month == 2 and end.day == 29) else None
        relation = "previous" if other < year else "current"
        found.add(same.start(), same.end(), _year_so_far(other, up_to, relation))


def _year_so_far(year: int, end: date | None, relation: str) -> Period:
    label = f"1 January to {long_date(end)}" if end else f"{year} so far"
    return Period(
        f"YTD {year}", label, "ytd", f"{year}-01-01", end.isoformat() if end else None, relation
    )


_R12_TO = re.compile(
    r"\s+(?:to|ending)\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+)?\w+\s+(?:19|20)\d{2})", re.I
)
_BEFORE = re.compile(r"previous|prior|before", re.I)


def _rolling_twelve_months(text: str, ctx: PeriodContext, found: _Found) -> None:
    """Rolling twelve months, possibly "to November 2017", possibly the previous ones."""
    for m in R12_WORDS.finditer(text):
        to = _R12_TO.match(text[m.end() : m.end() + 30])
        before = _BEFORE.search(text[max(0, m.start() - 25) : m.start()])
        relation = "previous" if before else "current"
        as_of = read_parts(f"to {to.group(1)}").as_of if to else None
        period = resolve(Parts(r12=True, relation=relation, as_of=as_of), ctx)
        found.add(m.start(), m.end() + (to.end() if to else 0), period)


# FYs, quarters, months, years, ranges written as "Jul 16 - Jun 17".
_PERIOD_TOKEN = re.compile(
    r"(?:quarter\s*[1-4]\s+of\s+|q[1-4]\s+)?(?:fy\s*)?(?:19|20)?\d{2}\s*/\s*(?:19|"
    r"20)?\d{2}(?:\s+financial year)?|"
    r"\bq[1-4]\s+(?:19|20)\d{2}\b|"
    rf"\b{MONTH_NAME}\w*\s*'?(?:(?:19|20)?\d{{2}})?\s*(?:-|–|to)\s*"
    rf"{MONTH_NAME}\w*\s*'?(?:19|20)?\d{{2}}\b|"
    rf"\b{MONTH_NAME}\w*\s+(?:19|20)\d{{2}}\b|"
    r"\b(?:19|20)\d{2}\b",
    re.I,
)
_DAY_BEFORE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s*$")
_YEAR_ALONE = re.compile(r"(?:19|20)\d{2}")
_IN_YEAR = re.compile(
    r"\b(?:in|during|for|of|calendar year|with|against|than|versus|vs\.?|and|or)\s+$", re.I
)
_YEAR_SPAN_NEXT = re.compile(r"\s*[-–/]\s*(?:19|20)?\d{2}")
_QUARTER_OF = re.compile(r"quarter\s*([1-4])\s+of\s+|q([1-4])\s+", re.I)


def _written_periods(text: str, ctx: PeriodContext, found: _Found) -> None:
    """The rest, token by token: financial years, quarters, months, years and month ranges."""
    for m in _PERIOD_TOKEN.finditer(text):
        label = m.group(0)
        if _DAY_BEFORE.search(text[: m.start()]) and label[:1].isalpha():
            continue  # "6 January 2013" is a date, not the month
        if _YEAR_ALONE.fullmatch(label.strip()):
            if not _IN_YEAR.search(text[: m.start()]):
                continue  # a bare year is a period only as "in 2011", "with 2019"
            if _YEAR_SPAN_NEXT.match(text[m.end() :]):
                continue  # "2011-2014" names a strategy, not a year
            period: Period | None = Period(label, label, "year", f"{label}-01-01", f"{label}-12-31")
        else:
            q = _QUARTER_OF.match(label)
            parts = read_parts(label)
            if q:
                parts = replace(parts, quarter=int(q.group(1) or q.group(2)))
            period = resolve(parts, ctx) if not parts.empty() else None
        found.add(m.start(), m.end(), period)


_NAMED_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(MONTHS)})[a-z]*\.?\s+(?:19|20)\d{{2}}\b"
    r"|\b(?:19|20)\d{2}\s*/\s*\d{2}(?:\d{2})?\b"
    r"|\b(?:19|20)\d{2}\b(?!\s*[-–/]\s*\d)",
    re.I,
)


_YEAR_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b")


def unread_dates(text: str, periods: Sequence[Period]) -> tuple[str, ...]:
    """Dates, financial years and years the question names that none of its periods covers
    ("between 2012 and 2016" when no period was read from it). A figure for another period
    would answer a question that was not asked."""
    unread = []
    text = _YEAR_RANGE.sub(" ", text)  # "the 2011-2014 strategy" is a name
    for m in _NAMED_DATE.finditer(text):
        if not any(_covers(p, m.group(0)) for p in periods):
            unread.append(m.group(0))
    return tuple(unread)


def _covers(period: Period, named: str) -> bool:
    if named.replace(" ", "") in period.label.replace(" ", "") or named in period.key:
        return True
    dates = find_dates(named)
    if dates:
        day = dates[0].isoformat()
        return (period.start or day) <= day <= (period.end or day) and bool(
            period.start or period.end
        )
    years = {int(y) for y in re.findall(r"(?:19|20)\d{2}", named)}
    spanned = {int(d[:4]) for d in (period.start, period.end) if d}
    return bool(years & spanned) or (
        len(spanned) == 2 and min(spanned) <= min(years) <= max(spanned)
    )


def as_periods(period: str | Sequence[Period] | None) -> tuple[Period, ...]:
    """A tool's ``period`` argument as periods: words are read as a question would be."""
    if period is None:
        return ()
    if isinstance(period, str):
        return question_periods(period)[0]
    return tuple(period)
