"""Figures read out of cell text: value, unit, sign, decimals and asides."""

from __future__ import annotations

import pytest

from tools.tables.values import format_figure, parse_cell


@pytest.mark.parametrize(
    ("raw", "value", "unit", "sign"),
    [
        ("2,576", 2576, "number", 0),
        ("-4.6%", -4.6, "percent", -1),
        ("- 6.5%", -6.5, "percent", -1),
        ("+5.6 %", 5.6, "percent", 1),
        ("(£117,500)", -117500, "gbp", -1),
        ("£ 4,781,825*", 4781825, "gbp", 0),
        ("+4.5% pt", 4.5, "percentage_points", 1),
        ("2.4 percentage points decrease", -2.4, "percentage_points", -1),
        ("7.3% decrease", -7.3, "percent", -1),
        ("1% up", 1, "percent", 1),
        ("15/15", 15, "rank", 0),
        ("±3.73%", 3.73, "percent", 0),
        ("Approx. 92%", 92, "percent", 0),
    ],
)
def test_simple_figures(raw: str, value: float, unit: str, sign: int) -> None:
    cell = parse_cell(raw)
    assert cell is not None
    assert (cell.main.value, cell.main.unit, cell.main.sign) == (value, unit, sign)


@pytest.mark.parametrize(
    "raw",
    [
        "12/13",
        "7 - 56",
        "05.10.12",
        "NA",
        "n/a",
        "60%-70%",
        "Q4",
        "(2)",
        "14 Apr",
        "Cohort size = 2999 Actual rate = 7.80%",
    ],
)
def test_not_figures(raw: str) -> None:
    assert parse_cell(raw) is None


def test_figures_with_asides() -> None:
    cell = parse_cell("519 (25.9% reduction %)")
    assert cell is not None and cell.main.value == 519
    assert [(x.value, x.statistic) for x in cell.extras] == [(-25.9, "% change")]
    cell = parse_cell("27705 (74.922 Per 1000 population)")
    assert cell is not None and [(x.value, x.unit) for x in cell.extras] == [
        (74.922, "rate_per_1000")
    ]
    cell = parse_cell("8540 (down 6.6% from 9139)")
    assert cell is not None
    assert [(x.value, x.statistic) for x in cell.extras] == [(-6.6, "% change"), (9139, "previous")]
    cell = parse_cell("Sep 2017: 201")
    assert cell is not None and (cell.main.value, cell.prefix) == (201, "Sep 2017")
    cell = parse_cell("Barnet: 67% (Autumn 2016)")
    assert cell is not None and (cell.prefix, cell.aside) == ("Barnet", "Autumn 2016")


def test_figures_are_stated_as_written() -> None:
    assert format_figure(2576, "count") == "2,576"
    assert format_figure(-4.6, "percent", 1) == "-4.6%"
    assert format_figure(-228717, "gbp") == "-£228,717"
    assert format_figure(7.17, "rate_per_1000", 2) == "7.17 per 1,000"
    assert format_figure(6, "rank") == "6th"
    assert format_figure(5.8, "percentage_points", 1) == "5.8 percentage points"
