"""Reading a figure question: what kind (a lookup, a comparison, a ranking, a trend),
which periods, which place, which statistic, and which paper it points at. Pure.

"In the January 2018 dashboard, how many burglaries in the rolling 12 months to November
2017?" asks for the twelve months to November 2017; "January 2018 dashboard" names the
paper, not a period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from board.measures import areas_in, content_tokens, is_home_area
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
from board.profile import active

FIGURE_CUES = re.compile(
    r"\bhow many\b|\bhow much\b|\bwhat (?:was|is|were|are) the (?:number|total|rate|level|figure|"
    r"percentage|"
    r"proportion|share|count|volume|value|target|baseline|change|rank)|\bwhat (?:percentage|"
    r"proportion|share|rate|"
    r"number|total)\b|\bby (?:how much|how many|what percentage)\b|\bhow did\b.*\b(?:change|"
    r"compare)|"
    r"\bwhich (?:borough|crime|crime type|category|agency|week|area|month|year|offence|"
    r"organisation|partner)\b|"
    r"\b(?:above or below|below or above|higher or lower|lower or higher)\b|"
    r"\bwhere did\b.*\brank\b|\brank(?:ed|ing)?\b|\btrend\b|\bover time\b|\bhighest\b|\blowest\b|"
    r"\b(?:increase|decrease|rise|fall|reduction)\b.*\b(?:in|of)\b|\bwhat (?:was|were) the\b|"
    r"\bwhat (?:does|did|do)\b.*\b(?:show|give|record|report)\b|"
    r"\bwhat\b.*\b(?:rate|number|total|percentage|proportion|spend|impact|saving|cost|budget|"
    r"figure|volume|satisfaction|confidence|caseload|"
    r"target|baseline|count|share|rank)\b",
    re.I,
)
_COMPARE = re.compile(
    r"\bchange[ds]?\b|\bcompare[ds]?\b|\bcomparison\b|\bdifference\b|\bhow many (?:more|fewer|"
    r"less)\b|"
    r"\bby how (?:much|many)\b|\bby what percentage\b|\b(?:rise|fall|increase|decrease|grow|"
    r"drop)\b|\bhigher\b|\blower\b",
    re.I,
)
_RANK = re.compile(
    r"\bwhich\b.*\b(?:highest|lowest|most|least|fewest|largest|smallest|biggest|best|worst|"
    r"fell the most|"
    r"rose the most)\b|"
    r"\b(?:highest|lowest|largest|biggest)\b.*\b(?:which|what)\b|\bwhere did\b.*\brank(?:ed)?\b|"
    r"\bhow did\b.*\brank\b.*\bchange\b",
    re.I,
)
_BY_AREA = re.compile(
    r"\bwhich (?:[a-z]+ )?(?:borough|district|ward)\b|\bwhich area\b|"
    r"\bamong (?:the )?(?:[a-z]+ )?(?:\d+|boroughs|districts|areas)\b|\bboroughs\b",
    re.I,
)
_TREND = re.compile(
    r"\btrend\b|\bover time\b|\bover the (?:years|months|weeks|quarters)\b|\bweek by week\b|"
    r"\bmonth by month\b|\bseries\b",
    re.I,
)
_ASCENDING = re.compile(
    r"\blowest\b|\bleast\b|\bsmallest\b|\bfewest\b|\bfell the most\b|\bbiggest (?:fall|drop|"
    r"decrease|reduction)\b|"
    r"\blargest (?:fall|drop|decrease|reduction)\b|\bbest\b",
    re.I,
)
_PAPER_WORDS = (
    r"(?:pack|dashboard|update|assessment|report|paper|papers|meeting|minutes|table|agenda|"
    r"strategy|summary|figures)"
)
_PAPER_REF = re.compile(
    rf"\b((?:{'|'.join(MONTHS)})\w*\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}|Q[1-4]\s+(?:19|20)\d{{2}}|"
    rf"Qrt\s*[1-4]\s+(?:19|20)\d{{2}})"
    # the words between name no other date: "Q4 2012 in the July 2013 pack" is the July pack
    rf"(?:\s+(?!(?:19|20)\d{{2}}\b|(?:{'|'.join(MONTHS)})\b)[\w'-]+){{0,4}}?\s+{_PAPER_WORDS}\b",
    re.I,
)
_STATISTIC_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bsanction(?:ed)? detection (?:rate )?target|\bsd target\b", re.I), "sd target"),
    (re.compile(r"\bsanction(?:ed)? detection rate|\bsd rate\b", re.I), "sanction detection rate"),
    (re.compile(r"\bsanction(?:ed)? detections?\b|\bsds\b", re.I), "sanction detections"),
    (re.compile(r"\btarget\b", re.I), "target"),
    (re.compile(r"\bper 1,?000\b|\brate per\b", re.I), "rate per 1000"),
    (re.compile(r"\bgroup rank\b|\brank among (?:the )?(?:\d+|[a-z]+)\b", re.I), "group rank"),
    (
        re.compile(r"\bsimilar group rank\b|\bpeer (?:group|comparison) rank\b", re.I),
        "similar group rank",
    ),
    (re.compile(r"\bconfidence interval\b", re.I), "confidence interval"),
    (re.compile(r"\bbase\b|\bsample size\b", re.I), "base"),
    # "the ASB rate": a rate, not the count beside it (a table whose figures are themselves
    # a rate, "custody rate", is read when no rate-per-1,000 column has it)
    (re.compile(r"\brates?\b(?!\s+of\s+(?:change|increase|decrease))", re.I), "rate per 1000"),
)
_PERCENT_CHANGE = re.compile(
    r"\bby what percentage\b|\bpercentage (?:change|increase|decrease|fall|rise)\b|"
    r"\b% change\b|\bper cent change\b",
    re.I,
)


@dataclass(frozen=True)
class FigureQuestion:
    """What a figure question asks, as far as the tables are concerned."""

    text: str
    intent: str  # "lookup" | "compare" | "rank" | "trend"
    periods: tuple[Period, ...] = ()
    area: str | None = None
    areas: tuple[str, ...] = ()
    statistic: str | None = None
    percent_change: bool = False
    descending: bool = True
    by_area: bool = False
    also_previous: bool = False  # "... this year, and how many in the same period last year?"
    paper_year: int | None = None
    paper_month: int | None = None
    tokens: frozenset[str] = field(default_factory=frozenset)
    unread: tuple[str, ...] = ()  # dates and years named but not read as any period
    unsupported: bool = False  # a total across minutes: not a table's figure
    ratio: bool = False  # "how many times larger": only between two cells of one ledger
    checked: tuple[FigureQuestion, ...] = ()  # "X, and does it match Y?": X and Y, read


# A question about a table's figures the tables cannot answer: a total across minutes.
_UNSUPPORTED = re.compile(
    r"\bin total across\b|\b(?:the|its|pack's) minutes\b|\bminutes of\b", re.I
)
# "What is it, and does it match the robbery count in the crime summary?": two figures.
_MATCH_CHECK = re.compile(
    r",?\s*(?:and\s+)?(?:does|do|did) (?:it|this|that|they) (?:match|agree with|tally with)\s+",
    re.I,
)
# A ratio is computed only between two cells of one named ledger table.
_RATIO = re.compile(r"\bhow many times\b|\bratio\b", re.I)


def read_figure(text: str) -> FigureQuestion | None:
    """What a question asks of the tables' figures; None when it asks for no figure."""
    if not is_figure_question(text):
        return None
    asked = read_question(text)
    checked: tuple[FigureQuestion, ...] = ()
    if m := _MATCH_CHECK.search(text):
        checked = (read_question(text[: m.start()]), read_question(f"What is {text[m.end() :]}"))
    return replace(
        asked,
        unsupported=bool(_UNSUPPORTED.search(text)),
        ratio=bool(_RATIO.search(text)),
        checked=checked,
    )


def is_figure_question(text: str) -> bool:
    return bool(FIGURE_CUES.search(text))


def _paper_hint(text: str) -> tuple[int | None, int | None, str]:
    """The paper a question points at ("the July 2013 pack") and the text without any such
    reference (so "July 2013" is not read as a period)."""
    refs = list(_PAPER_REF.finditer(text))
    if not refs:
        return None, None, text
    ref = refs[0].group(1)
    year = int(re.search(r"(?:19|20)\d{2}", ref).group())  # type: ignore[union-attr]
    month = next((n for name, n in MONTHS.items() if ref.lower().startswith(name)), None)
    for m in reversed(refs):
        text = text[: m.start(1)] + " " + text[m.end(1) :]
    return year, month, text


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
_TO_DATE = re.compile(
    r"\b(?:to|up to|until|ending)\s+(?:the\s+)?(?:week ending\s+)?(\d{1,2}(?:st|nd|rd|"
    r"th)?\s+\w+\s+(?:19|20)\d{2})",
    re.I,
)
_FY_WORDS = re.compile(
    r"\b(?:financial )?year[\s-]+to[\s-]+date\b|\bfytd\b|\bso far this (?:financial )?year\b|"
    r"\bfinancial year (?=to (?:the week ending )?\d)",
    re.I,
)
_R12_WORDS = re.compile(r"\b(?:rolling\s+)?(?:12|twelve)\s+months?\b", re.I)
_PREVIOUS_WORDS = re.compile(
    r"\b(?:last year|same period (?:last year|the year before|a year earlier)|previous (?:year|"
    r"rolling|12|twelve)|"
    r"year before|a year earlier|one year ago|prior year)\b",
    re.I,
)
_CURRENT_WORDS = re.compile(r"\b(?:this year|current(?:ly)?|latest|most recent)\b", re.I)


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
    up_to = _TO_DATE.search(text) if fytd else None
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
    for m in _R12_WORDS.finditer(text):
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


def read_question(text: str, today: date | None = None) -> FigureQuestion:
    """A figure question's intent, periods, place, statistic and the paper it points at."""
    year, month, rest = _paper_hint(text)
    periods, previous = question_periods(rest, today)
    if not periods:
        relation = "previous" if previous and not _CURRENT_WORDS.search(rest) else None
        if _CURRENT_WORDS.search(rest) or relation:
            kind = "r12" if _R12_WORDS.search(rest) else "relative"
            label = "this year" if relation is None else "last year"
            periods = (Period(label, label, kind, None, None, relation or "current"),)
    to = _TO_DATE.search(rest)
    if to and not any(p.end for p in periods):
        dates = find_dates(to.group(1))
        if dates:
            end = dates[0]
            asks_change = bool(_COMPARE.search(rest))
            relation = (
                "previous"
                if previous and not _CURRENT_WORDS.search(rest) and not asks_change
                else "current"
            )
            kept = tuple(p for p in periods if p.kind not in ("relative",))
            to_date = Period(
                f"to {end.isoformat()}",
                f"to {end.day} {end:%B %Y}",
                "relative",
                None,
                end.isoformat(),
                relation,
            )
            periods = (*kept, to_date)
    statistic = next((stat for pattern, stat in _STATISTIC_CUES if pattern.search(text)), None)
    group = active().peer_group
    if statistic is None and group and re.search(rf"\b{re.escape(group)} rank\b", text, re.I):
        statistic = "group rank"  # the table's own name for its rank among the peers
    if _RANK.search(text):
        intent = "rank"
    elif _TREND.search(text):
        intent = "trend"
    elif _COMPARE.search(text) and (
        len(periods) >= 2
        or previous
        or _PERCENT_CHANGE.search(text)
        or "same period" in text.lower()
    ):
        intent = "compare"
    else:
        intent = "lookup"
    group = (active().peer_group or "").lower()
    # "peer areas" names the peers, not the the region-wide figure.
    areas = tuple(
        a for a in areas_in(text) if a.lower() != group or f"{group} borough" not in text.lower()
    )
    place = next((a for a in areas if not is_home_area(a)), None)
    return FigureQuestion(
        text=text,
        intent=intent,
        periods=periods,
        area=place,
        areas=areas,
        statistic=statistic,
        percent_change=bool(_PERCENT_CHANGE.search(text)),
        descending=not _ASCENDING.search(text),
        by_area=bool(_BY_AREA.search(text)),
        also_previous=previous,
        paper_year=year,
        paper_month=month,
        tokens=frozenset(content_tokens(rest)),
        unread=unread_dates(rest, periods),
    )
