"""Period labels, normalised: "FY 11/12" and "2011/12" are one financial year, "14 Apr"
is a week ending in the report's year, "This Year" in a crime summary "between
01/04/2012 and 06/01/2013" is that range, "Current R12" the report's rolling twelve
months. Pure functions; a label that names no period gives None.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tools.tables.records import Period

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MON = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_FY = re.compile(rf"(?<![\d/])(?:FY\s*)?({_YEAR}|\d{{2}})\s*[/-]\s*({_YEAR}|\d{{2}})(?![\d/])", re.I)
_DMY_SLASH = re.compile(r"(?<![\d/])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)?\d{2})(?![\d/])")
_D_MON_Y = re.compile(
    rf"(?<!\d)(\d{{1,2}}){_ORD}\s*(?:of\s+)?({_MON})(?![a-z])\.?,?\s*((?:{_YEAR})|'?\d{{2}}(?![\d:.]))?", re.I
)
_WEEK = re.compile(rf"(\d{{1,2}}){_ORD}\s*({_MON})\.?", re.I)
_VERSUS = re.compile(r"\b(?:vs\.?|versus|compared (?:with|to)|against)\s.*$", re.I)
_MON_Y = re.compile(rf"\b({_MON})\.?\s*[-']?\s*({_YEAR}|\d{{2}})(?![\d/])", re.I)
_MONTH_RANGE = re.compile(
    rf"\b({_MON})\s*[-']?\s*({_YEAR}|\d{{2}})?\s*(?:-|–|—|to)\s*({_MON})\s*[-']?\s*({_YEAR}|\d{{2}})(?![\d/])", re.I
)
_QUARTER = re.compile(r"\b(?:Q|Qtr|Qrt|Quarter)\s*([1-4])(?:\s+((?:19|20)?\d{2})(?![\d/]))?\b", re.I)
_Q_ROLLING = re.compile(r"\bQ[1-4]\s*-\s*Q[1-4]\b", re.I)
_R12 = re.compile(r"\bR12\b|\brolling\s*(?:12|twelve)\s*months?\b|\b(?:12|twelve)\s*months?\b", re.I)
_FYTD = re.compile(r"\bFYTD\b|\byear[\s-]+to[\s-]+date\b|\bYTD\b|\bso far this (?:financial )?year\b", re.I)
_CURRENT = re.compile(r"\b(?:this year|current|recent|latest|most recent)\b", re.I)
_PREVIOUS = re.compile(
    r"\b(?:last year|previous (?:year|yr\.?|period|r12|rolling|12|twelve|quarter|month)|prev\.? year|one year ago|"
    r"a year (?:ago|earlier)|prior year|year before)\b|^previous$",
    re.I,
)
_AS_OF = re.compile(r"\b(?:to|up to|until|as at|ending)\s+(.{3,24})", re.I)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_SEASON = re.compile(rf"\b(spring|summer|autumn|winter)\s*'?({_YEAR}|\d{{2}})\b", re.I)
_YEAR_ONLY = re.compile(rf"^\(?({_YEAR})\)?$")


@dataclass(frozen=True)
class PeriodContext:
    """What a table says about its own dates: the report date, the data's last day, a range."""

    meeting_date: date | None = None
    as_of: date | None = None  # last day the figures cover ("to Nov2017", latest week shown)
    current: tuple[date, date] | None = None  # what "This Year" means ("between 01/04/2012 and 06/01/2013")

    @property
    def anchor(self) -> date | None:
        return self.as_of or self.meeting_date


# ---------------------------------------------------------------- dates


def _year(text: str) -> int:
    text = text.strip("'")
    n = int(text)
    return n if n >= 100 else 2000 + n if n < 70 else 1900 + n


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def fy_start(d: date) -> int:
    """The first calendar year of the financial year (April to March) containing ``d``."""
    return d.year if d.month >= 4 else d.year - 1


def fy_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def find_dates(text: str, default_year: int | None = None) -> list[date]:
    """Dates written in ``text`` in order: "01/04/2012", "6 January 2013", "19th June", "8thJan2019"."""
    found: list[tuple[int, date]] = []
    for m in _DMY_SLASH.finditer(text):
        d = _safe_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    pending: list[tuple[int, int, int]] = []  # day-month written without a year
    for m in _D_MON_Y.finditer(text):
        if any(start <= m.start() < start + 10 for start, _ in found):
            continue
        day, month = int(m.group(1)), MONTHS[m.group(2).lower()]
        if m.group(3):
            d = _safe_date(_year(m.group(3)), month, day)
            if d:
                found.append((m.start(), d))
        else:
            pending.append((m.start(), month, day))
    for start, month, day in pending:
        later = [d for s, d in found if s > start]
        year = later[0].year if later else default_year
        if year is not None and (d := _safe_date(year, month, day)):
            if later and d > later[0]:
                d = _safe_date(year - 1, month, day) or d
            found.append((start, d))
    return [d for _, d in sorted(found)]


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
    text = _VERSUS.sub("", " ".join(label.split())).strip()
    if not text:
        return Parts()
    if week := _WEEK.fullmatch(text):
        return Parts(week=(int(week.group(1)), MONTHS[week.group(2).lower()]))
    fields: dict[str, object] = {}
    rest = text
    if m := _MONTH_RANGE.search(rest):
        y2 = _year(m.group(4))
        m1, m2 = MONTHS[m.group(1).lower()], MONTHS[m.group(3).lower()]
        y1 = _year(m.group(2)) if m.group(2) else (y2 if m1 <= m2 else y2 - 1)
        fields["span"] = (date(y1, m1, 1), _month_end(y2, m2))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    dates = find_dates(rest, default_year)
    between = re.search(r"\bbetween\b|\bfrom\b|\s[-–]\s|\bto\b", rest, re.I)
    if "span" not in fields and len(dates) >= 2 and between:
        fields["span"] = (dates[0], dates[1])
    elif dates and (m := _AS_OF.search(rest)) and find_dates(m.group(1), default_year):
        fields["as_of"] = find_dates(m.group(1), default_year)[0]
    elif dates and "span" not in fields and not re.search(r"\b(?:from|since|after)\b", rest, re.I):
        fields["as_of"] = dates[0]
    if "span" not in fields:
        if m := _FY.search(rest):
            a, b = _year(m.group(1)), _year(m.group(2))
            if b == a + 1:
                fields["fy"] = a
                rest = rest[: m.start()] + " " + rest[m.end() :]
    if "span" not in fields and not dates:
        if "fy" not in fields and (m := _MON_Y.search(rest)):
            month, year = MONTHS[m.group(1).lower()], _year(m.group(2))
            if (m2 := _AS_OF.search(rest)) and m.start() >= m2.start():
                fields["as_of"] = _month_end(year, month)
            else:
                fields["month"] = (year, month)
    if "span" not in fields and (m := _SEASON.search(text)):
        first = _SEASONS[m.group(1).lower()]
        year = _year(m.group(2))
        last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
        fields["span"] = (date(year, first, 1), _month_end(last_year, last))
    if (m := _QUARTER.search(text)) and not _Q_ROLLING.search(text):
        fields["quarter"] = int(m.group(1))
        if m.group(2):
            fields["quarter_year"] = _year(m.group(2))
    if _FYTD.search(text):
        fields["fytd"] = True
    if _R12.search(text):
        fields["r12"] = True
    if _PREVIOUS.search(text):
        fields["relation"] = "previous"
    elif _CURRENT.search(text):
        fields["relation"] = "current"
    if (m := _YEAR_ONLY.match(text.strip())) or (m := re.search(rf"\(({_YEAR})\)", text)):
        if not fields.get("span") and not fields.get("fy") and not fields.get("month"):
            fields["year"] = int(m.group(1))
    return Parts(**fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------- resolving to a Period


def _range_period(start: date, end: date, relation: str | None = None) -> Period:
    if start.day == 1 and end == _month_end(end.year, end.month):
        if start.month == 4 and end.month == 3 and end.year == start.year + 1:
            return fy_period(start.year)
        label = f"{start:%B %Y} to {end:%B %Y}"
    else:
        label = f"{long_date(start)} to {long_date(end)}"
    return Period(f"{start.isoformat()}..{end.isoformat()}", label, "range", start.isoformat(), end.isoformat(), relation)


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
        return Period(f"FYTD {fy_label(start_year)}", label, "fytd", date(start_year, 4, 1).isoformat(), None, relation)
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
    end = _month_end(year + (month + 1) // 12, (month + 1) % 12 + 1)
    return Period(
        f"Q{quarter} {fy_label(fy)}", f"quarter {quarter} of {fy_label(fy)}", "quarter",
        date(year, month, 1).isoformat(), end.isoformat(),
    )  # fmt: skip


def _latest(day: int, month: int, anchor: date) -> date | None:
    """The latest date with that day and month on or before ``anchor``."""
    for year in (anchor.year, anchor.year - 1):
        d = _safe_date(year, month, day)
        if d and d <= anchor + timedelta(days=6):
            return d
    return None


def resolve(parts: Parts, ctx: PeriodContext) -> Period | None:
    """The period ``parts`` name in a table with context ``ctx``; None when they name none."""
    previous = parts.relation == "previous"
    shift = -1 if previous else 0
    if parts.span:
        start, end = parts.span
        if previous and not parts.r12:
            start, end = _shift_year(start, -1), _shift_year(end, -1)
        return _range_period(start, end, parts.relation)
    if parts.fy is not None:
        if parts.quarter:
            return _quarter_period(parts.fy, parts.quarter)
        if parts.fytd:
            end = parts.as_of or (ctx.as_of if ctx.as_of and fy_start(ctx.as_of) == parts.fy else None)
            return _fytd_period(parts.fy, end, "current")
        return fy_period(parts.fy)
    anchor = parts.as_of or ctx.anchor
    if parts.week and anchor:
        end = _latest(parts.week[0], parts.week[1], ctx.as_of or anchor)
        if end is None:
            return None
        end = _shift_year(end, shift)
        return Period(
            f"week ending {end.isoformat()}", f"week ending {long_date(end)}", "week",
            (end - timedelta(days=6)).isoformat(), end.isoformat(), parts.relation,
        )  # fmt: skip
    if parts.month:
        year, month = parts.month
        start, end = date(year + shift, month, 1), _month_end(year + shift, month)
        return Period(f"{start:%Y-%m}", f"{start:%B %Y}", "month", start.isoformat(), end.isoformat(), parts.relation)
    if parts.fytd:
        if anchor is None:
            return Period("FYTD", "financial year to date", "fytd", None, None, parts.relation or "current")
        end = _shift_year(anchor, shift) if (parts.as_of or ctx.as_of) else None
        fy = fy_start(anchor) + shift
        return _fytd_period(fy, end, parts.relation or "current")
    if parts.r12:
        relation = parts.relation or "current"
        end_anchor = parts.as_of or ctx.as_of
        if end_anchor is not None:
            if relation == "previous":
                end_anchor = _shift_year(end_anchor, -1)
            if end_anchor == _month_end(end_anchor.year, end_anchor.month):
                end = end_anchor
                first_month = end.month - 11
                start = date(end.year - (first_month <= 0), (first_month - 1) % 12 + 1, 1)
                key, label = f"R12 to {end:%Y-%m}", f"twelve months to {end:%B %Y}"
            else:
                end, start = end_anchor, _shift_year(end_anchor, -1) + timedelta(days=1)
                key, label = f"R12 to {end.isoformat()}", f"twelve months to {long_date(end)}"
            return Period(key, label, "r12", start.isoformat(), end.isoformat(), relation)
        label = "current rolling twelve months" if relation == "current" else "previous rolling twelve months"
        return Period(f"R12 {relation}", label, "r12", None, None, relation)
    if parts.quarter and parts.quarter_year:
        # "Q4 11": the fourth quarter of calendar 2011 (October to December)
        month = 3 * parts.quarter - 2
        start, end = date(parts.quarter_year, month, 1), _month_end(parts.quarter_year, month + 2)
        return Period(
            f"{parts.quarter_year} Q{parts.quarter}", f"Q{parts.quarter} {parts.quarter_year}", "quarter",
            start.isoformat(), end.isoformat(),
        )  # fmt: skip
    if parts.year:
        return Period(str(parts.year), str(parts.year), "year", date(parts.year, 1, 1).isoformat(), date(parts.year, 12, 31).isoformat())
    if parts.relation:
        if ctx.current:
            start, end = ctx.current
            if previous:
                start, end = _shift_year(start, -1), _shift_year(end, -1)
            return _range_period(start, end, parts.relation)
        label = "this year" if parts.relation == "current" else "last year"
        return Period(label, label, "relative", None, None, parts.relation)
    if parts.as_of:
        return Period(f"to {parts.as_of.isoformat()}", f"to {long_date(parts.as_of)}", "relative", None, parts.as_of.isoformat(), "current")
    return None


def resolve_labels(labels: Sequence[str], ctx: PeriodContext) -> Period | None:
    """The period named by a cell's labels together (most specific label first)."""
    default_year = ctx.anchor.year if ctx.anchor else None
    parts = Parts()
    for label in labels:
        parts = parts.merged(read_parts(label, default_year))
    return None if parts.empty() else resolve(parts, ctx)


def normalise_period(label: str, ctx: PeriodContext | None = None) -> Period | None:
    """One label's period: "FY 11/12" -> FY 2011/12; "Jul 16 - Jun 17" -> July 2016 to June 2017."""
    return resolve_labels([label], ctx or PeriodContext())


def is_period_label(label: str) -> bool:
    """Whether a label names a time (so it is a period, not a measure or an area)."""
    parts = read_parts(label, 2000)
    if parts.empty():
        return False
    words = re.sub(r"[^A-Za-z ]", " ", label).lower().split()
    timeish = {"fy", "fytd", "ytd", "r", "current", "previous", "last", "this", "year", "years", "yr",
               "month", "months", "rolling", "q", "qtr", "qrt", "quarter", "to", "up", "date", "total",
               "totals", "baseline", "ago", "one", "a", "prev", "recent", "latest", "period", "week",
               "ending", "the", "financial", "of", "and", "between", "as", "at", "st", "nd", "rd", "th",
               "vs", "so", "far", "most", "same", "from", "based", "on", "information", "data", "strategy",
               } | set(MONTHS)  # fmt: skip
    return all(w in timeish or w.isdigit() for w in words) or bool(parts.span or parts.fy)


def context_from(texts: Iterable[str], meeting_date: str | None, week_labels: Sequence[str] = ()) -> PeriodContext:
    """A table's period context from its caption, notes and header, and the paper's meeting date."""
    meeting = date.fromisoformat(meeting_date) if meeting_date else None
    default_year = meeting.year if meeting else None
    current: tuple[date, date] | None = None
    as_of: date | None = None
    for text in texts:
        parts = read_parts(text, default_year)
        if parts.span and current is None and not parts.r12 and (parts.span[1] - parts.span[0]).days > 31:
            current = parts.span
        if parts.as_of and as_of is None:
            as_of = parts.as_of
    weeks = [p.week for p in (read_parts(w) for w in week_labels) if p.week]
    if weeks and meeting:
        ends = [d for d in (_latest(day, month, meeting) for day, month in weeks) if d]
        if ends:
            as_of = max(ends)
    if current and as_of is None:
        as_of = current[1]
    return PeriodContext(meeting, as_of, current)


def period_matches(wanted: Period, cell: Period) -> bool:
    """Whether a cell's period is the one a question asks for."""
    if wanted.key == cell.key:
        return True
    if wanted.start and wanted.end and cell.start and cell.end:
        return wanted.start == cell.start and wanted.end == cell.end
    if wanted.kind == "fytd" and cell.kind in ("fytd", "range") and wanted.start and wanted.end is None:
        return cell.start == wanted.start and (cell.kind == "fytd" or cell.relation is not None)
    if wanted.start is None and wanted.end is None:
        # a relative period ("current rolling 12 months", "this year") matches the same relation
        same_kind = wanted.kind == cell.kind or wanted.kind == "relative"
        return same_kind and (wanted.relation or "current") == (cell.relation or "current")
    if wanted.kind == "relative" and wanted.end and cell.end:
        return wanted.end == cell.end and (wanted.relation or "current") == (cell.relation or "current")
    return False


def with_relation(period: Period, relation: str | None) -> Period:
    return replace(period, relation=relation)
