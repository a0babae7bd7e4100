"""The register against the decisions and actions of other bodies' minutes, written by hand
(``other_minuted``): recall and precision of each, owners of the actions found, and the
proposer and seconder of the motions found. Measured as shares at the level reached; raise
them, never lower them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from board.profile import BASE
from tools.register.extract import extract_actions, extract_decisions
from tools.register.records import Action, Decision
from tools.register.store import compile_register

from .dev_papers import dev_sections
from .other_minuted import MINUTED, SOURCES, Minuted
from .other_minuted_later import OUTCOMES, VOTES

# The levels reached over the first eleven papers (100%) and six later minutes added with
# their truth before any rule was written for them; the target is 0.95 for each.
MIN_PAPERS_READ = 17  # of 17
MIN_DECISION_RECALL = 109 / 109
MIN_DECISION_PRECISION = 129 / 129
MIN_ACTION_RECALL = 88 / 91
MIN_ACTION_PRECISION = 99 / 99
MIN_OWNERS_RIGHT = 93 / 93
MIN_MOTIONS_RIGHT = 30 / 30


@dataclass(frozen=True)
class Read:
    decisions: tuple[Decision, ...]
    actions: tuple[Action, ...]


@pytest.fixture(scope="module")
def read() -> Read:
    sections = dev_sections(SOURCES)
    return Read(tuple(extract_decisions(sections, BASE)), tuple(extract_actions(sections, BASE)))


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9£$]", "", text.lower())


def _text(record: Decision | Action) -> str:
    return record.text if isinstance(record, Decision) else f"{record.task} {record.marker}"


@dataclass(frozen=True)
class Matching:
    found: dict[Minuted, Decision | Action]  # each entry the record found for it
    extra: list[Decision | Action]  # records no entry accounts for

    def share_found(self, entries: Sequence[Minuted]) -> float:
        wanted = [e for e in entries if not e.optional]
        return sum(e in self.found for e in wanted) / len(wanted)

    def share_right(self, records: Sequence[Decision | Action]) -> float:
        return 1 - len(self.extra) / max(1, len(records))


def match(kind: str, records: Sequence[Decision | Action]) -> Matching:
    """Each hand-written entry takes the first record not yet taken that holds its words."""
    entries = [m for m in MINUTED if m.kind == kind]
    free = list(records)
    found: dict[Minuted, Decision | Action] = {}
    for entry in sorted(entries, key=lambda e: -len(e.words)):  # the most specific first
        for record in free:
            if record.source == entry.source and _plain(entry.words) in _plain(_text(record)):
                found[entry] = record
                free.remove(record)
                break
    return Matching(found, free)


def same_person(named: str, read: str) -> bool:
    """'Jan Keough' is 'Janet Keough'; 'J. Davies' is not 'Alun Davies'; 'Clerk' is 'the Clerk'."""
    a = re.sub(r"^(?:the|cllr|councillor|clerk|supervisor)\s+", "", named.lower().replace(".", ""))
    b = re.sub(r"^(?:the|cllr|councillor|clerk|supervisor)\s+", "", read.lower().replace(".", ""))
    a_words, b_words = a.split() or [named.lower()], b.split() or [read.lower()]
    if a_words[-1] != b_words[-1]:
        return False
    return len(a_words) == 1 or len(b_words) == 1 or a_words[0][0] == b_words[0][0]


def owners_right(entry: Minuted, action: Action) -> bool:
    return len(entry.owners) == len(action.owners) and all(
        any(same_person(o, r) for r in action.owners) for o in entry.owners
    )


def _report(matching: Matching, kind: str) -> str:
    entries = [m for m in MINUTED if m.kind == kind and not m.optional]
    missed = [f"{e.source}: {e.words}" for e in entries if e not in matching.found]
    extra = [f"{r.source}: {_text(r)[:90]}" for r in matching.extra]
    return "missed:\n  " + "\n  ".join(missed) + "\nnot in the minutes:\n  " + "\n  ".join(extra)


def test_the_papers_of_the_truth_are_read_as_minutes(read: Read) -> None:
    found = {r.source for r in (*read.decisions, *read.actions)}
    assert len(found & set(SOURCES)) >= MIN_PAPERS_READ, set(SOURCES) - found


def test_decisions_recall_and_precision(read: Read) -> None:
    matching = match("decision", read.decisions)
    recall = matching.share_found([m for m in MINUTED if m.kind == "decision"])
    precision = matching.share_right(read.decisions)
    assert (recall, precision) >= (MIN_DECISION_RECALL, MIN_DECISION_PRECISION), _report(
        matching, "decision"
    )


def test_actions_recall_and_precision(read: Read) -> None:
    matching = match("action", read.actions)
    recall = matching.share_found([m for m in MINUTED if m.kind == "action"])
    precision = matching.share_right(read.actions)
    assert recall >= MIN_ACTION_RECALL, _report(matching, "action")
    assert precision >= MIN_ACTION_PRECISION, _report(matching, "action")


def test_owners_of_the_actions_found(read: Read) -> None:
    matching = match("action", read.actions)
    judged = [(e, a) for e, a in matching.found.items() if e.owners and isinstance(a, Action)]
    wrong = [(e.words, e.owners, a.owners) for e, a in judged if not owners_right(e, a)]
    assert 1 - len(wrong) / len(judged) >= MIN_OWNERS_RIGHT, wrong


def test_motions_name_their_proposer_and_seconder(read: Read) -> None:
    matching = match("decision", read.decisions)
    judged = [(e, d) for e, d in matching.found.items() if e.proposer and isinstance(d, Decision)]
    wrong = [
        (e.words, (e.proposer, e.seconder), (d.proposer, d.seconder))
        for e, d in judged
        if not (
            d.proposer
            and d.seconder
            and same_person(e.proposer or "", d.proposer)
            and same_person(e.seconder or "", d.seconder)
        )
    ]
    assert judged and 1 - len(wrong) / len(judged) >= MIN_MOTIONS_RIGHT, wrong


MIN_VOTES_RIGHT = 17 / 17  # every recorded vote of the truth: counts and names


@pytest.fixture(scope="module")
def voted() -> tuple[Decision, ...]:
    sources = tuple(dict.fromkeys(v.source for v in VOTES))
    return tuple(extract_decisions(dev_sections(sources), BASE))


def test_recorded_votes_are_counted_and_named(voted: tuple[Decision, ...]) -> None:
    wrong = []
    for vote in VOTES:
        found = [
            d for d in voted if d.source == vote.source and _plain(vote.words) in _plain(d.text)
        ]
        d = found[0] if found else None
        right = (
            d is not None
            and (d.votes_for, d.votes_against) == (vote.votes_for, vote.votes_against)
            and len(d.voted_for) == len(vote.voted_for)
            and all(any(same_person(n, v) for v in d.voted_for) for n in vote.voted_for)
        )
        if not right:
            wrong.append((vote.words, d and (d.votes_for, d.votes_against, d.voted_for)))
    assert 1 - len(wrong) / len(VOTES) >= MIN_VOTES_RIGHT, wrong


def test_actions_are_due_when_the_minutes_say(read: Read) -> None:
    matching = match("action", read.actions)
    dated = [e for e in MINUTED if e.kind == "action" and e.due]
    wrong = [
        (e.words, e.due, getattr(matching.found.get(e), "due", None))
        for e in dated
        if getattr(matching.found.get(e), "due", None) != e.due
    ]
    assert dated and not wrong, wrong


MIN_OUTCOMES_RIGHT = 6 / 8  # the level reached; the target is 0.95


def test_what_later_minutes_record_of_earlier_actions() -> None:
    sources = tuple(dict.fromkeys(s for o in OUTCOMES for s in (o.source, o.later)))
    actions = compile_register(dev_sections(sources), BASE).actions
    right = 0
    for outcome in OUTCOMES:
        found = [
            a
            for a in actions
            if a.source == outcome.source and _plain(outcome.words) in _plain(a.task)
        ]
        right += bool(
            found
            and found[0].status == outcome.status
            and (outcome.status == "open" or found[0].status_source == outcome.later)
        )
    assert right / len(OUTCOMES) >= MIN_OUTCOMES_RIGHT, right
