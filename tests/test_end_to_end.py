"""End to end over the shipped corpus with the real embedding model (CI runs these)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.e2e


def test_who_chairs_the_board_is_answered_and_cited(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask("Who chairs the board?")
    assert answer.status == "answered"
    assert "David Longstaff" in answer.answer
    cited = [c for c in answer.citations if "Longstaff" in c.quote]
    assert cited, answer.citations
    # The cited line really says it, in the cited file.
    from tests.conftest import CORPUS

    c = cited[0]
    first, _, last = c.locator.split(",")[0].split()[-1].partition("-")
    lines = (CORPUS / c.source).read_text(encoding="utf-8").splitlines()
    assert "Longstaff" in "\n".join(lines[int(first) - 1 : int(last or first)])


@pytest.mark.parametrize(
    "question",
    [
        "What is the recipe for a Victoria sponge cake?",
        "How many burglaries were recorded in Barnet in 2022/23?",
        "Who won the 2014 World Cup?",
    ],
)
def test_out_of_scope_questions_are_not_found(real_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask(question)
    assert answer.status == "not_found", answer.answer
    assert answer.citations == ()


def test_json_contract_keys(real_assistant) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(real_assistant.ask("Who chairs the board?").to_dict()))
    assert list(data) == ["question", "status", "answer", "citations", "tool_calls", "timings_ms"]
    assert set(data["citations"][0]) == {"n", "source", "title", "meeting_date", "locator", "quote"}


def test_minutes_in_a_pack_are_cited_with_their_own_meeting_date(real_assistant) -> None:  # type: ignore[no-untyped-def]
    hits = real_assistant.search(
        "James Mass agreed to find out who chairs the Police Property Crime & Burglary Group"
    )
    top = hits[0].chunk
    assert top.source == "2013-07-19_scpb_pack.txt"
    assert top.meeting_date == "2013-04-19"


def test_reingest_of_unchanged_corpus_embeds_nothing(real_assistant) -> None:  # type: ignore[no-untyped-def]
    report = real_assistant.ingest()
    assert report.embedded == 0
    assert report.unchanged == report.files == 5


def test_what_the_papers_do_not_record_is_not_found_and_says_why(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask("Which Board members attended the 15 January 2013 meeting?")
    assert answer.status == "not_found"
    assert "minutes are not among them" in answer.answer
    assert answer.citations and answer.citations[0].source == "2013-01-15_scpb_pack.txt"


def test_figure_question_is_read_from_the_table_and_cites_its_row(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask(
        "How many residential burglaries were there between 1 April 2012 and 6 January 2013?"
    )
    assert answer.status == "answered"
    assert "2,576" in answer.answer
    assert any(t.name == "metric_lookup" for t in answer.tool_calls), answer.tool_calls
    assert answer.citations[0].source == "2013-01-15_scpb_pack.txt"
    assert answer.citations[0].locator.startswith("lines 313")


def test_decision_question_is_chronological_and_cites_the_minute(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask("What did the board decide about Neighbourhood Justice Panels?")
    assert answer.status == "answered"
    dates = [c.meeting_date for c in answer.citations if c.meeting_date]
    assert dates == sorted(dates)
    assert (
        dates[0] == "2012-10-16"
    )  # the October 2012 minutes: restorative justice proposals welcomed


@pytest.mark.parametrize(
    "question",
    [
        "How many robberies were there in the week of 31 February 2013?",
        "Which month had the most burglaries?",
        "How much larger is the Court's annual impact than the CPS's in Table 2?",
        "What was Barnet's sanction detection rate for domestic violence in 2016/17?",
    ],
)
def test_figure_questions_nothing_answers_get_no_borrowed_number(  # type: ignore[no-untyped-def]
    real_assistant, question: str
) -> None:
    # sentences or rows that merely share the question's words are not an answer
    answer = real_assistant.ask(question)
    assert answer.status == "not_found", answer.answer
