"""A PDF page read as a person reads it, from the positions of its words (pdfplumber).

Words are grouped into lines by their baseline; a line that ran to the right margin carries
on into the next (a hyphen broken at the margin is rejoined), so each paragraph is one
line and a short line (a heading, a list item, a name in an attendance list) stays a line
of its own; extra space between lines is kept as a blank line. A page set in two or more
columns is read column by column. Tables become tab-joined rows, as a text paper's tables
are: ruled tables from their rules, unruled ones from the columns their figures align in.
Running heads and feet are found by their repetition in the page margins across the paper
(a head is kept once, where it first appears; feet are dropped), page numbers by their form
("Page 3 of 54"). Lines and tables come from ingest/pdf_words.py and ingest/pdf_tables.py.
Rotated words are left out, with a warning. Pure over pdfplumber's page objects.

    pages = read_layout(data)   # each page's lines, or None when pdfplumber cannot read it
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from board.text import BULLET
from ingest.pdf_ruled import ruled_tables
from ingest.pdf_tables import grid, inside, table_run
from ingest.pdf_words import Line, Word, joined, lines_of
from ingest.titles import is_page_number

log = logging.getLogger(__name__)

_SPACE_GLYPHS = ("'", "!")
_SPACE_GLYPH_SHARE = 0.5  # a mark inside words this often, for the page's words, is a space
_UNREADABLE = 0.5  # a page with more of its words unmapped glyphs than this needs OCR
_MARGIN_LINES = 3  # of a page's first and last lines, those that may be running heads
_MARGIN = 0.09  # the share of the page's height at its top and foot that running heads use
_INDENT = 4.0  # type sizes in from the column's edge a paragraph's lines may start
_LEADING = 1.6  # a wrapped line follows the one before within this many line heights
_WRAP_REACH = 0.85  # a line ending this far across its column ran to the margin
_NEIGHBOURS = 3  # lines each side that show where the margin runs
_PARAGRAPH_GAP = 0.8  # extra space, in line heights, that opens a new paragraph
_GUTTER = 9.0  # points of clear space that separate two columns of text
_COLUMN_WORDS = 4.0  # a column of running text averages at least this many words a line


def read_layout(data: bytes) -> list[list[str] | None] | None:
    """Each page's text as lines (a paragraph a line, table rows tab-joined, blank lines
    between blocks), or None for a page whose text layer is mostly glyphs without characters
    (only OCR reads it); None when pdfplumber cannot read the file or finds no page."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                return None
            pages = [_page_blocks(page, n) for n, page in enumerate(pdf.pages, 1)]
    except Exception as exc:  # pdfminer raises assorted errors on damaged files
        log.warning("layout reading failed (%s); reading the plain text layer", exc)
        return None
    running = _running_heads([blocks for blocks in pages if blocks is not None])
    seen: set[str] = set()
    return [None if blocks is None else _page_lines(blocks, running, seen) for blocks in pages]


@dataclass
class _Block:
    """A run of a page's content in reading order: a paragraph line, or a table's rows."""

    top: float
    lines: list[str]
    table: bool = False
    margin_key: str | None = None  # set on a line among the page's first or last few
    foot: bool = False  # the margin line is among the page's last few
    page_number: bool = False  # a first or last line that is the page's number


def _page_blocks(page: Any, number: int) -> list[_Block] | None:
    """A page's paragraphs and tables in reading order; None when its text layer is glyphs
    without characters. Words are split where the font changes; a superscript ("6th")
    stays in its word."""
    words = page.extract_words(extra_attrs=["fontname", "upright"], keep_blank_chars=False)
    for word in words:
        word["size"] = word["bottom"] - word["top"]
    rotated = [w for w in words if not w.get("upright", True)]
    if rotated:
        log.warning("page %d: %d rotated words left out", number, len(rotated))
    words = [w for w in words if w.get("upright", True) and w["text"].strip()]
    unmapped = sum(1 for word in words if "(cid:" in word["text"])
    if words and unmapped > _UNREADABLE * len(words):
        log.warning("page %d: the text layer is glyphs without characters; OCR reads it", number)
        return None
    spaces = _space_glyphs(words)
    for word in words:
        cleaned = _unmapped(word["text"])
        for glyph in spaces:  # a space kept at the word's end parts it from the next
            cleaned = cleaned.replace(glyph, " ").lstrip()
        word["text"] = cleaned
    words = [w for w in words if w["text"].strip()]
    tables: list[_Block] = []
    for table in ruled_tables(page.find_tables(), words):
        tables.append(_Block(table.box[1], table.rows, table=True))
        words = [w for w in words if not inside(w, table.box)]
    columns = _columns(words, page.width)
    text = [block for column in columns for block in _text_blocks(lines_of(column))]
    # a page in columns is read column by column; its ruled tables come first
    blocks = tables + text if len(columns) > 1 else sorted(tables + text, key=lambda b: b.top)
    _mark_margins(blocks, page.height)
    return blocks


def _columns(words: list[Word], width: float) -> list[list[Word]]:
    """The page's words split into columns of running text at clear vertical gutters, left
    to right; one column when there is no such gutter."""
    if len(words) < 40:
        return [words]
    covered = [0] * (int(width) + 2)
    for w in words:
        for x in range(max(0, int(w["x0"])), min(len(covered), int(w["x1"]) + 1)):
            covered[x] += 1
    left = min(int(w["x0"]) for w in words)
    right = max(int(w["x1"]) for w in words)
    gutter = _widest_gap(covered, left + (right - left) // 5, right - (right - left) // 5)
    if gutter is None:
        return [words]
    split = gutter
    sides = [
        [w for w in words if w["x1"] <= split],
        [w for w in words if w["x0"] >= split],
    ]
    crossing = [w for w in words if w["x0"] < split < w["x1"]]
    if crossing or not all(_running_text(side) for side in sides):
        return [words]
    return [col for side in sides for col in _columns(side, width)]


def _widest_gap(covered: list[int], start: int, end: int) -> float | None:
    """The middle of the widest clear band between ``start`` and ``end``, if wide enough."""
    best: tuple[int, int] | None = None
    run_start: int | None = None
    for x in range(start, end + 1):
        if covered[x] == 0 and run_start is None:
            run_start = x
        elif covered[x] != 0 and run_start is not None:
            if best is None or x - run_start > best[1] - best[0]:
                best = (run_start, x)
            run_start = None
    if best is None or best[1] - best[0] < _GUTTER:
        return None
    return (best[0] + best[1]) / 2


def _running_text(words: list[Word]) -> bool:
    """Whether words read as running text (a column of prose), not a column of a table."""
    lines = lines_of(words)
    return len(lines) >= 5 and len(words) / len(lines) >= _COLUMN_WORDS


def _text_blocks(lines: list[Line]) -> list[_Block]:
    """A column's lines as blocks: tables set without rules found by their aligned cells,
    the other lines joined into paragraphs where they wrapped at the margin, a blank line
    where the column leaves extra space."""
    left = min((line.x0 for line in lines), default=0.0)
    pitch = _pitch(lines)
    blocks: list[_Block] = []
    before: Line | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        spaced = before is not None and _spaced(before, line, pitch)
        if spaced:
            blocks.append(_Block(line.top, [""]))
        run = table_run(lines, i)
        if run:
            blocks.append(_Block(line.top, grid(lines[i : i + run]), table=True))
            before, i = lines[i + run - 1], i + run
            continue
        if (
            not spaced
            and before is not None
            and blocks
            and not blocks[-1].table
            and _wraps(before, line, left, _reach(lines, i - 1))
        ):
            blocks[-1].lines[-1] = joined([blocks[-1].lines[-1], line.text])
        else:
            blocks.append(_Block(line.top, [line.text]))
        before, i = line, i + 1
    return blocks


def _pitch(lines: Sequence[Line]) -> float:
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if b.top > a.top]
    return median(gaps) if gaps else 0.0


def _spaced(before: Line, line: Line, pitch: float) -> bool:
    usual = min(pitch, _LEADING * before.size) if pitch > 0 else _LEADING * before.size
    return line.top - before.top > usual + _PARAGRAPH_GAP * before.size


def _reach(lines: list[Line], i: int) -> float:
    """The right margin about line ``i``: where the lines around it run to."""
    return max(line.x1 for line in lines[max(0, i - _NEIGHBOURS) : i + _NEIGHBOURS + 1])


def _wraps(before: Line, line: Line, left: float, right: float) -> bool:
    """Whether ``line`` carries on ``before``, in the same type: ``before`` ran to the
    margin, or ``line`` opens in lower case mid-sentence."""
    reach = (before.x1 - left) / (right - left) if right > left else 0.0
    same_type = abs(line.size - before.size) < 0.5 and line.font == before.font
    if line.top - before.top > _LEADING * before.size:
        return False  # set apart by more than the type's leading
    indent = _INDENT * before.size
    centred = before.x0 - left > indent and abs((before.x0 - left) - (right - before.x1)) < indent
    if centred or line.x0 > before.x0 + indent:
        return False  # a centred line, or one set further in, stands on its own
    ended = before.text.rstrip()[-1:] in ".!?:" and line.text[:1].isupper()
    runs_on = (reach >= _WRAP_REACH and not ended) or line.text[:1].islower()
    one_cell = len(before.cells) == 1 or before.numbered
    return runs_on and same_type and one_cell and not BULLET.match(line.text)


def _margin_key(text: str) -> str:
    """A line's text with its numbers blanked: "Page 3 of 54" and "Page 4 of 54" agree."""
    return " ".join("".join("#" if c.isdigit() else c for c in text.lower()).split())


def _mark_margins(blocks: list[_Block], height: float) -> None:
    """Key the lines a running head, foot or page number may be: among the page's first or
    last few; a head or foot also in the page's top or bottom margin."""
    content = [b for b in blocks if not b.table and b.lines and b.lines[0].strip()]
    for block in content[:_MARGIN_LINES] + content[-_MARGIN_LINES:]:
        key = _margin_key(block.lines[0])
        block.page_number = is_page_number(block.lines[0])
        if block.top < _MARGIN * height:
            block.margin_key = key
        elif block.top > (1 - _MARGIN) * height:
            block.margin_key, block.foot = key, True


def _running_heads(pages: Sequence[list[_Block]]) -> set[str]:
    """The margin lines that recur on at least half of a paper's pages (and on two)."""
    seen: Counter[str] = Counter()
    for blocks in pages:
        seen.update({b.margin_key for b in blocks if b.margin_key})
    return {key for key, n in seen.items() if n >= 2 and n >= len(pages) / 2}


def _page_lines(blocks: list[_Block], running: set[str], seen: set[str]) -> list[str]:
    """A page's lines: page numbers and running feet left out, and running heads where they
    recur (a head is read once, where it first appears: the first page's may be the paper's
    title)."""
    out: list[str] = []
    for block in blocks:
        key = block.margin_key
        if block.page_number or (key is not None and key in seen):
            continue
        if key is not None and block.foot and key in running:
            continue  # a running foot says nothing the paper needs once
        if key is not None and key in running:
            seen.add(key)
        out.extend(block.lines)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return out


def _unmapped(text: str) -> str:
    """A word without the glyphs the PDF gives no character for ("(cid:120)"); a word that
    is nothing else is a list's bullet."""
    kept = text
    while (start := kept.find("(cid:")) >= 0 and (end := kept.find(")", start)) > 0:
        kept = kept[:start] + kept[end + 1 :]
    return kept if kept.strip() or kept == text else "•"


def _space_glyphs(words: Sequence[Word]) -> list[str]:
    """Marks a broken font prints for the space between words ("Formal'notice'for'the'AGM",
    "The!Cookhouse!"): one set between letters or figures as often as every other word."""
    glyphs = []
    for glyph in _SPACE_GLYPHS:
        inside = sum(w["text"].strip(glyph).count(glyph) for w in words)
        if words and inside >= _SPACE_GLYPH_SHARE * len(words):
            glyphs.append(glyph)
    return glyphs
