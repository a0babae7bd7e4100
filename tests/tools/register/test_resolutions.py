"""Decisions as other bodies' minutes write them: several in one run-on line."""

from __future__ import annotations

import pytest

from board.profile import BASE
from tools.register.motions import read_motion
from tools.register.resolutions import decision_clauses, decision_kind
from tools.register.text import Sentence


def test_a_run_on_line_of_several_decisions_is_each_of_them() -> None:
    run_on = Sentence(
        "A letter asking for a donation was received from the Village Bus Councillors resolved "
        "to donate £65 A letter from the Air Ambulance had been received, after discussion, the "
        "Councillors resolved not to support Invoice received for grass cutting, Councillors "
        "resolved to pay",
        2,
        3,
    )
    clauses = decision_clauses(run_on, BASE)
    assert [c.text.split(" resolved")[1].strip() for c in clauses] == [
        "to donate £65",
        "not to support",
        "to pay",
    ]
    assert all(decision_kind(c.text, BASE) == "resolved" for c in clauses)
    assert "Invoice received for grass cutting" in clauses[2].text


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Calc Subscription notice - resolved to pay £102.48", "resolved"),
        ("G & AM Johnston mowing of the village green resolved to pay £1080.00", "resolved"),
        ("The Accounts were approved by the Parish Council and signed by the Chairman", "approved"),
        ("This was formally accepted and the Clerk would advise the county council.", "approved"),
        ("Dick made the motion, Jan second the motion. Vote: Dick aye, Gary aye.", "carried"),
    ],
)
def test_decisions_in_other_forms(sentence: str, kind: str) -> None:
    assert decision_kind(sentence, BASE) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "It has been noted that people are placing dog waste in the bin.",
        "All classes for Firefighter 1 and 2 have been postponed.",
        "Possibility to make a motion to adjourn the Annual Meeting to June.",
        "Seven of the proposals were accepted.",
        "Cllr Smith resolved to look into the matter.",
    ],
)
def test_what_others_did_or_might_do_is_no_decision(sentence: str) -> None:
    assert decision_kind(sentence, BASE) is None


def test_a_motion_names_its_mover_and_seconder_in_terse_forms() -> None:
    for text, names in (
        ("Gary motion to accept, Dick seconds vote Gary aye", ("Gary", "Dick")),
        (
            "Dick made the motion to approve the transfer and Jan seconds the motion",
            ("Dick", "Jan"),
        ),
    ):
        motion = read_motion(text)
        assert motion is not None and (motion.proposer, motion.seconder) == names


def test_a_motion_agreed_in_a_sentence_of_its_own_is_one_decision() -> None:
    from tools.register.extract import extract_decisions

    from .snippets import minutes

    found = extract_decisions(
        [
            minutes(
                "5. Nupend Farm\n"
                "It was proposed by Cllr Howells, seconded by Cllr Hackett, that Council retain\n"
                "the services of Pegasus at a budget of £1200. Agreed\n"
                "unanimously. It was agreed the group should arrange a meeting with the\n"
                "consultant."
            )
        ],
        BASE,
    )

    assert [(d.kind, d.proposer, d.seconder, d.outcome) for d in found] == [
        ("moved", "Howells", "Hackett", "carried unanimously"),
        ("agreed", None, None, None),
    ]
    assert found[0].text.endswith("Agreed unanimously.")
    assert found[1].text.startswith("It was agreed the group should arrange a meeting")
