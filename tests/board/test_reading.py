"""The reader's one entry: a question read in its conversation into one record, the words
as written kept beside what they were read as. Questions about a made-up parish."""

from __future__ import annotations

import pytest

from board.errors import QuestionError
from board.followups import Turn
from board.profile import BASE, BoardProfile
from board.reading import read
from tests.profiles import BARNET

ASKED = "How many burglaries were reported in 2016/17?"


def test_a_follow_up_is_read_as_the_question_it_stands_for() -> None:
    question = read("And the year before?", BASE, [Turn(ASKED, "There were 12 [1].")])

    assert question.text == "How many burglaries were reported in 2015/16?"
    assert question.written == "And the year before?"
    assert question.understood == question.text
    assert question.figure is not None
    assert [p.label for p in question.figure.periods] == ["2015/16"]


def test_a_question_that_stands_alone_is_read_as_written() -> None:
    question = read(ASKED, BASE, [Turn("Who chairs the parish council?", "Ann Lowe.")])

    assert question.text == ASKED
    assert question.written == "" and question.understood is None


def test_a_follow_up_with_nothing_to_follow_carries_the_reason_and_no_rewrite() -> None:
    question = read("And the year before?", BASE)

    assert question.unresolved is not None and "no earlier question" in question.unresolved
    assert question.understood is None


def test_a_question_over_the_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(QuestionError, match="limited to 20"):
        read("How many burglaries were there in the parish?", BASE, max_chars=20)


NORTHTOWN = BoardProfile(
    name="Northtown Safety Board", home_area="Northtown", peer_areas=("Southtown",)
)


def test_a_question_is_read_under_the_profile_it_is_given() -> None:
    """The shipped board's profile spells its schemes out ('njp'); a question read for
    another body is read with that body's words only."""
    text = "How many Neighbourhood Justice Panels cases were there in 2013/14?"

    shipped = read(text, BARNET)
    other = read(text, BASE)

    assert shipped.figure is not None and other.figure is not None
    assert "njp" in shipped.figure.table.measure.canonical
    assert "njp" not in other.figure.table.measure.canonical
    assert "neighbourhood justice panel" in other.figure.table.measure.canonical


def test_a_follow_up_names_a_place_of_the_profile_it_is_read_under() -> None:
    earlier = [Turn("How many burglaries were reported in Northtown in 2020/21?", "12 [1].")]

    question = read("And in Southtown?", NORTHTOWN, earlier)

    assert question.text == "How many burglaries were reported in Southtown in 2020/21?"
    assert question.figure is not None and question.figure.area == "Southtown"
