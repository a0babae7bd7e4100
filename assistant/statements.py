"""Statements of figures in a passage: each sentence or bullet with what it needs to be
understood (the sentence it refers back to, the lines that refer back to it, the lead-in
line its list hangs from, the footnotes it points to), and prose written into the cells of
a report's layout table split back into sentences. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.compose import Unit, plain
from assistant.units import answer_units
from board.records import Chunk
from board.text import BULLET, is_table_row, sentences

# Sentences that point back to the figure before: "604 of these", "this had risen to 443".
_REFERS_BACK = re.compile(
    r"^\W*(?:\S+\s+){0,2}of (?:these|those|which|them)\b"
    r"|^(?:\W*\w+\W+){0,5}?(?:this|these|it) (?:has|had|have|was|were|is|would|will)\b"
    r"|^\W*(?:this|these|they|it|which)\s+(?!year|month|week|quarter)",
    re.I,
)
_LEADING_MARK = re.compile(r"^(?:[\u2022\uf0b7\uf0a7]\s*|-\s+)+")
_CELL_SEPARATOR = re.compile(r"\t|\|")
_FOOTNOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def figure_units(chunk: Chunk) -> list[Unit]:
    """A passage's quotable units, with prose written into table cells split into sentences."""
    units: list[Unit] = []
    for unit in answer_units(chunk):
        if not is_table_row(unit.text) or not _is_prose_row(unit.text):
            units.append(unit)
            continue
        for sentence in sentences(" ".join(_cells(unit.text, skip_label=True))):
            if len(sentence.split()) >= 2:
                units.append(Unit(sentence, plain(sentence), unit.line, unit.page, chunk))
    return units


def _cells(row: str, *, skip_label: bool = False) -> list[str]:
    # bullets and list dashes go; a minus sign on a figure ("-0.1%") stays
    cells = [_LEADING_MARK.sub("", c.strip()) for c in _CELL_SEPARATOR.split(row)]
    if skip_label and cells and len(cells[0].split()) < 8:
        cells = cells[1:]  # the row's label is context, not part of the sentence
    return [c for c in cells if c]


def _is_prose_row(row: str) -> bool:
    """A table row whose cells hold sentences (a report's layout grid), not figures."""
    return any(len(cell.split()) >= 8 for cell in _CELL_SEPARATOR.split(row))


def row_labels(chunk: Chunk) -> dict[int, str]:
    """For each line of a layout table, the label of the row it belongs to ("Evidence ...")."""
    labels: dict[int, str] = {}
    label = ""
    for raw, number in zip(chunk.text.split("\n"), chunk.line_numbers, strict=False):
        if not is_table_row(raw):
            label = ""
            continue
        first_cell = _CELL_SEPARATOR.split(raw)[0].strip()
        if first_cell:  # a continuation row (empty first cell) keeps the label above
            words = " ".join(_cells(raw))
            label = words if len(words.split()) <= 12 else first_cell
        labels[number] = label
    return labels


@dataclass(frozen=True)
class Statement:
    """Units that state a figure, and the lead-in line their list hangs from (quoted, but
    read as context: it says what the list is about, the units say the figure)."""

    units: tuple[Unit, ...]
    lead: Unit | None = None


def statements(chunk: Chunk) -> list[Statement]:
    """Each unit with what it needs to be understood: the sentence it refers back to ("this
    had risen to 443"), the lines after it that refer back to it ("604 of these ..."), and
    the lead-in its list hangs from ("Over the last 12 months (to March 2017) ...:")."""
    units = figure_units(chunk)
    raw_lines = dict(zip(chunk.line_numbers, chunk.text.split("\n"), strict=False))
    found: list[Statement] = []
    for i, unit in enumerate(units):
        start = i
        while start > max(0, i - 2) and _REFERS_BACK.search(units[start].display):
            start -= 1  # "It identified ... 358 ...", then "this had risen to 443"
        group = list(units[start : i + 1])
        for follower in units[i + 1 : i + 3]:
            if not _REFERS_BACK.search(follower.display) or follower.line == unit.line:
                break
            group.append(follower)
        lead = _lead_in(units, start, raw_lines)
        found.append(Statement(tuple(group), lead if lead not in group else None))
    return found


def _lead_in(units: Sequence[Unit], i: int, raw_lines: dict[int, str]) -> Unit | None:
    """The "...:" line a list item hangs from, a few items up."""
    if not _is_list_item(raw_lines.get(units[i].line or -1, "")):
        return None
    for before in reversed(units[max(0, i - 4) : i]):
        if before.line == units[i].line:
            continue
        if before.text.rstrip().endswith(":"):
            return before
        if not _is_list_item(raw_lines.get(before.line or -1, "")):
            return None
    return None


def _is_list_item(raw: str) -> bool:
    """A bullet or numbered line, or a table row continuing the row above (empty first cell)."""
    return bool(BULLET.match(raw)) or (is_table_row(raw) and raw.startswith(("\t", "|\t")))


def footnotes(unit: Unit, chunks: Sequence[Chunk]) -> list[Unit]:
    """The footnotes a unit points to ("burglary¹⁵"), found in the same paper after it."""
    if unit.line is None:
        return []
    notes = (
        _footnote(mark, unit, chunks) for mark in dict.fromkeys(_FOOTNOTE_MARK.findall(unit.text))
    )
    return [note for note in notes if note is not None]


def _footnote(mark: str, unit: Unit, chunks: Sequence[Chunk]) -> Unit | None:
    best: Unit | None = None
    for chunk in chunks:
        if chunk.source != unit.chunk.source or (chunk.line_end or 0) <= (unit.line or 0):
            continue
        for raw, number in zip(chunk.text.split("\n"), chunk.line_numbers, strict=False):
            text = raw.strip()
            if (
                text.startswith(mark)
                and not text[len(mark) : len(mark) + 1].isdigit()
                and number > (unit.line or 0)
                and (best is None or number < (best.line or 0))
            ):
                best = Unit(text, plain(text), number, chunk.page, chunk)
    return best
