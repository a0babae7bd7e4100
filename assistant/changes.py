"""Changes the papers state with both their ends ("717, up from 552", "from 218 offences to
191", "358 ... this had risen to 443"), found in a sentence and computed here, in code:
the difference and the percentage change, described in words. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.compose import NOT_FIGURES, plain

_NUMBER = r"£?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|£?\d+(?:\.\d+)?%?"


_FROM_TO = re.compile(
    rf"\bfrom\s+(?:an?\s+)?(?P<before>{_NUMBER})(?![\w/])[^.;:]{{0,60}}?\s+to\s+"
    rf"(?:an?\s+)?(?:estimated\s+|around\s+|about\s+|approximately\s+)?(?P<after>{_NUMBER})(?![\w/])",
    re.I,
)


_UP_FROM = re.compile(
    rf"(?<![\w.,/])(?P<after>{_NUMBER})(?![\w/])[^.;\d]{{0,80}}?\b(?:up|down|increased|rising|risen"
    rf"|fallen|falling|decreased|an? (?:rise|fall|increase|decrease|reduction))\s+from\s+"
    rf"(?:an?\s+)?(?P<before>{_NUMBER})(?![\w/])",
    re.I,
)


_RISEN_TO = re.compile(
    rf"\b(?:risen|rose|increased|grown|grew|expanded|fallen|fell|dropped|decreased|reduced|gone (?:up|down))"
    rf"\s+to\s+(?:an?\s+)?(?P<after>{_NUMBER})(?![\w/])",
    re.I,
)


_ANY_NUMBER = re.compile(rf"(?<![\w.,/£])(?:{_NUMBER})(?![\w/]|\.\d)")
# "has risen to 2.67 compared with 2.05": the earlier figure after the later one
_RISEN_COMPARED = re.compile(
    rf"\b(?:risen|rose|increased|grown|grew|fallen|fell|dropped|decreased|reduced)\s+to\s+"
    rf"(?P<after>{_NUMBER})(?![\w/])[^.;\d]{{0,30}}?\b(?:compared (?:with|to)|from|against)\s+"
    rf"(?P<before>{_NUMBER})(?![\w/])",
    re.I,
)
# Numbers that are not figures of the thing counted: durations and the base of a rate.
_NOT_AMOUNTS = re.compile(
    r"\b\d+\s+(?:months?|weeks?|years?|days?|quarters?)\b|\bper\s+1(?:0{2,3}|,000|00,000)\b",
    re.I,
)
_PER_CENT = re.compile(r"(\d)\s*per\s*cent\b", re.I)


@dataclass(frozen=True)
class Change:
    """A change between two figures the papers state: ``before`` and ``after``."""

    before: float
    after: float
    unit: str = ""  # "%" or "£" when the figures carry one

    @property
    def difference(self) -> float:
        return self.after - self.before

    @property
    def percent(self) -> float | None:
        return None if self.before == 0 else self.difference / abs(self.before) * 100


def change_in(text: str) -> Change | None:
    """The change a sentence states with both its ends: "from 218 to 191", "717, up from 552",
    or "358 ... this had risen to 443"; None when it gives only one end."""
    text = _NOT_AMOUNTS.sub(" ", NOT_FIGURES.sub(" ", _PER_CENT.sub(r"\1%", plain(text))))
    for pattern in (_RISEN_COMPARED, _FROM_TO, _UP_FROM):
        for m in pattern.finditer(text):
            change = _change(m.group("before"), m.group("after"))
            if change is not None:
                return change
    risen = _RISEN_TO.search(text)
    if risen:
        earlier = [n for n in _ANY_NUMBER.findall(text[: risen.start()]) if not _is_year(n)]
        if earlier:
            return _change(earlier[0], risen.group("after"))
    return None


def _change(before: str, after: str) -> Change | None:
    if _is_year(before) or _is_year(after):
        return None  # "from 2015 to 2017" is a period, not a change
    if _unit_of(before) != _unit_of(after):
        return None  # "4" and "100%" are not two ends of one change
    return Change(_value(before), _value(after), _unit_of(after))


def _is_year(figure: str) -> bool:
    return bool(re.fullmatch(r"(?:19[5-9]|20[0-4])\d", figure))


def _unit_of(figure: str) -> str:
    return "%" if figure.endswith("%") else "£" if figure.startswith("£") else ""


def _value(figure: str) -> float:
    return float(figure.strip("£%").replace(",", ""))


def _shown(value: float, unit: str = "") -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    return f"£{text}" if unit == "£" else f"{text}%" if unit == "%" else text


def describe_change(change: Change) -> str:
    """The computed change in words: "717 − 552 = 165, a rise of 29.9% on 552"."""
    u = change.unit
    sum_ = f"{_shown(change.after, u)} − {_shown(change.before, u)} = "
    sign = "−" if change.difference < 0 else ""
    word = "a rise" if change.difference > 0 else "a fall" if change.difference < 0 else "no change"
    if u == "%":
        return f"{sum_}{sign}{_shown(abs(change.difference))} percentage points, {word}"
    sum_ += f"{sign}{_shown(abs(change.difference), u)}"
    if change.percent is None or not change.difference:
        return sum_
    return f"{sum_}, {word} of {abs(change.percent):.1f}% on {_shown(change.before, u)}"
