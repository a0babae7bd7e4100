"""Follow-ups read against the conversation: the new part replaces the old, the rest carries."""

from __future__ import annotations

import pytest

from board.errors import QuestionError
from board.followups import NO_WORDS, Turn, resolve
from tests.profiles import BARNET


@pytest.mark.parametrize(
    "before, answer, follow_up, expected",
    [
        (
            "What actions did Ann Lowe take away?",
            "2 actions for Ann Lowe in the minutes",
            "And Raj Patel?",
            "What actions did Raj Patel take away?",
        ),
        (
            "Which meetings did Councillor Ann Lowe attend in 2024?",
            "",
            "what about Tom Okafor?",
            "Which meetings did Councillor Tom Okafor attend in 2024?",
        ),
        (
            "How many robberies were there in 2016/17?",
            "",
            "And the year before?",
            "How many robberies were there in 2015/16?",
        ),
        (
            "How many robberies were there in 2016/17?",
            "",
            "and the year after?",
            "How many robberies were there in 2017/18?",
        ),
        (
            "How many robberies were there in 2016/17?",
            "",
            "What about 2013/14?",
            "How many robberies were there in 2013/14?",
        ),
        (
            "How many robberies were there in 2016/17?",
            "",
            "what about burglary?",
            "How many burglary were there in 2016/17?",
        ),
        (
            "What was Barnet's burglary rate in 2012/13?",
            "",
            "and in Harrow?",
            "What was Harrow's burglary rate in 2012/13?",
        ),
        (
            "Who chairs the board?",
            "Councillor David Longstaff chairs the board [1].",
            "When did he become chair?",
            "When did Councillor David Longstaff become chair?",
        ),
        (
            "What did the board decide about Neighbourhood Justice Panels?",
            "The board agreed to the business case [1].",
            "Who proposed it?",
            "Who proposed Neighbourhood Justice Panels?",
        ),
        (
            "How many robberies in 2016/17?",
            "",
            "What was it the year before?",
            "What was robberies in 2015/16?",
        ),
        (
            "Who attended the January 2013 meeting?",
            "",
            "and the actions?",
            "What were the actions at the January 2013 meeting?",
        ),
    ],
)
def test_follow_up_is_read_against_the_last_turn(
    before: str, answer: str, follow_up: str, expected: str
) -> None:
    resolution = resolve(follow_up, [Turn(before, answer)], profile=BARNET)
    assert resolution.unresolved is None
    assert resolution.question == expected
    assert resolution.understood == expected


@pytest.mark.parametrize(
    "question",
    [
        "How many burglaries were there in 2012/13 compared with the year before?",
        "Who chairs the board?",
        "What are the priorities of the strategy?",
    ],
)
def test_a_question_that_stands_alone_is_left_alone(question: str) -> None:
    turns = [Turn("How many robberies were there in 2016/17?", "841 [1]")]
    for history in ([], turns):
        resolution = resolve(question, history, profile=BARNET)
        assert resolution.question == question and resolution.understood is None


def test_a_follow_up_with_nothing_to_follow_says_so() -> None:
    resolution = resolve("And the year before?", [], profile=BARNET)
    assert resolution.unresolved is not None and "no earlier question" in resolution.unresolved


def test_the_other_one_is_not_guessed() -> None:
    resolution = resolve(
        "And the other one?", [Turn("Where do the board meet?", "Hendon [1]")], profile=BARNET
    )
    assert resolution.unresolved is not None and "the other one" in resolution.unresolved


def test_a_pronoun_for_nobody_named_is_not_guessed() -> None:
    resolution = resolve(
        "When did he take that over?",
        [Turn("How many robberies in 2016/17?", "841 [1]")],
        profile=BARNET,
    )
    assert resolution.unresolved is not None and "who 'he' is" in resolution.unresolved


@pytest.mark.parametrize("text", ["", "   \n\t", "?!?... ;;; ---", "\x00\x1b\x7f", "📈📉🚓"])
def test_a_text_with_no_words_asks_for_a_question(text: str) -> None:
    turns = [Turn("How many robberies were there in 2016/17?", "841 [1]")]
    for history in ([], turns):
        resolution = resolve(text, history, profile=BARNET)
        assert resolution.unresolved == NO_WORDS
        assert NO_WORDS.startswith("Please ask a question about the board papers")


@pytest.mark.parametrize(
    "question",
    ["¿Quién preside la junta?", "董事会主席是谁？", "من يرأس المجلس؟", "Wer leitet den Vorstand?"],
)
def test_a_question_in_another_language_is_not_taken_for_a_follow_up(question: str) -> None:
    resolution = resolve(question, [], profile=BARNET)
    assert resolution.unresolved is None and resolution.question == question


@pytest.mark.parametrize("fragment", ["Robbery?", "the lowest?", "In Barnet in 2016?"])
def test_an_english_fragment_with_nothing_to_follow_still_says_so(fragment: str) -> None:
    resolution = resolve(fragment, [], profile=BARNET)
    assert resolution.unresolved is not None and "no earlier question" in resolution.unresolved


def test_a_question_too_long_to_read_is_refused_before_it_is_resolved() -> None:
    with pytest.raises(QuestionError, match="characters long"):
        resolve(
            "And the year before? " * 200,
            [Turn("How many robberies were there?", "")],
            profile=BARNET,
        )
