"""What a question asks of a figure stated in prose ("how many", "how much", "what was the
rate", "by what percentage"): the kind of figure each of its clauses asks for, the thing it
counts, whether it asks for a change and which way, and the words of its subject. Read once,
as part of the `Question`; assistant/figures.py finds the sentence that states it. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from board.profile import BoardProfile
from board.text import FRAMING_WORDS, root, tokenize

# Words that ask for a figure or a change, or frame the question, rather than say what it is about.
FIGURE_WORDS = frozenset(
    tokenize(
        "percentage percent proportion terms total figure figures rise rose risen grow grew grown"
        " growth increase increased fall fell fallen drop dropped decrease decreased change"
        " changed compare compared expected recorded according"
    )
)
MONEY_WORDS = re.compile(
    r"\b(funding|fund|grant|cost|costs|budget|spend|spent|value|worth|saving|savings|price|paid"
    r"|pay|income)\b",
    re.I,
)
_CHANGE_WORDS = re.compile(
    r"\b(ris(?:e|en|es|ing)|rose|grow(?:n|s|th)?|grew|increas(?:e|ed|es)|f[ae]ll(?:en|s)?"
    r"|drop(?:ped|s)?|decreas(?:e|ed|es)|reduc(?:e|ed|tion)|change[ds]?|in number and percentage"
    r"|compared? with (?:a|the) (?:year|month|quarter) (?:earlier|before))\b",
    re.I,
)
# A clause of a question that asks for its own figure: ", and how many of those ...".
_PARTS = re.compile(r",?\s+and\s+(?=(?:for\s+|by\s+)?(?:how|what)\b)", re.I)
_COMPARE_AVERAGE = re.compile(r"\bhow (?:did|does|do|has|have)\b.*\bcompare.*\baverages?\b", re.I)
_WHAT_RATE = re.compile(r"\bwhat (?:was|is|were|are)\s+(?:\S+\s+){0,6}?rates?\b", re.I)
_WHAT_MONEY = re.compile(
    r"\b(?:what|which)\s+(?:[a-z-]+\s+){0,3}?(?:in\s+)?"
    r"(?:costs?|savings?|funding|budget|spend|grant|income)\b",
    re.I,
)
_WHICH_FIGURE = re.compile(
    r"\bwhich (?:week|month|quarter)\b|\bhow much (?:larger|bigger|greater|more|higher|smaller|"
    r"less|lower)\b|\bhow many times\b",
    re.I,
)
# A body or scheme named by its initials ("OPCC", "IOM"); words as written, for spelling them out.
INITIALS = re.compile(r"\b[A-Z]{2,6}\b")
_WORD = re.compile(r"[A-Za-z][\w-]*")


@dataclass(frozen=True)
class ProseFigureAsk:
    """What a figure question wants: the figure each of its parts asks for, the kinds of
    figure that answer it, the thing it counts, whether it asks for a change, and its subject."""

    parts: tuple[str, ...]  # "count", "money", "percent", "rate": one per clause that asks
    kinds: tuple[str, ...]
    noun: str | None = None  # what a count counts: "incident"
    change: bool = False
    measured: str | None = None  # what a rate measures: "burglary" in "burglary rate"
    subject: tuple[tuple[str, str], ...] = ()  # (root, word) of what the figure is about
    direction: int = 0  # +1 how much it rose, -1 how much it fell
    spelled: tuple[str, ...] = ()  # the question's words as written: abbreviations it spells out
    initials: tuple[str, ...] = ()  # bodies it names by their initials ("OPCC")
    changed: tuple[str, ...] = ()  # what a change is asked of: its subject words, without the
    #                                 years and the board's own places every candidate names


def read_prose_figure(
    text: str, profile: BoardProfile, counted: str | None
) -> ProseFigureAsk | None:
    """The figures ``text`` asks for, or None when it asks for none. ``counted`` is what a
    "how many" in it counts (board.question.counted_noun)."""
    parts: list[str] = []
    for clause in _PARTS.split(text):
        kind = _clause_kind(clause)
        if kind and kind not in parts:
            parts.append(kind)
    kinds = list(parts)
    if _COMPARE_AVERAGE.search(text):
        kinds.extend(k for k in ("rate", "percent", "count") if k not in kinds)
    if not kinds:
        return None
    subject = subject_terms(text, profile)
    return ProseFigureAsk(
        tuple(parts),
        tuple(kinds),
        counted if "count" in parts else None,
        bool(_CHANGE_WORDS.search(text)),
        _measured_by_rate(text),
        tuple(subject.items()),
        _asked_direction(text),
        tuple(_WORD.findall(text)),
        tuple(dict.fromkeys(INITIALS.findall(text))),
        _changed(subject, profile),
    )


def _changed(subject: dict[str, str], profile: BoardProfile) -> tuple[str, ...]:
    """What changed, not when or where: the years and the home area are in every candidate."""
    home = profile.place_words
    return tuple(t for t in subject.values() if not t[:1].isdigit() and t not in home)


def figure_only(text: str, prose: ProseFigureAsk | None) -> bool:
    """Whether the answer must be a figure: then a sentence that only shares the question's
    words is no answer ("which month had the most burglaries", "how much larger is ...")."""
    return prose is not None or bool(_WHICH_FIGURE.search(text))


def subject_terms(text: str, profile: BoardProfile) -> dict[str, str]:
    """The question's subject words as roots ("expanding" -> "expand"), each with its word."""
    stop = FRAMING_WORDS | profile.board_words
    roots: dict[str, str] = {}
    for term in dict.fromkeys(tokenize(text)):
        if term not in stop and term not in FIGURE_WORDS:
            roots.setdefault(root(term), term)
    return roots


def _measured_by_rate(text: str) -> str | None:
    """The word a question's rate measures: "burglary" in "Northtown's burglary rate", "fte" in
    "First Time Entrant (FTE) rate"."""
    m = re.search(r"([\w-]+)\)?\s+rates?\b", text)
    words = tokenize(m.group(1)) if m else []
    return words[0] if words else None


def _asked_direction(text: str) -> int:
    """+1 when the question asks how much something rose, -1 how much it fell, else 0."""
    up = bool(re.search(r"\b(ris(?:e|en)|rose|grow|grew|grown|increas\w*|expand\w*)\b", text, re.I))
    down = bool(re.search(r"\b(f[ae]ll(?:en)?|drop\w*|decreas\w*|reduc\w*|cut)\b", text, re.I))
    return up - down


def _clause_kind(clause: str) -> str | None:
    q = clause.lower()
    if re.search(r"\bby what (?:percentage|per ?cent|proportion)\b", q):
        return "percent"
    if _WHAT_RATE.search(q):
        return "rate"
    if _WHAT_MONEY.search(q):
        return "money"
    if re.search(r"\bhow much\b", q):
        if MONEY_WORDS.search(q):
            return "money"
        # "how much did it grow" asks for a number; "how much time" for no figure we read.
        return "count" if _CHANGE_WORDS.search(q) else None
    return clause_quantity(clause)


def clause_quantity(clause: str) -> str | None:
    """The kind of figure a clause asks for: 'percent', 'money', 'count', 'rate' or None."""
    q = clause.lower()
    if re.search(
        r"\b(what|which) (percentage|proportion|share)\b|\bwhat per ?cent\b|\bhow many per ?cent\b",
        q,
    ):
        return "percent"
    if re.search(r"\bhow much\b", q) or (
        re.search(r"\bwhat (was|is|were) the\b", q) and MONEY_WORDS.search(q)
    ):
        return "money" if MONEY_WORDS.search(q) else "count"
    if re.search(r"\bhow many\b", q):
        return "count"
    if re.search(r"\bwhat (?:was|is|were|are)\b[^?]*\brates?\b", q):
        return "rate"
    return None
