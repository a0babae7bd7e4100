"""Dates as the papers write them: "19th July 2013", "TUESDAY 15TH JANUARY, 2013", "27 th October 2017"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})\s*(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def find_dates(text: str) -> list[date]:
    """Every full date written in ``text``, in order (day month year, or dd/mm/yyyy)."""
    found: list[tuple[int, date]] = []
    for m in DAY_MONTH_YEAR.finditer(text):
        d = _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in NUMERIC.finditer(text):
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    return [d for _, d in sorted(found)]


def first_date(text: str) -> date | None:
    """The first full date in ``text``, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
