"""A paper inside a pack is titled by its opening title line, never by a label, a list item,
a page number, a legend or the publisher's letterhead."""

from __future__ import annotations

import pytest

from board.profile import BoardProfile
from ingest.titles import reads_as_title


@pytest.mark.parametrize(
    "line",
    [
        "Safer Communities Partnership Enhancements: Outline Business Case",
        "Community Safety CCTV update",
        "Overall figures for NW4 and N12 postcodes 2011 and 2012 (Oct to Dec inclusive)",
        "Minutes of Trustees of The Friends of Halesworth County Library",
        "2020 Strategy",
        "General Meeting 4th November 2024",
    ],
)
def test_a_title_line_is_a_title(line: str) -> None:
    profile = BoardProfile(name="Northtown Safety Board", home_area="Northtown")
    assert reads_as_title(line, profile)


@pytest.mark.parametrize(
    "line",
    [
        "DOCUMENT AIMS:",  # a label
        "NB: The focus of this document is on the key priority crime types",
        "1. To enable the partnership to record progress towards the objectives",
        "- Priority 1 – Property crime",
        "Page 6",
        "12 of 40",
        "PD005/1213/39/v1",  # a reference code
        "This page is intentionally left blank",
        "📥 Offences Last Year 🔶 Offences This Year",  # a chart's legend
        "Northtown Borough Council",  # the publisher's letterhead
        "The board noted the report and agreed the recommendations.",
        "Present:",  # an attendance label
        "Clerk : Joan Todd Telephone : 017683 61234",  # a letterhead's contact label
        "Public Comment: See above.",
        "January 2021",  # a date line
        "Monday 4 November 2024",
        "days before the meeting date",  # the tail of a sentence cut by a page
        '"& "$',  # a text layer's debris
    ],
)
def test_furniture_and_labels_are_not_titles(line: str) -> None:
    profile = BoardProfile(
        name="Northtown Safety Board",
        home_area="Northtown",
        home_aliases=("Northtown Borough Council",),
    )
    assert not reads_as_title(line, profile)
