"""Figures and dates read out of answer text and citation quotes, for the scorer.

``parse_numbers`` returns every figure a reader would check against the papers:
counts, money, percentages, percentage-point changes, rates and ranks. These are
deliberately *not* figures:

- dates and times: "15 January 2013", "26TH JANUARY, 2018", "Sep 2017",
  "Jul 16", "01/04/2012", "2013-01-15", "10:30am", "2.30 - 4.30pm";
- years and financial years: a bare 1950-2049 integer ("in 2013"), "2011/12",
  "12/13", "2011-2014". A 1950-2049 integer standing alone in a table cell
  (between tabs or ``|``) is kept, because table cells hold counts;
- citation markers and locators: "[3]", "[1, 2]", "lines 97-99", "page 4";
- labels that number things rather than measure them: "item 5", "section 1.7",
  "appendix 2", "Tier 3", "Year 1", "table 2", "quarter 1"; numbering at the start of a line
  when a word follows ("1. The", "2) Robbery", "1.3 Northtown"); any number with
  two or more dots ("1.3.2");
- the base of a rate ("per 1000", "per 1,000"): the figure before it gets unit
  ``rate_per_1000`` instead;
- digits glued to letters ("Q3", "t3f9a", "NW4"). Allowed suffixes: "%", "pp",
  "ppt", ordinals ("8th", unit ``rank``) and, after "£", "m", "bn", "k";
- numbers written as words ("three", "highest") are not read.

Units: "%"/"per cent" -> ``percent``; "percentage points", "pp", "ppt",
"% pt(s)", "% points" -> ``percentage_points``; "£" or "pounds" -> ``gbp``, "$" or
"dollars" -> ``usd``, "€" or "euros" -> ``eur``; "million", "billion", "thousand" (and
"m", "bn", "k" after a currency sign) scale the value.

A figure is negative when written with a leading minus or en dash attached to
its digits ("-4.6%", "–12") or, in a table, in brackets: "(1,234)", "(£117,500)"
at the start of a line or cell. A bracketed amount in running prose
("funded by the Council (£15,000)") is an aside, not a negative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from board.dates import MONTHS

NumberUnit = Literal[
    "number", "percent", "percentage_points", "gbp", "usd", "eur", "rate_per_1000", "rank"
]
# A currency sign before the digits, and the words after them, say which money it is.
_CURRENCY_SIGNS: dict[str, NumberUnit] = {"£": "gbp", "$": "usd", "€": "eur"}


# Capitalised or upper-case only, so "may" the verb is not a month.
_MONTH = (
    r"\b(?:"
    + "|".join(
        alt
        for name in sorted(MONTHS, key=len, reverse=True)
        for alt in (name.title(), name.upper())
    )
    + r")\b\.?"
)
_ORD = r"(?:st|nd|rd|th|ST|ND|RD|TH)?"
_DASH = r"[-–—]"


@dataclass(frozen=True)
class NumberMention:
    """One figure in a text: its value, unit, decimals shown and where it sits."""

    value: float
    unit: NumberUnit
    decimals: int  # digits after the decimal point as written ("6.50%" -> 2)
    span: tuple[int, int]  # [start, end) in the text, including sign, £ and unit
    text: str  # the text of the span
    scale: float = 1.0  # multiplier from "million", "bn", "k": "£1.2m" -> 1e6
    sign: str = ""  # "+" or "-" as written (brackets count as "-"), else ""

    @property
    def mantissa(self) -> float:
        """The number as displayed, before its scale word: "£28 million" -> 28."""
        return self.value / self.scale


@dataclass(frozen=True)
class DateMention:
    """A date in a text; parts the text does not give are None."""

    year: int | None
    month: int | None
    day: int | None
    span: tuple[int, int]


_CORE = re.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])")

_MASKS: tuple[re.Pattern[str], ...] = (
    # citation markers: [3], [1, 2], [1-3], [2: lines 4-5]
    re.compile(r"\[\s*\d+(?:\s*[-–,;]\s*\d+)*\s*(?:[:,][^\]]*)?\]"),
    # locators and labels that number things
    re.compile(
        r"(?i)\b(?:lines?|pages?|pp\.|p\.|agenda\s+items?|items?|sections?|paragraphs?|paras?\.?"
        r"|appendix|appendices|annex(?:es)?|tables?|figures?|fig\.|charts?|footnotes?|notes?"
        r"|tiers?|phases?|stages?|priority|priorities|objectives?|case\s+study|quarters?"
        r"|recommendations?|outcomes?|questions?)"
        r"\s+\d+(?:\.\d+)*(?:\s*(?:-|–|to|and|,|&)\s*\d+(?:\.\d+)*)*"
    ),
    re.compile(r"(?i)\byear\s+\d{1,2}\b(?![.,]\d)"),
    # ISO dates and d/m/y dates
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b"),
    # "15 January 2013", "15th of Jan 13", "January 15, 2013", "Sep 2017", "Jul 16"
    re.compile(rf"\b\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?:\d{{4}}|'?\d{{2}})\b)?"),
    re.compile(rf"{_MONTH}\s+\d{{1,2}}{_ORD}(?:,\s*|\s+)\d{{4}}\b"),
    re.compile(rf"{_MONTH},?\s+'?\d{{1,4}}\b(?![.,]\d)"),
    # financial years and year ranges: 2011/12, 2013/2014, 2011-2014, 2011-12
    re.compile(rf"\b(?:19|20)\d{{2}}\s*(?:/|{_DASH})\s*(?:(?:19|20)\d{{2}}|\d{{2}})\b(?![.,]\d)"),
    # times
    re.compile(
        rf"(?i)\b(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:{_DASH}|to)\s*)?"
        r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    ),
    re.compile(r"\b\d{1,2}:\d{2}\b"),
    # dotted numbering anywhere (1.3.2) and numbering at the start of a line
    re.compile(r"\b\d+(?:\.\d+){2,}\b"),
    re.compile(r"(?m)^[ \t]*(?:[-*•]\s*)?\(?\d{1,2}[.)](?=[ \t]+[^\W\d_])"),
    re.compile(r"(?m)^[ \t]*(?:[-*•]\s*)?\d{1,2}\.\d{1,2}(?=\s+[A-Z])"),
    # the base of a rate: the 1000 in "per 1000"
    re.compile(r"(?i)(?<=\bper\s)\s*(?:1|10|100)(?:,?000)*\b"),
)

_FY_SHORT = re.compile(r"(?<![\d/])(\d{2})/(\d{2})(?![\d/])")

# Units follow a figure after at most one space: a tab or newline starts another cell or line.
_SP = "[ \u00a0]?"
_PERCENT = re.compile(
    rf"{_SP}(?:%|per{_SP}cent\b|percent\b)(?P<points>{_SP}(?:points?\b|pts?\b\.?|ppts?\b))?",
    re.I,
)
_POINTS = re.compile(rf"{_SP}(?:percentage[ -]points?\b|ppts?\b|pp\b|p\.p\.)", re.I)
_SCALE_WORD = re.compile(rf"{_SP}(?P<word>million|billion|thousand|bn)\b", re.I)
_SCALE_SUFFIX = re.compile(r"(?P<word>m|bn|k)\b", re.I)  # only after £: "£1.2m", "£156k"
_CURRENCY_WORDS = re.compile(
    rf"{_SP}(?:(?P<gbp>pounds|gbp)|(?P<usd>dollars|usd)|(?P<eur>euros?|eur))\b", re.I
)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_RATE = re.compile(r" ?(?:[a-z]+ ){0,3}?per ?1,?000\b", re.I)
_RANGE_PERCENT = re.compile(rf"(?:{_DASH}| {_DASH} | to )\d+(?:\.\d+)?{_SP}%")
_SCALES = {
    "million": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "thousand": 10**3,
    "k": 10**3,
}


def _masked_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for pattern in _MASKS for m in pattern.finditer(text)]
    for m in _FY_SHORT.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if second == (first + 1) % 100:  # "12/13" is a financial year, "22/33" is not
            spans.append(m.span())
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _is_cell(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] fills a whole table cell (tab- or pipe-separated)."""
    before = text[:start].rstrip(" ")
    after = text[end:].lstrip(" ")
    return before.endswith(("\t", "|")) and (after == "" or after[0] in "\t|\n")


def _opens_cell_or_line(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" ")
    return before == "" or before.endswith(("\t", "|", "\n", "=", ":"))


def parse_numbers(text: str) -> list[NumberMention]:
    """Every figure in ``text``, in order; see the module docstring for what is left out."""
    masked = _masked_spans(text)
    found: list[NumberMention] = []
    for core in _CORE.finditer(text):
        if _inside(core.start(), masked):
            continue
        mention = _read_mention(text, core)
        if mention is not None:
            found.append(mention)
    return found


def _read_mention(text: str, core: re.Match[str]) -> NumberMention | None:
    digits = core.group()
    start, end = core.span()
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    magnitude = Decimal(digits.replace(",", ""))

    currency: NumberUnit | None = None
    if start > 0 and text[start - 1] in _CURRENCY_SIGNS:
        currency, start = _CURRENCY_SIGNS[text[start - 1]], start - 1
    elif start > 1 and text[start - 1] == " " and text[start - 2] in _CURRENCY_SIGNS:
        currency, start = _CURRENCY_SIGNS[text[start - 2]], start - 2
    gbp = currency is not None  # any money: scale suffixes ("£1.2m", "$3k") follow it

    sign = ""
    if start > 0 and text[start - 1] in "-–−+" and (start < 2 or not text[start - 2].isalnum()):
        sign, start = ("+" if text[start - 1] == "+" else "-"), start - 1

    unit: NumberUnit = currency or "number"
    scale = 1
    rest = text[end:]
    m = _SCALE_WORD.match(rest) or (_SCALE_SUFFIX.match(rest) if gbp else None)
    if m:
        scale, end = _SCALES[m.group("word").lower()], end + m.end()
    rest = text[end:]

    if m := _PERCENT.match(rest):
        unit = "percentage_points" if m.group("points") else "percent"
        end += m.end()
    elif m := _POINTS.match(rest):
        unit, end = "percentage_points", end + m.end()
    elif m := _CURRENCY_WORDS.match(rest):
        unit, end = m.lastgroup, end + m.end()  # type: ignore[assignment]
    elif not gbp and scale == 1 and (m := _ORDINAL.match(rest)):
        unit, end = "rank", end + m.end()
    elif not gbp and (m := _RATE.match(rest)):
        unit, end = "rate_per_1000", end + m.end()
    elif unit == "number" and _RANGE_PERCENT.match(rest):
        unit = "percent"  # the 3 in "3-5%"

    if end < len(text) and (text[end].isalnum() and text[end] not in "¹²³⁴⁵⁶⁷⁸⁹⁰"):
        return None  # glued to letters: "Q3", "t3f9a", "12months"

    bracketed = start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")"
    if bracketed and _opens_cell_or_line(text, start - 1):
        sign, start, end = "-", start - 1, end + 1

    is_plain = unit == "number" and scale == 1 and not sign and decimals == 0
    year_like = is_plain and "," not in digits and 1950 <= magnitude <= 2049
    if year_like and not _is_cell(text, start, end):
        return None  # a year

    value = float(magnitude * scale)  # exact: Decimal("1.176") * 10**6 is 1176000
    return NumberMention(
        value=-value if sign == "-" else value,
        unit=unit,
        decimals=decimals,
        span=(start, end),
        text=text[start:end],
        scale=float(scale),
        sign=sign,
    )


# Most specific first: a span taken by one pattern is not read again by a later one.
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}})\b)?"
    ),
    re.compile(rf"(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b"),
    re.compile(r"(?<![\d/£.,])(?P<y>(?:19|20)\d{2})(?![\d%])"),
)


def parse_dates(text: str) -> list[DateMention]:
    """Dates and bare years in ``text`` (UK day/month order), earliest-starting first."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                continue
            parts = m.groupdict()
            month = (
                MONTHS[parts["mon"].rstrip(".").lower()]
                if parts.get("mon")
                else int(parts["m"])
                if parts.get("m")
                else None
            )
            year = int(parts["y"]) if parts.get("y") else None
            if year is not None and year < 100:
                year += 2000
            day = int(parts["d"]) if parts.get("d") else None
            bad_month = month is not None and not 1 <= month <= 12
            if bad_month or (day is not None and not 1 <= day <= 31):
                continue
            taken.append(m.span())
            found.append(DateMention(year=year, month=month, day=day, span=m.span()))
    return sorted(found, key=lambda d: d.span)
