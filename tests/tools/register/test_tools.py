"""The plain tool functions and their LangChain wrappers, over the shipped corpus."""

# ruff: noqa: E501 (paper lines are long, as in the papers)

from __future__ import annotations

from langchain_core.tools import StructuredTool

from board.records import Chunk
from tools.register.store import Register
from tools.register.tools import (
    actions,
    as_langchain_tools,
    decisions,
    meeting,
    owner_matches,
    timeline,
)


def test_decisions_on_a_topic_fall_back_to_the_items_about_it(corpus_register: Register) -> None:
    [decision] = decisions(corpus_register, topic="Neighbourhood Justice Panels")
    assert (decision.meeting_date, decision.agenda_item, decision.kind) == (
        "2012-10-16",
        "6",
        "supported",
    )
    assert decision.text == "The Board were supportive of the restorative justice proposals."
    assert (decision.source, decision.locator) == ("2013-01-15_scpb_pack.txt", "lines 177-177")


def test_decisions_by_date_are_chronological(corpus_register: Register) -> None:
    found = decisions(corpus_register, date_from="2013-01-01")
    assert [d.meeting_date for d in found] == sorted(d.meeting_date for d in found)
    assert {d.meeting_date for d in found} == {"2013-04-19", "2017-10-27"}
    assert len(decisions(corpus_register)) == 21


def test_actions_by_owner_topic_and_status(corpus_register: Register) -> None:
    mass = actions(corpus_register, owner="James Mass")
    assert [a.locator for a in mass] == [
        "lines 89-89",
        "lines 153-155",
        "lines 157-159",
        "lines 193-195",
    ]
    assert {a.meeting_date for a in mass} == {"2013-04-19"}
    assert len(actions(corpus_register, owner="Ms Gardiner")) == 3
    assert len(actions(corpus_register, owner="Andrew Nathan")) == 4
    assert [a.owners for a in actions(corpus_register, status="done")] == [("James Mass",)]
    assert [a.agenda_item for a in actions(corpus_register, topic="conference")] == [
        "11",
        "11",
        "11",
    ]


def test_owner_matching() -> None:
    assert owner_matches("Ms McElligott", ("Tina McElligot",))
    assert owner_matches("james", ("James Mass",))
    assert not owner_matches("James Armitage", ("James Mass",))


def test_meeting_by_any_written_date(corpus_register: Register) -> None:
    for written, held in [
        ("2013-04-19", "2013-04-19"),
        ("19th April 2013", "2013-04-19"),
        ("October 2017", "2017-10-27"),
    ]:
        found = meeting(corpus_register, written)
        assert found is not None and found.meeting_date == held
    assert meeting(corpus_register, "March 2015") is None


def test_timeline_of_neighbourhood_justice_panels(corpus_chunks: list[Chunk]) -> None:
    entries = timeline("Neighbourhood Justice Panels", corpus_chunks)
    dates = [e.meeting_date for e in entries]
    assert dates == sorted(dates)
    assert set(dates) == {"2012-10-16", "2013-01-15", "2013-07-19"}
    text = {d: " ".join(e.text for e in entries if e.meeting_date == d) for d in set(dates)}
    assert "The Board were supportive of the restorative justice proposals" in text["2012-10-16"]
    assert "That the Board endorse the Outline Business Case" in text["2013-01-15"]
    assert (
        "the BASBAG has approved a high level model for the Neighbourhood Justice Panels"
        in text["2013-07-19"]
    )
    assert "scheduled to go live by October 2013" in text["2013-07-19"]
    assert all(e.locator.startswith("lines ") for e in entries)


def test_langchain_tools_run_without_an_llm(
    corpus_register: Register, corpus_chunks: list[Chunk]
) -> None:
    tools = {t.name: t for t in as_langchain_tools(corpus_register, lambda: corpus_chunks)}
    assert set(tools) == {"decisions", "actions", "meeting", "timeline"}
    assert all(isinstance(t, StructuredTool) for t in tools.values())
    assert set(tools["actions"].args) == {"owner", "topic", "status"}
    rows = tools["actions"].invoke({"owner": "James Mass"})
    assert [r["locator"] for r in rows][:2] == ["lines 89-89", "lines 153-155"]
    assert tools["meeting"].invoke({"date": "19 April 2013"})["chair"] == "David Longstaff"
    assert tools["decisions"].invoke({"topic": "BASBAG"})[0]["kind"] == "endorsed"
    assert (
        tools["timeline"].invoke({"topic": "Neighbourhood Justice Panels"})[0]["meeting_date"]
        == "2012-10-16"
    )


def test_timeline_from_chunks_without_line_numbers() -> None:
    text = "Neighbourhood Justice Panel work stream:\n- The BASBAG has approved a high level model.\n- The service is scheduled to go live by October 2013."
    chunk = Chunk(
        id="c1",
        source="pack.txt",
        doc_title="Pack",
        title="Enhancements update",
        paper_type="report",
        meeting_date="2013-07-19",
        section="Enhancements update",
        agenda_item="9",
        text=text,
        line_start=10,
        line_end=12,
    )
    [entry] = timeline("Neighbourhood Justice Panels", [chunk])
    assert entry.meeting_date == "2013-07-19" and entry.locator == "lines 11-12"
    assert "approved a high level model" in entry.text and "go live by October 2013" in entry.text
    assert timeline("Neighbourhood Justice Panels", [chunk], date_to="2013-01-01") == []


def test_the_timeline_reads_the_passages_its_words_find_and_misses_none(
    corpus_chunks: list[Chunk],
) -> None:
    """The word index hands the timeline every passage the topic's matcher would accept
    (its words near each other, or its acronym), and none that lacks one of its words."""
    from tools.register.text import TopicIndex, topic_matcher

    index = TopicIndex([c.text for c in corpus_chunks])
    for topic in (
        "Neighbourhood Justice Panels",
        "CCTV",
        "youth offending",
        "domestic violence",
        "Integrated Offender Management",
        "hate crime reporting",
        "the weather in Spain",
    ):
        matches = topic_matcher(topic)
        scanned = [i for i, c in enumerate(corpus_chunks) if matches(c.text)]
        found = index.candidates(topic)
        assert set(scanned) <= set(found), topic
        assert len(found) < len(corpus_chunks)
    assert index.candidates("the weather in Spain") == []
    assert index.candidates("Integrated Offender Management")  # by its words or "IOM"
