"""The words of a table's row and column labels, stemmed so that a question's words meet
them: "save" meets "Gross saving", "benefit" meets "Benefits". The ledger reads a table's
labels with these functions and the question reader reads the question with the same ones,
so both sides stem alike. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from board.measures import content_tokens
from board.profile import BoardProfile
from board.text import root

# Words that say nothing about which row or column is meant.
_GENERIC = frozenset(
    [
        "£",
        "£000",
        "000",
        "(£)",
        "(£000)",
        "approx",
        "approx.",
        "column",
        "table",
        "appendix",
        "breakdown",
        "figure",
        "value",
        "amount",
        "number",
        "show",
        "shown",
        "give",
    ]  # noqa: SIM905
)
TOTAL = "total"
_KEPT = re.compile(r"\b(total|year|\d{1,2})\b(?![,.]\d)", re.I)


def stem(word: str) -> str:
    """A label word's root, as the project's one stemmer gives it: "save" and "saving",
    "benefit" and "benefits" meet."""
    return root(word.strip("().,:;"))


def stems(text: str, profile: BoardProfile) -> frozenset[str]:
    """The meaningful words of ``text`` as stems (captions and labels recur: cached)."""
    return _stems(text, profile)


@lru_cache(maxsize=4096)
def _stems(text: str, profile: BoardProfile) -> frozenset[str]:
    """stems under ``profile``, whose measure synonyms decide the words (the cache's key)."""
    return frozenset(
        {stem(w) for w in content_tokens(text, profile) if w not in _GENERIC and not w.isdigit()}
        - {stem(w) for w in _GENERIC}
    )


def kept_words(text: str) -> frozenset[str]:
    """Words the measure vocabulary drops that tell rows and columns apart: "Total",
    "Year 1 impact" (not "Annual impact")."""
    return frozenset(w.lower() for w in _KEPT.findall(text))


def label_words(text: str, profile: BoardProfile) -> frozenset[str]:
    """A label's stems with "total" and "year" kept: what a question must name to name it."""
    return stems(text, profile) | kept_words(text)
