"""Table extraction at ingest: every table in a paper's sections, with its caption, notes
and long-form cells. Scrambled extractions are counted and left as text. Pure.

    tables = extract_tables(sections)         # sections from ingest.segment.segment
    print(tables_summary(tables))             # "42 tables (1,234 cells, 980 figures); ..."
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from board.dates import find_dates
from board.metrics import MetricTable
from board.periods import read_parts
from board.profile import BoardProfile
from board.records import Line, Section
from tools.tables.appendices import appendix_title
from tools.tables.data_files import data_file_table, is_data_file
from tools.tables.forms import Grid, find_grids
from tools.tables.headers import NOTE_LIKE
from tools.tables.interpret import build_table
from tools.tables.structure import Layout, layouts

log = logging.getLogger(__name__)

_MAX_CAPTION = 170
_CAPTION_REACH = 8  # non-blank lines looked at above a table for its title
_NOTE_REACH = 4
_HEAD_WORDS = 10  # a page head's line that names its part of a report is no longer
_FOOTER_REACH = 20  # lines below a table searched for its report's refresh date
_REFRESHED = re.compile(r"^(?:last )?(?:refresh(?:ed)?|data) (?:date|as at)\b.*\d", re.I)
_TABLE_LABEL = re.compile(r"^(?:table|figure|appendix)\s*\d+\s*[:.]", re.I)
_FURNITURE = re.compile(
    r"^(?:page \d+|this page is intentionally left blank|©|last refresh date|"
    r"\d{2}/\d{2}/\d{4}\s*©|[^\w\s\"'(\[£%*¹²³⁴⁵⁶⁷⁸⁹])",
    re.I,
)


def is_furniture(text: str, profile: BoardProfile) -> bool:
    """A page number, a copyright line, or a line the board's publisher prints on every page."""
    own = profile.furniture
    return bool(_FURNITURE.match(text) or (own is not None and own.match(text)))


_TABLE_BELOW = re.compile(
    r"\b(?:the )?(?:table|figures?) (?:below|shows?)\b|\bfollowing table\b", re.I
)
_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\s+")
_NOTE_WORDS = re.compile(
    r"\bindicates\b|\bis a measure of\b|\bare calculated\b|\bfigures relate\b|^base:", re.I
)
_CONTENTS = re.compile(r"^\s*(?:table of )?contents\s*$", re.I)
_MARKUP = re.compile(r"<[^>]+>|\*\*|__|^#+\s*")


@dataclass(frozen=True)
class Rejected:
    """A grid that was left as text, and why."""

    source: str
    line_start: int
    line_end: int
    reason: str


@dataclass
class Extraction:
    """Tables found in a corpus, and what was rejected as scrambled."""

    tables: list[MetricTable] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def _clean(text: str) -> str:
    return " ".join(_MARKUP.sub("", text.replace("\t", " ")).split()).strip()


def is_note(text: str) -> bool:
    return bool(NOTE_LIKE.match(text) or _NOTE_WORDS.search(text))


def is_title(text: str, profile: BoardProfile) -> bool:
    """A line that reads as a table's title: short, mostly words, not a sentence or a note."""
    if not 3 <= len(text) <= _MAX_CAPTION or is_note(text) or is_furniture(text, profile):
        return False
    if text.startswith(("-", "•", "\uf0b7")) or (text.endswith(".") and len(text) > 60):
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 4 and letters >= 0.5 * len(text.replace(" ", ""))


def _long(text: str) -> bool:
    return len(text) > _MAX_CAPTION or (text.endswith(".") and len(text) > 60)


def _split_base(caption: str) -> tuple[str, list[str]]:
    """ "Q10B: ... streets? Base: all respondents" -> the question, and the Base as a note."""
    m = re.search(r"\s+(Base:.*)$", caption)
    return (caption[: m.start()].strip(), [m.group(1)]) if m else (caption, [])


def find_caption(
    lines: Sequence[Line], first: int, last: int, floor: int, profile: BoardProfile
) -> tuple[str | None, list[str], bool]:
    """(caption, notes, blocked): the nearest title above the table (or a "Table 1:" or title
    line just below it), notes between, and whether a table right above blocks the view."""
    notes: list[str] = []
    k, seen = first - 1, 0
    while k > floor and seen < _CAPTION_REACH:
        text = _clean(lines[k].text)
        k -= 1
        if not text:
            continue
        seen += 1
        if "\t" in lines[k + 1].text:
            return None, notes, True
        if is_note(text):
            notes.insert(0, text)
        elif is_furniture(text, profile):
            continue
        elif is_title(text, profile):
            caption, base = _split_base(text)
            return caption, base + notes, False
        elif _long(text):
            if _TABLE_BELOW.search(text) and len(text) <= 2 * _MAX_CAPTION:
                return _NUMBERING.sub("", text), notes, False
            break
    else:
        if k <= floor and floor >= 0:
            return None, notes, True
    for line in [ln for ln in lines[last + 1 : last + 4] if _clean(ln.text)][:1]:
        text = _clean(line.text)
        dated = (
            bool(find_dates(text)) or not read_parts(text).empty() and bool(read_parts(text).span)
        )
        if _TABLE_LABEL.match(text) or (is_title(text, profile) and dated):
            return text, notes, False
    return None, notes, False


def notes_below(
    lines: Sequence[Line], last: int, caption: str | None, profile: BoardProfile
) -> list[str]:
    """Notes under a table, and the date its data was refreshed when a report footer gives
    it before the next table ("Last Refresh Date: 02/01/2013")."""
    notes: list[str] = []
    seen = 0
    for line in lines[last + 1 :]:
        text = _clean(line.text)
        if not text or text == caption or is_furniture(text, profile):
            continue
        if "\t" in line.text or seen >= _NOTE_REACH:
            break
        seen += 1
        if is_note(text):
            notes.append(text)
    for line in lines[last + 1 : last + 1 + _FOOTER_REACH]:
        if "\t" in line.text:
            break
        if _REFRESHED.match(_clean(line.text)):
            notes.append(_clean(line.text))
            break
    return notes


def _papers(sections: Sequence[Section]) -> list[list[tuple[Line, Section]]]:
    """Sections grouped into papers (consecutive sections of one file with one title and date)."""
    papers: list[list[tuple[Line, Section]]] = []
    key: tuple[object, ...] | None = None
    for section in sections:
        k = (section.source, section.title, section.paper_type, section.meeting_date)
        if k != key:
            papers.append([])
            key = k
        papers[-1].extend((line, section) for line in section.lines)
    return papers


def extract(sections: Sequence[Section], profile: BoardProfile) -> Extraction:
    """Every table in ``sections``, and every grid rejected as scrambled."""
    out = Extraction()
    data_files: dict[str, list[Section]] = {}
    for section in sections:
        if is_data_file(section.source):
            data_files.setdefault(section.source, []).append(section)
    for parts in data_files.values():
        if (table := data_file_table(parts, profile)) is not None:
            out.tables.append(table)
    sections = [s for s in sections if s.source not in data_files]
    files: dict[str, list[Line]] = {}
    for section in sections:
        files.setdefault(section.source, []).extend(section.lines)
    seen: dict[str, int] = {}  # lines of each file in the papers before this one
    for paper in _papers(sections):
        lines = [line for line, _ in paper]
        source = paper[0][1].source
        offset = seen.get(source, 0)
        seen[source] = offset + len(lines)
        found_here: list[_Found] = []
        previous_caption: str | None = None
        previous_last = -1
        for grid in find_grids(lines):
            section = paper[grid.first][1]
            found, reasons = layouts(grid)
            for reason in reasons:
                out.rejected.append(
                    Rejected(section.source, grid.rows[0].line, grid.rows[-1].line, reason)
                )
            if not found:
                continue
            caption, notes, blocked = find_caption(
                lines, grid.first, grid.last, previous_last, profile
            )
            if caption is None and blocked and previous_caption:
                caption = previous_caption
            if caption is None:
                # no title in sight: the pack's list of appendices may say what it is
                caption = appendix_title(files[source], offset + grid.first, profile)
            caption = caption or " > ".join(section.heading_path[1:]) or section.title
            if _CONTENTS.match(caption) or _CONTENTS.match(found[0].stub):
                continue  # a contents list is navigation, not a table of figures
            notes += notes_below(lines, grid.last, caption, profile)
            head = page_head(lines, grid.first, grid.rows[0].page)
            found_here.append(_Found(grid, found, section, caption, notes, head))
            previous_caption, previous_last = caption, grid.last
        for item in told_apart(found_here):
            for layout in item.layouts:
                out.tables.append(
                    build_table(
                        layout,
                        source=item.section.source,
                        title=item.section.title,
                        paper_type=item.section.paper_type,
                        section=" > ".join(item.section.heading_path[1:]),
                        caption=item.caption,
                        meeting_date=item.section.meeting_date,
                        page=item.grid.rows[0].page,
                        extra_notes=item.notes,
                        profile=profile,
                    )
                )
    return out


@dataclass
class _Found:
    """A table found in a paper, before its cells are read."""

    grid: Grid
    layouts: list[Layout]
    section: Section
    caption: str
    notes: list[str]
    head: list[str]  # the lines of its page above it


def page_head(lines: Sequence[Line], first: int, page: int | None) -> list[str]:
    """The lines of a table's page above it (none for a paper without pages)."""
    if page is None:
        return []
    k = first
    while k > 0 and lines[k - 1].page == page:
        k -= 1
    return [line.text.strip() for line in lines[k:first] if line.text.strip()]


def told_apart(found: list[_Found]) -> list[_Found]:
    """Tables of one paper under one caption on different pages (a report repeated for each
    district, ward or service: "CRIME COMPLAINTS" on every page) told apart by the line of
    their page heads that differs between them ("... District 16"), added to the caption."""
    groups: dict[str, list[_Found]] = {}
    for item in found:
        groups.setdefault(item.caption, []).append(item)
    for items in groups.values():
        if len({item.grid.rows[0].page for item in items}) < 2:
            continue
        common = set.intersection(*(set(item.head) for item in items))
        owns = [
            [text for text in item.head if text not in common and _heading(text)] for item in items
        ]
        for item, own in zip(items, owns, strict=True):
            page = item.grid.rows[0].page
            others = [
                text
                for other, texts in zip(items, owns, strict=True)
                if other.grid.rows[0].page != page
                for text in texts
            ]
            # the line set where the others' pages set theirs: opening as theirs do
            scored = [(max((_shared(t, o) for o in others), default=0), t) for t in own]
            best = max(scored, key=lambda pair: pair[0], default=(0, ""))
            if best[0] >= 1:
                item.caption = f"{item.caption} ({best[1]})"
    return found


def _heading(text: str) -> bool:
    """A short line of text (no table row) that ends no sentence."""
    return len(text.split()) <= _HEAD_WORDS and text[-1] not in ".;:!?," and "\t" not in text


def _shared(a: str, b: str) -> int:
    """Words two lines open with in common ("Volume 10 Number 32 District 16", "... 12")."""
    n = 0
    for x, y in zip(a.split(), b.split(), strict=False):
        if x != y:
            break
        n += 1
    return n


class TableList(list[MetricTable]):
    """The tables found, with the grids rejected as scrambled (kept as text) alongside."""

    rejected: tuple[Rejected, ...] = ()


def extract_tables(sections: Sequence[Section], profile: BoardProfile) -> TableList:
    """Every table in ``sections`` (any number of files), each with its cells."""
    extraction = extract(sections, profile)
    for rejected in extraction.rejected:
        log.info(
            "%s lines %d-%d kept as text: %s",
            rejected.source,
            rejected.line_start,
            rejected.line_end,
            rejected.reason,
        )
    tables = TableList(extraction.tables)
    tables.rejected = tuple(extraction.rejected)
    return tables


def tables_summary(tables: Sequence[MetricTable]) -> str:
    """One line for the ingest summary: tables found, cells parsed, scrambled tables rejected."""
    cells = sum(len(t.cells) for t in tables)
    figures = sum(1 for t in tables for c in t.cells if c.value is not None)
    metric = sum(1 for t in tables if any(c.value is not None for c in t.cells))
    text = f"{len(tables)} tables ({metric} with figures), {cells:,} cells parsed"
    text += f" ({figures:,} figures)"
    rejected = getattr(tables, "rejected", None)
    if rejected is not None:
        text += f", {len(rejected)} scrambled tables kept as text"
    return text
