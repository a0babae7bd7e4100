"""The reader's one entry: a question read in its conversation into one record, the words
as written kept beside what they were read as. Questions about a made-up parish."""

from __future__ import annotations

import pytest

from board.errors import QuestionError
from board.followups import Turn
from board.profile import GENERIC, using
from board.reading import read

ASKED = "How many burglaries were reported in 2016/17?"


def test_a_follow_up_is_read_as_the_question_it_stands_for() -> None:
    with using(GENERIC):
        question = read("And the year before?", GENERIC, [Turn(ASKED, "There were 12 [1].")])

    assert question.text == "How many burglaries were reported in 2015/16?"
    assert question.written == "And the year before?"
    assert question.understood == question.text
    assert question.figure is not None
    assert [p.label for p in question.figure.periods] == ["2015/16"]


def test_a_question_that_stands_alone_is_read_as_written() -> None:
    with using(GENERIC):
        question = read(ASKED, GENERIC, [Turn("Who chairs the parish council?", "Ann Lowe.")])

    assert question.text == ASKED
    assert question.written == "" and question.understood is None


def test_a_follow_up_with_nothing_to_follow_carries_the_reason_and_no_rewrite() -> None:
    with using(GENERIC):
        question = read("And the year before?", GENERIC)

    assert question.unresolved is not None and "no earlier question" in question.unresolved
    assert question.understood is None


def test_a_question_over_the_limit_is_refused_before_it_is_read() -> None:
    with using(GENERIC), pytest.raises(QuestionError, match="limited to 20"):
        read("How many burglaries were there in the parish?", GENERIC, max_chars=20)
