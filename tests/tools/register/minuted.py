"""One hand-written reading of a minute: a decision or an action, the words its record must
hold, and who proposed, seconded or owns it (see ``other_minuted``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Minuted:
    source: str
    kind: str  # "decision" or "action"
    words: str
    owners: tuple[str, ...] = ()
    proposer: str | None = None
    seconder: str | None = None
    optional: bool = False
    due: str | None = None  # when an action is due, as the minutes date it


def _d(
    source: str,
    words: str,
    proposer: str | None = None,
    seconder: str | None = None,
    optional: bool = False,
) -> Minuted:
    return Minuted(source, "decision", words, (), proposer, seconder, optional)


def _a(
    source: str, words: str, *owners: str, optional: bool = False, due: str | None = None
) -> Minuted:
    return Minuted(source, "action", words, owners, optional=optional, due=due)
