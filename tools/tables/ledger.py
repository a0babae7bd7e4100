"""Reading a ledger table by row and column: the cost and savings tables of a business case
("5.5 Enhanced Integrated Offender Management": Police | Gross saving | Annual impact ...)
and the spend table of an appendix are not series of a crime measure; a question finds
their figures by naming the table, the row (an agency, "Total") and the column.

Pure functions over the store. Nothing is returned unless the table, a row and a column
are all named; two figures of the same unit can be divided when the question asks "how
many times", and the quotient is computed here, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from board.measures import content_tokens
from board.metrics import MetricCell
from board.profile import BoardProfile, active
from tools.tables.match import names_table, table_label
from tools.tables.store import TableStore

# Phrases a question uses for a column's words ("save ... each year": "Annual saving").
_PHRASES = (
    (re.compile(r"\b(?:each|per|a) (?:year|annum)\b|\byearly\b|\bannually\b", re.I), " annual "),
    (re.compile(r"\bacross all (?:the )?(?:agencies|partners|organisations)\b", re.I), " total "),
    (re.compile(r"\b(?:altogether|overall|in all)\b", re.I), " total "),
)
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
    ]
)
_SUFFIXES = ("ings", "ing", "ed", "es", "s", "e")
_TIMES = re.compile(r"\bhow many times\b|\bratio\b|\btimes (?:larger|bigger|greater|more)\b", re.I)
_DIFFERENCE = re.compile(
    r"\bhow much (?:larger|bigger|greater|more|higher|smaller|less|lower)\b|\bdifference between\b",
    re.I,
)
_CAPTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\s*|\s*\d+(?:\.\d+)*\s*$")
_ACRONYM = re.compile(r"^[A-Z]{2,5}s?$")
_TOTAL = "total"
_KEPT = re.compile(r"\b(total|year|\d{1,2})\b(?![,.]\d)", re.I)
_CAPTION_SHARE = 0.6  # of a caption's words a question must hold to name the table by it


def stem(word: str) -> str:
    """A crude stem, enough to meet "save" with "saving" and "benefit" with "benefits"."""
    word = word.lower().strip("().,:;")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stems(text: str) -> frozenset[str]:
    """The meaningful words of ``text`` as stems (captions and labels recur: cached)."""
    return _stems(text, active())


@lru_cache(maxsize=4096)
def _stems(text: str, profile: BoardProfile) -> frozenset[str]:
    """stems under ``profile``, whose measure synonyms decide the words (the cache's key)."""
    del profile  # content_tokens reads the same, active, profile
    return frozenset(
        {stem(w) for w in content_tokens(text) if w not in _GENERIC and not w.isdigit()}
        - {stem(w) for w in _GENERIC}
    )


def _kept_words(text: str) -> frozenset[str]:
    """Words the measure vocabulary drops that tell rows and columns apart here: "Total",
    "Year 1 impact" (not "Annual impact")."""
    return frozenset(w.lower() for w in _KEPT.findall(text))


def question_stems(question: str) -> frozenset[str]:
    """The question's words as stems, with "total" and "year" kept, and the phrases that
    mean them read ("across all agencies", "each year" is annual)."""
    text = question
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return stems(text) | _kept_words(text)


@dataclass(frozen=True)
class LedgerPick:
    """The cells a question names in one table, rows in the order the question names them."""

    table_id: str
    cells: tuple[MetricCell, ...]
    operation: str | None  # "ratio" (how many times), "difference" (how much more), or None


def asked_operation(question: str) -> str | None:
    """ "how many times larger": a ratio; "how much larger / more than": a difference."""
    if _TIMES.search(question):
        return "ratio"
    return "difference" if _DIFFERENCE.search(question) else None


def named_by_acronym(info: dict, wanted: frozenset[str]) -> bool:
    """Whether the question names the scheme the table's stub abbreviates: "YJP | Gross
    saving | ..." for "Youth Justice Panels"."""
    stub = str(info.get("stub") or "").strip()
    return bool(_ACRONYM.match(stub) and stems(stub) and stems(stub) <= wanted)


def named_by_caption(info: dict, wanted: frozenset[str]) -> bool:
    """Whether the question names the table by its caption ("enhanced Integrated Offender
    Management" for "5.5 Enhanced Integrated Offender Management") or its acronym stub."""
    if named_by_acronym(info, wanted):
        return True
    caption = _CAPTION_NUMBER.sub("", str(info.get("caption") or ""))
    words = stems(caption)
    if len(words) < 2:
        return False
    return len(words & wanted) >= 2 and len(words & wanted) / len(words) >= _CAPTION_SHARE


def _row_position(label: str, question: str, wanted: frozenset[str]) -> int | None:
    """Where the question names this row (its first word's place), or None. Every word of
    the label must be in the question; "Total" also answers "across all agencies"."""
    words = stems(label) or frozenset({_TOTAL} if label.strip().lower() == _TOTAL else ())
    if not words or not words <= wanted:
        return None
    return _first_place(words, question.lower())


def _first_place(words: frozenset[str], lowered: str) -> int:
    """Where the question first names one of ``words`` (its end when it names none)."""
    places = [place for w in words if (place := lowered.find(w)) >= 0]
    return min(places) if places else len(lowered)


def _column_words(labels: Sequence[str]) -> frozenset[str]:
    text = " ".join(labels)
    return stems(text) | _kept_words(text)


def _column_score(labels: Sequence[str], wanted: frozenset[str]) -> float:
    """Share of the column label's words in the question (1.0: every word)."""
    words = _column_words(labels)
    return len(words & wanted) / len(words) if words else 0.0


def pick(store: TableStore, question: str) -> LedgerPick | None:
    """The cells of the one named table whose rows and columns the question names."""
    wanted = question_stems(question)
    label = table_label(question)
    picks: list[LedgerPick] = []
    for info in store.tables_frame[["id", "caption", "stub"]].to_dict("records"):
        if not (names_table(label, info) or (label is None and named_by_caption(info, wanted))):
            continue
        table_id = str(info["id"])
        chosen = _cells_named(store.cells_of(table_id), question, wanted)
        if chosen:
            picks.append(LedgerPick(table_id, chosen, asked_operation(question)))
    return picks[0] if len(picks) == 1 else None


def _cells_named(
    cells: Sequence[MetricCell], question: str, wanted: frozenset[str]
) -> tuple[MetricCell, ...]:
    figures = [c for c in cells if c.value is not None]
    rows: dict[int, int] = {}
    for cell in figures:
        place = _row_position(cell.row_label, question, wanted)
        if place is not None:
            rows[cell.row_index] = place
    if not rows:
        return ()
    # "Northtown Council (community safety spend)" holds "Council": the longer label named wins
    # only over labels it contains, so both "Police" and it can be named.
    scores: dict[int, float] = {}
    for cell in figures:
        if cell.row_index in rows:
            scores[cell.col_index] = max(
                scores.get(cell.col_index, 0.0), _column_score(cell.column_labels, wanted)
            )
    if not scores or max(scores.values()) == 0:
        return ()
    full = {c for c, s in scores.items() if s == 1.0}
    top = max(scores.values())
    columns = full or {c for c, s in scores.items() if s == top}
    chosen = [c for c in figures if c.row_index in rows and c.col_index in columns]
    if not full:
        if len({(c.row_index, c.value) for c in chosen}) > len(rows):
            return ()  # two half-named columns disagree: which one is meant is not clear
        first: dict[int, MetricCell] = {}
        for cell in chosen:
            first.setdefault(cell.row_index, cell)
        chosen = list(first.values())
    # in the order the question names them: rows first, then columns ("Year 1 impact than
    # the Gross saving" divides the Year 1 impact by the gross saving)
    lowered = question.lower()
    return tuple(
        sorted(
            chosen,
            key=lambda c: (
                rows[c.row_index],
                _first_place(_column_words(c.column_labels), lowered),
            ),
        )
    )
