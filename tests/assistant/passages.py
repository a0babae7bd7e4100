"""Passages (Chunks) built from inline text for the composer and figure tests."""

from __future__ import annotations

from board.records import Chunk, Locator


def passage(source: str, text: str, first_line: int, **fields: object) -> Chunk:
    """A chunk of ``text`` whose lines are numbered from ``first_line``; ``fields`` give its
    title, paper type, meeting date, section and agenda item."""
    n = len(text.split("\n"))
    locator = Locator(None, first_line, first_line + n - 1)
    values: dict[str, object] = {"doc_title": "Board pack", "agenda_item": None, **fields}
    return Chunk(
        id=Chunk.make_id(source, text, locator),
        source=source,
        text=text,
        line_start=first_line,
        line_end=first_line + n - 1,
        line_numbers=tuple(range(first_line, first_line + n)),
        **values,  # type: ignore[arg-type]
    )
