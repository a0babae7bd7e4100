"""The app's adapters over the real index: a chat turn with sources, table rows, and the register view."""

from __future__ import annotations

import csv

import pytest

import app

pytestmark = pytest.mark.e2e


def test_create_app_builds_the_ui(real_assistant) -> None:  # type: ignore[no-untyped-def]
    demo = app.create_app(real_assistant)
    assert demo is not None


def test_chat_turn_shows_numbered_sources_with_quote_and_place(real_assistant) -> None:  # type: ignore[no-untyped-def]
    history, rows, _ = app.answer_turn(real_assistant, "What actions did James Mass take away?", [])
    reply = history[-1]["content"]
    assert history[0] == {"role": "user", "content": "What actions did James Mass take away?"}
    assert "**Sources**" in reply and "**[1]**" in reply
    assert "2013-07-19_scpb_pack.txt" in reply and "meeting of 2013-04-19" in reply
    assert "Property Crime & Burglary Group" in reply  # the quoted minute


def test_figure_answer_shows_the_table_rows_used(real_assistant) -> None:  # type: ignore[no-untyped-def]
    question = "How many residential burglaries were there between 1 April 2012 and 6 January 2013?"
    history, rows, _ = app.answer_turn(real_assistant, question, [])
    assert "2,576" in history[-1]["content"]
    assert not rows.empty


def test_bad_filter_date_gives_a_message_not_a_crash(real_assistant) -> None:  # type: ignore[no-untyped-def]
    history, _, _ = app.answer_turn(
        real_assistant, "Who chairs the board?", [], date_from="last year"
    )
    assert history[-1]["role"] == "assistant"
    assert "YYYY-MM-DD" in history[-1]["content"]


def test_register_view_filters_and_exports_csv(real_assistant) -> None:  # type: ignore[no-untyped-def]
    frame, path = app.register_view(real_assistant, "actions", owner="James Mass")
    assert len(frame) >= 3
    assert set(frame["meeting_date"]) == {"2013-04-19"}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(frame)
    assert all("James Mass" in r["owners"] for r in rows)
