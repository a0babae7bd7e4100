"""Each table form read into a table: tab-separated, markdown pipe, HTML and PDF-like text;
multi-row headers, row groups, captions, notes; scrambled extractions rejected."""

from __future__ import annotations

from tests.profiles import BARNET
from tests.tools.tables.conftest import make_sections
from tools.tables.extract import extract_tables, tables_summary


def _cell(table, row, column):  # noqa: ANN001, ANN202
    return next(
        c for c in table.cells if c.row_label == row and column in " / ".join(c.column_labels)
    )


def test_tab_table_with_two_header_rows_and_caption_below():
    text = (
        "\t\t\tOffences\t\tSanction Detections\t\n"
        "Crime Type\tOffence Target\tLast Year\tThis Year\t% Change\tLast Year\tThis Year\n"
        "Residential Burglary\t-6 %\t2550\t2576\t1.0%\t300\t315\n"
        "Robbery\t-11%\t881\t841\t-4.5%\t146\t159\n"
        "\n"
        "Crime Summary between 01/04/2012 and 06/01/2013\n"
        "\n"
        "Red indicates a percentage increase."
    )
    (table,) = extract_tables(make_sections(text, first_line=300), BARNET)
    assert table.caption == "Crime Summary between 01/04/2012 and 06/01/2013"
    assert table.stub == "Crime Type"
    assert "Red indicates a percentage increase." in table.notes
    this_year = _cell(table, "Residential Burglary", "Offences / This Year")
    assert (this_year.value, this_year.unit, this_year.line) == (2576, "count", 302)
    assert this_year.period == "2012-04-01..2013-01-06"
    last_year = _cell(table, "Residential Burglary", "Offences / Last Year")
    assert last_year.period == "2011-04-01..2012-01-06"
    detections = _cell(table, "Robbery", "Sanction Detections / This Year")
    assert (detections.value, detections.statistic) == (159, "sanction detections")
    target = _cell(table, "Robbery", "Offence Target")
    assert (target.value, target.unit, target.sign, target.statistic) == (
        -11,
        "percent",
        -1,
        "target",
    )


def test_tab_table_row_groups_and_weeks():
    text = (
        "Weekly Residential Burglary Performance - Barnet\n"
        "\n"
        "FYTD Totals are calculated from 1-April\n"
        "\n"
        "\t14 Apr\t21 Apr\tFYTD Total\n"
        "Offences\t\t\t\n"
        "Last Year\t62\t56\t118\n"
        "This Year\t51\t44\t95\n"
        "% Change\t-17.7%\t-21.4%\t-19.5%"
    )
    (table,) = extract_tables(make_sections(text, meeting_date="2013-07-19"), BARNET)
    assert table.caption == "Weekly Residential Burglary Performance - Barnet"
    cell = _cell(table, "This Year", "14 Apr")
    assert (cell.value, cell.row_group, cell.measure) == (51, "Offences", "residential burglary")
    assert cell.period == "week ending 2013-04-14"
    last = _cell(table, "Last Year", "14 Apr")
    assert last.period == "week ending 2012-04-14"
    total = _cell(table, "This Year", "FYTD Total")
    assert total.period == "FYTD 2013/14 to 2013-04-21"
    change = _cell(table, "% Change", "FYTD Total")
    assert (change.value, change.statistic, change.unit) == (-19.5, "% change", "percent")


def test_markdown_pipe_table():
    text = (
        "Table 1: Savings by agency\n"
        "\n"
        "| Agency | Annual saving | Annual impact |\n"
        "|---|---:|---:|\n"
        "| Police | £298,757 | £200,357 |\n"
        "| Council | £0 | (£117,500) |\n"
        "| Total | £298,757 | £82,857 |"
    )
    (table,) = extract_tables(make_sections(text), BARNET)
    assert table.form == "pipe"
    assert table.caption == "Table 1: Savings by agency"
    council = _cell(table, "Council", "Annual impact")
    assert (council.value, council.unit, council.sign, council.area) == (
        -117500,
        "gbp",
        -1,
        "Council",
    )
    assert council.measure == "annual impact"
    assert council.line == 6


def test_html_table_with_lists_in_cells_and_colspan():
    text = (
        "<h2>Overview dashboard</h2>\n"
        "<table>\n"
        "<tr><th></th><th></th><th colspan='2'>Recent Quarter</th></tr>\n"
        "<tr><th>RAG</th><th>Positive / Negative factors</th><th>Volume (Sep17 - Nov17)</th>"
        "<th>Change vs. previous yr.</th></tr>\n"
        "<tr><td>Burglary</td><td><ul><li>Decrease in rolling 12 months</li>"
        "<li>Increase in last quarter</li></ul></td><td>952</td><td>18%</td></tr>\n"
        "<tr><td>Robbery</td><td><ul><li>Increase last quarter</li></ul></td>"
        "<td>188</td><td>50%</td></tr>\n"
        "</table>"
    )
    (table,) = extract_tables(make_sections(text, meeting_date="2018-01-26"), BARNET)
    assert table.form == "html"
    factors = _cell(table, "Burglary", "Positive / Negative factors")
    assert factors.raw == "Decrease in rolling 12 months; Increase in last quarter"
    assert factors.value is None
    volume = _cell(table, "Burglary", "Recent Quarter / Volume")
    assert (volume.value, volume.period, volume.line) == (952, "2017-09-01..2017-11-30", 5)
    change = _cell(table, "Robbery", "Recent Quarter / Change")
    assert (change.value, change.statistic, change.period) == (
        50,
        "% change",
        "2017-09-01..2017-11-30",
    )


def test_space_aligned_pdf_text():
    text = (
        "Robbery by year\n"
        "\n"
        "Crime type      2011/12    2015/16    2016/17\n"
        "Robbery           1,199        622        463\n"
        "Burglary          4,912      3,878      3,297\n"
        "Criminal Damage   2,361      2,256      2,190"
    )
    (table,) = extract_tables(make_sections(text, meeting_date="2017-10-27"), BARNET)
    assert table.form == "text"
    cell = _cell(table, "Burglary", "2016/17")
    assert (cell.value, cell.period, cell.line) == (3297, "FY 2016/17", 5)


def test_rotated_rag_table_is_kept_as_text_not_stored():
    text = (
        "\tRAG Guidance\t\t\t\n"
        "\tRED\tMilestone not achieved. Remedial action is required.\tuture performance. Remedial\n"
        "\tGREEN\tMilestone met and no future risks to performance\tIce\n"
        "\tProperty crime with a special focus on burglary\tn burglary\t\n"
        "\tViolent crime with a special focus on DV\tDV\t\n"
        "\tGRE EN\tGRE EN\t\tQ3 RAG\n"
        "\tPolice\tSimon\tCauser\t"
    )
    tables = extract_tables(make_sections(text), BARNET)
    assert list(tables) == []
    assert len(tables.rejected) == 1
    assert "scrambled tables kept as text" in tables_summary(tables)


SLIPPED = (
    "NJP savings\n"
    "\n"
    "\tNJP\tGross\tOperating cost\tAnnual impact\n"
    "\tPolice\tsaving\t\t\n"
    "\tCPS\t£163,946\t£0\t£163,946\n"
    "\t\t£5,636\t(£2,125)\t£3,511\n"
    "\tCourt\t£16,320\t£0\t£16,320\n"
    "\tTotal\t£185,902\t(£2,125)\t£183,777"
)


def test_labels_slipped_against_figures_keep_only_a_total_that_adds_up():
    (table,) = extract_tables(make_sections(SLIPPED), BARNET)
    assert {c.row_label for c in table.cells} == {"Total"}  # no agency gets a slipped figure
    impact = next(c for c in table.cells if c.column_labels == ("Annual impact",))
    assert (impact.value, impact.line) == (183777, 8)
    assert any("misaligned" in note for note in table.notes)


def test_labels_slipped_against_figures_are_rejected_when_the_total_does_not_add_up():
    tables = extract_tables(make_sections(SLIPPED.replace("£183,777", "£183,000")), BARNET)
    assert list(tables) == []
    assert "misaligned" in tables.rejected[0].reason


def test_survey_table_puts_confidence_interval_over_plus_minus_column():
    text = (
        "Q10B: How much of a problem in the area are teenagers hanging around on the streets? "
        "Base: all respondents, excluding 'don't know'\n"
        "\n"
        "% problem (very/fairly big)\tBarnet\t\tMPS\t\n"
        "\t%\tBase\t\tConfidence interval\n"
        "FY 11/12\t17%\t397\t±3.73%\t22%\n"
        "FY 12/13\t13%\t400\t±3.32%\t24%"
    )
    (table,) = extract_tables(make_sections(text), BARNET)
    assert table.caption.startswith("Q10B: How much of a problem")
    assert any(n.startswith("Base:") for n in table.notes)
    interval = _cell(table, "FY 12/13", "Confidence interval")
    assert (interval.value, interval.statistic) == (3.32, "confidence interval")
    mps = _cell(table, "FY 12/13", "MPS")
    assert (mps.value, mps.area, mps.period) == (24, "MPS", "FY 2012/13")
    barnet = _cell(table, "FY 11/12", "Barnet / %")
    assert (barnet.value, barnet.statistic) == (17, "value")
    assert "teenagers hanging around" in (barnet.measure or "")


def test_summary_line_counts_tables_and_cells():
    text = "Year\tNumber of residential burglaries\n2010/11\t3362\n2011/12\t3397"
    tables = extract_tables(make_sections(text), BARNET)
    assert tables_summary(tables).startswith(
        "1 tables (1 with figures), 2 cells parsed (2 figures)"
    )
