"""Tables on a PDF page set without rules, found from the columns their cells align in;
each row tab-joined, as a text paper's table rows are (ruled tables: ingest/pdf_ruled.py).
Pure.
"""

from __future__ import annotations

from board.text import is_figure_word
from ingest.pdf_words import Line, Word, words_text

_MIN_TABLE_ROWS = 3
_SECTION_WORDS = 4  # a label heading a section of a table is no longer than this
_EDGE = 2.0  # type sizes right of the table's labels that a row's label may start
_SPACE = 0.4  # of the type size: words closer than this are in one cell


def inside(word: Word, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    mid_x = (word["x0"] + word["x1"]) / 2
    mid_y = (word["top"] + word["bottom"]) / 2
    return x0 <= mid_x <= x1 and top <= mid_y <= bottom


def table_run(lines: list[Line], start: int) -> int:
    """How many lines from ``start`` form a table set without rules: at least three lines in
    a row split into two or more cells, with figures beyond the first cell in most rows and
    a label, not a figure, in the first cell of most (a numbered list's numbers and a list
    of dates set in two columns are no table). A short label on a line of its own between
    two rows ("Part II Offenses") heads a section of the table, not its end; a row of figures
    whose label starts well right of the rows above ends it (a table set beside another)."""
    if len(lines[start].cells) < 2:
        return 0
    end, edge = start, None
    while end < len(lines) and (len(lines[end].cells) >= 2 or _section(lines, end)):
        line = lines[end]
        if len(line.cells) >= 2 and _labelled_figures(line):
            if edge is not None and line.x0 > edge + _EDGE * line.size:
                break
            edge = line.x0 if edge is None else edge
        end += 1
    rows = [line for line in lines[start:end] if len(line.cells) >= 2]
    figures = sum(1 for line in rows if any(_has_figure(cell) for cell in line.cells[1:]))
    labels = sum(1 for line in rows if not _has_figure(line.cells[0]))
    if len(rows) >= _MIN_TABLE_ROWS and min(figures, labels) >= len(rows) / 2:
        return end - start
    return 0


def _section(lines: list[Line], i: int) -> bool:
    """A short label alone on its line, the table's rows going on after it."""
    line = lines[i]
    return (
        len(line.cells) == 1
        and len(line.words) <= _SECTION_WORDS
        and not _has_figure(line.cells[0])
        and i + 1 < len(lines)
        and len(lines[i + 1].cells) >= 2
    )


def _labelled_figures(row: Line) -> bool:
    """A row of a table's body: a label, then figures ("Burglary  56  74  -24%")."""
    return not _has_figure(row.cells[0]) and any(_has_figure(c) for c in row.cells[1:])


def _has_figure(cell: list[Word]) -> bool:
    return any(is_figure_word(w["text"]) for w in cell)


def grid(rows: list[Line]) -> list[str]:
    """Rows of an aligned table with their cells set under the table's columns. The columns
    are the bands of the page the body rows' figures cover, figures closer than a space apart
    joined ("Agg. Assault"); a header cell spanning several columns sits over its first
    ("LAST 7 DAYS" over "2026, 2025, %CHG"), as a paper's multi-level header is read."""
    body = [row for row in rows if _labelled_figures(row)] or rows
    labels = [w for row in body for w in row.cells[0]]
    label_band = [min(w["x0"] for w in labels), max(w["x1"] for w in labels)]
    figures = [w for row in body for c in row.cells[1:] for w in c if is_figure_word(w["text"])]
    columns = [label_band, *_bands([w for w in figures if w["x0"] > label_band[1]])]
    out: list[str] = []
    for row in rows:
        texts = [""] * len(columns)
        if row in body:
            pieces = [row.cells[0], *([w] for c in row.cells[1:] for w in c)]
        else:
            pieces = row.cells
        end = label_band[1]
        for piece in pieces:
            k = _column(piece, columns, end)
            texts[k] = " ".join(filter(None, [texts[k], words_text(piece)]))
            end = piece[-1]["x1"]
        out.append("\t".join(texts))
    return out


def _column(piece: list[Word], columns: list[list[float]], end: float) -> int:
    """The column a cell's words go under: the first it overlaps (a label centred over a
    group of columns reaches back half the gap to the cell before it), else the nearest."""
    x0, x1 = piece[0]["x0"], piece[-1]["x1"]
    over = [k for k, band in enumerate(columns) if x0 <= band[1] and x1 >= band[0]]
    if len(over) > 1 and x0 > end:
        x0 = (end + x0) / 2
        over = [k for k, band in enumerate(columns) if x0 <= band[1] and x1 >= band[0]]
    if over:
        return over[0]
    return min(range(len(columns)), key=lambda j: _distance((x0 + x1) / 2, columns[j]))


def _bands(words: list[Word]) -> list[list[float]]:
    """The stretches of the page's width that words cover, a stretch ending where the next
    word starts more than a space's width away across every row."""
    bands: list[list[float]] = []
    for word in sorted(words, key=lambda w: w["x0"]):
        if bands and word["x0"] <= bands[-1][1] + _SPACE * word["size"]:
            bands[-1][1] = max(bands[-1][1], word["x1"])
        else:
            bands.append([word["x0"], word["x1"]])
    return bands


def _merged(spans: list[list[float]]) -> list[list[float]]:
    merged: list[list[float]] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(list(span))
    return merged


def _distance(x: float, span: list[float]) -> float:
    return 0.0 if span[0] <= x <= span[1] else min(abs(x - span[0]), abs(x - span[1]))
