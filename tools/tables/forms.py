"""Table forms: find the tables in a paper's lines and read each into a grid of cell texts.

Four forms, as the papers' text comes to us: tab-separated rows (Word and PDF
extraction), markdown pipe tables, HTML tables (cells may hold ``<ul><li>``
lists) and space-aligned PDF page text. Pure functions over lines.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from board.records import Line

_TAG = re.compile(r"<[^>]+>")
_LI = re.compile(r"<li[^>]*>(.*?)</li>", re.I | re.S)
_LIST = re.compile(r"<(?:ul|ol)[^>]*>.*?</(?:ul|ol)>", re.I | re.S)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ALIGNED_GAP = re.compile(r"\s{2,}|\t")
# A figure as PDF text shows it: "4,912", "-4.9%", "(£98,400)", "+5.6", "12.2%"
_FIGURE_TOKEN = re.compile(r"^[-+–(]?£?\d[\d,]*(?:\.\d+)?%?\)?$")
_MIN_TEXT_ROWS = 3
# Tables either side of a single blank line are one table when their rows are this alike.
_MAX_MERGE_GAP = 1
_SECTION_WORDS = 4  # a label heading a section of a table's rows is no longer than this


@dataclass(frozen=True)
class RawRow:
    """One row of a table as written: its cell texts, its line and the line's raw text."""

    cells: tuple[str, ...]
    line: int
    page: int | None
    text: str


@dataclass(frozen=True)
class Grid:
    """A table before interpretation: rows of cell texts and where the table sits."""

    form: str  # "tab", "pipe", "html" or "text"
    rows: tuple[RawRow, ...]
    first: int  # index of the table's first line in the lines it was found in
    last: int  # index of its last line
    header_rows: int | None = None  # known for pipe tables (rows above the ---- rule)


def clean_cell(text: str, markup: bool = True) -> str:
    """A cell's text without markup: list items joined by "; ", tags and emphasis dropped.
    Entities ("&amp;") are read only where the text is markup (HTML or Markdown tables): in a
    plain text or tab-separated row, "&#49;" is what the paper wrote, not a 1."""

    def items(match: re.Match[str]) -> str:
        found = [" ".join(_TAG.sub(" ", li).split()) for li in _LI.findall(match.group(0))]
        return " " + "; ".join(f.lstrip("•· ").strip() for f in found if f.strip()) + " "

    text = _LIST.sub(items, text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = _TAG.sub(" ", text)
    text = html.unescape(text) if markup else text
    # bold marks round a figure go ("**14**"); between two digits they are no markup, and
    # the cell no figure ("-1**4%" is not -14%)
    text = _BOLD.sub("", text).replace("\u00a0", " ")
    text = text.replace("\\*", "*").replace("\\_", "_")
    return " ".join(text.split())


_BOLD = re.compile(r"(?<!\d)\*\*|\*\*(?!\d)")


def find_grids(lines: Sequence[Line]) -> list[Grid]:
    """Every table in ``lines`` (one paper's lines, in order), in the order they appear."""
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        for reader in (_html_grid, _pipe_grid, _tab_grid, _text_grid):
            grid = reader(lines, i)
            if grid is not None:
                grids.append(grid)
                i = grid.last + 1
                break
        else:
            i += 1
    return _merge_split_tab_grids(grids, lines)


# ---------------------------------------------------------------- tab-separated


def _is_tab_line(line: Line) -> bool:
    return "\t" in line.text and bool(line.text.strip())


def _tab_grid(lines: Sequence[Line], i: int) -> Grid | None:
    if not _is_tab_line(lines[i]):
        return None
    j = i
    while j + 1 < len(lines) and (_is_tab_line(lines[j + 1]) or _section_label(lines, j + 1)):
        j += 1
    rows = tuple(
        RawRow(
            tuple(clean_cell(c, markup=False) for c in ln.text.split("\t")),
            ln.number,
            ln.page,
            ln.text,
        )
        for ln in lines[i : j + 1]
    )
    if sum(1 for c in rows[0].cells if c) == 0 and len(rows) == 1:
        return None
    return Grid("tab", rows, i, j)


def _section_label(lines: Sequence[Line], k: int) -> bool:
    """A short label on a line of its own inside a table, heading the rows of figures after
    it ("Part II Offenses", "PART 2"): a row of the table, not its end."""
    if not _short_label(lines[k].text):
        return False
    if k < 1 or k + 1 >= len(lines) or not _is_tab_line(lines[k - 1]):
        return False
    after = lines[k + 1]
    return (
        _is_tab_line(after)
        and len(after.text.split("\t")) == len(lines[k - 1].text.split("\t"))
        and any(_FIGURE_TOKEN.match(c.strip()) for c in after.text.split("\t")[1:])
    )


def _width(row: RawRow) -> int:
    cells = list(row.cells)
    while cells and not cells[-1]:
        cells.pop()
    return len(cells)


def _merge_split_tab_grids(grids: list[Grid], lines: Sequence[Line]) -> list[Grid]:
    """Join a tab table broken by a blank line, or by a short label set apart ("Other
    Statistics"), when the rows after it have the same width and do not start with a header
    of their own (a page break inside a table, or a section of it): the label is a row."""
    merged: list[Grid] = []
    for grid in grids:
        prev = merged[-1] if merged else None
        between = lines[prev.last + 1 : grid.first] if prev is not None else []
        texts = [ln for ln in between if ln.text.strip()]
        if (
            prev is not None
            and prev.form == grid.form == "tab"
            and len(between) - len(texts) <= _MAX_MERGE_GAP + len(texts)
            and len(texts) <= 1
            and all(_short_label(ln.text) for ln in texts)
            and len(prev.rows) >= 2
            and _width(grid.rows[0]) == _width(prev.rows[-1]) >= 3
            and _has_figures(grid.rows[0])
        ):
            label = tuple(RawRow((ln.text.strip(),), ln.number, ln.page, ln.text) for ln in texts)
            merged[-1] = Grid("tab", prev.rows + label + grid.rows, prev.first, grid.last)
        else:
            merged.append(grid)
    return merged


def _short_label(text: str) -> bool:
    text = text.strip()
    return bool(text) and len(text.split()) <= _SECTION_WORDS and text[-1] not in ".:;!?"


def _has_figures(row: RawRow) -> bool:
    return any(_FIGURE_TOKEN.match(c.replace(" ", "")) for c in row.cells[1:] if c)


# ---------------------------------------------------------------- markdown pipe tables


def _split_pipe(text: str) -> tuple[str, ...]:
    body = text.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return tuple(clean_cell(c) for c in re.split(r"(?<!\\)\|", body))


def _pipe_grid(lines: Sequence[Line], i: int) -> Grid | None:
    if not _PIPE_ROW.match(lines[i].text) or lines[i].text.count("|") < 3:
        return None
    j = i
    while j + 1 < len(lines) and _PIPE_ROW.match(lines[j + 1].text):
        j += 1
    rows: list[RawRow] = []
    header_rows: int | None = None
    for ln in lines[i : j + 1]:
        if _PIPE_RULE.match(ln.text):
            header_rows = len(rows) if header_rows is None else header_rows
            continue
        rows.append(RawRow(_split_pipe(ln.text), ln.number, ln.page, ln.text))
    if len(rows) < 2:
        return None
    return Grid("pipe", tuple(rows), i, j, header_rows)


# ---------------------------------------------------------------- HTML tables


def _html_grid(lines: Sequence[Line], i: int) -> Grid | None:
    if "<table" not in lines[i].text.lower():
        return None
    j = i
    while j < len(lines) and "</table>" not in lines[j].text.lower():
        j += 1
    if j >= len(lines):
        return None
    from bs4 import BeautifulSoup

    markup = "\n".join(ln.text for ln in lines[i : j + 1])
    soup = BeautifulSoup(markup, "html.parser")
    table = soup.find("table")
    if table is None:
        return None
    rows: list[RawRow] = []
    header_rows = 0
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a table nested in a cell stays text of that cell
        cells: list[str] = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            cells.append(clean_cell(cell.decode_contents()))
            colspan = str(cell.get("colspan") or "1")
            span = int(colspan) if colspan.isdigit() else 1
            cells.extend("" for _ in range(span - 1))
        if not cells:
            continue
        if (
            all(c.name == "th" for c in tr.find_all(["td", "th"], recursive=False))
            and len(rows) == header_rows
        ):
            header_rows += 1
        offset = (tr.sourceline or 1) - 1
        line = lines[min(i + offset, j)]
        rows.append(RawRow(tuple(cells), line.number, line.page, line.text))
    if len(rows) < 2:
        return None
    return Grid("html", tuple(rows), i, j, header_rows or None)


# ---------------------------------------------------------------- space-aligned PDF text


def _aligned_cells(text: str) -> tuple[str, ...] | None:
    """Cells of a line whose columns are set apart by runs of spaces, or whose figures trail
    a label ("Burglary 4,912 4,670 -4.9%", as PDF text often reads)."""
    if "\t" in text or not text.strip():
        return None
    parts = [p for p in _ALIGNED_GAP.split(text.strip()) if p]
    if len(parts) >= 3:
        return tuple(clean_cell(p, markup=False) for p in parts)
    tokens = text.split()
    k = 0
    while k < len(tokens) and _FIGURE_TOKEN.match(tokens[len(tokens) - 1 - k]):
        k += 1
    label = " ".join(tokens[: len(tokens) - k])
    if k >= 2 and sum(ch.isalpha() for ch in label) >= 2:
        return (label, *tokens[len(tokens) - k :])
    return None


def _text_grid(lines: Sequence[Line], i: int) -> Grid | None:
    first = _aligned_cells(lines[i].text)
    if first is None:
        return None
    j = i
    while j + 1 < len(lines):
        nxt = _aligned_cells(lines[j + 1].text)
        if nxt is None or len(nxt) != len(first):
            break
        j += 1
    body = [ln for ln in lines[i : j + 1]]
    figures = sum(_has_figures(RawRow(_aligned_cells(ln.text) or (), 0, None, "")) for ln in body)
    if len(body) < _MIN_TEXT_ROWS or figures < _MIN_TEXT_ROWS - 1:
        return None
    rows = [RawRow(_aligned_cells(ln.text) or (), ln.number, ln.page, ln.text) for ln in body]
    start = i
    # A header line above the figures: the same number of column names, or one fewer (no stub).
    if i > 0 and lines[i - 1].text.strip() and "\t" not in lines[i - 1].text:
        above = lines[i - 1]
        names = [p for p in _ALIGNED_GAP.split(above.text.strip()) if p]
        if len(names) in (len(first), len(first) - 1) and not _has_figures(
            RawRow(("", *names), 0, None, "")
        ):
            cells = tuple(names) if len(names) == len(first) else ("", *names)
            rows.insert(
                0,
                RawRow(
                    tuple(clean_cell(c, markup=False) for c in cells),
                    above.number,
                    above.page,
                    above.text,
                ),
            )
            start = i - 1
    return Grid("text", tuple(rows), start, j)
