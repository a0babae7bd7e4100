"""Whether an answer states a gold item's values, dates, direction and key facts: a value
as written or rounded the way the papers round it, in a unit that can stand for it. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from eval.gold import AnswerValue, KeyFact
from eval.numbers import DateMention, NumberMention, parse_dates, parse_numbers

DERIVED_TOLERANCE = 0.0015  # relative, for values the system must compute

KEY_FACT_THRESHOLD = 0.5

# Which units written in an answer can state a gold value of each unit.
# Percent and percentage points never stand in for each other.
COMPATIBLE_UNITS: dict[str, frozenset[str]] = {
    "count": frozenset({"number"}),
    "number": frozenset({"number", "rank", "rate_per_1000"}),
    "ratio": frozenset({"number"}),
    "rank": frozenset({"rank", "number"}),
    "rate_per_1000": frozenset({"rate_per_1000", "number"}),
    "gbp": frozenset({"gbp", "number"}),
    "usd": frozenset({"usd", "number"}),
    "eur": frozenset({"eur", "number"}),
    "percent": frozenset({"percent"}),
    "percentage_points": frozenset({"percentage_points"}),
}


def round_half_up(value: float, places: int) -> Decimal:
    """``value`` rounded as a person would (2.675 -> 2.68), via its shortest repr."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _decimals_of(value: float | int) -> int:
    text = repr(float(value))
    return 0 if "e" in text or text.endswith(".0") else len(text.split(".")[1])


def value_matches(
    gold_value: AnswerValue, answer_numbers: Sequence[NumberMention], *, derived: bool = False
) -> bool:
    """Whether any figure in the answer states ``gold_value``.

    Counts must be exact; other derived values within 0.15% relative; other
    values read from a table are compared after rounding the answer's figure to
    ``source_precision`` (default: the decimals of the gold value). The unit
    written must be compatible (``COMPATIBLE_UNITS``). Dates: use ``date_matches``.
    """
    if gold_value.unit == "date" or isinstance(gold_value.value, str):
        return False
    target = abs(float(gold_value.value))
    allowed = COMPATIBLE_UNITS.get(gold_value.unit, frozenset({"number"}))
    places = gold_value.source_precision
    if places is None:
        places = _decimals_of(gold_value.value)
    for number in answer_numbers:
        if number.unit not in allowed:
            continue
        got = abs(number.value)
        if gold_value.unit == "count":
            if got == target:
                return True
        elif derived:
            if abs(got - target) <= DERIVED_TOLERANCE * target or got == target:
                return True
        elif round_half_up(got, places) == round_half_up(target, places):
            return True
    return False


def date_matches(gold_value: str | int | float, answer_dates: Sequence[DateMention]) -> bool:
    """Whether a date in the answer agrees with the gold date at the gold's granularity.

    ``"2013-01-15"`` needs that day; ``"2013-01"`` that month; ``2013`` or ``"2013"``
    that year. A day and month written without a year ("15 January") count.
    """
    parts = [int(p) for p in str(gold_value).split("-")]
    year, month, day = (parts + [None, None])[:3]
    for date in answer_dates:
        if date.year is not None and date.year != year:
            continue
        if date.year is None and (day is None or date.day is None):
            continue
        if month is not None and date.month != month:
            continue
        if day is not None and date.day != day:
            continue
        return True
    return False


def answer_value_found(gold_value: AnswerValue, answer_text: str, *, derived: bool) -> bool:
    """Whether ``answer_text`` states ``gold_value`` (figures or dates as its unit needs)."""
    if gold_value.unit == "date":
        return date_matches(gold_value.value, parse_dates(answer_text))
    return value_matches(gold_value, parse_numbers(answer_text), derived=derived)


_INCREASE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|grew|grow(?:s|n|ing|th)?|higher"
    r"|up(?=\s+(?:by|from|on)\b|\s*[+£\d]))\b",
    re.IGNORECASE,
)

_DECREASE = re.compile(
    r"\b(?:f[ae]ll(?:s|en|ing)?|decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tions?)"
    r"|declin(?:e|es|ed|ing)|dropp?(?:s|ed|ing)?|lower|down(?=\s+(?:by|from|on)\b|\s*[-–£\d]))\b",
    re.IGNORECASE,
)


def direction_signals(answer_text: str) -> tuple[int, int]:
    """(increase, decrease) signals: direction words, plus explicitly signed figures.

    "up"/"down" count only before "by", "from", "on" or a figure, so "set up" and
    "up to 27%" are not rises. Negation ("did not fall") is not detected.
    """
    numbers = parse_numbers(answer_text)
    ups = len(_INCREASE.findall(answer_text)) + sum(n.sign == "+" for n in numbers)
    downs = len(_DECREASE.findall(answer_text)) + sum(n.sign == "-" for n in numbers)
    return ups, downs


def direction_agrees(gold_direction: str | None, answer_text: str) -> bool:
    """True when gold has no direction, or the answer signals it at least once and at
    least as often as the opposite ("rose ... although robbery fell" still agrees)."""
    if gold_direction is None:
        return True
    ups, downs = direction_signals(answer_text)
    agree, against = (ups, downs) if gold_direction == "increase" else (downs, ups)
    return agree >= 1 and agree >= against


_TITLES = {"cllr", "councillor", "dr", "mr", "mrs", "ms"}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Lower case, plain quotes, "&" as "and", no punctuation or titles, single spaces.

    Thousands commas are dropped (2,576 -> 2576), decimal points and "%" kept,
    "per cent" becomes "%".
    """
    text = text.translate(_QUOTES).lower().replace("&", " and ")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"\bper\s?cent\b", "%", text)
    text = text.replace("'", "")
    text = re.sub(r"(?<=\d)\.(?=\d)", "\x00", text)  # protect decimal points
    text = re.sub(r"[^\w%£\x00]+", " ", text).replace("\x00", ".")
    text = re.sub(r"(?<=\d)(?=[%£])|(?<=[%£])(?=\w)", " ", text)
    return " ".join(word for word in text.split() if word not in _TITLES)


def fact_stated(fact: KeyFact, answer_text: str) -> bool:
    """Whether the fact or any alias appears, as whole words, in the normalised answer."""
    haystack = f" {normalise(answer_text)} "
    return any(needle and f" {needle} " in haystack for needle in map(normalise, fact.phrasings))


def key_fact_recall(key_facts: Sequence[KeyFact], answer_text: str) -> float | None:
    """Share of key facts stated in the answer; None when there are none."""
    if not key_facts:
        return None
    return sum(fact_stated(f, answer_text) for f in key_facts) / len(key_facts)
