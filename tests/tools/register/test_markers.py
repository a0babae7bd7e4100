"""The register against every marker in the shipped minutes: recall, meeting dates, owners."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import pytest

from tools.register.records import Action, Decision, RegisterData

from .markers import MARKERS, OTHER_DECISIONS, UNMARKED_ACTIONS, Marker

MIN_RECALL = 0.95
MIN_ATTRIBUTION = 0.90


def _span(locator: str) -> tuple[int, int]:
    start, _, end = locator.removeprefix("lines ").partition("-")
    return int(start), int(end or start)


Record = TypeVar("Record", bound=Action | Decision)


def covering(marker: Marker, records: Sequence[Record]) -> list[Record]:
    """Records of the marker's file and meeting whose lines include the marker's line."""
    return [
        r
        for r in records
        if r.source == marker.source
        and r.meeting_date == marker.meeting_date
        and _span(r.locator)[0] <= marker.line <= _span(r.locator)[1]
    ]


def recall(markers: Sequence[Marker], records: Sequence[Action | Decision]) -> float:
    return sum(bool(covering(m, records)) for m in markers) / len(markers)


def attribution(markers: Sequence[Marker], actions: Sequence[Action]) -> float:
    right = 0
    for marker in markers:
        found = covering(marker, actions)
        right += any(set(a.owners) == set(marker.owners) for a in found)
    return right / len(markers)


ACTION_MARKERS = [m for m in MARKERS if m.kind == "action"]
DECISION_MARKERS = [m for m in MARKERS if m.kind == "decision"]


def test_the_fixture_covers_all_three_sets_of_minutes() -> None:
    assert {m.meeting_date for m in MARKERS} == {"2012-10-16", "2013-04-19", "2017-10-27"}
    assert len(ACTION_MARKERS) == 32 and len(DECISION_MARKERS) == 11


def test_recall_of_every_marker_with_its_meeting_date(corpus_data: RegisterData) -> None:
    records: list[Action | Decision] = [*corpus_data.actions, *corpus_data.decisions]
    markers = [*ACTION_MARKERS, *DECISION_MARKERS]
    missed = [m for m in markers if not covering(m, records)]
    value = recall(markers, records)
    print(f"marker recall: {value:.1%} ({len(markers) - len(missed)}/{len(markers)})")
    assert value >= MIN_RECALL, missed


def test_recall_of_actions_and_decisions_by_kind(corpus_data: RegisterData) -> None:
    assert recall(ACTION_MARKERS, corpus_data.actions) >= MIN_RECALL
    assert recall(DECISION_MARKERS, corpus_data.decisions) >= MIN_RECALL


def test_owner_attribution(corpus_data: RegisterData) -> None:
    wrong = [
        m
        for m in ACTION_MARKERS
        if not any(set(a.owners) == set(m.owners) for a in covering(m, corpus_data.actions))
    ]
    value = attribution(ACTION_MARKERS, corpus_data.actions)
    print(
        f"owner attribution: {value:.1%} ({len(ACTION_MARKERS) - len(wrong)}/{len(ACTION_MARKERS)})"
    )
    assert value >= MIN_ATTRIBUTION, wrong


def test_each_marker_is_filed_under_its_minute_item(corpus_data: RegisterData) -> None:
    records: list[Action | Decision] = [*corpus_data.actions, *corpus_data.decisions]
    for marker in [*ACTION_MARKERS, *DECISION_MARKERS]:
        kind = Action if marker.kind == "action" else Decision
        items = {r.agenda_item for r in covering(marker, records) if isinstance(r, kind)}
        assert marker.agenda_item in items, marker


def test_unmarked_actions_are_found_with_their_owners(corpus_data: RegisterData) -> None:
    assert attribution(UNMARKED_ACTIONS, corpus_data.actions) == 1.0


def test_no_action_or_decision_beyond_the_hand_written_list(corpus_data: RegisterData) -> None:
    """Precision: every record answers to a marker, an unmarked action or another decision."""
    expected_actions = [*ACTION_MARKERS, *UNMARKED_ACTIONS]
    extra_actions = [
        a for a in corpus_data.actions if not any(a in covering(m, [a]) for m in expected_actions)
    ]
    expected_decisions = [*DECISION_MARKERS, *(m for m, _ in OTHER_DECISIONS)]
    extra_decisions = [
        d
        for d in corpus_data.decisions
        if not any(d in covering(m, [d]) for m in expected_decisions)
    ]
    assert extra_actions == [] and extra_decisions == []
    assert len(corpus_data.actions) == len(expected_actions)


@pytest.mark.parametrize(("marker", "kind"), OTHER_DECISIONS)
def test_other_decisions_have_their_kind(
    marker: Marker, kind: str, corpus_data: RegisterData
) -> None:
    assert kind in {d.kind for d in covering(marker, corpus_data.decisions)}


@pytest.mark.parametrize(
    "marker", [m for m in MARKERS if m.kind == "none"], ids=lambda m: f"line {m.line}"
)
def test_agreed_by_others_is_neither_decision_nor_action(
    marker: Marker, corpus_data: RegisterData
) -> None:
    records: list[Action | Decision] = [*corpus_data.actions, *corpus_data.decisions]
    assert covering(marker, records) == []
