"""Meetings: dated to their own day (not the pack's), with chair, attendance and agenda."""

# ruff: noqa: E501 (attendance lists are long, as in the papers)

from __future__ import annotations

import pytest

from tests.profiles import BARNET
from tools.register.extract import extract_meetings
from tools.register.records import Meeting, RegisterData

from .snippets import ATTENDANCE, minutes


def by_date(data: RegisterData) -> dict[str, Meeting]:
    return {m.meeting_date: m for m in data.meetings}


def test_every_meeting_the_packs_record(corpus_data: RegisterData) -> None:
    meetings = by_date(corpus_data)
    assert list(meetings) == [
        "2012-10-16",
        "2013-01-15",
        "2013-04-19",
        "2013-07-19",
        "2017-10-27",
        "2018-01-26",
    ]
    assert [d for d, m in meetings.items() if m.minuted] == [
        "2012-10-16",
        "2013-04-19",
        "2017-10-27",
    ]


def test_minutes_in_a_pack_are_dated_to_their_own_meeting(corpus_data: RegisterData) -> None:
    april = by_date(corpus_data)["2013-04-19"]
    assert april.source == "2013-07-19_scpb_pack.txt"
    assert april.title == "Minutes of the meeting of 19 April 2013"
    assert april.next_meeting == "2013-07-19"


def test_october_2012_attendance_from_the_flattened_table(corpus_data: RegisterData) -> None:
    m = by_date(corpus_data)["2012-10-16"]
    assert m.chair == "David Longstaff"
    assert m.venue == "Committee Room 2, Hendon Town Hall"
    assert m.members_present == (
        "David Longstaff",
        "Neil Seabridge",
        "Jackie Alexander",
        "Douglas Charlton",
        "Denise Murphy",
    )
    assert {"Ruth Murphy", "Andrew Nathan", "Stuart Collins", "Julie Pal", "Jay Mercer"} <= set(
        m.also_present
    )
    assert len(m.also_present) == 17
    assert m.apologies == (
        "Adrian Usher",
        "Steve Leader",
        "Julie Taylor",
        "Ceri Jacob",
        "Maria O'Dwyer",
        "Phillip Fernandez",
    )
    assert m.next_meeting == "2013-01-15"


def test_april_2013_attendance_and_apologies(corpus_data: RegisterData) -> None:
    m = by_date(corpus_data)["2013-04-19"]
    assert m.chair == "David Longstaff"
    assert m.venue is None  # the minutes do not say
    assert m.members_present == (
        "David Longstaff",
        "Adrian Usher",
        "Douglas Charlton",
        "Andy Mariner",
        "Mark Brown",
        "Simon Harding",
    )
    assert "James Mass" in m.also_present and len(m.also_present) == 14
    assert m.apologies == (
        "Terry Cameron",
        "Tim Harris",
        "Mathew Kendall",
        "Michael Taylor",
        "Tim Beach",
        "Steve Leader",
    )
    assert m.attendance_locator == "lines 28-53" and m.apologies_locator == "lines 59-61"


def test_october_2017_attendance(corpus_data: RegisterData) -> None:
    m = by_date(corpus_data)["2017-10-27"]
    assert m.venue == "Hendon Town Hall, The Burroughs, London NW4 4BO"
    assert len(m.members_present) == 16 and m.also_present == ()
    assert m.members_present.count("Steve Leader") == 1  # listed twice in the minutes
    assert m.apologies == ("Peter Clifton", "Jamie Keddy")
    items = {i.number: i for i in m.agenda_items}
    assert items["5"].title == "Focus on offenders - NPS and CRC"
    assert items["5"].lead == "Clare Ansdell"
    assert items["6"].lead == "Kiran Vagarwal"


def test_minuted_items_include_the_long_titles_the_segmenter_drops(
    corpus_data: RegisterData,
) -> None:
    october = {i.number: i.title for i in by_date(corpus_data)["2012-10-16"].agenda_items}
    assert october["6"].startswith(
        "Safer Communities Strategic Review: Developing the Outline Business Case"
    )
    assert october["5.8"] == "Building Reassurance and Confidence"  # printed as '2.8'
    april = {i.number: i.title for i in by_date(corpus_data)["2013-04-19"].agenda_items}
    assert april["7"].startswith(
        "Mayor's Office for Policing and Crime (MOPAC) – Police & Crime Action Plan"
    )


@pytest.mark.parametrize(
    ("meeting_date", "venue", "items", "pages"),
    [
        (
            "2013-01-15",
            "Hendon Town Hall, The Burroughs, NW4 4BG",
            9,
            {"3": "1-6", "5": "7-56", "6": "57-106"},
        ),
        ("2013-07-19", "Hendon Town Hall", 12, {"2": "1-6", "9": "9-64"}),
        (
            "2018-01-26",
            "Hendon Town Hall, The Burroughs, London NW4 4BQ",
            12,
            {"2": "5-12", "9": "33-44"},
        ),
    ],
)
def test_agenda_only_meetings(
    corpus_data: RegisterData, meeting_date: str, venue: str, items: int, pages: dict[str, str]
) -> None:
    m = by_date(corpus_data)[meeting_date]
    assert not m.minuted and m.members_present == ()
    assert m.venue == venue
    assert len(m.agenda_items) == items
    assert {i.number: i.pages for i in m.agenda_items if i.number in pages} == pages


def test_agenda_leads_and_listed_members(corpus_data: RegisterData) -> None:
    july = {i.number: i for i in by_date(corpus_data)["2013-07-19"].agenda_items}
    assert july["10"].title == "Communications Plan" and july["10"].lead == "Chris Palmer"
    assert by_date(corpus_data)["2013-07-19"].next_meeting == "2013-10-25"
    january = by_date(corpus_data)["2018-01-26"]
    assert january.chair == "David Longstaff"
    assert "Aveen Gardiner" in january.members_listed and "Peter Clifton" in january.members_listed


def test_inline_minutes_give_a_meeting() -> None:
    [m] = extract_meetings([minutes(ATTENDANCE)], profile=BARNET)
    assert (m.meeting_date, m.chair, m.venue) == (
        "2020-01-10",
        "Jane Smith",
        "Committee Room 1, Hendon Town Hall",
    )
    assert m.members_present == ("Jane Smith", "Aveen Gardiner", "James Mass", "Kiran Vagarwal")
    assert m.also_present == ("Tina McElligot", "Michael Kelly")
    assert m.apologies == ("Peter Clifton", "Michael Taylor")
    assert m.id == Meeting.make_id("2020-01-10")


def test_agenda_times_and_where_they_are_written(corpus_data: RegisterData) -> None:
    meetings = by_date(corpus_data)
    assert [
        (meetings[d].time, meetings[d].header_locator)
        for d in ("2013-01-15", "2013-07-19", "2018-01-26")
    ] == [
        ("2.30 pm", "lines 7-13"),
        ("2.30 – 4.30pm", "lines 6-7"),
        ("10.00 am", "lines 9-15"),
    ]
    assert (
        meetings["2018-01-26"].next_meeting == "2018-04-27"
    )  # "Proposed Items for next SCPB: Fri 27 April 2018"
    assert meetings["2012-10-16"].next_meeting_locator == "lines 234-236"


def test_a_chair_named_in_the_minutes_text_is_cited_at_that_line() -> None:
    text = (
        "Minutes of the Community Council meeting held on 10 January 2020\n\n"
        "Present: Councillors Alun Davies, Arwel Davies and Owen Williams.\n\n"
        "1. WELCOME AND APOLOGIES\n"
        "Cllr. O. Williams took the Chair and welcomed everyone to the meeting.\n"
    )
    [m] = extract_meetings([minutes(text)], profile=BARNET)
    assert m.chair == "O. Williams"
    assert m.chair_locator == "lines 6-6"
    assert "took the Chair" in m.chair_text
