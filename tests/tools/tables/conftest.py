"""Fixtures: sections built from inline text, and the shipped corpus's tables (extracted once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from board.profile import BoardProfile
from board.records import Line, Section
from tests.profiles import BARNET
from tools.tables.extract import TableList, extract_tables
from tools.tables.store import TableStore

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def make_sections(
    text: str,
    *,
    source: str = "paper.txt",
    meeting_date: str | None = "2013-07-19",
    title: str = "Performance report",
    first_line: int = 1,
) -> list[Section]:
    """One section holding ``text``, one Line per line, numbered from ``first_line``."""
    lines = tuple(Line(t, first_line + i) for i, t in enumerate(text.split("\n")))
    return [
        Section(
            source=source,
            title=title,
            paper_type="report",
            meeting_date=meeting_date,
            heading_path=(title,),
            agenda_item=None,
            lines=lines,
        )
    ]


def store_of(text: str, profile: BoardProfile = BARNET, **kwargs: object) -> TableStore:
    """The tables of a made-up paper, read under ``profile`` (the shipped board's)."""
    sections = make_sections(text, **kwargs)  # type: ignore[arg-type]
    return TableStore.from_tables(extract_tables(sections, profile), profile=profile)


@pytest.fixture(scope="session")
def corpus_tables() -> TableList:
    from ingest.loaders import load_lines
    from ingest.metadata import describe, load_manifest
    from ingest.segment import segment

    manifest = load_manifest(CORPUS)
    sections = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = load_lines(path)
        doc = describe(path.name, path.read_bytes(), lines, manifest.get(path.name), profile=BARNET)
        sections.extend(segment(doc, lines, profile=BARNET))
    return extract_tables(sections, profile=BARNET)


@pytest.fixture(scope="session")
def corpus_store(corpus_tables: TableList) -> TableStore:
    return TableStore.from_tables(corpus_tables, profile=BARNET)
