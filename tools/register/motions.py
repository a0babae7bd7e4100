"""Motions in minutes: who proposed and who seconded, and how the vote went, in the forms
minutes write them ("It was proposed by Cllr. A, seconded by Cllr. B and unanimously agreed",
"A (motion), B (second)", "A makes a motion …, B seconds the motion … aye … Motion carried",
"moved as correct by A and B"). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from board.names import NAME_TOKEN, TITLE, strip_title

# Office words written before a name in a motion ("Supervisor Dick Dillon", "Cllr. W. Loynton").
_OFFICE = (
    rf"(?:(?:{TITLE}|Supervisor|Commissioner|Trustee|Director|Alderman|Mayor|"
    r"(?:Vice\s+)?Chair(?:man|woman|person)?)\.?\s+)?"
)
_INITIALS = r"(?:[A-Z]\.?\s+){1,2}"
_MADE_A_MOTION = r"(?:ma(?:kes?|de)\s+(?:a|the)\s+motion\b|motion(?:s|ed)?\s+to\b)"
_NAME = rf"{_OFFICE}(?:{_INITIALS}{NAME_TOKEN}|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})"
_FORMS: tuple[re.Pattern[str], ...] = (
    # "proposed by Cllr. W. Loynton, seconded by Cllr. K. Davies"; "moved by A, seconded by B"
    re.compile(
        rf"\b(?:proposed|moved)\s+by\s+(?P<p>{_NAME}),?\s+(?:and\s+)?seconded\s+by\s+(?P<s>{_NAME})"
    ),
    # "Commissioner Perez moved and Chair Ramirez seconded to approve …"
    re.compile(rf"(?P<p>{_NAME})\s+moved\s+(?:and|,)\s+(?P<s>{_NAME})\s+seconded\b"),
    # "moved as correct by Hannah Salome and Esme Clark"
    re.compile(rf"\bmoved\s+(?:as\s+\w+\s+)?by\s+(?P<p>{_NAME})\s+and\s+(?P<s>{_NAME})"),
    # "Z. Maiorca (motion), T. Feinberg (second)"
    re.compile(rf"(?P<p>{_NAME})\s*\(motion\),?\s*(?P<s>{_NAME})\s*\(second(?:ed)?\)"),
    # "Motion by Supervisor Gary Mantay to approve …, Supervisor Dick Dillon second"
    re.compile(rf"\bMotion\s+by\s+(?P<p>{_NAME})\b.*?,\s*(?P<s>{_NAME})\s+seconds?\b"),
    # "Supervisor Dick Dillon makes a motion to …, Supervisor Gary Mantay seconds the motion",
    # "Dick made the motion, Jan second the motion", "Gary motion to accept, Dick seconds"
    re.compile(
        rf"(?P<p>{_NAME})\s+{_MADE_A_MOTION}.*?(?:[,.]\s*(?:and\s+)?|\s+and\s+)"
        rf"(?P<s>{_NAME})\s+seconds?\b"
    ),
    # "Gary Mantay makes a motion …" with no seconder named
    re.compile(rf"(?P<p>{_NAME})\s+{_MADE_A_MOTION}"),
)
# A motion someone made (not one asked for: "Possibility to make a motion …"), a name before it.
MOTION = re.compile(
    r"\b(?:proposed|moved|seconded)\s+(?:as\s+\w+\s+)?by\b|\bmoved\s+and\s+[^.]{1,60}\bseconded\b"
    rf"|\b(?-i:[A-Z][a-z]+)\s+{_MADE_A_MOTION}"
    r"|\bmotion\s+by\b|\(motion\)|\(second(?:ed)?\)",
    re.I,
)
# What follows a motion in its own paragraph: the votes and the outcome.
VOTE = re.compile(
    r"\b(?:aye|ayes|yea|yeas|nay|nays|abstain(?:ed|ing|s)?|carried|passed|defeated|failed|lost)\b"
    r"|\bseconds?\s+the\s+motion\b|\b(?:voice|roll\s+call)\s+vote\b|\b(?:NOES|ABSENT)\s*:"
    r"|\b(?:motion|minutes|it|resolution)\s+(?:is|are|was|were)\s+(?:declared\s+)?"
    r"(?:approved|adopted)\b"
    r"|\b(?:for|against)\s*\(\d+\)"
    # "Agreed unanimously.", "Unanimously agreed.": the outcome as a sentence of its own
    r"|^\W*(?:unanimously\s+)?(?:agreed|approved|resolved)(?:\s+unanimously)?\W*$",
    re.I,
)
_OUTCOME = re.compile(
    r"\b(?:motion\s+)?(carried|passed|defeated|failed|lost)(?:\s+unanimously)?\b"
    r"|\b(unanimously)\s+(?:agreed|resolved|approved)\b"
    r"|\b(?:agreed|resolved|approved)\s+(unanimously)\b",
    re.I,
)


@dataclass(frozen=True)
class Motion:
    """A motion as minuted: its proposer and seconder (None where unnamed) and its outcome."""

    proposer: str | None
    seconder: str | None
    outcome: str | None  # "carried", "carried unanimously", "defeated", …


def read_motion(text: str) -> Motion | None:
    """The motion a decision's text records, or None when it records none."""
    if not MOTION.search(text):
        return None
    proposer = seconder = None
    for form in _FORMS:
        if m := form.search(text):
            proposer = strip_title(_office_off(m.group("p")))
            seconder = strip_title(_office_off(m.group("s"))) if "s" in m.groupdict() else None
            break
    return Motion(proposer or None, seconder or None, _outcome(text))


def _office_off(name: str) -> str:
    return re.sub(rf"^{_OFFICE}", "", name.strip()).strip()


def _outcome(text: str) -> str | None:
    m = _OUTCOME.search(text)
    if not m:
        return None
    if m.group(2) or m.group(3):
        return "carried unanimously"
    word = m.group(1).lower()
    result = "carried" if word in ("carried", "passed") else "defeated"
    return f"{result} unanimously" if "unanimously" in m.group(0).lower() else result
