"""Action status: done only when a later meeting's papers say so; otherwise 'no later record'."""

# ruff: noqa: E501 (minute paragraphs are one line each, as in the papers)

from __future__ import annotations

from tests.profiles import BARNET
from tools.register.extract import extract_actions
from tools.register.records import NO_LATER_RECORD, RegisterData
from tools.register.status import anchors

from .snippets import ATTENDANCE, minutes, paper

COACHES = (
    ATTENDANCE
    + """
3 Funding

A member of the Board questioned whether the partnership could fund Community Coaches. James to discuss and update the Board.

ACTION: James Mass
"""
)


def test_a_later_paper_saying_it_happened_marks_the_action_done() -> None:
    later = paper(
        "- Funding for a Community Coaches programme was approved by the Council in June.",
        "2020-04-17",
    )
    [action] = extract_actions([minutes(COACHES), later], profile=BARNET)
    assert action.status == "done"
    assert action.status_source == "later.txt" and action.status_locator == "lines 1-1"
    assert action.status_date == "2020-04-17"
    assert "Community Coaches programme was approved" in action.status_note


def test_a_later_mention_without_completion_leaves_it_open() -> None:
    later = paper(
        "Whether the partnership should fund Community Coaches was questioned again.", "2020-04-17"
    )
    [action] = extract_actions([minutes(COACHES), later], profile=BARNET)
    assert action.status == "open"
    assert action.status_note.startswith(
        "no record that it was done; mentioned in A later report (2020-04-17)"
    )


def test_no_later_paper_means_no_later_record() -> None:
    [action] = extract_actions([minutes(COACHES)], profile=BARNET)
    assert (action.status, action.status_note, action.status_source) == (
        "open",
        NO_LATER_RECORD,
        None,
    )


def test_papers_from_before_or_years_after_do_not_count() -> None:
    said = "- Funding for a Community Coaches programme was approved by the Council in June."
    for when in ("2019-12-01", "2024-01-01"):
        [action] = extract_actions([minutes(COACHES), paper(said, when)], profile=BARNET)
        assert action.status_note == NO_LATER_RECORD, when


def test_anchors_are_named_things_not_people() -> None:
    assert anchors(
        "Ms McElligott would report on the Youth Justice Board changes.", profile=BARNET
    ) == [("youth", "justice", "board")]
    assert (
        anchors("James Mass and Stephen Evans to meet and discuss the event.", profile=BARNET) == []
    )
    assert anchors("Update on progress against the Action Plan.", profile=BARNET) == []


def test_corpus_statuses(corpus_data: RegisterData) -> None:
    done = [a for a in corpus_data.actions if a.status == "done"]
    assert [(a.meeting_date, a.owners, a.status_locator) for a in done] == [
        ("2013-04-19", ("James Mass",), "lines 1337-1337")
    ]
    open_notes = {a.status_note for a in corpus_data.actions if a.status == "open"}
    assert NO_LATER_RECORD in open_notes
    assert all(a.status in ("open", "done") for a in corpus_data.actions)
