"""Periods in context: what a table's caption and header say about its own dates ("Crime
Summary between 01/04/2012 and 06/01/2013", weeks ending up to 23 Jun), and whether a cell's
period is the one a question asks for. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from board.metrics import Period
from board.periods import PeriodContext, latest_on_or_before, read_parts

_FIELD = re.compile(r"\b(?:month|year)\s*:\s*", re.I)


def context_from(
    texts: Iterable[str],
    meeting_date: str | None,
    week_labels: Sequence[str] = (),
    title: str = "",
) -> PeriodContext:
    """A table's period context from its caption, notes and header, and the paper's meeting
    date; the one month the sheet is for from those or, failing them, the paper's title."""
    meeting = date.fromisoformat(meeting_date) if meeting_date else None
    default_year = meeting.year if meeting else None
    current: tuple[date, date] | None = None
    as_of: date | None = None
    months: set[tuple[int, int]] = set()
    for text in texts:
        parts = read_parts(text, default_year)
        if parts.month and not parts.span:
            months.add(parts.month)
        if (
            parts.span
            and current is None
            and not parts.r12
            and (parts.span[1] - parts.span[0]).days > 31
        ):
            current = parts.span
        if parts.as_of and as_of is None:
            as_of = parts.as_of
    weeks = [p.week for p in (read_parts(w) for w in week_labels) if p.week]
    if weeks and meeting:
        ends = [d for d in (latest_on_or_before(day, month, meeting) for day, month in weeks) if d]
        if ends:
            as_of = max(ends)
    if current and as_of is None:
        as_of = current[1]
    if not months and title:
        parts = read_parts(_FIELD.sub("", title), default_year)  # "Month: September Year:2013"
        if parts.month and not parts.span:
            months.add(parts.month)
    month = next(iter(months)) if len(months) == 1 else None  # a sheet for one month
    return PeriodContext(meeting, as_of, current, month)


def period_matches(wanted: Period, cell: Period) -> bool:
    """Whether a cell's period is the one a question asks for."""
    if wanted.key == cell.key:
        return True
    if wanted.key.startswith("week ending --"):  # a week named without its year
        return (
            cell.kind == "week"
            and (cell.end or "")[4:] == wanted.key.removeprefix("week ending ")[1:]
            and (cell.relation or "current") == "current"
        )
    if wanted.kind == "ytd" and cell.kind == "fytd" and cell.start is None:
        # a sheet's undated YEAR TO DATE (LAST YEAR TO DATE): the year so far it counts
        return (wanted.relation or "current") == (cell.relation or "current")
    if wanted.start and wanted.end and cell.start and cell.end:
        return wanted.start == cell.start and wanted.end == cell.end
    if (
        wanted.kind == "fytd"
        and cell.kind in ("fytd", "range")
        and wanted.start
        and wanted.end is None
    ):
        return cell.start == wanted.start and (cell.kind == "fytd" or cell.relation is not None)
    if wanted.start is None and wanted.end is None:
        # a relative period ("current rolling 12 months", "this year") matches the same relation
        same_kind = wanted.kind == cell.kind or wanted.kind == "relative"
        return same_kind and (wanted.relation or "current") == (cell.relation or "current")
    if wanted.kind == "relative" and wanted.end and cell.end:
        if wanted.relation == "previous" and cell.relation == "previous":
            # "the same period last year" in a table running to ``wanted.end``
            gap = (date.fromisoformat(wanted.end) - date.fromisoformat(cell.end)).days
            return 358 <= gap <= 372
        return wanted.end == cell.end and (wanted.relation or "current") == (
            cell.relation or "current"
        )
    return False
