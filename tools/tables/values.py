"""Reading a figure out of a cell's text: value, unit, sign and decimals.

"2,576" -> 2576 (number), "-4.6%" -> -4.6 percent, "(£117,500)" -> -117500 gbp,
"+4.5% pt" -> 4.5 percentage points, "15/15" -> rank 15, "±3.73%" -> a confidence
interval. Some cells hold a figure and an aside: "519 (25.9% reduction %)",
"27705 (74.922 Per 1000 population)", "8540 (down 6.6% from 9139)",
"Sep 2017: 201"; the aside is returned as extra parts. A cell with several
figures in no known pattern has no value: a wrong figure is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from board.dates import MONTH_NAME

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SIGN = r"[-+–−]"
_SIMPLE = re.compile(
    rf"^(?P<open>\()?\s*(?P<sign>{_SIGN})?\s*(?P<pm>±)?\s*(?P<gbp>£)?\s*(?P<num>{_NUM})\s*"
    rf"(?P<pct>%)?\s*(?P<pts>pts?\.?|ppts?|pp|percentage points?|"
    rf"points?)?\s*\*?\s*(?P<close>\))?\s*"
    rf"(?P<word>increase|decrease|reduction|up|down|higher|lower)?$",
    re.I,
)
_RANK = re.compile(r"^(?P<n>\d{1,2})\s*/\s*(?P<of>\d{1,2})$")
_ENUM = re.compile(r"^\(?[a-z]\)\s+|^\d{1,2}\)\s+")  # "(a) 10.29", "1) 24590"
_PREFIX = re.compile(r"^(?P<label>[A-Za-z][A-Za-z0-9 .'/-]{1,30}?)\s*:\s*(?P<rest>.+)$")
_ASIDE = re.compile(r"^(?P<main>[^()]+?)\s*\((?P<aside>[^()]+)\)\s*\*?$")
_DOWN_FROM = re.compile(
    rf"^(?P<dir>down|up)\s+(?P<pct>{_NUM})\s*%\s+from\s+(?P<prev>{_NUM})$", re.I
)
_PER_1000 = re.compile(r"\bper\s*1,?000\b", re.I)
_DIGITS = re.compile(r"\d")
_MONTH_WORD = re.compile(
    rf"^{MONTH_NAME}[a-z]*\b|^(?:st|nd|rd|th)\b|^(?:to|and)\b",
    re.I,
)
_NOT_A_VALUE = {"", "-", "–", "n/a", "na", "nil", "none", "tbc", "n.a."}
_NEGATIVE_WORDS = {"decrease", "reduction", "down", "lower"}
_POSITIVE_WORDS = {"increase", "up", "higher"}


@dataclass(frozen=True)
class Part:
    """A figure read from a cell: the main one, or an aside labelled by what it is."""

    value: float
    unit: str  # "number", "percent", "percentage_points", "gbp", "rank"
    sign: int
    decimals: int
    statistic: str | None = None  # for asides: "% change", "rate per 1000", "previous", "count"
    of: int | None = None  # for ranks: "15/15" -> of 15
    confidence: bool = False  # "±3.73%"


@dataclass(frozen=True)
class CellValue:
    """What a cell holds: its main figure, any asides and a label written before it."""

    main: Part
    extras: tuple[Part, ...] = ()
    prefix: str | None = None  # "Sep 2017" in "Sep 2017: 201", "Northtown" in "Northtown: 67%"
    aside: str | None = None  # words in brackets after the figure: "Autumn 2016"


def is_fy_fraction(text: str) -> bool:
    """ "12/13" is a financial year, "15/15" a rank."""
    m = _RANK.match(text.strip())
    return m is not None and int(m.group("of")) == (int(m.group("n")) + 1) % 100


def parse_simple(text: str) -> Part | None:
    """One figure filling the whole text, or None."""
    text = text.strip().replace("\u2212", "-")
    m = _RANK.match(text)
    if m:
        n, of = int(m.group("n")), int(m.group("of"))
        if is_fy_fraction(text) or n == 0 or n > of:
            return None
        return Part(float(n), "rank", 0, 0, "rank", of=of)
    m = _SIMPLE.match(text)
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return None
    if m.group("open") and not (
        m.group("gbp") or m.group("pct") or re.search(r"[,.]|\d{3}", m.group("num"))
    ):
        return None  # "(2)" numbers a column; it is not minus two
    digits = m.group("num")
    value = float(digits.replace(",", ""))
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    word = (m.group("word") or "").lower()
    sign = 0
    if m.group("sign") and m.group("sign") != "+" or m.group("open") or word in _NEGATIVE_WORDS:
        sign = -1
    elif m.group("sign") == "+" or word in _POSITIVE_WORDS:
        sign = 1
    if m.group("pts") and m.group("pts").lower().startswith("point") and not m.group("pct"):
        return None  # "3 points" alone is too vague to be a figure
    if m.group("pts"):
        unit = "percentage_points"
    elif m.group("pct"):
        unit = "percent"
    elif m.group("gbp"):
        unit = "gbp"
    else:
        unit = "number"
    if word and unit == "number":
        return None  # "5 up" is not a reading we trust
    return Part(
        value=-value if sign < 0 else value,
        unit=unit,
        sign=sign,
        decimals=decimals,
        statistic="confidence interval" if m.group("pm") else None,
        confidence=bool(m.group("pm")),
    )


def _aside(text: str) -> Part | None:
    """The figure in "(25.9% reduction %)", "(74.922 Per 1000 population)", "(4438 people)"."""
    text = text.strip()
    part = parse_simple(text)
    if part is not None:
        return Part(
            part.value,
            part.unit,
            part.sign,
            part.decimals,
            "percent" if part.unit == "percent" else "value",
        )
    m = re.match(rf"^(?P<num>{_NUM})\s*(?P<pct>%)?\s*(?P<rest>[A-Za-z% ]*)$", text)
    if not m:
        return None
    rest = (m.group("rest") or "").lower()
    number = float(m.group("num").replace(",", ""))
    decimals = len(m.group("num").split(".")[1]) if "." in m.group("num") else 0
    if m.group("pct") and any(w in rest for w in _NEGATIVE_WORDS):
        return Part(-number, "percent", -1, decimals, "% change")
    if m.group("pct") and any(w in rest for w in _POSITIVE_WORDS):
        return Part(number, "percent", 1, decimals, "% change")
    if m.group("pct"):
        return Part(number, "percent", 0, decimals, "percent")
    if "people" in rest or "cases" in rest:
        return Part(number, "number", 0, decimals, "count")
    return None


def parse_cell(raw: str) -> CellValue | None:
    """The figure(s) a cell holds, or None for text, dates, ranges and blanks."""
    text = " ".join(raw.split()).strip()
    if text.lower().rstrip("*") in _NOT_A_VALUE or not _DIGITS.search(text):
        return None
    text = _ENUM.sub("", text)
    text = re.sub(r"^(?:approx\.?|approximately|around|about|c\.|circa)\s+", "", text, flags=re.I)
    simple = parse_simple(text)
    if simple is not None:
        return CellValue(simple)
    m = _PREFIX.match(text)
    if m and (not _DIGITS.search(m.group("label")) or _looks_like_period(m.group("label"))):
        inner = parse_cell(m.group("rest"))
        if inner is not None and inner.prefix is None:
            return CellValue(inner.main, inner.extras, m.group("label").strip(), inner.aside)
    m = _ASIDE.match(text)
    if m:
        main = parse_simple(m.group("main"))
        aside_text = m.group("aside").strip()
        if main is not None:
            if (dm := _DOWN_FROM.match(aside_text)) is not None:
                sign = -1 if dm.group("dir").lower() == "down" else 1
                pct = float(dm.group("pct").replace(",", ""))
                prev = float(dm.group("prev").replace(",", ""))
                pct_dec = len(dm.group("pct").split(".")[1]) if "." in dm.group("pct") else 0
                return CellValue(
                    main,
                    (
                        Part(sign * pct, "percent", sign, pct_dec, "% change"),
                        Part(prev, main.unit, 0, 0, "previous"),
                    ),
                )
            rate = re.match(rf"^(?P<num>{_NUM})\s+per\s*1,?000\b", aside_text, re.I)
            if rate:
                digits = rate.group("num")
                decimals = len(digits.split(".")[1]) if "." in digits else 0
                return CellValue(
                    main,
                    (
                        Part(
                            float(digits.replace(",", "")),
                            "rate_per_1000",
                            0,
                            decimals,
                            "rate per 1000",
                        ),
                    ),
                )
            aside = _aside(aside_text)
            if aside is not None:
                return CellValue(main, (aside,))
            if not _DIGITS.search(aside_text) or _looks_like_period(aside_text):
                return CellValue(main, (), None, aside_text)
        return None
    # "0.80 re-offences per 100 young people": a leading figure and words, no other figure.
    m = re.match(rf"^(?P<num>{_NUM})\s*(?P<pct>%)?\s+(?P<rest>[A-Za-z][A-Za-z ,.'-]*)$", text)
    if m and not _DIGITS.search(m.group("rest")) and not _MONTH_WORD.match(m.group("rest")):
        part = parse_simple(m.group("num") + (m.group("pct") or ""))
        if part is not None:
            return CellValue(part)
    m = re.match(
        rf"^(?P<num>{_NUM})\s*(?P<rest>[A-Za-z][A-Za-z ]*per\s*1,?000[A-Za-z ]*)$", text, re.I
    )
    if m:
        part = parse_simple(m.group("num"))
        if part is not None:
            return CellValue(Part(part.value, "rate_per_1000", 0, part.decimals))
    return None


def _looks_like_period(text: str) -> bool:
    return bool(re.search(r"\b(?:19|20)\d{2}\b|\b(?:spring|summer|autumn|winter)\b", text, re.I))


def has_figure(raw: str) -> bool:
    """Whether a cell holds a figure we can read."""
    return parse_cell(raw) is not None


def mentions_per_1000(text: str) -> bool:
    return bool(_PER_1000.search(text))


def format_figure(value: float, unit: str | None, decimals: int = 0) -> str:
    """A figure as an answer states it: "2,576", "42.5%", "£228,717", "5.8 percentage points"."""
    magnitude = f"{abs(value):,.{decimals}f}"
    sign = "-" if value < 0 else ""
    if unit == "percent":
        return f"{sign}{magnitude}%"
    if unit == "percentage_points":
        return f"{sign}{magnitude} percentage points"
    if unit == "gbp":
        return f"{sign}£{magnitude}"
    if unit == "rate_per_1000":
        return f"{sign}{magnitude} per 1,000"
    if unit == "rank":
        return _ordinal(int(abs(value)))
    return f"{sign}{magnitude}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
