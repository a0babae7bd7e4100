"""Figures the scorer reads from answers and quotes, and what it refuses to read."""

from __future__ import annotations

import pytest

from eval.numbers import DateMention, parse_dates, parse_numbers


def figures(text: str) -> list[tuple[float, str]]:
    return [(n.value, n.unit) for n in parse_numbers(text)]


def test_thousands_comma_is_one_count() -> None:
    [n] = parse_numbers("There were 4,912 offences.")
    assert (n.value, n.unit, n.decimals, n.text) == (4912, "number", 0, "4,912")


def test_span_points_at_the_written_figure() -> None:
    text = "Savings of £1.2m were reported."
    [n] = parse_numbers(text)
    assert text[n.span[0] : n.span[1]] == "£1.2m" == n.text


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("save about £28 million", 28_000_000, 0),
        ("a budget of £1.2m", 1_200_000, 1),
        ("£156k savings", 156_000, 0),
        ("a cost of £2,352,000", 2_352_000, 0),
        ("28 million pounds", 28_000_000, 0),
    ],
)
def test_money_is_gbp_with_its_scale(text: str, value: float, decimals: int) -> None:
    [n] = parse_numbers(text)
    assert (n.value, n.unit, n.decimals) == (value, "gbp", decimals)


def test_scale_word_without_pound_sign_is_a_plain_number() -> None:
    assert figures("about 1.5 million residents") == [(1_500_000, "number")]


@pytest.mark.parametrize("text", ["rose 6.5%", "rose 6.5 %", "rose 6.5 per cent", "6.5 percent"])
def test_percent(text: str) -> None:
    assert figures(text) == [(6.5, "percent")]


@pytest.mark.parametrize(
    "text",
    ["fell 3.5 percentage points", "fell 3.5pp", "fell 3.5 ppt", "-3.5% pt", "3.5% points"],
)
def test_percentage_points_are_not_percent(text: str) -> None:
    [n] = parse_numbers(text)
    assert (abs(n.value), n.unit) == (3.5, "percentage_points")


def test_brackets_in_a_table_cell_are_negative() -> None:
    row = "Council\t£0\t(£117,500)\t(£111,217)\nLBB\t98,717\t(1,234)"
    assert figures(row) == [
        (0, "gbp"),
        (-117_500, "gbp"),
        (-111_217, "gbp"),
        (98_717, "number"),
        (-1_234, "number"),
    ]


def test_brackets_in_prose_are_an_aside_not_a_negative() -> None:
    assert figures("set-up costs funded by the Council (£15,000).") == [(15_000, "gbp")]


@pytest.mark.parametrize(("text", "value"), [("change of -4.6%", -4.6), ("a change of –12", -12)])
def test_leading_minus_or_en_dash_is_negative(text: str, value: float) -> None:
    [n] = parse_numbers(text)
    assert (n.value, n.sign) == (value, "-")


def test_a_range_is_two_positive_figures_sharing_the_unit() -> None:
    assert figures("re-offending rates of 3-5% in pilots") == [(3, "percent"), (5, "percent")]


def test_decimals_shown_are_kept() -> None:
    [n] = parse_numbers("a rate of 6.50%")
    assert (n.value, n.decimals) == (6.5, 2)


@pytest.mark.parametrize(
    "text",
    [
        "The board met on 15 January 2013.",
        "Figures for 2011/12 and 12/13 were compared.",
        "Crime Summary between 01/04/2012 and 06/01/2013",
        "meeting_date 2013-01-15",
        "In 2013 the strategy was refreshed.",
        "the 2011-2014 strategy",
        "FRIDAY 26TH JANUARY, 2018 at 10.00am, 2.30 - 4.30pm",
        "Sep 2017 and Jul 16 - Jun 17",
        "as the papers say [3] and [1, 2]",
        "see lines 97-99, page 4, agenda item 5, section 1.7 and appendix 2",
        "1.3.2 Barnet is one of London's safest boroughs",
        "Other Tier 3 crime and Year 1 attachment",
        "postcode NW4 4BQ, row Q3 and table t3f9a",
    ],
)
def test_dates_years_markers_and_labels_are_not_figures(text: str) -> None:
    assert parse_numbers(text) == []


def test_list_numbering_is_not_a_figure_but_a_line_starting_with_a_figure_is() -> None:
    text = "1. Robbery fell to 841\n2) Burglary rose\n66 rapes were recorded."
    assert figures(text) == [(841, "number"), (66, "number")]


def test_year_like_count_in_a_table_cell_is_kept() -> None:
    assert figures("Other Tier 3\t10879\t2013\t2064") == [
        (10879, "number"),
        (2013, "number"),
        (2064, "number"),
    ]


def test_rate_per_thousand_keeps_the_rate_not_the_base() -> None:
    assert figures("there were 68 crimes per 1,000 residents") == [(68, "rate_per_1000")]


def test_ordinal_is_a_rank() -> None:
    assert figures("the 8th lowest of 32 boroughs") == [(8, "rank"), (32, "number")]


def test_parse_dates_reads_uk_day_month_order() -> None:
    dates = parse_dates("Met on 15 January 2013; data to 01/04/2012; next in May 2013.")
    assert [(d.year, d.month, d.day) for d in dates] == [
        (2013, 1, 15),
        (2012, 4, 1),
        (2013, 5, None),
    ]


def test_parse_dates_bare_year_and_day_month_without_year() -> None:
    assert parse_dates("in 2014, and on 16 October") == [
        DateMention(2014, None, None, (3, 7)),
        DateMention(None, 10, 16, (16, 26)),
    ]


def test_dollars_and_euros_are_money_of_their_own_currency() -> None:
    found = parse_numbers("Warrants of $665,575.42 and a grant of €1.2m, or 300 dollars")
    assert [(str(m.value), m.unit) for m in found] == [
        ("665575.42", "usd"),
        ("1200000.0", "eur"),
        ("300.0", "usd"),
    ]
