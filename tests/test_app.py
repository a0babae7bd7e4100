"""The app's handlers over the real index: a cited chat turn kept as a conversation, a
follow-up read against it, a source opened in its paper, a briefing exported, the papers
listed, and the register filtered and exported."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import openpyxl
import pytest

import app
from boardqa.web import manage

pytestmark = pytest.mark.e2e

ACTIONS = "What actions did James Mass take away?"
BURGLARY = "How many residential burglaries were there between 1 April 2012 and 6 January 2013?"


def test_create_app_builds_the_ui(real_assistant) -> None:  # type: ignore[no-untyped-def]
    assert app.create_app(real_assistant) is not None


def test_chat_turn_shows_the_answer_first_and_sources_folded_under_it(real_assistant) -> None:  # type: ignore[no-untyped-def]
    messages, turns = app.answer_turn(real_assistant, ACTIONS, [], [])
    reply = messages[-1]["content"]
    assert messages[0] == {"role": "user", "content": ACTIONS}
    assert reply.startswith("4 actions for James Mass")
    assert "Searched: all papers" in reply
    assert "<details><summary>Sources (5)</summary>" in reply
    assert reply.index("James Mass agreed") < reply.index("<details>")
    assert "2013-07-19_scpb_pack.txt" in reply and "meeting of 19 April 2013" in reply
    assert len(turns) == 1 and turns[0]["citations"][0]["source"] == "2013-07-19_scpb_pack.txt"


def test_a_table_citation_shows_its_cell_under_the_table_headings(real_assistant) -> None:  # type: ignore[no-untyped-def]
    messages, turns = app.answer_turn(real_assistant, BURGLARY, [], [])
    reply = messages[-1]["content"]
    assert "2,576" in reply
    assert "row “Residential Burglary”" in reply
    panel = app.open_source(real_assistant, 1, turns)
    assert "row “Residential Burglary”" in panel
    assert "<mark>Residential Burglary" in panel  # the row marked in its table


def test_opening_a_source_shows_the_cited_lines_with_the_quote_marked(real_assistant) -> None:  # type: ignore[no-untyped-def]
    _, turns = app.answer_turn(real_assistant, ACTIONS, [], [])
    choices = app.source_choices(turns)
    assert choices[0][1] == 1 and choices[0][0].startswith("[1] Minutes of the meeting of 19 April")
    panel = app.open_source(real_assistant, 1, turns)
    assert "lines 89" in panel
    assert "<mark>James Mass agreed to find out who chairs" in panel
    assert "Choose a source" in app.open_source(real_assistant, None, turns)


def test_a_follow_up_is_read_against_the_conversation(real_assistant) -> None:  # type: ignore[no-untyped-def]
    messages, turns = app.answer_turn(real_assistant, BURGLARY, [], [])
    messages, turns = app.answer_turn(real_assistant, "And in the previous year?", messages, turns)
    assert len(turns) == 2 and len(messages) == 4
    assert turns[1]["understood"]  # how the follow-up was taken is kept and shown
    assert "burglar" in turns[1]["understood"].lower()


def test_filters_say_what_was_searched_and_bad_dates_say_why(real_assistant) -> None:  # type: ignore[no-untyped-def]
    messages, _ = app.answer_turn(
        real_assistant, "Who chairs the board?", [], [], date_from="April 2013", date_to="2013"
    )
    assert "Searched: meetings 1 April 2013 to 31 December 2013" in messages[-1]["content"]
    messages, turns = app.answer_turn(real_assistant, "Who chairs the board?", [], [], "last year")
    assert messages[-1]["content"].startswith("⚠️ 'last year' is not a date I can read")
    assert "April 2013" in messages[-1]["content"] and turns == []


def test_briefing_exports_word_and_markdown_with_figures_quotes_and_references(
    real_assistant, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    messages, turns = app.answer_turn(real_assistant, BURGLARY, [], [])
    _, turns = app.answer_turn(real_assistant, ACTIONS, messages, turns)
    word, markdown = app.briefing(turns, "Whole conversation", "Briefing for the chairman")
    text = Path(markdown).read_text(encoding="utf-8")
    assert text.startswith("# Briefing for the chairman")
    assert f"## {BURGLARY}" in text and f"## {ACTIONS}" in text
    assert "2,576" in text and "**References**" in text
    assert "meeting of 15 January 2013, lines 313" in text
    document = docx.Document(word)
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Briefing for the chairman"
    assert BURGLARY in paragraphs and ACTIONS in paragraphs
    assert any("2,576" in p for p in paragraphs)
    assert any(p.startswith("[1] Item 5") and "lines 313" in p for p in paragraphs)
    last_only = Path(app.briefing(turns, "Last answer")[1]).read_text(encoding="utf-8")
    assert BURGLARY not in last_only and ACTIONS in last_only


def test_briefing_before_any_answer_says_so() -> None:
    with pytest.raises(app.BoardQAError, match="ask a question first"):
        app.briefing([], "Last answer")


def test_papers_tab_lists_each_paper_with_its_counts(real_assistant) -> None:  # type: ignore[no-untyped-def]
    frame = manage.papers_frame(real_assistant)
    assert len(frame) == 5
    pack = frame[frame["File"] == "2013-07-19_scpb_pack.txt"].iloc[0]
    assert pack["Type"] == "pack" and pack["Meeting date"] == "2013-07-19"
    assert pack["Passages"] > 50 and pack["Actions"] > 0 and pack["Decisions"] > 0
    assert pack["Ingested"].startswith("20") and pack["OCR"] == "no"


def test_register_view_puts_owner_task_due_status_first_and_exports(real_assistant) -> None:  # type: ignore[no-untyped-def]
    frame, (csv_path, xlsx_path) = manage.register_view(
        real_assistant, "actions", owner="James Mass"
    )
    assert list(frame.columns[:4]) == ["Owner", "Task", "Due", "Status"]
    assert len(frame) >= 3 and set(frame["Meeting"]) == {"2013-04-19"}
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(frame) and all("James Mass" in r["Owner"] for r in rows)
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert [c.value for c in sheet[1]][:4] == ["Owner", "Task", "Due", "Status"]
    assert sheet.max_row == len(frame) + 1


@pytest.mark.parametrize("meeting", ["April 2013", "19/04/2013", "19 April 2013", "2013-04"])
def test_register_meeting_filter_reads_dates_as_people_write_them(real_assistant, meeting) -> None:  # type: ignore[no-untyped-def]
    frame, _ = manage.register_view(real_assistant, "actions", meeting=meeting)
    assert len(frame) > 0 and set(frame["Meeting"]) == {"2013-04-19"}


def test_register_view_on_page_load_has_no_error_and_a_bad_meeting_says_why(real_assistant) -> None:  # type: ignore[no-untyped-def]
    frame, _ = manage.register_view(real_assistant, None, None, None, None, None)
    assert len(frame) > 0
    with pytest.raises(app.BoardQAError, match="Meeting: 'spring' is not a date I can read"):
        manage.register_view(real_assistant, "actions", meeting="spring")


def test_a_trend_is_charted_in_time_order_with_its_measure_and_unit(real_assistant) -> None:  # type: ignore[no-untyped-def]
    from boardqa.web.chart import plot_settings

    _, turns = app.answer_turn(
        real_assistant, "What was the trend in Barnet's youth custody rate?", [], []
    )
    plot = plot_settings(turns[-1]["chart"])
    assert plot["visible"] and plot["y_title"] == "Custody rate (per 1,000)"
    assert plot["y_lim"] == [0, None]
    periods = list(plot["value"]["Period"])
    assert periods[0] == "2013/14" and periods[-1] == "July 2016 to June 2017"
    ends = [p["end"] for p in sorted(turns[-1]["chart"]["points"], key=lambda p: p["end"])]
    assert ends == sorted(ends) and len(periods) == len(ends) == 14
