"""The development corpus's papers, read and segmented as the ingest does (scanned pages
through Tesseract, as `make test` installs it), with the base profile only: how the register
meets minutes of bodies it has no profile for."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from board.profile import BASE
from board.records import Section
from ingest.loaders import load_lines
from ingest.metadata import describe
from ingest.ocr import Tesseract
from ingest.segment import segment

PAPERS = Path(__file__).resolve().parents[3] / "eval" / "devcorpus" / "papers"


def dev_sections(names: Iterable[str]) -> list[Section]:
    return [section for name in names for section in _sections(name)]


@functools.cache
def _sections(name: str) -> tuple[Section, ...]:
    path = PAPERS / name
    lines = load_lines(path, path.read_bytes(), ocr=Tesseract())
    doc = describe(name, path.read_bytes(), lines, None, BASE)
    return tuple(segment(doc, lines, profile=BASE))
