"""Every PDF of the development corpus read as a person reads it (eval/pdf_report.py): no
text layer read word by word, the tables of the statistics reports in the table store, a
title that is the paper's, and a text layer without characters left to OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.pdf_report import PdfReading, read_pdf

PAPERS = Path(__file__).resolve().parents[2] / "eval" / "devcorpus" / "papers"
PDFS = sorted(PAPERS.glob("*.pdf"))


@pytest.fixture(scope="module")
def readings() -> dict[str, PdfReading]:
    return {path.name: read_pdf(path) for path in PDFS}


def test_no_text_layer_is_read_word_by_word(readings: dict[str, PdfReading]) -> None:
    scattered = {name: r.scattered for name, r in readings.items() if r.scattered}
    assert scattered == {}


def test_the_statistics_reports_tables_reach_the_table_store(
    readings: dict[str, PdfReading],
) -> None:
    # a police department's weekly CompStat sheets (unruled, aligned) and its year-end
    # report's ruled tables with merged cells
    assert readings["2026-08-09-r1.pdf"].tables >= 5
    assert readings["2026-08-09-r1.pdf"].figures >= 1000
    assert readings["2020-r1.pdf"].tables >= 10


def test_every_title_is_the_papers_own(readings: dict[str, PdfReading]) -> None:
    for name, reading in readings.items():
        if reading.scanned:
            continue
        title = reading.title
        assert title and title != Path(name).stem, name
        assert not title.replace(" ", "").isdigit(), name
        assert not title.lower().startswith("page "), name
        assert "'" not in title and "!" not in title, name  # a font's space glyph read


def test_text_layers_without_characters_are_left_to_ocr(
    readings: dict[str, PdfReading],
) -> None:
    scanned = sorted(name for name, r in readings.items() if r.scanned)
    assert scanned == ["191.pdf", "363.pdf", "finstats_2018-01-01_.pdf"]


def test_a_statistics_sheets_two_header_levels_name_each_column() -> None:
    from eval.pdf_report import read_tables

    citywide = read_tables(PAPERS / "2026-08-09-r1.pdf")[0]
    shootings = {
        c.column_labels: (c.raw, c.period)
        for c in citywide.cells
        if c.row_label == "Shooting Incidents"
    }
    assert shootings[("YEAR TO DATE", "2026")] == ("40", "YTD 2026")
    assert shootings[("YEAR TO DATE", "2025")] == ("34", "YTD 2025")
    assert shootings[("LAST 7 DAYS", "2026")] == ("1", "last 7 days 2026")
