"""What a question asks of the minutes' record, read once with the question: its kind, topic,
owner names, status and the meetings it names. Questions about a made-up parish."""

from __future__ import annotations

import pytest

from board.asks import read_record_ask
from board.question import read_question
from tests.profiles import BARNET


@pytest.mark.parametrize(
    ("text", "kind", "topic"),
    [
        ("Who chaired the meeting of 3 March 2021?", "attendance", None),
        ("When did the council last discuss the village green?", "last_discussed", "village green"),
        ("What became of the bus shelter repairs?", "happened", "bus shelter repairs"),
        ("What did the board decide about the allotment rents?", "decided", "allotment rents"),
        ("What actions were agreed on the footpath survey?", "actions", "footpath survey"),
        ("Where was the meeting of 3 March 2021 held?", "meeting_details", None),
        ("Which meetings were held in 2021?", "meetings", None),
        ("How much did the bus shelter cost?", None, None),
        # other bodies' ways of asking
        ("What did Ashby decide about the allotment rents?", "decided", "allotment rents"),
        (
            "Which contractor did Ashby agree to hire for the verge cutting?",
            "decided",
            "hire for the verge cutting",
        ),
        (
            "Did Ashby Parish Council back Jo Smith's lottery bid for the chapel roof?",
            "decided",
            "chapel roof",
        ),
        # the topic in the clause before the one that asks how they voted
        (
            "Who was offered the Ashby clerk's post, and how did the council vote?",
            "decided",
            "offered the Ashby clerk's post",
        ),
        (
            "How much did Ashby move to the reserve, and who moved and seconded it?",
            "decided",
            "Ashby move to the reserve",
        ),
        ("Who is to contact the highways team about the potholes?", "actions", "potholes"),
        (
            "Which officer was asked to check the alarm lines to all the halls?",
            "actions",
            "check the alarm lines to all the halls",
        ),
        (
            "Who will cut the grass on the green, and for what fee?",
            "actions",
            "cut the grass on the green",
        ),
        (
            "Who is taking the new bus shelter forward, and who proposed buying it?",
            "decided",
            "new bus shelter",
        ),
        ("When did the Ashby meeting of 3 March 2021 finish?", "meeting_details", None),
        (
            "Who called the March 2021 meeting to order, and when did it start?",
            "meeting_details",
            None,
        ),
    ],
)
def test_the_kind_of_record_asked_and_its_topic(
    text: str, kind: str | None, topic: str | None
) -> None:
    ask = read_record_ask(text)

    assert (ask.kind, ask.topic) == (kind, topic)


def test_an_owner_is_named_and_an_open_status_asked() -> None:
    ask = read_record_ask("Which actions of Cllr Priya Shah are still outstanding?")

    assert ask.kind == "actions"
    assert "Cllr Priya Shah" in ask.names
    assert ask.status == "open"


def test_a_named_owner_asked_to_do_something_is_an_action_about_what() -> None:
    ask = read_record_ask("What was Tom Briggs asked to investigate about the drainage ditch?")

    assert ask.kind == "actions" and "Tom Briggs" in ask.names
    assert ask.topic == "drainage ditch"


def test_who_a_question_says_decided() -> None:
    assert read_record_ask("What did Ashby decide about the rents?").decider == "Ashby"
    assert read_record_ask("What did the steering group approve?").decider == "steering group"
    assert read_record_ask("What did the board decide about rents?").decider == "board"


def test_times_asked() -> None:
    assert read_record_ask("When did the meeting of 3 March 2021 start and finish?").times
    assert not read_record_ask("Where was the meeting of 3 March 2021 held?").times


def test_the_meetings_a_question_names_in_order() -> None:
    ask = read_record_ask("Who attended both the 3 March 2021 and the April 2021 meetings?")

    assert ask.dates == (("2021-03-03", None), (None, "2021-04"))
    assert ask.date == ("2021-03-03", None)


def test_the_first_or_last_meeting_and_what_minutes_do_not_record() -> None:
    first = read_record_ask("Who chaired the first meeting?")
    quorum = read_record_ask(
        "Was the meeting of 3 March 2021 quorate, and where was it held? quorum"
    )

    assert first.which_meeting == "first" and first.first
    assert read_record_ask("What was decided at the last meeting?").which_meeting == "last"
    assert quorum.not_recorded


def test_what_a_report_asked_the_board_to_decide_is_not_the_minutes_record() -> None:
    assert read_record_ask("What decision was the board asked to make on the precept?").board_asked


def test_the_question_record_carries_it() -> None:
    question = read_question("What did the board decide about the allotment rents?", profile=BARNET)

    assert question.record == read_record_ask(question.text)
    assert question.record.kind == "decided"


def test_what_the_other_clauses_of_a_question_also_ask() -> None:
    ask = read_record_ask("What did Ashby decide about the verge cutting, and what will it cost?")
    assert (ask.topic, ask.also) == ("verge cutting", ("cost",))
    assert read_record_ask("What did the board decide about the allotment rents?").also == ()


def test_several_things_asked_of_one_meeting() -> None:
    ask = read_record_ask(
        "When and where did the Ashby council meet in March 2021, and when is the next meeting?"
    )
    assert ask.kind == "meeting_details" and ask.held and ask.next_meeting and not ask.times


def test_an_action_due_at_a_meeting_is_not_one_set_at_it() -> None:
    ask = read_record_ask("What is Jo Smith to research for Ashby's December 2020 meeting?")
    assert (ask.kind, ask.due, ask.date) == ("actions", "2020-12", (None, None))
    assert "Jo Smith" in ask.names
    set_at = read_record_ask("What actions were agreed at the December 2020 meeting?")
    assert (set_at.due, set_at.date) == (None, (None, "2020-12"))
