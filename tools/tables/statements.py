"""What a paper itself says about a figure the tools computed: "Northtown has the 10th lowest
rate of ASB calls per 1000 population" beside a ranking of the borough table. A computed
rank the paper also states is cited to that sentence too, so a reader sees both agree.
Pure functions over the passages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board.records import Chunk

_STATED_RANK = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+(highest|lowest)\b", re.I)


@dataclass(frozen=True)
class Statement:
    """A line of a paper, with where it is."""

    chunk: Chunk
    line: int
    text: str


def stated_rank(
    passages: Sequence[Chunk], source: str, place: str, highest: int, lowest: int, about: str
) -> Statement | None:
    """A line of ``source`` that names ``place`` with one of its computed ranks ("10th
    lowest") and the measure's word (``about``, "rate"); None when the paper says no such
    thing."""
    wanted = {("highest", highest), ("lowest", lowest)}
    for chunk in passages:
        if chunk.source != source or chunk.is_table or len(chunk.line_numbers) == 0:
            continue
        lines = chunk.text.split("\n")
        if len(lines) != len(chunk.line_numbers):
            continue
        for text, number in zip(lines, chunk.line_numbers, strict=True):
            if place.lower() not in text.lower() or about.lower() not in text.lower():
                continue
            for m in _STATED_RANK.finditer(text):
                if (m.group(2).lower(), int(m.group(1))) in wanted and _near(text, m, about):
                    return Statement(chunk, number, text.strip())
    return None


def _near(text: str, m: re.Match[str], word: str, reach: int = 40) -> bool:
    """The ordinal is said of ``word`` ("10th lowest rate"), not of another figure."""
    after = text[m.end() : m.end() + reach].lower()
    return word.lower() in after
