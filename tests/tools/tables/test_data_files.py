"""Data files (CSV): the file is one table; its columns give each figure's period, unit and
measure when they say so, and the file name gives the caption."""

from __future__ import annotations

from pathlib import Path

from board.metrics import MetricTable
from board.period_resolve import normalise_period
from ingest.loaders import load_lines
from ingest.metadata import describe
from ingest.segment import segment
from tests.profiles import BARNET
from tools.tables import tools
from tools.tables.extract import extract_tables
from tools.tables.store import TableStore, build_table_store

# Tidy ward data, one figure a record, as a council's data team publishes it.
WARDS = (
    "area_code,area_name,indicator,period,measure,unit,value\r\n"
    "E05000819,Altrincham,Anti-social behaviour,2017-10 to 2018-11,Rate,Incidents,16.2\r\n"
    "E05000824,Bucklow-St Martins,Anti-social behaviour,2017-10 to 2018-11,Rate,Incidents,25.4\r\n"
    "E05000829,Gorse Hill,Anti-social behaviour,2017-10 to 2018-11,Rate,Incidents,26.7\r\n"
    "E05000836,Stretford,Anti-social behaviour,2017-10 to 2018-11,Rate,Incidents,15\r\n"
    "E05000837,Timperley,Anti-social behaviour,2017-10 to 2018-11,Rate,Incidents,5.3\r\n"
)
# Wide data: a row per crime, a column per year; a percentage column says so in its header.
CRIMES = (
    "Crime type;2016;2017;Share of total (%)\n"
    "Burglary;2,550;2,576;12.5\n"
    '"Robbery, personal";881;841;4.1\n'
    "Vehicle crime;1,200;1,150;5.6\n"
)


def tables_of(tmp_path: Path, name: str, text: str) -> list[MetricTable]:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    lines = load_lines(path)
    doc = describe(path.name, path.read_bytes(), lines, None, profile=BARNET)
    return list(extract_tables(segment(doc, lines, profile=BARNET), profile=BARNET))


def test_a_csv_is_one_table_captioned_from_its_file_name(tmp_path: Path) -> None:
    (table,) = tables_of(tmp_path, "anti-social_behaviour.csv", WARDS)

    assert table.caption == "Anti-social behaviour"
    assert table.header == (
        ("area_code", "area_name", "indicator", "period", "measure", "unit", "value"),
    )
    assert table.stub == "area_name"  # the ward's name labels the row, not its code
    assert table.columns == ("value",)
    assert (table.line_start, table.line_end) == (1, 6)
    assert "period: 2017-10 to 2018-11" in table.notes


def test_each_figure_takes_its_period_and_measure_from_the_records_columns(
    tmp_path: Path,
) -> None:
    (table,) = tables_of(tmp_path, "anti-social_behaviour.csv", WARDS)

    gorse_hill = next(c for c in table.cells if c.row_label == "Gorse Hill")
    assert gorse_hill.value == 26.7
    assert gorse_hill.line == 4  # the record's own line in the file (the header is line 1)
    assert gorse_hill.period_label == "October 2017 to November 2018"
    assert (gorse_hill.period_start, gorse_hill.period_end) == ("2017-10-01", "2018-11-30")
    assert gorse_hill.measure == "asb"  # "Anti-social behaviour", as the synonym table has it
    assert gorse_hill.column_labels == ("Rate",)
    assert gorse_hill.unit == "number"  # a rate with decimals, not a count
    stretford = next(c for c in table.cells if c.row_label == "Stretford")
    assert stretford.unit == "number"  # "15" in a column of rates is a rate too


def test_the_highest_ward_is_ranked_from_the_csv_with_its_row_cited(tmp_path: Path) -> None:
    store = TableStore(
        build_table_store(tmp_path, tables_of(tmp_path, "anti-social_behaviour.csv", WARDS)),
        profile=BARNET,
    )

    ranking = tools.rank(
        store,
        "anti-social behaviour",
        period=[normalise_period("October 2017 to November 2018")],  # type: ignore[list-item]
    )

    assert ranking is not None
    top = ranking.entries[0]
    assert (top.label, top.figure.text) == ("Gorse Hill", "26.7")
    assert top.figure.provenance.source == "anti-social_behaviour.csv"
    assert top.figure.provenance.locator == "lines 4-4"
    assert top.figure.provenance.caption == "Anti-social behaviour"
    assert ranking.entries[-1].label == "Timperley"


def test_wide_csv_columns_named_by_year_give_each_figure_its_year_and_unit(
    tmp_path: Path,
) -> None:
    (table,) = tables_of(tmp_path, "crime_by_type.csv", CRIMES)

    robbery = {c.column_labels: c for c in table.cells if c.row_label == "Robbery, personal"}
    assert table.caption == "Crime by type"
    assert table.columns == ("2016", "2017", "Share of total (%)")
    assert robbery[("2017",)].value == 841
    assert robbery[("2017",)].period == "2017"
    assert robbery[("2017",)].unit == "count"
    burglary = next(c for c in table.cells if c.row_label == "Burglary")
    assert burglary.measure == "burglary"  # in wide data the row names what is measured
    assert robbery[("Share of total (%)",)].value == 4.1
    assert robbery[("Share of total (%)",)].unit == "percent"  # its header says "%"


def test_a_csv_without_figures_gives_no_table(tmp_path: Path) -> None:
    assert tables_of(tmp_path, "contacts.csv", "name,role\nJane Davies,Clerk\n") == []
