"""A paper inside a pack is titled by its opening title line, never by a label, a list item,
a page number, a legend or the publisher's letterhead."""

from __future__ import annotations

import pytest

from board.profile import BoardProfile
from ingest.segment import _reads_as_title


@pytest.mark.parametrize(
    "line",
    [
        "Safer Communities Partnership Enhancements: Outline Business Case",
        "Community Safety CCTV update",
        "Overall figures for NW4 and N12 postcodes 2011 and 2012 (Oct to Dec inclusive)",
    ],
)
def test_a_title_line_is_a_title(line: str) -> None:
    profile = BoardProfile(name="Northtown Safety Board", home_area="Northtown")
    assert _reads_as_title(line, profile)


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
    ],
)
def test_furniture_and_labels_are_not_titles(line: str) -> None:
    profile = BoardProfile(
        name="Northtown Safety Board",
        home_area="Northtown",
        home_aliases=("Northtown Borough Council",),
    )
    assert not _reads_as_title(line, profile)
