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

from board.label_words import TOTAL, label_words, stems
from board.metrics import MetricCell
from board.profile import BoardProfile
from board.table_ask import LedgerWords, TableAsk
from tools.tables.match import names_table
from tools.tables.store import TableStore

_CAPTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\s*|\s*\d+(?:\.\d+)*\s*$")
_ACRONYM = re.compile(r"^[A-Z]{2,5}s?$")
_CAPTION_SHARE = 0.6  # of a caption's words a question must hold to name the table by it


@dataclass(frozen=True)
class LedgerPick:
    """The cells a question names in one table, rows in the order the question names them."""

    table_id: str
    cells: tuple[MetricCell, ...]
    operation: str | None  # "ratio" (how many times), "difference" (how much more), or None


def named_by_acronym(info: dict, wanted: frozenset[str], profile: BoardProfile) -> bool:
    """Whether the question names the scheme the table's stub abbreviates: "YJP | Gross
    saving | ..." for "Youth Justice Panels"."""
    stub = str(info.get("stub") or "").strip()
    words = stems(stub, profile)
    return bool(_ACRONYM.match(stub) and words and words <= wanted)


def named_by_caption(info: dict, wanted: frozenset[str], profile: BoardProfile) -> bool:
    """Whether the question names the table by its caption ("enhanced Integrated Offender
    Management" for "5.5 Enhanced Integrated Offender Management") or its acronym stub."""
    if named_by_acronym(info, wanted, profile):
        return True
    caption = _CAPTION_NUMBER.sub("", str(info.get("caption") or ""))
    words = stems(caption, profile)
    if len(words) < 2:
        return False
    return len(words & wanted) >= 2 and len(words & wanted) / len(words) >= _CAPTION_SHARE


def _row_position(label: str, asked: LedgerWords, profile: BoardProfile) -> int | None:
    """Where the question names this row (its first word's place), or None. Every word of
    the label must be in the question; "Total" also answers "across all agencies"."""
    words = stems(label, profile) or frozenset({TOTAL} if label.strip().lower() == TOTAL else ())
    if not words or not words <= asked.stems:
        return None
    return asked.place(words)


def _column_words(labels: Sequence[str], profile: BoardProfile) -> frozenset[str]:
    return label_words(" ".join(labels), profile)


def _column_score(labels: Sequence[str], wanted: frozenset[str], profile: BoardProfile) -> float:
    """Share of the column label's words in the question (1.0: every word)."""
    words = _column_words(labels, profile)
    return len(words & wanted) / len(words) if words else 0.0


def pick(store: TableStore, asked: TableAsk) -> LedgerPick | None:
    """The cells of the one named table whose rows and columns the question names."""
    label, wanted = asked.label, asked.ledger.stems
    picks: list[LedgerPick] = []
    for info in store.tables_frame[["id", "caption", "stub"]].to_dict("records"):
        by_caption = label is None and named_by_caption(info, wanted, store.profile)
        if not (names_table(label, info) or by_caption):
            continue
        table_id = str(info["id"])
        chosen = _cells_named(store.cells_of(table_id), asked.ledger, store.profile)
        if chosen:
            picks.append(LedgerPick(table_id, chosen, asked.ledger.operation))
    return picks[0] if len(picks) == 1 else None


def _cells_named(
    cells: Sequence[MetricCell], asked: LedgerWords, profile: BoardProfile
) -> tuple[MetricCell, ...]:
    figures = [c for c in cells if c.value is not None]
    wanted = asked.stems
    rows: dict[int, int] = {}
    for cell in figures:
        place = _row_position(cell.row_label, asked, profile)
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
                scores.get(cell.col_index, 0.0), _column_score(cell.column_labels, wanted, profile)
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
    return tuple(
        sorted(
            chosen,
            key=lambda c: (rows[c.row_index], asked.place(_column_words(c.column_labels, profile))),
        )
    )
