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


def _cells(name: str, row: str) -> dict[tuple[str, ...], str]:
    from eval.pdf_report import read_tables

    return {
        c.column_labels: c.raw
        for table in read_tables(PAPERS / name)
        for c in table.cells
        if c.row_label == row
    }


def test_a_header_ruled_as_merged_cells_is_cut_under_its_columns() -> None:
    # spreadsheet exports: the group labels and the column names of a two-level header
    # ruled as one merged cell, and a header row of years ruled as one cell
    burglary = _cells("apr-20.pdf", "BURGLARY")
    assert burglary[("YEAR TO DATE", "RPTS")] == "51"
    assert burglary[("LAST YEAR TO DATE", "RPTS")] == "75"
    assert burglary[("THIS MONTH", "% CLR")] == "7.1%"
    vandalism = _cells("10YrCrimeTrendReview2020.pdf", "Vandalism")
    assert vandalism[("2011",)] == "494"
    assert vandalism[("2020",)] == "132"


def test_a_frame_round_the_page_leaves_a_three_level_header_to_its_columns() -> None:
    possession = _cells("April_2016_Crime_Dat.pdf", "Drug Possession")
    assert possession[("INCIDENTS", "2016", "YTD")] == "135"
    assert possession[("ARRESTS", "2016", "YTD")] == "125"
    assert possession[("CLEARANCES", "04/15")] == "40"
    assert _cells("April_2016_Crime_Dat.pdf", "Vandalism")[("ARRESTS", "2015", "YTD")] == "28"


def test_a_totals_column_boxed_apart_and_a_header_above_the_rules_join_the_table() -> None:
    robbery = _cells("2020.pdf", "ROBBERY - 2020")
    assert robbery[("TOTALS",)] == "142"
    assert robbery[("DEC",)] == "10"


def test_rows_stacked_in_one_ruled_cell_are_rows_and_a_section_keeps_the_header() -> None:
    name = "pdfs2013-Monthly-Statistical-Summary-September-2013.pdf"
    assert _cells(name, "Burglary - Residence")[("Yearly Total",)] == "72"
    assert _cells(name, "Robbery - Personal")[("Monthly Total",)] == "4"
    assert _cells(name, "Calls For Service")[("Monthly Total",)] == "2023"


def test_a_monthly_sheets_own_columns_are_dated_by_the_month_it_is_for() -> None:
    from eval.pdf_report import read_tables

    def periods(name: str, row: str) -> dict[tuple[str, ...], str | None]:
        return {
            c.column_labels: c.period
            for table in read_tables(PAPERS / name)
            for c in table.cells
            if c.row_label == row
        }

    alameda = periods("apr-20.pdf", "ROBBERY")  # "MONTHLY SUMMARY: APRIL 2020"
    assert alameda[("THIS MONTH", "RPTS")] == "2020-04"
    norcross = periods(  # "Month: September Year:2013"
        "pdfs2013-Monthly-Statistical-Summary-September-2013.pdf", "Calls For Service"
    )
    assert norcross[("Monthly Total",)] == "2013-09"
    assert norcross[("Yearly Total",)] == "YTD 2013"


def test_a_group_label_over_one_figured_column_names_that_column() -> None:
    # "YEAR TO DATE" ruled as one merged cell over three columns, its one count set in the
    # middle one; "% DIFF" after the column groups is under none of them
    adults = _cells("apr-20.pdf", "ADULT")
    assert adults[("THIS MONTH",)] == "81"
    assert adults[("YEAR TO DATE",)] == "397"
    assert adults[("LAST YR TO DATE",)] == "435"
    assert _cells("apr-20.pdf", "ROBBERY")[("% DIFF",)] == "0.0%"


def test_a_rows_year_dates_its_month_columns() -> None:
    from eval.pdf_report import read_tables

    robbery = {
        c.column_labels: (c.raw, c.period, c.measure)
        for table in read_tables(PAPERS / "2020.pdf")
        for c in table.cells
        if c.row_label == "ROBBERY - 2019"
    }
    assert robbery[("JAN",)] == ("15", "2019-01", "robbery")
    assert robbery[("DEC",)] == ("20", "2019-12", "robbery")
    assert robbery[("TOTALS",)] == ("238", "2019", "robbery")


def test_both_pdf_readers_read_the_same_words_of_a_text_layer() -> None:
    from eval.pdf_backends import measure

    reading = measure(PAPERS / "apr-20.pdf")
    assert reading.pages == 1
    assert reading.agreement > 0.95
    assert reading.plumber_ms > 0 and reading.boxed_ms > 0


def test_a_twelve_month_chart_is_dated_from_its_one_month_with_a_year() -> None:
    from eval.pdf_report import read_tables

    felony = {  # "July ... Dec., 19-Jan, 19-Feb, Mar ... June" in a June 2019 report
        c.column_labels: (c.raw, c.period)
        for table in read_tables(PAPERS / "August_2018.pdf")
        for c in table.cells
        if c.row_label == "Felony Arrest"
    }
    assert felony[("July",)] == ("52", "2018-07")
    assert felony[("Dec.",)] == ("47", "2018-12")
    assert felony[("May",)] == ("24", "2019-05")
