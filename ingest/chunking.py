"""Chunking: sections into passages that fit the embedding model.

Rules: a chunk never exceeds the token budget (heading context included),
except a single table row longer than the budget, which stands alone whole
(the model embeds its first part; search and quotes keep all of it); a chunk
never cuts a table row, repeats a table's header row when a table runs over
several chunks, never crosses a PDF page, and a tiny section (a bare heading)
is carried into the next one of the same paper. Pure: the token counter is a
parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from board.records import Chunk, Document, Line, Section, locator_for
from board.text import context_line, is_table_row, sentences

CountTokens = Callable[[str], int]
_SMALL_SECTION_TOKENS = 40


@dataclass
class _Unit:
    """An indivisible piece: a table row, a line, or a sentence of a long line."""

    text: str
    line: Line
    is_table: bool
    header: Line | None = None  # the table's header row, for table rows


def _units(section: Section, count: CountTokens, budget: int) -> list[_Unit]:
    units: list[_Unit] = []
    header: Line | None = None
    in_table = False
    for line in section.lines:
        if not line.text.strip():
            in_table = False
            continue
        if is_table_row(line.text):
            if not in_table:
                header, in_table = line, True
                units.append(_Unit(line.text, line, True, None))
            else:
                units.append(_Unit(line.text, line, True, header))
            continue
        in_table = False
        if count(line.text) <= budget:
            units.append(_Unit(line.text, line, False))
            continue
        for piece in _split_long(line.text, count, budget):
            units.append(_Unit(piece, line, False))
    return units


def _split_long(text: str, count: CountTokens, budget: int) -> list[str]:
    """Sentences of an over-long line, packed to the budget; words when a sentence is too long."""
    pieces: list[str] = []
    current = ""
    for sentence in sentences(text):
        candidate = f"{current} {sentence}".strip()
        if count(candidate) <= budget:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if count(sentence) <= budget:
            current = sentence
            continue
        current = ""
        for word in sentence.split():
            candidate = f"{current} {word}".strip()
            if count(candidate) > budget and current:
                pieces.append(current)
                current = word
            else:
                current = candidate
    if current:
        pieces.append(current)
    return pieces


def chunk_section(
    doc: Document, section: Section, count: CountTokens, max_tokens: int
) -> list[Chunk]:
    """One section's chunks; ``max_tokens`` bounds heading context plus text."""
    context = context_line(section)
    budget = max(32, max_tokens - count(context) - 3)  # [CLS], [SEP] and the newline
    chunks: list[Chunk] = []
    group: list[_Unit] = []
    used = 0

    def flush() -> None:
        nonlocal used
        if group:
            lines = [u.line for u in group]
            text = "\n".join(u.text for u in group)
            locator = locator_for(lines)
            chunks.append(
                Chunk(
                    id=Chunk.make_id(doc.source, text, locator),
                    source=doc.source,
                    doc_title=doc.title,
                    title=section.title,
                    paper_type=section.paper_type,
                    meeting_date=section.meeting_date,
                    section=context,
                    agenda_item=section.agenda_item,
                    text=text,
                    page=locator.page,
                    line_start=lines[0].number if locator.page is None else None,
                    line_end=lines[-1].number if locator.page is None else None,
                    is_table=any(u.is_table for u in group),
                    line_numbers=tuple(u.line.number for u in group),
                )
            )
        group.clear()
        used = 0

    for unit in _units(section, count, budget):
        cost = count(unit.text) + 1
        new_page = bool(group) and unit.line.page != group[-1].line.page
        if group and (used + cost > budget or new_page):
            flush()
        if not group and unit.header is not None:
            # A table continuing into a new chunk carries its header row.
            header_cost = count(unit.header.text) + 1
            if header_cost + cost <= budget:
                group.append(_Unit(unit.header.text, unit.header, True))
                used += header_cost
        group.append(unit)
        used += cost
    flush()
    return chunks


def merge_small_sections(sections: Sequence[Section], count: CountTokens) -> list[Section]:
    """Carry sections too small to stand alone (bare headings) into the next section of the same paper."""
    merged: list[Section] = []
    pending: list[Line] = []
    for i, section in enumerate(sections):
        lines = tuple(pending) + section.lines
        pending = []
        nxt = sections[i + 1] if i + 1 < len(sections) else None
        same_paper = nxt is not None and (nxt.title, nxt.meeting_date, nxt.source) == (
            section.title,
            section.meeting_date,
            section.source,
        )
        bare_heading = sum(1 for ln in lines if ln.text.strip()) <= 1
        text = "\n".join(ln.text for ln in lines)
        if same_paper and bare_heading and count(text) < _SMALL_SECTION_TOKENS:
            pending = list(lines)
            continue
        merged.append(replace(section, lines=lines))
    return merged


def chunk_document(
    doc: Document, sections: Sequence[Section], count: CountTokens, max_tokens: int = 256
) -> list[Chunk]:
    """All chunks of a document, in reading order, ids unique."""
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for section in merge_small_sections(sections, count):
        for chunk in chunk_section(doc, section, count, max_tokens):
            if chunk.id not in seen:
                seen.add(chunk.id)
                chunks.append(chunk)
    return chunks
