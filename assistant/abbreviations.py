"""Abbreviations in questions and passages: "FTE" is "First Time Entrant" when the question
or the passage spells it out, and a body a question names by its initials ("OPCC") must be
named by the passage too. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from board.prose_figure import INITIALS
from board.text import tokenize


def names_bodies(initials: Sequence[str], question_words: Sequence[str], text: str) -> bool:
    """Whether ``text`` names every body or scheme the question names by its ``initials``
    ("OPCC", "DCLG", "IOM"), as initials or spelled out as the question's words spell it."""
    words = set(tokenize(text))
    for short in initials:
        long = _initials_in(short, question_words)
        if short.lower() not in words and not (long and set(tokenize(long)) <= words):
            return False
    return True


def spell_out(text: str, question_words: Sequence[str], passage: str) -> str:
    """``text`` with the long form of each abbreviation it uses, as the question's words or
    the passage spell it out: "FTE" -> "First Time Entrant", "IOM" -> "Integrated Offender
    Management"."""
    shorts = INITIALS.findall(text)
    defined = _defined(passage)  # once, not once per abbreviation
    long_forms = [
        *(defined.get(short) for short in shorts),
        *(_initials_in(short, question_words) for short in shorts),
    ]
    return " ".join([text, *(f for f in long_forms if f)])


def _defined(passage: str) -> dict[str, str]:
    """Abbreviations a passage defines: "Integrated Offender Management (IOM)"."""
    found: dict[str, str] = {}
    for m in re.finditer(r"((?:[A-Za-z][\w-]*\s+){1,6}?)\(([A-Z]{2,6})\)", passage):
        long = _initials_in(m.group(2), m.group(1).split())
        if long:
            found[m.group(2)] = long
    return found


def _initials_in(short: str, words: Sequence[str]) -> str | None:
    """The run of ``words`` whose initials spell ``short``, if any."""
    n = len(short)
    for i in range(len(words) - n + 1):
        run = words[i : i + n]
        if "".join(w[0] for w in run).upper() == short and any(w[0].isupper() for w in run):
            return " ".join(run)
    return None
