"""Forty table cells of the development corpus's PDFs, drawn at random (seed 25) from the
table store and each checked by hand against its page rendered with pypdfium2: the figure
under the column named here, in the row named, on the page named. The tables are read from
the PDFs as ingest reads them (eval/pdf_report.read_tables)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from board.metrics import MetricTable
from eval.pdf_report import read_tables

PAPERS = Path(__file__).resolve().parents[2] / "eval" / "devcorpus" / "papers"

# (paper, page, row label, value column, that column as the page heads it, figure)
CHECKED = [
    ("2020-r1.pdf", 13, "Murder", 3, "last 28 days 2020", "3"),
    ("2020-r1.pdf", 13, "Auto Theft", 7, "year to date 2019", "415"),
    ("2020-r1.pdf", 13, "Shooting Incidents", 12, "5 YR %CHG", "3%"),
    ("2020-r1.pdf", 19, "Murder", 1, "last 7 days 2019", "1"),
    ("2020-r1.pdf", 19, "Murder", 10, "3 YR %CHG", "200%"),
    ("2020-r1.pdf", 19, "Robbery", 9, "2 YR %CHG", "-25%"),
    ("2020-r1.pdf", 19, "Shooting Victims", 4, "last 28 days 2019", "3"),
    ("2020-r1.pdf", 21, "Shooting Incidents", 11, "4 YR %CHG", "-25%"),
    ("2020-r1.pdf", 23, "Robbery", 6, "year to date 2020", "97"),
    ("2020-r1.pdf", 23, "Felony Theft", 1, "last 7 days 2019", "2"),
    ("2020-r1.pdf", 23, "TOTAL", 7, "year to date 2019", "644"),
    ("2020-r1.pdf", 25, "Rape", 0, "last 7 days 2020", "0"),
    ("2020-r1.pdf", 27, "Agg. Assault", 6, "year to date 2020", "76"),
    ("2020-r1.pdf", 29, "TOTAL", 2, "last 7 days %CHG", "0%"),
    ("2020-r1.pdf", 29, "TOTAL", 6, "year to date 2020", "299"),
    ("2020-r1.pdf", 29, "*Juv Shooting Victims", 1, "last 7 days 2019", "0"),
    ("2020-r1.pdf", 31, "*Juv Shooting Incidents", 7, "year to date 2019", "3"),
    ("2020-r1.pdf", 31, "*Juv Shooting Victims", 8, "year to date %CHG", "167%"),
    ("2020-r1.pdf", 31, "Theft (Misdemeanor)", 5, "last 28 days %CHG", "4%"),
    ("2020-r1.pdf", 33, "Felony Theft", 9, "2 YR %CHG", "17%"),
    ("2020-r1.pdf", 37, "Felony Theft", 11, "4 YR %CHG", "13%"),
    ("2020-r1.pdf", 37, "Shooting Victims", 6, "year to date 2020", "1"),
    ("2026-08-09-r1.pdf", 1, "*Juv Shooting Victims", 4, "last 28 days 2025", "1"),
    ("2026-08-09-r1.pdf", 1, "Theft (Misdemeanor)", 7, "year to date 2025", "570"),
    ("2026-08-09-r1.pdf", 9, "Theft (Misdemeanor)", 5, "last 28 days %CHG", "175%"),
    ("2026-08-09-r1.pdf", 9, "Theft (Misdemeanor)", 11, "4 YR %CHG", "28%"),
    ("2026-08-09-r1.pdf", 15, "Agg. Assault", 9, "2 YR %CHG", "10%"),
    ("2026-08-09-r1.pdf", 15, "*Juv Shooting Victims", 4, "last 28 days 2025", "0"),
    ("2026-08-09-r1.pdf", 19, "Agg. Assault", 9, "2 YR %CHG", "10%"),
    ("2026-08-09-r1.pdf", 19, "Auto Theft", 12, "5 YR %CHG", "-39%"),
    ("2026-08-09-r1.pdf", 19, "Shooting Incidents", 13, "6 YR %CHG", "-24%"),
    ("2026-08-09-r1.pdf", 19, "*Juv Shooting Incidents", 9, "2 YR %CHG", "33%"),
    ("2026-08-09-r1.pdf", 21, "Rape", 9, "2 YR %CHG", "0%"),
    ("2026-08-09-r1.pdf", 21, "Shooting Victims", 3, "last 28 days 2026", "1"),
    ("2026-08-09-r1.pdf", 21, "Theft (Misdemeanor)", 13, "6 YR %CHG", "-38%"),
    ("2026-08-09-r1.pdf", 21, "Theft (Misdemeanor)", 12, "5 YR %CHG", "-54%"),
    ("2026-08-09-r1.pdf", 25, "Murder", 0, "last 7 days 2026", "0"),
    ("2026-08-09-r1.pdf", 25, "Rape", 1, "last 7 days 2025", "0"),
    ("2026-08-09-r1.pdf", 25, "Burglary", 4, "last 28 days 2025", "2"),
    ("june101998.pdf", 36, "3. Asphalt Raker", 1, "Maximum", "26.20"),
]


@cache
def _tables(source: str) -> tuple[MetricTable, ...]:
    return tuple(read_tables(PAPERS / source))


@pytest.mark.parametrize(("source", "page", "row", "col", "column", "raw"), CHECKED)
def test_a_cell_checked_against_its_rendered_page(
    source: str, page: int, row: str, col: int, column: str, raw: str
) -> None:
    cells = [
        c
        for t in _tables(source)
        for c in t.cells
        if c.page == page and c.row_label.startswith(row) and c.col_index == col
    ]
    assert [c.raw for c in cells] == [raw], f"{source} page {page}: {row}, {column}"


def test_forty_cells_were_checked() -> None:
    assert len(CHECKED) == 40
