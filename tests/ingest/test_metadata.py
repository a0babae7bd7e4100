"""A paper's title, type and meeting date: from the manifest, or read from its first page."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from board.errors import ConfigError
from board.records import Line
from ingest.metadata import describe, infer_metadata, load_manifest
from tests.profiles import BARNET


def lines_of(text: str) -> list[Line]:
    return [Line(t, i) for i, t in enumerate(text.split("\n"), start=1)]


PACK_HEAD = """MEETING

SAFER COMMUNITIES PARTNERSHIP BOARD

DATE AND TIME

TUESDAY 15TH JANUARY, 2013

AT 2.30 PM

VENUE

HENDON TOWN HALL, THE BURROUGHS, NW4 4BG

## ORDER OF BUSINESS
"""

REPORT_HEAD = """\t\tITEM _
Report Name:\tCommunity Safety Strategic Assessment\t
Meeting:\tSafer Communities Partnership Board\t
Meeting Date:\t27 th October 2017\t
Report Author:\tPeter Clifton 16 th October 2017\t

Summary
"""

MINUTES_HEAD = """Safer Communities Partnership Board

Minutes of meeting held on 16 October 2012 Committee Room 2, Hendon Town Hall

AGENDA ITEM 3

MINUTES
"""


def test_agenda_pack_date_comes_from_date_and_time_heading() -> None:
    meta = infer_metadata(lines_of(PACK_HEAD), profile=BARNET)

    assert meta["paper_type"] == "pack"
    assert meta["meeting_date"] == "2013-01-15"
    assert meta["body"] == "Safer Communities Partnership Board"
    assert meta["title"] == "Safer Communities Partnership Board agenda pack, 2013-01-15"


def test_report_cover_sheet_gives_title_and_meeting_date_not_the_authors_date() -> None:
    meta = infer_metadata(lines_of(REPORT_HEAD), profile=BARNET)

    assert meta["paper_type"] == "report"
    assert meta["title"] == "Community Safety Strategic Assessment"
    assert meta["meeting_date"] == "2017-10-27"  # not the author's 16 October
    assert meta["body"] == "Safer Communities Partnership Board"


def test_minutes_are_dated_to_the_meeting_they_record() -> None:
    meta = infer_metadata(lines_of(MINUTES_HEAD), profile=BARNET)

    # "AGENDA ITEM 3" on the page does not make the minutes an agenda pack.
    assert meta["paper_type"] == "minutes"
    assert meta["meeting_date"] == "2012-10-16"


def test_strategy_is_recognised_from_its_first_line_and_has_no_meeting_date() -> None:
    meta = infer_metadata(lines_of("Safer Communities Strategy\n\n2011 - 2014\n"), profile=BARNET)

    assert meta["paper_type"] == "strategy"
    assert meta["title"] == "Safer Communities Strategy"
    assert meta["meeting_date"] is None


def test_a_paper_with_no_clues_is_an_undated_report_titled_by_its_first_line() -> None:
    meta = infer_metadata(
        lines_of("\n**Hate crime awareness week**\n\nEvents were held in libraries.\n"),
        profile=BARNET,
    )

    assert meta == {
        "title": "Hate crime awareness week",
        "paper_type": "report",
        "body": "",
        "meeting_date": None,
    }


def test_describe_infers_everything_when_the_manifest_has_no_entry() -> None:
    data = REPORT_HEAD.encode()

    doc = describe("2017-10-27_csa.txt", data, lines_of(REPORT_HEAD), None, profile=BARNET)

    assert doc.source == "2017-10-27_csa.txt"
    assert doc.title == "Community Safety Strategic Assessment"
    assert doc.paper_type == "report"
    assert doc.meeting_date == "2017-10-27"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_manifest_fields_win_over_what_the_text_says() -> None:
    entry = {
        "title": "Safer Communities Partnership Board agenda pack, 15 January 2013",
        "paper_type": "pack",
        "meeting_date": "2013-01-22",  # the meeting was moved; the cover was not reprinted
        "body": "Barnet Safer Communities Partnership Board",
        "period": "2012/13",
    }

    doc = describe("pack.txt", PACK_HEAD.encode(), lines_of(PACK_HEAD), entry, profile=BARNET)

    assert doc.title == entry["title"]
    assert doc.paper_type == "pack"
    assert doc.meeting_date == "2013-01-22"
    assert doc.body == "Barnet Safer Communities Partnership Board"
    assert doc.period == "2012/13"


def test_manifest_can_fill_only_some_fields() -> None:
    doc = describe(
        "minutes.txt",
        MINUTES_HEAD.encode(),
        lines_of(MINUTES_HEAD),
        {"title": "October minutes"},
        profile=BARNET,
    )

    assert doc.title == "October minutes"
    assert doc.paper_type == "minutes"
    assert doc.meeting_date == "2012-10-16"


def write_manifest(tmp_path: Path, text: str) -> Path:
    (tmp_path / "manifest.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_manifest_entries_are_keyed_by_file_name_and_toml_dates_become_iso(tmp_path: Path) -> None:
    corpus = write_manifest(
        tmp_path,
        '[papers."2013-07-19_scpb_pack.txt"]\ntitle = "July pack"\npaper_type = "pack"\n'
        "meeting_date = 2013-07-19\n",
    )

    manifest = load_manifest(corpus)
    doc = describe(
        "2013-07-19_scpb_pack.txt",
        b"x",
        lines_of("x"),
        manifest["2013-07-19_scpb_pack.txt"],
        profile=BARNET,
    )

    assert set(manifest) == {"2013-07-19_scpb_pack.txt"}
    assert doc.meeting_date == "2013-07-19"
    assert doc.title == "July pack"


def test_no_manifest_means_no_entries(tmp_path: Path) -> None:
    assert load_manifest(tmp_path) == {}


def test_unknown_paper_type_in_the_manifest_is_a_config_error_naming_the_paper(
    tmp_path: Path,
) -> None:
    corpus = write_manifest(tmp_path, '[papers."notes.txt"]\npaper_type = "memo"\n')

    with pytest.raises(ConfigError) as info:
        load_manifest(corpus)

    message = str(info.value)
    assert "notes.txt" in message
    assert "paper_type must be one of" in message
    assert "minutes" in message  # the allowed types are listed


def test_manifest_that_is_not_toml_is_a_config_error(tmp_path: Path) -> None:
    corpus = write_manifest(tmp_path, "[papers.\ntitle = \n")

    with pytest.raises(ConfigError, match="not valid TOML"):
        load_manifest(corpus)


# --- which date is the meeting's: heading, then front matter, then the file name ------------

MINUTES_CONFIRMING_LAST_MEETING = """PRESENT
Councillors Alun Davies, Kim Davies and Owen Williams.
1. WELCOME AND APOLOGIES
Cllr. O. Williams took the Chair.
2. TO CONFIRM THE MINUTES OF THE LAST MEETING
It was agreed that the minutes of the last meeting held on the 14th October 2020 were correct.
3. DECLARATIONS OF INTEREST
None.
"""


@pytest.mark.parametrize(
    "other_meeting",
    [
        "It was agreed that the minutes of the last meeting held on the 14th October 2020 were correct.",
        "Minutes of the previous meeting held on 14 October 2020 were approved.",
        "2\tPrevious Minutes – 14th October 2020",
        "Date of next meeting: 14 October 2020",
    ],
)
def test_a_date_of_another_meeting_near_the_title_is_not_the_meeting_date(
    other_meeting: str,
) -> None:
    text = f"Parish Council\n{other_meeting}\nMeeting held on 11 November 2020\n"

    assert infer_metadata(lines_of(text), profile=BARNET)["meeting_date"] == "2020-11-11"


def test_minutes_naming_only_the_last_meetings_date_fall_back_to_the_file_name() -> None:
    data = MINUTES_CONFIRMING_LAST_MEETING.encode()
    lines = lines_of(MINUTES_CONFIRMING_LAST_MEETING)

    assert infer_metadata(lines, profile=BARNET)["meeting_date"] is None  # not 14 October
    assert (
        describe("minutes_2020-11-11.txt", data, lines, None, profile=BARNET).meeting_date
        == "2020-11-11"
    )
    assert describe("minutes_2020-11.txt", data, lines, None, profile=BARNET).meeting_date is None


def test_html_minutes_are_dated_by_their_heading_not_the_last_meeting_they_confirm(
    tmp_path: Path,
) -> None:
    from ingest.loaders import load_lines

    page = (
        '<div class="minutes">\n<time datetime="2020-11-11">11 November 2020</time>\n\n'
        "Manordeilo and Salem Community Council held their meeting via Zoom at 7.30pm on the "
        "11th November 2020.\n<hr>\n<h4>PRESENT</h4>\n"
        "<p>Councillors Alun Davies and Owen Williams.</p>\n"
        "<h4>2. TO CONFIRM THE MINUTES OF THE LAST MEETING</h4>\n"
        "<p>The minutes of the last meeting held on the 14th October 2020 were correct.</p>\n</div>"
    )
    path = tmp_path / "minutes_2020-11.html"
    path.write_text(page, encoding="utf-8")

    doc = describe(path.name, path.read_bytes(), load_lines(path), None, profile=BARNET)

    assert doc.meeting_date == "2020-11-11"
    # neither the bare date, the opening sentence nor the attendance list's heading
    assert doc.title == "Minutes 2020-11"
    assert doc.paper_type == "minutes"  # its attendance list says it records a meeting


FRONT_MATTER = """---
title: "Minutes (November, 2020)"
date: 2020-11-16
tags:
  - Road
---

# Town of North Star
Monthly Meeting
"""


def test_front_matter_gives_the_date_and_title_when_the_heading_has_no_date() -> None:
    meta = infer_metadata(lines_of(FRONT_MATTER), profile=BARNET)

    assert meta["meeting_date"] == "2020-11-16"
    assert meta["title"] == "Minutes (November, 2020)"  # not the "---" fence


def test_the_headings_date_wins_over_front_matter_and_front_matter_over_the_file_name() -> None:
    dated_heading = FRONT_MATTER.replace("Monthly Meeting", "Monthly Meeting 4 November 2020")
    data = dated_heading.encode()

    heading = describe("2020-12-01-minutes.md", data, lines_of(dated_heading), None, profile=BARNET)
    front = describe(
        "2020-12-01-minutes.md", FRONT_MATTER.encode(), lines_of(FRONT_MATTER), None, profile=BARNET
    )

    assert heading.meeting_date == "2020-11-04"
    assert front.meeting_date == "2020-11-16"


@pytest.mark.parametrize(
    ("head", "paper_type"),
    [
        ("Suffolk Libraries IPS\nOPEN BOARD MEETING MINUTES\nDate\t26th May 2016\n", "minutes"),
        (
            "Lincoln Square SSA #21\nCommission Meeting Minutes\nCommissioners Present: A B\n",
            "minutes",
        ),
        (
            "Newbiggin Parish Council - 3rd September 2019\n# Present\nCouncillors D Thompson\n",
            "minutes",
        ),
        ("Milburn Parish Council\nAGENDA\n1. Apologies\n2. Present\n", "pack"),  # an agenda's items
        ("Annual report 2018\nThe council presents its accounts.\n", "report"),
    ],
)
def test_minutes_are_known_by_their_title_or_attendance_list(head: str, paper_type: str) -> None:
    assert infer_metadata(lines_of(head), profile=BARNET)["paper_type"] == paper_type
