"""Segmentation: packs into papers dated to their own meeting, papers into items and sections."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from board.profile import BASE
from board.records import Document, Line, Section
from ingest.loaders import load_lines
from ingest.metadata import describe, load_manifest
from ingest.segment import heading_of, segment
from tests.profiles import BARNET

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
JULY_2013 = "2013-07-19_scpb_pack.txt"
JANUARY_2013 = "2013-01-15_scpb_pack.txt"
JANUARY_2018 = "2018-01-26_scpb_pack.txt"


@cache
def corpus_sections(name: str) -> tuple[Section, ...]:
    path = CORPUS / name
    lines = load_lines(path)
    doc = describe(name, path.read_bytes(), lines, load_manifest(CORPUS).get(name), profile=BARNET)
    return tuple(segment(doc, lines, profile=BARNET))


def section_holding(name: str, text: str) -> Section:
    found = [s for s in corpus_sections(name) if any(text in line.text for line in s.lines)]
    assert len(found) == 1, f"{text!r} is in {len(found)} sections of {name}"
    return found[0]


def dates_of(name: str, paper_type: str) -> set[str | None]:
    return {s.meeting_date for s in corpus_sections(name) if s.paper_type == paper_type}


# --- the shipped packs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pack_date", "minutes_date"),
    [
        (JULY_2013, "2013-07-19", "2013-04-19"),
        (JANUARY_2013, "2013-01-15", "2012-10-16"),
        (JANUARY_2018, "2018-01-26", "2017-10-27"),
    ],
)
def test_minutes_in_a_pack_are_dated_to_the_previous_meeting(
    name: str, pack_date: str, minutes_date: str
) -> None:
    assert dates_of(name, "minutes") == {minutes_date}
    assert dates_of(name, "agenda") == {pack_date}


@pytest.mark.parametrize(
    ("name", "pack_date"),
    [(JULY_2013, "2013-07-19"), (JANUARY_2013, "2013-01-15"), (JANUARY_2018, "2018-01-26")],
)
def test_reports_and_appendices_in_a_pack_keep_the_pack_date(name: str, pack_date: str) -> None:
    assert dates_of(name, "report") == {pack_date}
    assert dates_of(name, "appendix") <= {pack_date}


def test_minutes_of_19_april_2013_are_titled_for_their_own_meeting() -> None:
    titles = {s.title for s in corpus_sections(JULY_2013) if s.paper_type == "minutes"}

    assert titles == {"Minutes of the meeting of 19 April 2013"}


def test_minutes_items_carry_their_number_and_heading() -> None:
    minutes = [s for s in corpus_sections(JULY_2013) if s.paper_type == "minutes"]
    by_item = {s.agenda_item: s for s in minutes if s.agenda_item}

    assert by_item["6.1"].heading_path[-1] == "6.1 Property crime"
    assert by_item["6.1"].heading_path[-2].startswith("6 Partnership Performance")
    assert by_item["6.3"].heading_path[-1] == "6.3 Violent Crime (DV)"
    assert by_item["12"].heading_path[-1] == "12 Any Other Business"


def test_action_sits_in_the_minutes_item_where_it_was_agreed() -> None:
    action = (
        "ACTION: James Mass agreed to find out who chairs "
        "the Police Property Crime & Burglary Group."
    )

    section = section_holding(JULY_2013, action)

    assert section.agenda_item == "6.1"
    assert section.meeting_date == "2013-04-19"
    assert section.paper_type == "minutes"
    assert section.heading_path[-1] == "6.1 Property crime"
    line = next(line for line in section.lines if line.text == action)
    assert line.number == 89  # the line a citation will point at


def test_a_report_in_a_pack_carries_its_agenda_item_and_title() -> None:
    section = section_holding(
        JANUARY_2018, "The Council and the Barnet Community Safety Partnership are committed"
    )

    assert section.paper_type == "report"
    assert section.agenda_item == "9"
    assert section.meeting_date == "2018-01-26"
    assert section.title.startswith("Item 9: Public Spaces Protection Orders")


@pytest.mark.parametrize("name", [JULY_2013, JANUARY_2013, JANUARY_2018])
def test_every_line_but_blank_page_markers_is_in_exactly_one_section_in_order(name: str) -> None:
    numbers = [line.number for s in corpus_sections(name) for line in s.lines]
    dropped = {
        line.text
        for line in load_lines(CORPUS / name)
        if line.text.strip() and line.number not in numbers
    }

    assert numbers == sorted(set(numbers))
    assert dropped == {"This page is intentionally left blank"}


@pytest.mark.parametrize(
    ("name", "text", "item"),
    [
        (JULY_2013, "James Mass updated the Board on the success of the nine proposals", "7"),
        (
            JANUARY_2013,
            "Ruth Murphy delivered a presentation on the development of a new model",
            "6",
        ),
    ],
)
def test_minutes_item_with_a_long_title_is_its_own_item(name: str, text: str, item: str) -> None:
    assert section_holding(name, text).agenda_item == item


# --- headings, inline ---------------------------------------------------------------------------


def lines_of(text: str) -> list[Line]:
    return [Line(t, i) for i, t in enumerate(text.split("\n"), start=1)]


def paper(kind: str, meeting_date: str | None = None) -> Document:
    return Document(
        source="paper.txt",
        title="Test paper",
        paper_type=kind,
        meeting_date=meeting_date,
        sha256="0",
    )


def headings(sections: list[Section]) -> list[tuple[str, ...]]:
    return [s.heading_path[1:] for s in sections]


def test_numbered_and_markdown_headings_start_sections_with_their_path() -> None:
    text = (
        "## Summary\n\nCrime fell.\n\n2 Details\n\nAs follows.\n\n"
        "2.1 Property crime\n\nBurglary fell by 6 per cent.\n"
    )

    sections = segment(paper("report"), lines_of(text), profile=BARNET)

    assert headings(sections) == [("Summary",), ("2 Details",), ("2 Details", "2.1 Property crime")]
    assert [s.locator.line_start for s in sections] == [1, 5, 9]
    assert sections[-1].heading_path[0] == "Test paper"


def test_priority_label_and_its_title_on_the_next_line_are_one_heading() -> None:
    text = "Priority 8\n\nBuilding Reassurance and Confidence\n\nResidents said they feel safe.\n"

    sections = segment(paper("strategy"), lines_of(text), profile=BARNET)

    assert headings(sections) == [("Priority 8 – Building Reassurance and Confidence",)]


def test_a_sentence_is_not_a_heading() -> None:
    sentence = Line("2 officers attended the meeting.", 1)
    lowercase = Line("12 months of data were reviewed", 1)

    assert heading_of(sentence, True, True, minutes=False) is None
    assert heading_of(lowercase, True, True, minutes=False) is None
    assert heading_of(Line("Crime\tOffences", 1), True, True, minutes=False) is None


def test_minutes_items_are_numbered_headings_and_a_numbered_list_inside_an_item_is_not() -> None:
    text = (
        "Minutes of meeting held on 16 October 2012\n\n5 Strategy review\n\nThe Board noted:\n\n"
        "1 Fewer repeat victims\n\n6 Any other business\n\nNone.\n"
    )

    sections = segment(paper("minutes", "2012-10-16"), lines_of(text), profile=BARNET)

    assert [(s.agenda_item, s.heading_path[1:]) for s in sections] == [
        (None, ()),
        ("5", ("5 Strategy review",)),
        ("6", ("6 Any other business",)),
    ]
    assert any("1 Fewer repeat victims" in line.text for line in sections[1].lines)
    assert {s.meeting_date for s in sections} == {"2012-10-16"}


def test_standalone_lines_are_headings_only_outside_minutes() -> None:
    heading = Line("Community Safety Enhancements", 3)

    assert heading_of(heading, True, True, minutes=False) == (
        2,
        "Community Safety Enhancements",
        None,
    )
    assert heading_of(heading, True, True, minutes=True) is None
    assert heading_of(heading, False, True, minutes=False) is None  # runs on from the line above


def test_a_sub_item_under_a_short_item_heading_is_its_own_item() -> None:
    text = (
        "Minutes of meeting held on 19 April 2013\n\n"
        "6 Performance\n\n6.1 Property crime\n\nBurglary fell.\n"
    )

    sections = segment(paper("minutes", "2013-04-19"), lines_of(text), profile=BARNET)
    burglary = next(s for s in sections if "Burglary fell." in s.text)

    assert burglary.agenda_item == "6.1"
    assert burglary.heading_path[1:] == ("6 Performance", "6.1 Property crime")


def test_a_papers_title_page_before_its_agenda_item_mark_belongs_to_that_paper() -> None:
    from pathlib import Path

    from ingest.loaders import load_lines
    from ingest.metadata import describe, load_manifest
    from ingest.segment import split_papers

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    path = corpus / "2018-01-26_scpb_pack.txt"
    lines = load_lines(path)
    doc = describe(
        path.name, path.read_bytes(), lines, load_manifest(corpus).get(path.name), profile=BARNET
    )
    papers = {
        p.agenda_item: p for p in split_papers(doc, lines, profile=BARNET) if p.kind == "report"
    }
    # "# Community Safety CCTV update" (line 338) precedes "AGENDA ITEM 7" (line 344).
    assert papers["7"].lines[0].number == 338
    assert any("Community Safety CCTV update" in ln.text for ln in papers["7"].lines[:2])
    assert all("CCTV update" not in ln.text for ln in papers["6"].lines)
    # The performance dashboard's title page (lines 272-282) is item 6's, not a paper of its own.
    assert papers["6"].lines[0].number <= 273


def test_a_paper_with_no_agenda_item_mark_starts_at_a_heading_from_its_agenda_title() -> None:
    # Item 8 "Update from Family Services ..." has no "AGENDA ITEM 8" mark in the pack; its
    # slides open with "# Family Services". The youth offending table is item 8's, not CCTV's.
    section = section_holding(JANUARY_2018, "Total number of cases currently open to the YOT")
    assert section.agenda_item == "8"
    assert section.title.startswith("Item 8: Update from Family Services")
    cctv = section_holding(JANUARY_2018, "convicted thieves and burglars have been uploaded")
    assert cctv.agenda_item == "7"


def test_a_publishers_own_item_stamp_in_the_profile_splits_a_pack_into_its_papers() -> None:
    """The base profile knows "AGENDA ITEM 6"; a publisher that stamps "ENCLOSURE 6" says so
    in its board's profile, and its pack splits the same way."""
    from board.profile import BASE, parse_profile

    text = (
        "Agenda\n\n5.\tMinutes\t1 - 4\n6.\tParks report\t5 - 9\n\n"
        "ENCLOSURE 6\n\nParks report\n\nThe parks budget was spent.\n"
    )
    stamped = parse_profile('[papers]\nitem_stamps = ["enclosure"]\n')

    papers = {s.agenda_item for s in segment(paper("pack"), lines_of(text), profile=stamped)}
    unstamped = {s.agenda_item for s in segment(paper("pack"), lines_of(text), profile=BASE)}

    assert "6" in papers and "6" not in unstamped
    assert "agenda item" in stamped.item_stamps  # the base's stamp is kept


def test_minutes_in_a_pack_headed_without_held_on_are_dated_by_their_head() -> None:
    text = (
        "AGENDA HOUSING AUTHORITY NOVEMBER 15, 2022\n"
        "1. MEETING MINUTES – approve the minutes of the regular meeting of October 18, 2022.\n"
        "MINUTES OF THE REGULAR MEETING\n"
        "NORWALK HOUSING AUTHORITY\n"
        "OCTOBER 18, 2022\n"
        "Commissioner Perez moved and Chair Ramirez seconded the consent calendar.\n"
        "MINUTES\n"
        "The Housing Authority approved the minutes of the regular meeting of September 20, 2022."
    )
    sections = segment(paper("pack", "2022-11-15"), lines_of(text), profile=BASE)
    minutes = [s for s in sections if s.paper_type == "minutes"]
    assert {s.meeting_date for s in minutes} == {"2022-10-18"}
    assert any("Perez moved" in ln.text for s in minutes for ln in s.lines)
