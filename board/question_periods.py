"""The periods a question names: "in 2012/13", "the rolling 12 months to November 2017",
"between 1 April 2012 and 6 January 2013", "the week ending 30 December", "last year".
Part of the question reader (board/figure_question.py). Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from board.metrics import Period
from board.period_resolve import resolve
from board.periods import (
    MONTH_NAME,
    MONTHS,
    Parts,
    PeriodContext,
    find_dates,
    fy_start,
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
    found: list[tuple[int, Period]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, period: Period | None) -> None:
        if period is not None and not any(s < end and start < e for s, e in taken):
            found.append((start, period))
            taken.append((start, end))

    for m in _RANGE_PHRASES.finditer(text):
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        dates = find_dates(f"{a} and {b}")
        if len(dates) == 2:
            add(m.start(), m.end(), resolve(Parts(span=(dates[0], dates[1])), ctx))
    fytd = _FY_WORDS.search(text)
    up_to = TO_DATE.search(text) if fytd else None
    if up_to is not None:
        taken.append(up_to.span())  # "up to the week ending 23 June" ends the year to date
    for m in _WEEK.finditer(text):
        dates = find_dates(m.group(1), today.year if today else None)
        if dates:
            d = dates[0]
            add(m.start(), m.end(), resolve(Parts(week=(d.day, d.month)), PeriodContext(d, d)))
        elif day_month := _DAY_MONTH_ONLY.match(m.group(1)):
            add(m.start(), m.end(), yearless_week(*day_month.groups()))
    # financial year to date: "the 2013/14 financial year to date, up to the week ending 23 June"
    if fytd:
        end_dates = find_dates(up_to.group(1)) if up_to else []
        end_date = end_dates[0] if end_dates else None
        parts = read_parts(text[max(0, fytd.start() - 20) : fytd.end() + 5])
        fy = parts.fy if parts.fy is not None else (fy_start(end_date) if end_date else None)
        if fy is not None:
            period = resolve(Parts(fy=fy, fytd=True, as_of=end_date), ctx)
            if period and end_date is None:
                period = replace(period, end=None, key=f"FYTD {period.label.split()[0]}")
            add(fytd.start(), fytd.end(), period)
        elif end_date is None:
            add(
                fytd.start(),
                fytd.end(),
                Period("FYTD", "financial year to date", "fytd", None, None, "current"),
            )
    # rolling twelve months, possibly "to November 2017"
    for m in R12_WORDS.finditer(text):
        tail = text[m.end() : m.end() + 30]
        to = re.match(
            r"\s+(?:to|ending)\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+)?\w+\s+(?:19|20)\d{2})", tail, re.I
        )
        relation = (
            "previous"
            if re.search(r"previous|prior|before", text[max(0, m.start() - 25) : m.start()], re.I)
            else "current"
        )
        as_of = None
        if to:
            parts = read_parts(f"to {to.group(1)}")
            as_of = parts.as_of
        period = resolve(Parts(r12=True, relation=relation, as_of=as_of), ctx)
        add(m.start(), m.end() + (to.end() if to else 0), period)
    # the rest, token by token: FYs, quarters, months, years, ranges written as "Jul 16 - Jun 17"
    for m in re.finditer(
        r"(?:quarter\s*[1-4]\s+of\s+|q[1-4]\s+)?(?:fy\s*)?(?:19|20)?\d{2}\s*/\s*(?:19|"
        r"20)?\d{2}(?:\s+financial year)?|"
        r"\bq[1-4]\s+(?:19|20)\d{2}\b|"
        r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
        r"december|"
        r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\w*\s*'?(?:(?:19|20)?\d{2})?\s*(?:-|–|"
        r"to)\s*"
        r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
        r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\w*\s*'?(?:19|20)?\d{2}\b|"
        r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
        r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\w*\s+(?:19|20)\d{2}\b|"
        r"\b(?:19|20)\d{2}\b",
        text,
        re.I,
    ):
        label = m.group(0)
        if re.search(r"\d{1,2}(?:st|nd|rd|th)?\s*$", text[: m.start()]) and label[:1].isalpha():
            continue  # "6 January 2013" is a date, not the month
        if re.fullmatch(r"(?:19|20)\d{2}", label.strip()):
            if not re.search(r"\b(?:in|during|for|of|calendar year)\s+$", text[: m.start()], re.I):
                continue  # a bare year is a period only as "in 2011", "for 2015"
            if re.match(r"\s*[-–/]\s*(?:19|20)?\d{2}", text[m.end() :]):
                continue  # "2011-2014" names a strategy, not a year
            period = Period(label, label, "year", f"{label}-01-01", f"{label}-12-31")
        else:
            q = re.match(r"quarter\s*([1-4])\s+of\s+|q([1-4])\s+", label, re.I)
            parts = read_parts(label)
            if q:
                parts = replace(parts, quarter=int(q.group(1) or q.group(2)))
            period = resolve(parts, ctx) if not parts.empty() else None
        add(m.start(), m.end(), period)
    periods = tuple(p for _, p in sorted(found, key=lambda x: x[0]))
    return periods, bool(_PREVIOUS_WORDS.search(text))


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
