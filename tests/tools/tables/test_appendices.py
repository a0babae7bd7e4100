"""A table printed without a caption takes its measure from the pack's list of appendices,
but only when exactly one listed appendix can be the one it sits in; a stub naming a
statistic ("Sanction Detections") labels its rows' figures; "Appendix 1:" under a table
is its caption."""

from __future__ import annotations

from board.records import Line
from tests.profiles import BARNET
from tests.tools.tables.conftest import make_sections
from tools.tables.appendices import appendix_title
from tools.tables.extract import extract_tables

LIST = (
    "The following documents are attached:\n"
    "\n"
    "Appendix C- Residential Burglary weekly figures (priority 1)\n"
    "\n"
    "Appendix D- Robbery weekly figures (priority 1)\n"
    "\n"
    "Appendix E- Hotspot Maps- NW4 and N12 (Priorities 1 and 6)\n"
    "\n"
    "Weekly Residential Burglary Performance - Barnet\n"
    "\n"
)
WEEKLY = (
    "Offences\t18 Nov\t25 Nov\t2 Dec\tFYTD Total\n"
    "Last Year\t22\t10\t23\t807\n"
    "This Year\t31\t23\t28\t771\n"
    "Sanction Detections\t18 Nov\t25 Nov\t2 Dec\tFYTD Total\n"
    "Last Year\t2\t5\t3\t133\n"
    "This Year\t4\t1\t0\t146\n"
)
MAPS = "\nOverall figures for NW4 and N12 postcodes 2011 and 2012\n"


def _lines(text: str) -> list[Line]:
    return [Line(t, i + 1) for i, t in enumerate(text.split("\n"))]


def test_uncaptioned_table_between_anchored_appendices_takes_the_listed_title():
    text = LIST + "Page 6\n" * 9 + WEEKLY + MAPS  # page furniture: no title in reach
    tables = extract_tables(make_sections(text, meeting_date="2013-01-15"), BARNET)
    offences = next(t for t in tables if t.stub == "Offences")
    assert offences.caption == "Appendix D- Robbery weekly figures (priority 1)"
    week = next(c for c in offences.cells if c.row_label == "This Year" and c.col_index == 1)
    assert (week.measure, week.value, week.period) == ("robbery", 23, "week ending 2012-11-25")
    detections = next(t for t in tables if t.stub == "Sanction Detections")
    cell = next(c for c in detections.cells if c.row_label == "This Year" and c.col_index == 0)
    assert (cell.value, cell.statistic) == (4, "sanction detections")


def test_no_title_when_the_appendix_is_not_pinned_down():
    # without the later anchor (the maps), D and E are both possible: nothing is guessed
    lines = _lines(LIST + WEEKLY)
    assert appendix_title(lines, len(lines) - 3, BARNET) is None
    # a table above the burglary anchor cannot be placed either
    lines = _lines(LIST + WEEKLY + MAPS)
    assert appendix_title(lines, 3, BARNET) is None


def test_appendix_label_under_a_table_is_its_caption():
    text = (
        "Service\tBarnet Spend\tStaff spend\n"
        "Probation\t£1,600,000\tApprox. 92%\n"
        "Police\t£38,690,000\tApprox. 99%\n"
        "\n"
        "Appendix 1: Breakdown of partnership spend\n"
    )
    (table,) = extract_tables(make_sections(text), BARNET)
    assert table.caption == "Appendix 1: Breakdown of partnership spend"
    police = next(c for c in table.cells if c.row_label == "Police" and c.col_index == 0)
    assert (police.value, police.unit) == (38_690_000, "gbp")
