"""Decisions as other bodies' minutes write them: several in one run-on line."""

from __future__ import annotations

from board.profile import BASE
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
