"""Recorded votes in minutes: how many voted for and against and who abstained, and by name
where the minutes name them, in the forms minutes write them: a roll call ("AYES:
Commissioners Davis, Hernandez and Perez … NOES: None ABSENT: Commissioners Ayala and
Rios"), counts ("Yeas 20. Nays 1.", "3 yea, 0 nay", "For (36) … Against (20) …", "carried
by 5 votes to 2 with 1 abstention"), names with their vote ("Dick Dillon aye, Gary Mantay
aye") and "Those voting nay: Councilman Rybka". Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from board.names import NAME_TOKEN, TITLE

# Offices written before the names of a roll call ("Commissioners", "Vice Chair").
_OFFICES = (
    r"(?:(?:Vice\s+)?Chair(?:man|woman|person)?|Mayor|Commissioners?|Councilmembers?|"
    r"Council\s*members?|Councilm[ae]n|Councillors?|Supervisors?|Trustees?|Directors?|"
    rf"Members?|Aldermen|Alderman|Cllrs?\.?|{TITLE})"
)
_LIST_LABEL = {
    "for": r"AYES?|YEAS?|FOR",
    "against": r"NOES?|NAYS?|AGAINST",
    "abstained": r"ABSTAIN(?:S|ED|ING)?|ABSTENTIONS?",
    "absent": r"ABSENT",
}
# A list's label: a roll call's in capitals ("AYES"), a recorded vote's as a word ("For")
_ANY_LABEL = "|".join([*_LIST_LABEL.values(), r"(?i:for|against|abstentions?)"])
# "AYES: …", "For (36) Mr Baker, …; Against (20) …": a label, a count or a colon, the names
_ROLL = re.compile(
    rf"\b(?P<label>{_ANY_LABEL})\s*(?:\((?P<n>\d+)\)\s*:?|:)"
    rf"\s*(?P<names>.*?)(?=[;.]?\s*\b(?:{_ANY_LABEL})\s*(?:\(\d+\)|:)|$)",
)
_COUNTS = re.compile(
    r"\b(?:(?:yeas?|ayes?|for)\s*\(?(?P<y>\d+)\)?[.,;]?\s*(?:nays?|noes?|against)\s*\(?(?P<n>\d+)\)?"
    r"|(?P<y2>\d+)\s+(?:yeas?|ayes?|votes?\s+for|for)\s*,?\s*(?:and\s+)?(?P<n2>\d+)\s+(?:nays?|noes?|against)"
    r"|by\s+(?P<y3>\d+)\s+votes?\s+to\s+(?P<n3>\d+))",
    re.I,
)
_ABSTENTIONS = re.compile(r"\b(?P<a>\d+|one|two|three)\s+abstentions?\b", re.I)
_NAMED_VOTE = re.compile(
    rf"(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN})?)\s*,?\s+(?P<vote>aye|yea|nay|no|abstain(?:ed)?)\b"
)
_VOTING = re.compile(
    r"\bThose\s+voting\s+(?P<vote>nay|no|aye|yea)\s*:\s*(?P<names>[^.]*(?:\.\s*[A-Z]\.)*[^.]*)"
)
_WORDS = {"one": 1, "two": 2, "three": 3}


@dataclass(frozen=True)
class Votes:
    """A recorded vote: counts (None where the minutes give none) and names where given."""

    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    voted_for: tuple[str, ...] = ()
    voted_against: tuple[str, ...] = ()
    abstained: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


def read_votes(text: str) -> Votes | None:
    """The vote a decision's text records, or None when it records none."""
    names: dict[str, list[str]] = {"for": [], "against": [], "abstained": [], "absent": []}
    counts: dict[str, int | None] = {"for": None, "against": None, "abstained": None}
    for m in _ROLL.finditer(text):
        kind = next(
            k for k, label in _LIST_LABEL.items() if re.fullmatch(label, m.group("label").upper())
        )
        names[kind] += _names(m.group("names"))
        if m.group("n") and kind in counts:
            counts[kind] = int(m.group("n"))
    for m in _NAMED_VOTE.finditer(text):
        kind = _kind_of(m.group("vote"))
        name = re.sub(rf"^(?:{_OFFICES}|Vote|Voice)\s+", "", m.group("name"))
        if name not in names[kind] and not re.fullmatch(_OFFICES, name):
            names[kind].append(name)
    for m in _VOTING.finditer(text):
        names[_kind_of(m.group("vote"))] += _names(m.group("names"))
    if tally := _COUNTS.search(text):
        counts["for"] = int(tally.group("y") or tally.group("y2") or tally.group("y3"))
        counts["against"] = int(tally.group("n") or tally.group("n2") or tally.group("n3"))
    if abstaining := _ABSTENTIONS.search(text):
        word = abstaining.group("a").lower()
        counts["abstained"] = int(word) if word.isdigit() else _WORDS[word]
    if not any(names.values()) and all(c is None for c in counts.values()):
        return None
    return Votes(
        votes_for=_count(counts["for"], names["for"]),
        votes_against=_count(counts["against"], names["against"], listed=bool(names["for"])),
        abstentions=_count(counts["abstained"], names["abstained"]),
        voted_for=tuple(names["for"]),
        voted_against=tuple(names["against"]),
        abstained=tuple(names["abstained"]),
        absent=tuple(names["absent"]),
    )


def _kind_of(vote: str) -> str:
    vote = vote.lower()
    return "for" if vote in ("aye", "yea") else "against" if vote in ("nay", "no") else "abstained"


def _count(said: int | None, named: list[str], listed: bool = False) -> int | None:
    """The count the minutes give, else the names they list (a roll call naming the ayes and
    "NOES: None" counts none against)."""
    if said is not None:
        return said
    return len(named) if named or listed else None


def _names(text: str) -> list[str]:
    """The people of a roll call's list, offices and footnote marks off: "Commissioners
    *Davis, **Hernandez, and Perez, Vice Chair Valencia" -> Davis, Hernandez, Perez,
    Valencia; "None" -> none."""
    found: list[str] = []
    for part in re.split(r",|;|\band\b|&", text.replace("*", " ")):
        part = re.sub(rf"^(?:\s*{_OFFICES}\.?\s+)+", "", part.strip()).strip(" .")
        if part and part.lower() not in ("none", "n/a") and re.match(r"[A-Z]", part):
            found.append(" ".join(part.split()))
    return found
