"""Recorded votes as minutes write them: roll calls, counts, names with their votes."""

from __future__ import annotations

import pytest

from tools.register.answers import votes_named
from tools.register.records import Decision
from tools.register.votes import Votes, read_votes


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        (
            "CARRIED BY THE FOLLOWING ROLL CALL VOTE: AYES: Commissioners *Davis, **Hernandez, "
            "and Perez, Vice Chair Valencia, and Chair Ramirez NOES: None ABSENT: Commissioners "
            "Ayala and Rios",
            Votes(
                5,
                0,
                None,
                ("Davis", "Hernandez", "Perez", "Valencia", "Ramirez"),
                absent=("Ayala", "Rios"),
            ),
        ),
        ("It was declared adopted upon the following voice vote 3 yea, 0 nay", Votes(3, 0)),
        (
            "Supervisors Dick Dillon aye, Gary Mantay aye, Janet Keough aye. Motion carried.",
            Votes(3, 0, None, ("Dick Dillon", "Gary Mantay", "Janet Keough")),
        ),
        (
            "Passed. Yeas 20. Nays 1. Those voting nay: Councilman Rybka.",
            Votes(20, 1, None, (), ("Rybka",)),
        ),
        ("The motion was carried by 5 votes to 2 with 1 abstention.", Votes(5, 2, 1)),
        (
            "For (36) Mr Baker, Mr Bird; Against (20) Mr Cole; Abstentions (2) Mrs Dean",
            Votes(36, 20, 2, ("Baker", "Bird"), ("Cole",), ("Dean",)),
        ),
    ],
)
def test_votes_in_the_forms_minutes_write_them(text: str, votes: Votes) -> None:
    assert read_votes(text) == votes


@pytest.mark.parametrize(
    "text",
    [
        "It was proposed by Cllr A, seconded by Cllr B and unanimously agreed.",
        "The applications for: housing were received.",
        "Members voted to support the bid.",
    ],
)
def test_no_vote_recorded(text: str) -> None:
    assert read_votes(text) is None


def test_an_answer_shows_the_vote() -> None:
    d = Decision(
        "d1",
        "1998-06-08",
        "5",
        "CSX",
        "carried",
        "Passed.",
        "city.pdf",
        "page 13, lines 1-2",
        votes_for=20,
        votes_against=1,
        voted_against=("Rybka",),
    )
    assert votes_named(d) == "for 20, against 1 (Rybka)"


def test_how_they_voted_is_asked_of_the_decision_with_a_recorded_vote() -> None:
    from board.profile import BASE
    from tools.register.store import Register, compile_register
    from tools.register.tools import decisions

    from .snippets import minutes

    text = (
        "Minutes of the meeting held on 16 November 2020\n\n"
        "1. Unfinished business\n\n"
        "Sam Lee makes a motion to offer Jo Smith the Treasurer elect position. Ann Cole seconds "
        "the motion. Sam Lee aye, Ann Cole aye. Motion passed unanimously.\n\n"
        "2. The treasurer's post\n\n"
        "Ann Cole makes a motion to approve training for the treasurer elect. Voice vote, "
        "all aye.\n"
    )
    register = Register(compile_register([minutes(text, meeting_date="2020-11-16")], BASE))

    found = decisions(register, "offered the treasurer-elect post", also=("vote",))

    assert [d.text.split(".")[0] for d in found] == [
        "Sam Lee makes a motion to offer Jo Smith the Treasurer elect position"
    ]
