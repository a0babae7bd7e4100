"""Follow-up questions resolved against the conversation, once, before any tool runs.

"How many robberies were there in 2016/17?" then "And the year before?" is
asked as "How many robberies were there in 2015/16?"; "Who chairs the board?"
then "When did he become chair?" names the person the last answer named. The
follow-up's own parts (a period, a place, a measure, a person) take the place
of the same parts of the question before it; what it leaves out is carried
over. A follow-up that points at nothing the conversation holds is not
answered as some other question: it says what it could not resolve.

Pure functions over text: the caller keeps the turns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board.followup_parts import (
    MEETING,
    PERIOD,
    SHIFT,
    append_phrase,
    carried_context,
    carry_parts,
    measure_span,
    replace_span,
    shifted_period,
    topic_span,
    what_it_names,
    with_measure,
)
from board.measures import areas_in
from board.names import MENTION, looks_like_name, strip_title
from board.profile import BoardProfile
from board.question import checked_question
from board.text import STOPWORDS, tokenize

NO_WORDS = "Please ask a question about the board papers: this one has no words to look for."


@dataclass(frozen=True)
class Turn:
    """One earlier exchange: the question as it was understood, and the answer given."""

    question: str
    answer: str = ""


@dataclass(frozen=True)
class Resolution:
    """A question ready to answer on its own, or the reason it cannot be."""

    question: str  # the standalone question (the follow-up itself when it needs nothing)
    follow_up: bool = False  # the conversation was needed to read it
    unresolved: str | None = None  # why the follow-up could not be read, for the user

    @property
    def understood(self) -> str | None:
        """The question as understood, to show the user, when it was rewritten."""
        return self.question if self.follow_up and self.unresolved is None else None


_OPENER = re.compile(
    r"^\s*(?:and|also|but|so|ok(?:ay)?|then|now)\b[\s,]*|"
    r"^\s*(?:what|how) about\b\s*|^\s*(?:what|how) of\b\s*|^\s*same (?:for|again for)\b\s*|"
    r"^\s*(?:and )?(?:for|in) the same (?:way|period) (?:for|in)\b\s*",
    re.I,
)

_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)

_THING_PRONOUN = re.compile(r"\b(?:it|its|this|that|these|those|they|them|their)\b", re.I)

# A follow-up that only carries a part ("and the year before?", "what about robbery?").
_QUESTION_WORD = re.compile(
    r"\b(?:who|whom|whose|what|when|where|which|why|how)\b|"
    r"^\s*(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|list|show|tell|"
    r"give|name|summari[sz]e|describe|explain)\b",
    re.I,
)

_OTHER = re.compile(
    r"\b(?:the )?other (?:one|ones|borough|area|district|thing|item)\b|\bthe rest\b|"
    r"\bthe (?:second|third|next) (?:one|thing|item)\b",
    re.I,
)


def _strip_opener(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _OPENER.sub("", text, count=1)
    return text.strip()


_PLACE_WORDS = frozenset(
    [
        "hall",
        "house",
        "street",
        "road",
        "lane",
        "centre",
        "center",
        "library",
        "church",
        "school",
        "court",
        "office",
        "station",
        "park",
        "square",
        "building",
        "room",
        "avenue",
        "close",
        "way",
    ]
)

_PERSON_CUE = re.compile(r"\b(?:by|chair(?:ed|man|woman|person)?|is|was)\s*:?\s*$", re.I)


def person_named(answer: str, profile: BoardProfile) -> str | None:
    """The person an answer is about ("Councillor Jane Smith"): a titled name or one named
    as chair, or 'by', first; else the first name that is not a place."""
    text = re.sub(r"\[\d+\]", " ", answer)
    found: list[tuple[int, str]] = []
    for m in MENTION.finditer(text):
        name = m.group(0).strip()
        if name.lower() in ("he", "she", "the chairman") or not looks_like_name(name, profile):
            continue
        if any(w.lower() in _PLACE_WORDS for w in name.split()):
            continue
        titled = strip_title(name) != name
        cued = bool(_PERSON_CUE.search(text[: m.start()]))
        found.append((0 if titled or cued else 1, name))
    return min(found, key=lambda f: f[0])[1] if found else None


def resolve(
    question: str,
    history: Sequence[Turn],
    profile: BoardProfile,
    max_chars: int | None = None,
) -> Resolution:
    """The standalone question a follow-up asks, given the earlier turns (latest last).

    Raises QuestionError for a question over ``max_chars`` (default: the setting), before any
    tool sees it."""
    profile = profile
    text = checked_question(question, max_chars)
    if not any(ch.isalnum() for ch in text):
        return Resolution(text, unresolved=NO_WORDS)
    rest = _strip_opener(text)
    opened = rest != text
    shift = SHIFT.search(rest)
    periods = [m.group(0) for m in PERIOD.finditer(rest)]
    person = _PERSON_PRONOUN.search(rest)
    person_ref = person is not None and not _names_someone(rest, profile)
    thing_ref = _thing_is_reference(rest)
    elliptical = not _QUESTION_WORD.search(rest)
    bare = _is_bare(rest, profile)
    if not (elliptical or person_ref or thing_ref or (shift and not periods) or opened or bare):
        return Resolution(text)
    if not history:
        if elliptical and _reads_as_fragment(rest, opened or bool(shift or periods)):
            return Resolution(
                text,
                follow_up=True,
                unresolved="This reads as a follow-up, but there is no earlier question to "
                "follow: please ask it in full.",
            )
        return Resolution(text)
    last = history[-1]
    base = last.question
    other = _OTHER.search(rest)
    if other:
        return Resolution(
            text,
            follow_up=True,
            unresolved=f"I can't tell what '{other.group(0)}' refers to after “{base}”: "
            "please name it.",
        )
    if elliptical:
        return _elliptical(text, rest, last, shift, periods, profile)
    # A whole question: name what its pronouns point at, and carry what it leaves out.
    resolved = rest[0].upper() + rest[1:]
    if person_ref and person is not None:
        name = person_named(last.answer, profile) or _person_in(base, profile)
        if name is None:
            return Resolution(
                text,
                follow_up=True,
                unresolved=f"I can't tell who '{person.group(0)}' is: the last answer names "
                "nobody. Please give the name.",
            )
        resolved = _PERSON_PRONOUN.sub(
            lambda m: f"{name}'s" if m.group(0).lower() in ("his", "her", "hers") else name,
            resolved,
            count=1,
        )
    if thing_ref:
        referent = what_it_names(base, resolved, profile)
        if referent is None:
            return Resolution(
                text,
                follow_up=True,
                unresolved=f"I can't tell what '{_THING_PRONOUN.search(rest).group(0)}' "  # type: ignore[union-attr]
                f"refers to after “{base}”: please name it.",
            )
        resolved = _THING_PRONOUN.sub(referent, resolved, count=1)
    resolved = _carried(resolved, last, bool(periods), thing_ref, bare, profile)
    return Resolution(resolved, follow_up=resolved != text)


def _carried(
    resolved: str, last: Turn, has_period: bool, thing_ref: bool, bare: bool, profile: BoardProfile
) -> str:
    """A whole follow-up with what it leaves out carried over from the question before: the
    period shifted ("the year before") or the same one, or the meeting; the measure when it
    names none ("how many were detected?")."""
    base = last.question
    own_shift = SHIFT.search(resolved)
    if own_shift and not has_period:
        shifted = shifted_period(base, last.answer, own_shift, profile)
        if shifted:
            resolved = replace_span(resolved, own_shift.span(), f"in {shifted}")
    elif not has_period and not (thing_ref and MEETING.search(resolved)):
        context = carried_context(base)
        if context and context.lower() not in resolved.lower():
            resolved = append_phrase(resolved, context)
    if bare and measure_span(resolved, profile) is None:
        measure = measure_span(base, profile)
        if measure is not None:
            resolved = with_measure(resolved, base[measure[0] : measure[1]])
    return resolved


_SUPERLATIVES = {
    "highest": "lowest",
    "lowest": "highest",
    "most": "least",
    "least": "most",
    "fewest": "most",
    "largest": "smallest",
    "smallest": "largest",
    "biggest": "smallest",
    "best": "worst",
    "worst": "best",
    "rose": "fell",
    "fell": "rose",
    "increase": "decrease",
    "decrease": "increase",
}


def _elliptical(
    text: str,
    rest: str,
    last: Turn,
    shift: re.Match[str] | None,
    periods: Sequence[str],
    profile: BoardProfile,
) -> Resolution:
    """'and the year before?', 'what about robbery?', 'and in the north ward?', 'and the lowest?'."""
    base = last.question
    phrase = rest.rstrip(" ?.!")
    areas = areas_in(rest, profile)
    span = measure_span(rest, profile)
    measure = rest[span[0] : span[1]] if span else None
    resolved = carry_parts(base, shift, periods, areas, measure, last.answer, profile=profile)
    if resolved != base:
        return Resolution(resolved, follow_up=True)
    word = phrase.lower().removeprefix("the ").strip()
    opposite = _SUPERLATIVES.get(word)
    if opposite is not None:
        m = re.search(rf"\b{opposite}\b", base, re.I)
        if m:
            return Resolution(replace_span(base, m.span(), word), follow_up=True)
    noun = re.sub(r"^(?:for|in|of|on|about|with|the)\s+", "", phrase, flags=re.I)
    asked_of = _person_in(base, profile)
    if asked_of and _names_someone(noun, profile) and (named := _person_in(noun, profile)):
        # "and Raj Patel?" after "what actions did Ann Lowe take away?": the same
        # question of the person now named.
        at = base.find(asked_of)
        return Resolution(replace_span(base, (at, at + len(asked_of)), named), follow_up=True)
    if tokenize(noun) and not areas and not _MEETING_ASK.search(noun):
        # Another thing of the same kind as the question's measure or topic.
        slot = measure_span(base, profile) or topic_span(base)
        if slot is not None:
            old = base[slot[0] : slot[1]]
            new = noun
            if len(noun.split()) == 1 and len(old.split()) > 1 and not measure_span(noun, profile):
                new = " ".join([noun, *old.split()[1:]])  # "non-residential" + "burglary"
            return Resolution(replace_span(base, slot, new), follow_up=True)
        if measure is not None:  # a measure asked of a question that named none: narrow it
            return Resolution(append_phrase(base, f"for {noun}"), follow_up=True)
    return _new_ask_of_same(text, rest, base)


# What a bare follow-up asks of a meeting: its actions, decisions, attendance, chair.
_MEETING_ASK = re.compile(
    r"\b(?:actions?|decisions?|decided|attend(?:ed|ance)?|apologies|chair(?:ed)?|minutes|agenda|"
    r"present|venue|where)\b",
    re.I,
)


def _reads_as_fragment(rest: str, carries_a_part: bool) -> bool:
    """Whether a text with no question word is a fragment of an English conversation ("and the
    year before?", "robbery?") rather than a question in its own right in another language
    ("¿Quién preside la junta?"), which is read on its own and found or not in the papers."""
    words = re.findall(r"[^\W\d_]+", rest.lower())
    english = all(w.isascii() for w in words)
    return carries_a_part or any(w in STOPWORDS for w in words) or (english and len(words) <= 2)


def _is_bare(text: str, profile: BoardProfile) -> bool:
    """A question that names no subject of its own: 'who chaired?', 'who sent apologies?'."""
    words = [w for w in tokenize(text) if w not in _ROLE_WORDS]
    return not words and not PERIOD.search(text) and not areas_in(text, profile)


_ROLE_WORDS = frozenset(
    [
        "chair",
        "chaired",
        "chairman",
        "attend",
        "attended",
        "sent",
        "apologie",
        "apology",
        "present",
        "minute",
        "time",
        "finish",
        "finished",
        "start",
        "started",
        "end",
        "ended",
        "held",
        "percentage",
        "change",
        "detected",
        "many",
        "much",
    ]
)


def _new_ask_of_same(text: str, rest: str, base: str) -> Resolution:
    """'and the actions?': a new thing asked of the same meeting, paper or period."""
    asked = re.sub(r"^(?:(?:the|for|in|about)\s+)+", "", rest.rstrip(" ?.!"), flags=re.I)
    context = carried_context(base)
    if not asked or context is None or not tokenize(asked):
        return Resolution(
            text,
            follow_up=True,
            unresolved=f"I can't tell what “{text}” asks after “{base}”: please ask it in full.",
        )
    verb = "were" if asked.lower().endswith("s") else "was"
    return Resolution(f"What {verb} the {asked} {context}?", follow_up=True)


def _names_someone(text: str, profile: BoardProfile) -> bool:
    return any(looks_like_name(m.group(0), profile) for m in MENTION.finditer(text))


def _person_in(question: str, profile: BoardProfile) -> str | None:
    for m in MENTION.finditer(question):
        if looks_like_name(m.group(0), profile):
            return strip_title(m.group(0))
    return None


def _thing_is_reference(text: str) -> bool:
    """'it' in 'who proposed it?' points back; 'is it true that ...' and 'this year' do not."""
    m = _THING_PRONOUN.search(text)
    if m is None:
        return False
    after = text[m.end() :].lstrip().lower()
    return not re.match(r"(?:year|month|week|quarter|meeting|time|period|board|report)\b", after)
