"""The app's pure pieces: the chart in time order, the cited passage marked, the briefing
files, the login file."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from board.errors import BoardQAError
from board.records import Answer, Chunk, Citation
from boardqa.briefing import briefing_markdown, write_docx
from boardqa.web.auth import login_required, read_credentials
from boardqa.web.chart import chart_points, plot_settings
from boardqa.web.viewer import highlight, passage_html

CHART = {
    "title": "Youth custody",
    "x_label": "period",
    "y_label": "custody rate (per 1,000)",
    "points": [  # as a table lists them: not in time order, and A-Z would not be either
        {"period": "Oct 11 - Sep 12", "value": 0.9, "end": "2012-09-30"},
        {"period": "Apr 11 - Mar 12", "value": 1.1, "end": "2012-03-31"},
        {"period": "Jan 12 - Dec 12", "value": 0.7, "end": "2012-12-31"},
        {"period": "Jul 11 - Jun 12", "value": 1.0, "end": "2012-06-30"},
    ],
}


def test_chart_points_run_in_time_order_under_the_measure_and_unit() -> None:
    frame = chart_points(CHART)
    assert list(frame["Period"]) == [
        "Apr 11 - Mar 12",
        "Jul 11 - Jun 12",
        "Oct 11 - Sep 12",
        "Jan 12 - Dec 12",
    ]
    assert list(frame.columns) == ["Period", "Custody rate (per 1,000)"]
    settings = plot_settings(CHART)
    assert settings["sort"] == list(frame["Period"])  # drawn in that order, not A-Z
    assert settings["y_lim"] == [0, None]  # counts from zero
    assert settings["y_title"] == "Custody rate (per 1,000)"


def test_no_chart_is_hidden() -> None:
    assert plot_settings(None)["visible"] is False


def test_the_quote_is_marked_across_line_wraps_and_tabs_and_the_rest_escaped() -> None:
    text = "Before <b>\nJames Mass agreed to find\n out who chairs\tthe group.\nAfter"
    marked = highlight(text, "James Mass agreed to find out who chairs the group")
    assert marked.startswith("Before &lt;b&gt;\n<mark>James Mass agreed")
    assert marked.endswith("the group</mark>.\nAfter")
    assert highlight("nothing here", "absent words") == "nothing here"


def _chunk(text: str, start: int, end: int) -> Chunk:
    return Chunk(
        id=f"c{start}",
        source="minutes.txt",
        doc_title="Board papers",
        title="Minutes of the meeting of 19 April 2013",
        paper_type="minutes",
        meeting_date="2013-04-19",
        section="6.1 Property crime",
        agenda_item="6.1",
        page=None,
        line_start=start,
        line_end=end,
        text=text,
    )


def test_a_citation_opens_its_own_lines_with_the_quote_marked() -> None:
    chunks = [
        _chunk("Item 5 talked about budgets.", 80, 84),
        _chunk("6.1 Property crime\nJames Mass agreed to find out who chairs the group.", 88, 90),
    ]
    citation = Citation(
        n=2,
        source="minutes.txt",
        title="Minutes of the meeting of 19 April 2013",
        meeting_date="2013-04-19",
        locator="lines 89-89",
        quote="James Mass agreed to find out who chairs the group",
    )
    panel = passage_html(chunks, citation)
    assert (
        "<h4>[2] Minutes of the meeting of 19 April 2013 — meeting of 19 April 2013</h4>" in panel
    )
    assert "<mark>James Mass agreed" in panel and "budgets" not in panel


ANSWER = Answer(
    question="How many burglaries were there in 2012/13?",
    status="answered",
    answer="Residential Burglary: 2,576 for 2012/13 [1].",
    citations=(
        Citation(
            n=1,
            source="pack.pdf",
            title="Item 5: Performance report",
            meeting_date="2013-01-15",
            locator="page 4, lines 313-313",
            quote="Residential Burglary  2550   2576",
        ),
    ),
    table_rows=(
        {
            "table": "Crime in the borough",
            "row": "Residential Burglary",
            "column": "This year",
            "value": "2,576",
            "period": "2012/13",
            "source": "pack.pdf",
            "locator": "page 4, lines 313-313",
        },
    ),
)


def test_the_briefing_in_markdown_has_figure_cell_quote_and_reference() -> None:
    text = briefing_markdown([ANSWER], "Briefing note")
    assert "## How many burglaries were there in 2012/13?" in text
    assert "Residential Burglary: 2,576 for 2012/13 [1]." in text
    assert (
        "> [1] Table “Crime in the borough”, row “Residential Burglary”, column “This year”: "
        "2,576 (2012/13) — “Residential Burglary 2550 2576”" in text
    )
    assert (
        "- [1] Item 5: Performance report, meeting of 15 January 2013, page 4, lines 313-313 (pack.pdf)"
        in text
    )


def test_the_briefing_as_word_reads_the_same(tmp_path: Path) -> None:
    path = write_docx([ANSWER], tmp_path / "b.docx", "Briefing note")
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]
    assert ("Title", "Briefing note") in paragraphs
    assert ("Heading 1", ANSWER.question) in paragraphs
    assert ("Normal", ANSWER.answer) in paragraphs
    assert any(s == "Quote" and "column “This year”: 2,576" in t for s, t in paragraphs)
    assert any(
        s == "List Bullet" and "page 4, lines 313-313 (pack.pdf)" in t for s, t in paragraphs
    )


def test_credentials_are_read_and_a_bad_file_never_opens_the_app(tmp_path: Path) -> None:
    good = tmp_path / "users"
    good.write_text("# officers\nclerk:s3cret:with-colon\n\nchair: pw\n", encoding="utf-8")
    assert read_credentials(good) == [("clerk", "s3cret:with-colon"), ("chair", " pw")]
    assert read_credentials(None) == []
    bad = tmp_path / "bad"
    bad.write_text("clerk\n", encoding="utf-8")
    with pytest.raises(BoardQAError, match="line 1: expected 'user:password'"):
        read_credentials(bad)
    empty = tmp_path / "empty"
    empty.write_text("# nobody\n", encoding="utf-8")
    with pytest.raises(BoardQAError, match="names nobody"):
        read_credentials(empty)
    with pytest.raises(BoardQAError, match="cannot read the credentials file"):
        read_credentials(tmp_path / "missing")


def test_a_login_is_required_beyond_this_machine() -> None:
    assert not login_required("127.0.0.1") and not login_required("localhost")
    assert login_required("0.0.0.0") and login_required("192.168.1.20")
