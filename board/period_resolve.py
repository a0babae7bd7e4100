"""Resolving what a label says about time into a Period, in the context of its table:
"This Year" in a crime summary "between 01/04/2012 and 06/01/2013" is that range, "14 Apr"
a week ending in the report's year, "Current R12" the report's rolling twelve months. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from board.metrics import Period
from board.periods import (
    LAST_DAYS,
    THIS_MONTH,
    YEARLY_TOTAL,
    Parts,
    PeriodContext,
    fy_label,
    fy_start,
    latest_on_or_before,
    long_date,
    month_end,
    read_parts,
    shift_year,
)


def _range_period(start: date, end: date, relation: str | None = None) -> Period:
    if start.day == 1 and end == month_end(end.year, end.month):
        if start.month == 4 and end.month == 3 and end.year == start.year + 1:
            return fy_period(start.year)
        label = f"{start:%B %Y} to {end:%B %Y}"
    else:
        label = f"{long_date(start)} to {long_date(end)}"
    return Period(
        f"{start.isoformat()}..{end.isoformat()}",
        label,
        "range",
        start.isoformat(),
        end.isoformat(),
        relation,
    )


def fy_period(start_year: int) -> Period:
    return Period(
        f"FY {fy_label(start_year)}",
        fy_label(start_year),
        "fy",
        date(start_year, 4, 1).isoformat(),
        date(start_year + 1, 3, 31).isoformat(),
    )


def _fytd_period(start_year: int, end: date | None, relation: str | None) -> Period:
    label = f"{fy_label(start_year)} financial year to date"
    if end is None:
        return Period(
            f"FYTD {fy_label(start_year)}",
            label,
            "fytd",
            date(start_year, 4, 1).isoformat(),
            None,
            relation,
        )
    return Period(
        f"FYTD {fy_label(start_year)} to {end.isoformat()}",
        f"{label} (1 April to {long_date(end)})",
        "fytd",
        date(start_year, 4, 1).isoformat(),
        end.isoformat(),
        relation,
    )


def _quarter_period(fy: int, quarter: int) -> Period:
    first_month = 4 + 3 * (quarter - 1)
    year = fy + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    end = month_end(year + (month + 1) // 12, (month + 1) % 12 + 1)
    return Period(
        f"Q{quarter} {fy_label(fy)}",
        f"quarter {quarter} of {fy_label(fy)}",
        "quarter",
        date(year, month, 1).isoformat(),
        end.isoformat(),
    )


def resolve(parts: Parts, ctx: PeriodContext) -> Period | None:
    """The period ``parts`` name in a table with context ``ctx``; None when they name none.
    The most specific part decides: a span, a financial year, a week, a month, a year to
    date, rolling twelve months, a quarter, a year, a relation ("last year"), an end date."""
    anchor = parts.as_of or ctx.anchor
    if parts.span:
        return _span(parts)
    if parts.fy is not None:
        return _financial_year(parts, ctx)
    if parts.week and anchor:
        return _week(parts, ctx, anchor)
    if parts.month:
        return _month(parts)
    if parts.fytd and parts.year and not parts.relation:
        return _calendar_year_to_date(parts.year, parts.as_of)
    if parts.fytd:
        return _year_to_date(parts, ctx, anchor)
    if parts.r12:
        return _rolling_twelve_months(parts, ctx)
    if parts.quarter and parts.quarter_year:
        return _calendar_quarter(parts.quarter, parts.quarter_year)
    if parts.year:
        return _calendar_year(parts.year)
    if parts.relation:
        return _relative(parts, ctx)
    if parts.as_of:
        return Period(
            f"to {parts.as_of.isoformat()}",
            f"the period to {long_date(parts.as_of)}",
            "relative",
            None,
            parts.as_of.isoformat(),
            "current",
        )
    return None


def _shift(parts: Parts) -> int:
    """Years back the parts point: one for "previous", none otherwise."""
    return -1 if parts.relation == "previous" else 0


def _span(parts: Parts) -> Period:
    start, end = parts.span  # type: ignore[misc]
    if parts.relation == "previous" and not parts.r12:
        start, end = shift_year(start, -1), shift_year(end, -1)
    return _range_period(start, end, parts.relation)


def _financial_year(parts: Parts, ctx: PeriodContext) -> Period:
    fy = parts.fy
    assert fy is not None
    if parts.quarter:
        return _quarter_period(fy, parts.quarter)
    if parts.fytd:
        to = parts.as_of or (ctx.as_of if ctx.as_of and fy_start(ctx.as_of) == fy else None)
        return _fytd_period(fy, to, "current")
    return fy_period(fy)


def _week(parts: Parts, ctx: PeriodContext, anchor: date) -> Period | None:
    day, month = parts.week  # type: ignore[misc]
    ending = latest_on_or_before(day, month, ctx.as_of or anchor)
    if ending is None:
        return None
    end = shift_year(ending, _shift(parts))
    return Period(
        f"week ending {end.isoformat()}",
        f"week ending {long_date(end)}",
        "week",
        (end - timedelta(days=6)).isoformat(),
        end.isoformat(),
        parts.relation,
    )


def _month(parts: Parts) -> Period:
    year, month = parts.month  # type: ignore[misc]
    year += _shift(parts)
    start, end = date(year, month, 1), month_end(year, month)
    return Period(
        f"{start:%Y-%m}",
        f"{start:%B %Y}",
        "month",
        start.isoformat(),
        end.isoformat(),
        parts.relation,
    )


def _calendar_year_to_date(year: int, as_of: date | None) -> Period:
    """ "YEAR TO DATE" over "2026": a calendar year, written as one, to date."""
    end = as_of.isoformat() if as_of and as_of.year == year else None
    return Period(f"YTD {year}", f"{year} year to date", "ytd", f"{year}-01-01", end, None)


def _year_to_date(parts: Parts, ctx: PeriodContext, anchor: date | None) -> Period:
    if anchor is None:  # a sheet's own YEAR TO DATE, LAST YEAR TO DATE: undated
        if parts.relation == "previous":
            return Period("FYTD previous", "last year to date", "fytd", None, None, "previous")
        return Period("FYTD", "year to date", "fytd", None, None, parts.relation or "current")
    shift = _shift(parts)
    up_to = shift_year(anchor, shift) if (parts.as_of or ctx.as_of) else None
    return _fytd_period(fy_start(anchor) + shift, up_to, parts.relation or "current")


def _rolling_twelve_months(parts: Parts, ctx: PeriodContext) -> Period:
    relation = parts.relation or "current"
    end_anchor = parts.as_of or ctx.as_of
    if end_anchor is None:
        which = "current" if relation == "current" else "previous"
        return Period(
            f"R12 {relation}", f"{which} rolling twelve months", "r12", None, None, relation
        )
    if relation == "previous":
        end_anchor = shift_year(end_anchor, -1)
    if end_anchor == month_end(end_anchor.year, end_anchor.month):
        end = end_anchor
        first_month = end.month - 11
        start = date(end.year - (first_month <= 0), (first_month - 1) % 12 + 1, 1)
        key, label = f"R12 to {end:%Y-%m}", f"twelve months to {end:%B %Y}"
    else:
        end, start = end_anchor, shift_year(end_anchor, -1) + timedelta(days=1)
        key, label = f"R12 to {end.isoformat()}", f"twelve months to {long_date(end)}"
    return Period(key, label, "r12", start.isoformat(), end.isoformat(), relation)


def _calendar_quarter(quarter: int, year: int) -> Period:
    """ "Q4 11": the fourth quarter of calendar 2011 (October to December)."""
    month = 3 * quarter - 2
    start, end = date(year, month, 1), month_end(year, month + 2)
    return Period(
        f"{year} Q{quarter}", f"Q{quarter} {year}", "quarter", start.isoformat(), end.isoformat()
    )


def _calendar_year(year: int) -> Period:
    return Period(
        str(year), str(year), "year", date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    )


def _relative(parts: Parts, ctx: PeriodContext) -> Period:
    """ "This year", "last year": the table's own current period, or one of that name."""
    if ctx.current:
        start, end = ctx.current
        if parts.relation == "previous":
            start, end = shift_year(start, -1), shift_year(end, -1)
        return _range_period(start, end, parts.relation)
    label = "this year" if parts.relation == "current" else "last year"
    return Period(label, label, "relative", None, None, parts.relation)


def resolve_labels(labels: Sequence[str], ctx: PeriodContext) -> Period | None:
    """The period named by a cell's labels together (most specific label first)."""
    default_year = ctx.anchor.year if ctx.anchor else None
    parts = Parts()
    for label in labels:
        parts = parts.merged(read_parts(label, default_year))
    recent = next((m for label in labels if (m := LAST_DAYS.search(label))), None)
    if recent is not None:  # "LAST 7 DAYS" over "2026": a week, not the year
        return _recent_days(int(recent.group(1)), recent.group(2).lower(), parts.year)
    dated = parts.month or parts.year or parts.fy is not None or parts.span or parts.week
    if ctx.month and not dated and (sheet := _sheet_month(labels, ctx.month)):
        return sheet
    return None if parts.empty() else resolve(parts, ctx)


def _sheet_month(labels: Sequence[str], sheet: tuple[int, int]) -> Period | None:
    """A monthly sheet's own columns: "THIS MONTH" is the month it is for ("APRIL 2020"), its
    "Yearly Total" the year so far to that month."""
    if any(THIS_MONTH.search(label) for label in labels):
        return _month(Parts(month=sheet))
    if any(YEARLY_TOTAL.search(label) for label in labels):
        year, month = sheet
        end = month_end(year, month)
        label = f"1 January to {long_date(end)}"
        return Period(f"YTD {year}", label, "ytd", f"{year}-01-01", end.isoformat(), None)
    return None


def _recent_days(count: int, unit: str, year: int | None) -> Period:
    """The last ``count`` days or weeks to a report's date, in ``year`` when a column says so
    (a weekly sheet sets this year's week beside the same week of last year)."""
    span = f"last {count} {unit}"
    key = f"{span} {year}" if year else span
    label = f"the {span} ({year})" if year else f"the {span}"
    return Period(key, label, "recent", None, None, None)


def normalise_period(label: str, ctx: PeriodContext | None = None) -> Period | None:
    """One label's period: "FY 11/12" -> FY 2011/12; "Jul 16 - Jun 17" -> July 2016 to June 2017."""
    return resolve_labels([label], ctx or PeriodContext())
