"""The deterministic tools: lookups with provenance, comparisons checked against the table's
own % change column, rankings, series and table search; also as LangChain tools."""

from __future__ import annotations

import pytest

from tests.tools.tables.conftest import store_of
from tools.tables import tools
from tools.tables.agent_tools import as_langchain_tools
from tools.tables.store import TableStore

SUMMARY = (
    "\t\tOffences\t\t\n"
    "Crime Type\tOffence Target\tLast Year\tThis Year\t% Change\n"
    "Residential Burglary\t-6 %\t2550\t2576\t1.0%\n"
    "Robbery\t-11%\t881\t841\t-4.5%\n"
    "Gun Crime\t-5%\t40\t57\t42.5%\n"
    "Total Notifiable\t-5%\t20206\t19549\t-3.3%\n"
    "\n"
    "Crime Summary between 01/04/2012 and 06/01/2013"
)
BOROUGHS = (
    "ASB by London borough\n"
    "\n"
    "OCU\tYear to Date ASB Incidents\tYear to Date ASB Incidents per 1000 population\n"
    "Barnet\t978\t2.76\n"
    "Camden\t1,025\t4.68\n"
    "Merton\t468\t2.35\n"
    "Westminster\t1,567\t7.17\n"
    "Sutton\t515\t2.35\n"
    "MPS\t28,632\t3.51"
)
SERIES = (
    "Custody Rate per 1,000 Young People\n"
    "\n"
    "\tApr 13 - Mar 14\tApr 14 - Mar 15\tApr 15 - Mar 16\tApr 16 - Mar 17\n"
    "Barnet\t0.61\t0.49\t0.28\t0.14\n"
    "London\t1.01\t0.71\t0.68\t0.65"
)


@pytest.fixture(scope="module")
def summary() -> TableStore:
    return store_of(SUMMARY, source="pack.txt", meeting_date="2013-01-15", first_line=300)


def test_lookup_reads_the_cell_with_its_provenance(summary: TableStore) -> None:
    found = tools.metric_lookup(
        summary, "residential burglaries", "between 1 April 2012 and 6 January 2013"
    )
    (fig,) = found.figures
    assert (fig.value, fig.unit, fig.text) == (2576, "count", "2,576")
    assert fig.period_label == "1 April 2012 to 6 January 2013"
    prov = fig.provenance
    assert (prov.source, prov.locator, prov.row, prov.column) == (
        "pack.txt",
        "lines 302-302",
        "Residential Burglary",
        "Offences / This Year",
    )
    assert prov.caption == "Crime Summary between 01/04/2012 and 06/01/2013"
    assert prov.quote.startswith("Residential Burglary\t-6 %")
    assert not found.conflict


def test_lookup_prefers_the_longest_measure_written(summary: TableStore) -> None:
    (fig,) = tools.metric_lookup(summary, "TNO", "between 1 April 2011 and 6 January 2012").figures
    assert (fig.provenance.row, fig.value) == ("Total Notifiable", 20206)
    assert (
        tools.metric_lookup(
            summary, "knife crime", "between 1 April 2012 and 6 January 2013"
        ).figures
        == ()
    )


def test_compare_checks_the_tables_own_change_column(summary: TableStore) -> None:
    (comp,) = tools.compare(summary, "gun crime", "between 1 April 2012 and 6 January 2013")
    assert (comp.current.value, comp.previous.value, comp.difference) == (57, 40, 17)
    assert comp.percent_change == pytest.approx(42.5)
    assert comp.table_change is not None and comp.table_change.value == 42.5
    assert comp.table_agrees is True


def test_compare_reports_when_the_table_disagrees() -> None:
    text = SUMMARY.replace("42.5%", "40.0%")
    store = store_of(text, source="pack.txt", meeting_date="2013-01-15")
    (comp,) = tools.compare(store, "gun crime", "between 1 April 2012 and 6 January 2013")
    assert comp.table_change is not None and comp.table_change.value == 40.0
    assert comp.table_agrees is False


def test_rank_orders_boroughs_and_leaves_out_london_wide_rows() -> None:
    store = store_of(BOROUGHS, meeting_date="2013-07-19")
    ranking = tools.rank(store, "ASB incidents", statistic="rate per 1000")
    assert ranking is not None
    assert [(e.position, e.label) for e in ranking.entries] == [
        (1, "Westminster"),
        (2, "Camden"),
        (3, "Barnet"),
        (4, "Merton"),
        (4, "Sutton"),  # a tie shares its place
    ]
    lowest = tools.rank(store, "ASB incidents", statistic="value", descending=False)
    assert lowest is not None and lowest.entries[0].label == "Merton"


def test_trend_reads_the_series_in_order() -> None:
    store = store_of(SERIES, meeting_date="2018-01-26")
    series = tools.trend(store, "custody rate", area="London")
    assert series is not None
    assert [(p.period_label, p.value) for p in series.points] == [
        ("2013/14", 1.01),
        ("2014/15", 0.71),
        ("2015/16", 0.68),
        ("2016/17", 0.65),
    ]
    assert series.points[0].unit == "rate_per_1000"


def test_find_tables_by_words(summary: TableStore) -> None:
    (match,) = tools.find_tables(summary, "crime summary")
    assert match.caption.startswith("Crime Summary") and match.n_rows == 4


def test_conflicting_tables_are_both_returned() -> None:
    text = (
        "Headline table\n\nMOPAC Crime\tFY 11/12\tCurrent R12\nBurglary\t4,912\t4,670\n\n\n"
        "Old figures\n\nCrime\t2011/12\t2012/13\nBurglary\t4,760\t4,700"
    )
    store = store_of(text, meeting_date="2013-07-19")
    found = tools.metric_lookup(store, "burglary", "2011/12")
    assert sorted(f.value for f in found.figures) == [4760, 4912]
    assert found.conflict


def test_langchain_tools_take_typed_arguments(summary: TableStore) -> None:
    by_name = {t.name: t for t in as_langchain_tools(summary)}
    assert set(by_name) == {"metric_lookup", "compare", "rank", "trend", "find_tables"}
    assert "measure" in by_name["metric_lookup"].args
    result = by_name["metric_lookup"].invoke(
        {"measure": "robbery", "period": "between 1 April 2012 and 6 January 2013"}
    )
    assert result["figures"][0]["value"] == 841
    assert result["figures"][0]["provenance"]["locator"] == "lines 303-303"
    (comparison,) = by_name["compare"].invoke(
        {"measure": "robbery", "period_a": "between 1 April 2012 and 6 January 2013"}
    )
    assert comparison["difference"] == -40
