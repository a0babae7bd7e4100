"""The development corpus's papers, read and segmented as the ingest does (no OCR), with the
base profile only: how the register meets minutes of bodies it has no profile for."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from board.profile import BASE
from board.records import Section
from eval.pdf_report import _NoOcr
from ingest.loaders import load_lines
from ingest.metadata import describe
from ingest.segment import segment

PAPERS = Path(__file__).resolve().parents[3] / "eval" / "devcorpus" / "papers"


def dev_sections(names: Iterable[str]) -> list[Section]:
    sections: list[Section] = []
    for name in names:
        path = PAPERS / name
        lines = load_lines(path, path.read_bytes(), ocr=_NoOcr())
        doc = describe(name, path.read_bytes(), lines, None, BASE)
        sections.extend(segment(doc, lines, profile=BASE))
    return sections
