"""How the PDFs of a folder are read, paper by paper: lines, paragraphs, the share of
paragraphs that are a single word (a text layer read word by word), tables found, figures
stored, and the title each is given. Scanned pages are left to OCR and reported as such.

    python -m eval.pdf_report eval/devcorpus/papers      # a Markdown table
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from board.errors import IngestError
from board.metrics import MetricTable
from board.profile import BASE, BoardProfile
from board.records import Document, Line
from board.text import is_table_row
from ingest.loaders import load_lines
from ingest.metadata import describe
from ingest.segment import segment
from tools.tables.extract import extract_tables


class _NoOcr:
    """Leaves scanned pages unread: the report measures text layers."""

    def unavailable(self) -> str | None:
        return "OCR is not used by this report"

    def read(self, images: Sequence[bytes]) -> list[str]:
        return ["" for _ in images]


@dataclass(frozen=True)
class PdfReading:
    """How one PDF was read."""

    name: str
    pages: int
    lines: int  # lines with text, a paragraph or a table row each
    paragraphs: int
    one_word: int  # paragraphs of a single word
    scattered: int  # of those, ones in a run of five or more: a text read word by word
    table_rows: int
    tables: int  # tables in the table store
    figures: int  # cells holding a figure
    title: str
    scanned: bool = False  # no text layer: read by OCR, not measured here

    @property
    def one_word_share(self) -> float:
        return self.one_word / self.paragraphs if self.paragraphs else 0.0


def read_pdf(path: Path, profile: BoardProfile = BASE) -> PdfReading:
    """Read one PDF as ingest does, and count what it gives."""
    data = path.read_bytes()
    try:
        lines = load_lines(path, data, ocr=_NoOcr())
    except IngestError:
        return PdfReading(path.name, 0, 0, 0, 0, 0, 0, 0, 0, "", scanned=True)
    texts = [line.text for line in lines if line.text.strip()]
    rows = [t for t in texts if is_table_row(t)]
    paragraphs = [t for t in texts if not is_table_row(t)]
    doc = describe(path.name, data, lines, None, profile)
    tables = _tables(doc, lines, profile)
    figures = sum(1 for t in tables for c in t.cells if c.value is not None)
    return PdfReading(
        name=path.name,
        pages=len({line.page for line in lines}),
        lines=len(texts),
        paragraphs=len(paragraphs),
        one_word=sum(1 for p in paragraphs if len(p.split()) == 1),
        scattered=_scattered(paragraphs),
        table_rows=len(rows),
        tables=sum(1 for t in tables if any(c.value is not None for c in t.cells)),
        figures=figures,
        title=doc.title,
    )


def read_tables(path: Path, profile: BoardProfile = BASE) -> list[MetricTable]:
    """The tables ingest would store from one PDF (its scanned pages left unread)."""
    data = path.read_bytes()
    lines = load_lines(path, data, ocr=_NoOcr())
    return _tables(describe(path.name, data, lines, None, profile), lines, profile)


def _tables(doc: Document, lines: Sequence[Line], profile: BoardProfile) -> list[MetricTable]:
    return list(extract_tables(segment(doc, lines, profile), profile))


def _scattered(paragraphs: Sequence[str], run: int = 5) -> int:
    """One-word paragraphs that come in runs of ``run`` or more."""
    count = streak = 0
    for paragraph in [*paragraphs, "end of the paper"]:
        if len(paragraph.split()) == 1:
            streak += 1
            continue
        count += streak if streak >= run else 0
        streak = 0
    return count


def report(folder: Path, profile: BoardProfile = BASE) -> list[PdfReading]:
    return [read_pdf(path, profile) for path in sorted(folder.glob("*.pdf"))]


def markdown(readings: Sequence[PdfReading]) -> str:
    head = (
        "| PDF | pages | lines | paragraphs | one-word | in runs | table rows | tables "
        "| figures | title |"
    )
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    rows = [
        f"| {r.name} | no text layer to read: OCR reads it | | | | | | | | |"
        if r.scanned
        else f"| {r.name} | {r.pages} | {r.lines} | {r.paragraphs} | {r.one_word_share:.1%} "
        f"| {r.scattered} | {r.table_rows} | {r.tables} | {r.figures} | {r.title} |"
        for r in readings
    ]
    return "\n".join([head, rule, *rows])


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    print(markdown(report(Path(args[0] if args else "eval/devcorpus/papers"))))


if __name__ == "__main__":
    main()
