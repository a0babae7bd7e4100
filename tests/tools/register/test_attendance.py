"""Attendance lists in other house styles, and motions with their proposer and seconder."""

from __future__ import annotations

import pytest

from board.profile import BASE
from board.records import Line
from tools.register.attendance import ABSENT, APOLOGIES, ATTENDING, PRESENT, read_lists
from tools.register.motions import read_motion
from tools.register.people import People


def _lines(text: str) -> list[Line]:
    return [Line(t, i) for i, t in enumerate(text.strip("\n").split("\n"), start=1)]


def test_initials_in_brackets_stand_for_the_names() -> None:
    lists = read_lists(
        _lines("Present:\nJane Archer (JA)\tAlan Caudwell (AC)\nApologies:\nPolly Gegg (PG)"), BASE
    )
    assert lists.named(PRESENT) == ("Jane Archer", "Alan Caudwell")
    assert lists.named(APOLOGIES) == ("Polly Gegg",)
    people = People.of(lists.named(PRESENT), profile=BASE, aliases=lists.aliases())
    assert people.resolve("AC") == "Alan Caudwell"


def test_a_run_of_names_with_the_chair_and_the_clerk() -> None:
    lists = read_lists(
        _lines(
            "Present\nCouncillors D Richardson (Chair) R Healey, N Cresswell and P Moran Clerk "
            "J Connelly\nMembers of the Public - Three Members\n"
            "Councillor Richardson welcomed Councillor Neil Cresswell to the Parish Council"
        ),
        BASE,
    )
    assert lists.named(PRESENT) == (
        "D Richardson",
        "R Healey",
        "N Cresswell",
        "P Moran",
        "J Connelly",
    )
    assert lists.chair(BASE) == "D Richardson"
    people = People.of(lists.named(PRESENT), profile=BASE, aliases=lists.aliases())
    assert people.resolve("the Clerk") == "J Connelly"


def test_roles_in_brackets_and_the_invited_kept_apart() -> None:
    lists = read_lists(
        _lines(
            "Attendees\tTony Brown (Chair), Alison Wheeler (Chief Executive), Sue Buck\n"
            "Invited\tPeter Baker (Head of IT), Daniel Harvey (Community Team Lead)"
        ),
        BASE,
    )
    assert lists.named(PRESENT) == ("Tony Brown", "Alison Wheeler", "Sue Buck")
    assert lists.named(ATTENDING) == ("Peter Baker", "Daniel Harvey")
    assert lists.aliases()["head of it"] == "Peter Baker"


def test_absent_and_others_present_labels() -> None:
    lists = read_lists(
        _lines(
            "o Commissioners Present: Anthony Qaiyum, Zach Maiorca\n"
            "o Others Present: Ryan Warsing (LSRCC), Kimberly Bares (PLACE Consulting)\n"
            "o Commissioners Absent: Shelley Young, Pat Bader"
        ),
        BASE,
    )
    assert lists.named(PRESENT) == ("Anthony Qaiyum", "Zach Maiorca")
    assert lists.named(ATTENDING) == ("Ryan Warsing", "Kimberly Bares")
    assert lists.named(ABSENT) == ("Shelley Young", "Pat Bader")


def test_a_role_label_names_its_person() -> None:
    lists = read_lists(_lines("Present: Esme Clark, John Foster\nMinute taker: John Foster"), BASE)
    assert lists.aliases()["minute taker"] == "John Foster"


@pytest.mark.parametrize(
    ("text", "proposer", "seconder", "outcome"),
    [
        (
            "It was proposed by Cllr. W. Loynton, seconded by Cllr. K. Davies and unanimously "
            "agreed that the minutes were correct.",
            "W. Loynton",
            "K. Davies",
            "carried unanimously",
        ),
        (
            "Financials approved – B. Munro (motion), C. Dallas (second)",
            "B. Munro",
            "C. Dallas",
            None,
        ),
        (
            "Supervisor Dick Dillon makes a motion to approve the October minutes, Supervisor Gary "
            "Mantay seconds the motion. Supervisors Dick Dillon aye, Gary Mantay aye. Motion carried.",
            "Dick Dillon",
            "Gary Mantay",
            "carried",
        ),
        (
            "These were moved as correct by Hannah Salome and Esme Clark.",
            "Hannah Salome",
            "Esme Clark",
            None,
        ),
    ],
)
def test_motions_in_each_house_style(
    text: str, proposer: str, seconder: str, outcome: str | None
) -> None:
    motion = read_motion(text)
    assert motion is not None
    assert (motion.proposer, motion.seconder, motion.outcome) == (proposer, seconder, outcome)


def test_a_sentence_without_a_motion_has_none() -> None:
    assert read_motion("Sheila proposed that Mike should take on the role.") is None


def test_a_list_runs_on_over_its_lines_and_apologies_override_the_members_list() -> None:
    lists = read_lists(
        _lines(
            "Present: Esme Clark, Annie Morgan, Danny O'Neill\n\n"
            "Apologies: Betty Ross, Councillor Dornan, Che\nCampbell\n\nMinute taker: John Foster\n"
            "Apologies were received from Annie Morgan."
        ),
        BASE,
    )
    assert lists.named(APOLOGIES) == (
        "Annie Morgan",
        "Betty Ross",
        "Councillor Dornan",
        "Che Campbell",
    )
    assert lists.named(PRESENT) == ("Esme Clark", "Danny O'Neill", "John Foster")
    assert lists.roles() == ("John Foster (Minute taker)",)
