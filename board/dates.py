"""Dates as the papers write them: "19th July 2013", "TUESDAY 15TH JANUARY, 2013", "27 th October 2017"."""

from __future__ import annotations

import re
from datetime import date

# The one month table: each month's full name, then how the papers shorten it.
_MONTH_FORMS = (
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
)
MONTH_NAMES = tuple(forms[0] for forms in _MONTH_FORMS)  # "january" .. "december"
MONTHS = {name: i for i, forms in enumerate(_MONTH_FORMS, start=1) for name in forms}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# Any month name or abbreviation, longest first ("june" before "jun"): followed by ``[a-z]*``
# it is a month however the papers write it ("Sept", "Decembre").
MONTH_NAME = rf"(?:{_MONTH})"
# A superscript ordinal ("18th") that OCR reads as a quote mark: "18" March 2014", "29” April".
_OCR_ORDINAL = "[\"”’']"
DAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})\s*(?:st|nd|rd|th|{_OCR_ORDINAL})?\s+({_MONTH})\.?,?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


# "01/04/2012", "06.01.13"
_DMY_SLASH = re.compile(r"(?<![\d/])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)?\d{2})(?![\d/])")
# "6 January 2013", "19th June", "8thJan2019"; "27 th October 2017": the papers' PDF text may
# set the ordinal apart from its day.
_D_MON_Y = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?: ?(?:st|nd|rd|th)|{_OCR_ORDINAL})?\s*(?:of\s+)?({MONTH_NAME})(?![a-z])\.?,?\s*"
    rf"((?:19|20)\d{{2}}|'?\d{{2}}(?![\d:.]))?",
    re.I,
)


# "January 29, 2018", "November 16,2020", "Feb. 3rd 2021": the month first, as US papers write.
_MON_D_Y = re.compile(
    rf"\b({MONTH_NAME})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s*((?:19|20)\d{{2}})(?!\d)",
    re.I,
)


def find_dates(text: str, default_year: int | None = None, *, in_full: bool = False) -> list[date]:
    """Dates in ``text`` in order: "01/04/2012", "6 January 2013", "19th June", "8thJan2019",
    "January 29, 2018".
    A day and month with no year takes the year of the next date written, else
    ``default_year``. With ``in_full``, only dates written whole with a four-digit year
    (how a paper or a question dates itself)."""
    found: list[tuple[int, date]] = []
    slashed: list[tuple[int, int]] = []
    for m in _DMY_SLASH.finditer(text):
        if in_full and len(m.group(3)) != 4:
            continue
        d = safe_date(two_digit_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
            slashed.append(m.span())
    for m in _MON_D_Y.finditer(text):
        if d := safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))):
            found.append((m.start(), d))
            slashed.append(m.span())
    pending: list[tuple[int, int, int]] = []  # day-month written without a year
    for m in _D_MON_Y.finditer(text):
        if any(start <= m.start() < end for start, end in slashed):
            continue
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], m.group(3)
        if year and not (in_full and len(year) != 4):
            if d := safe_date(two_digit_year(year), month, day):
                found.append((m.start(), d))
        elif not in_full:
            pending.append((m.start(), month, day))
    for start, month, day in pending:
        later = [d for s, d in found if s > start]
        year = later[0].year if later else default_year
        if year is not None and (d := safe_date(year, month, day)):
            if later and d > later[0]:
                d = safe_date(year - 1, month, day) or d
            found.append((start, d))
    return [d for _, d in sorted(found)]


def two_digit_year(text: str) -> int:
    """A year as written: "2013", "13" or "'13" (2013), "98" (1998)."""
    text = text.strip("'")
    n = int(text)
    return n if n >= 100 else 2000 + n if n < 70 else 1900 + n


def first_date(text: str) -> date | None:
    """The first full date in ``text``, or None."""
    dates = find_dates(text, in_full=True)
    return dates[0] if dates else None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_MONTH_YEAR = re.compile(rf"^({_MONTH})\.?,?\s+(\d{{4}})$", re.IGNORECASE)
_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def date_prefix(text: str) -> str:
    """What a person typed for a date, as an ISO prefix: "2013", "2013-04" or "2013-04-19".

    Accepts "2013", "2013-04", "2013-04-19", "April 2013", "Apr 2013", "19/04/2013",
    "19 April 2013". Raises ValueError, naming the forms it knows, for anything else.
    """
    value = " ".join(text.split()).strip()
    if _ISO_PREFIX.match(value):
        parts = [int(p) for p in value.split("-")]
        if (len(parts) < 2 or 1 <= parts[1] <= 12) and (
            len(parts) < 3 or safe_date(*parts) is not None  # type: ignore[arg-type]
        ):
            return value
    elif m := _MONTH_YEAR.match(value):
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}"
    elif (found := find_dates(value, in_full=True)) and len(found) == 1:
        return found[0].isoformat()
    raise ValueError(
        f"'{text.strip()}' is not a date I can read: write it as 2013, April 2013, "
        "19/04/2013, 19 April 2013 or 2013-04-19"
    )


def date_bound(text: str, end: bool = False) -> str:
    """A typed date as a full ISO date: a year or month widens to its first day, or its last
    when ``end`` ("April 2013" is 2013-04-01 as a start and 2013-04-30 as an end)."""
    import calendar

    prefix = date_prefix(text)
    parts = [int(p) for p in prefix.split("-")]
    if len(parts) == 3:
        return prefix
    year = parts[0]
    month = parts[1] if len(parts) == 2 else (12 if end else 1)
    day = calendar.monthrange(year, month)[1] if end else 1
    return date(year, month, day).isoformat()


def meeting_dates(text: str) -> tuple[str | None, str | None]:
    """An ISO date or a month prefix ('2017-10') from '19 April 2013', 'October 2017', '2013-04'."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text, None
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return None, f"{m.group(1)}-{m.group(2)}"
    if found := first_date(text):
        return found.isoformat(), None
    if m := re.search(rf"\b({'|'.join(MONTHS)})\w*\.?,?\s+(\d{{4}})\b", text, re.I):
        return None, f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}"
    return None, None
