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

from board.measures import areas_in, known_measure
from board.question import checked_question
from board.text import STOPWORDS, tokenize
from board.vocabulary import SYNONYMS
from tools.register.people import MENTION, looks_like_name, strip_title

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
_FY = r"(?:19|20)\d{2}\s*[/-]\s*(?:\d{2}|(?:19|20)\d{2})"
_YEAR = r"(?<![\d/])(?:19|20)\d{2}(?![\d/])"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A period as people write it in a question: "2016/17", "2016", "January 2018", "Q4 2012".
PERIOD = re.compile(
    rf"\b(?:(?:q[1-4]|quarter [1-4])\s+)?(?:{_MONTHS}\s+)?(?:{_FY}|{_YEAR})\b|"
    rf"\b(?:the )?(?:current |latest )?rolling (?:12|twelve) months\b|\byear to date\b",
    re.I,
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
_SHIFT = re.compile(
    r"\b(?:(?P<count>a|one|two|three|four|five|ten|\d{1,2})\s+|the\s+)?(?P<unit>year|quarter|"
    r"month|meeting)s?\s+(?P<dir>before|earlier|after|later|ago)\b|"
    r"\b(?:the )?(?P<dir2>previous|prior|preceding|next|following|last)\s+(?P<unit2>year|quarter|"
    r"month|meeting)\b",
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


def _shift_years(span: str, delta: int) -> str:
    """'2016/17' -> '2015/16', '2016' -> '2015', 'Q4 2012' -> 'Q4 2011' (delta in years)."""

    def one(m: re.Match[str]) -> str:
        text = m.group(0)
        if "/" in text or "-" in text:
            sep = "/" if "/" in text else "-"
            first, second = (p.strip() for p in text.split(sep))
            start = int(first) + delta
            end = int(second) + delta
            width = len(second)
            return f"{start}{sep}{end % 100:02d}" if width == 2 else f"{start}{sep}{end}"
        return str(int(text) + delta)

    return re.sub(rf"{_FY}|{_YEAR}", one, span)


def _measure_span(question: str) -> tuple[int, int] | None:
    """Where the question names its measure ("robberies" in "How many robberies ..."), if any."""
    measure = known_measure(question)
    if measure is None:
        return None
    lowered = question.lower()
    for variant in sorted(SYNONYMS.get(measure, (measure,)), key=len, reverse=True):
        m = re.search(rf"\b{re.escape(variant)}\b", lowered)
        if m:
            return m.span()
    return None


def _area_span(question: str, area: str) -> tuple[int, int] | None:
    m = re.search(rf"\b{re.escape(area)}(?:'s)?\b", question, re.I)
    return m.span() if m else None


def _replace(text: str, span: tuple[int, int], new: str) -> str:
    return text[: span[0]] + new + text[span[1] :]


def _append(text: str, phrase: str) -> str:
    body = text.rstrip(" ?.")
    return f"{body} {phrase}?"


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


def person_named(answer: str) -> str | None:
    """The person an answer is about ("Councillor Jane Smith"): a titled name or one named
    as chair, or 'by', first; else the first name that is not a place."""
    text = re.sub(r"\[\d+\]", " ", answer)
    found: list[tuple[int, str]] = []
    for m in MENTION.finditer(text):
        name = m.group(0).strip()
        if name.lower() in ("he", "she", "the chairman") or not looks_like_name(name):
            continue
        if any(w.lower() in _PLACE_WORDS for w in name.split()):
            continue
        titled = strip_title(name) != name
        cued = bool(_PERSON_CUE.search(text[: m.start()]))
        found.append((0 if titled or cued else 1, name))
    return min(found, key=lambda f: f[0])[1] if found else None


def _topic(question: str) -> str | None:
    """What a question is about: the words after 'about/on/regarding/of', else its measure."""
    m = re.search(
        r"\b(?:about|regarding|concerning|on|into|for)\s+(?P<topic>(?:the\s+)?[\w'’ -]+?)"
        r"(?:\s+(?:at|in|during|between|from|since)\b.*)?\s*[?.]?$",
        question,
        re.I,
    )
    if m and tokenize(m.group("topic")):
        return m.group("topic").strip()
    span = _measure_span(question)
    return question[span[0] : span[1]] if span else None


def resolve(question: str, history: Sequence[Turn]) -> Resolution:
    """The standalone question a follow-up asks, given the earlier turns (latest last).

    Raises QuestionError for a question too long to read, before any tool sees it."""
    text = checked_question(question)
    if not any(ch.isalnum() for ch in text):
        return Resolution(text, unresolved=NO_WORDS)
    rest = _strip_opener(text)
    opened = rest != text
    shift = _SHIFT.search(rest)
    periods = [m.group(0) for m in PERIOD.finditer(rest)]
    person = _PERSON_PRONOUN.search(rest)
    person_ref = person is not None and not _names_someone(rest)
    thing_ref = _thing_is_reference(rest)
    elliptical = not _QUESTION_WORD.search(rest)
    bare = _is_bare(rest)
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
        return _elliptical(text, rest, last, shift, periods)
    # A whole question: name what its pronouns point at, and carry what it leaves out.
    resolved = rest[0].upper() + rest[1:]
    if person_ref and person is not None:
        name = person_named(last.answer) or _person_in(base)
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
        referent = _referent(base, resolved)
        if referent is None:
            return Resolution(
                text,
                follow_up=True,
                unresolved=f"I can't tell what '{_THING_PRONOUN.search(rest).group(0)}' "  # type: ignore[union-attr]
                f"refers to after “{base}”: please name it.",
            )
        resolved = _THING_PRONOUN.sub(referent, resolved, count=1)
    own_shift = _SHIFT.search(resolved)
    if own_shift and not periods:
        shifted = _shifted_period(base, last.answer, own_shift)
        if shifted:
            resolved = _replace(resolved, own_shift.span(), f"in {shifted}")
    elif not periods and not (thing_ref and _MEETING.search(resolved)):
        context = _context(base)
        if context and context.lower() not in resolved.lower():
            resolved = _append(resolved, context)
    if bare and _measure_span(resolved) is None:
        measure = _measure_span(base)
        if measure is not None:
            resolved = _with_measure(resolved, base[measure[0] : measure[1]])
    return Resolution(resolved, follow_up=resolved != text)


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
    text: str, rest: str, last: Turn, shift: re.Match[str] | None, periods: Sequence[str]
) -> Resolution:
    """'and the year before?', 'what about robbery?', 'and in the north ward?', 'and the lowest?'."""
    base = last.question
    phrase = rest.rstrip(" ?.!")
    areas = areas_in(rest)
    span = _measure_span(rest)
    measure = rest[span[0] : span[1]] if span else None
    resolved = _carry_parts(base, shift, periods, areas, measure, last.answer)
    if resolved != base:
        return Resolution(resolved, follow_up=True)
    word = phrase.lower().removeprefix("the ").strip()
    opposite = _SUPERLATIVES.get(word)
    if opposite is not None:
        m = re.search(rf"\b{opposite}\b", base, re.I)
        if m:
            return Resolution(_replace(base, m.span(), word), follow_up=True)
    noun = re.sub(r"^(?:for|in|of|on|about|with|the)\s+", "", phrase, flags=re.I)
    asked_of = _person_in(base)
    if asked_of and _names_someone(noun) and (named := _person_in(noun)):
        # "and Raj Patel?" after "what actions did Ann Lowe take away?": the same
        # question of the person now named.
        at = base.find(asked_of)
        return Resolution(_replace(base, (at, at + len(asked_of)), named), follow_up=True)
    if tokenize(noun) and not areas and not _MEETING_ASK.search(noun):
        # Another thing of the same kind as the question's measure or topic.
        slot = _measure_span(base) or _topic_span(base)
        if slot is not None:
            old = base[slot[0] : slot[1]]
            new = noun
            if len(noun.split()) == 1 and len(old.split()) > 1 and not _measure_span(noun):
                new = " ".join([noun, *old.split()[1:]])  # "non-residential" + "burglary"
            return Resolution(_replace(base, slot, new), follow_up=True)
        if measure is not None:  # a measure asked of a question that named none: narrow it
            return Resolution(_append(base, f"for {noun}"), follow_up=True)
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


def _is_bare(text: str) -> bool:
    """A question that names no subject of its own: 'who chaired?', 'who sent apologies?'."""
    words = [w for w in tokenize(text) if w not in _ROLE_WORDS]
    return not words and not PERIOD.search(text) and not areas_in(text)


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


def _context(base: str) -> str | None:
    """The meeting, dates or period a question was about, as a phrase to carry over."""
    for pattern in (_RANGE, _DATED_MEETING, _MEETING):
        m = pattern.search(base)
        if m:
            phrase = m.group(0)
            return (
                phrase
                if re.match(r"(?:between|from|to|up to|in|at|for)\b", phrase, re.I)
                else (f"at {phrase}" if _MEETING.fullmatch(phrase) else f"in {phrase}")
            )
    periods = [m for m in PERIOD.finditer(base) if not _is_paper_reference(base, m)]
    if periods:
        return f"in {periods[0].group(0)}"
    papers = list(PERIOD.finditer(base))
    return f"in {papers[0].group(0)}" if papers else None


_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?:19|20)\d{{2}}"
_RANGE = re.compile(
    rf"\bbetween\s+{_DATE}\s+and\s+{_DATE}|\bfrom\s+{_DATE}\s+to\s+{_DATE}|"
    rf"\b(?:up )?to\s+{_DATE}|\b(?:(?:the )?(?:12|twelve) months|year) to\s+{_MONTHS}\s+(?:19|20)\d{{2}}",
    re.I,
)


def _with_measure(question: str, measure: str) -> str:
    """'How many were detected?' asked after robberies: 'How many robberies were detected?'."""
    m = re.match(r"(?i)(how many|how much|what (?:was|were|is|are) the)\b", question)
    if m:
        return question[: m.end()] + f" {measure}" + question[m.end() :]
    return _append(question, f"for {measure}")


def _shifted_period(base: str, answer: str, shift: re.Match[str]) -> str | None:
    """The period a year (or N) before the one the question or its answer was about."""
    for text in (base, answer):
        periods = [m for m in PERIOD.finditer(text) if not _is_paper_reference(text, m)]
        if periods:
            return _carry_parts(periods[0].group(0), shift, (), (), None)
    return None


def _referent(base: str, question: str) -> str | None:
    """What 'it' points at: the meeting when the follow-up asks about a meeting, else the topic."""
    if re.search(r"\b(?:finish|start|end|held|propos|attend|chair|take place)\w*", question, re.I):
        meeting = _MEETING.search(base)
        if meeting:
            return (
                meeting.group(0)
                if meeting.group(0).lower().startswith("the")
                else (f"the {meeting.group(0)}")
            )
    return _topic(base)


def _topic_span(question: str) -> tuple[int, int] | None:
    m = re.search(
        r"\b(?:about|regarding|concerning)\s+(?:the\s+)?(?P<topic>[\w'’ -]+?)"
        r"(?:\s+(?:at|in|during|between|from|since|by)\b.*)?\s*[?.]?$",
        question,
        re.I,
    )
    return m.span("topic") if m and tokenize(m.group("topic")) else None


def _new_ask_of_same(text: str, rest: str, base: str) -> Resolution:
    """'and the actions?': a new thing asked of the same meeting, paper or period."""
    asked = re.sub(r"^(?:(?:the|for|in|about)\s+)+", "", rest.rstrip(" ?.!"), flags=re.I)
    context = _context(base)
    if not asked or context is None or not tokenize(asked):
        return Resolution(
            text,
            follow_up=True,
            unresolved=f"I can't tell what “{text}” asks after “{base}”: please ask it in full.",
        )
    verb = "were" if asked.lower().endswith("s") else "was"
    return Resolution(f"What {verb} the {asked} {context}?", follow_up=True)


_MEETING = re.compile(
    rf"\b(?:the )?(?:\d{{1,2}}\s+)?{_MONTHS}\s+(?:19|20)\d{{2}}\s+(?:\w+\s+)?(?:meeting|pack|minutes|agenda)\b|"
    rf"\b(?:the )?(?:\w+\s+)?meeting (?:of|on|held on)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?:19|20)\d{{2}}|"
    r"\b(?:the )?(?:first|last|latest|previous|next) meeting\b",
    re.I,
)


_DATED_MEETING = re.compile(
    rf"\b(?:the )?(?:\w+\s+)?meeting (?:of|on|held on)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"{_MONTHS}\s+(?:19|20)\d{{2}}|\b(?:the )?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+"
    rf"(?:19|20)\d{{2}}\s+(?:\w+\s+)?meeting\b",
    re.I,
)


def _carry_parts(
    target: str,
    shift: re.Match[str] | None,
    periods: Sequence[str],
    areas: Sequence[str],
    measure: str | None,
    answer: str = "",
) -> str:
    """``target`` with the base question's period, place and measure replaced by the new ones;
    a period shifted from the one the answer gave when the question named only its paper."""
    out = target
    base_periods = list(PERIOD.finditer(out))
    if shift is not None:
        unit = (shift.group("unit") or shift.group("unit2") or "year").lower()
        direction = (shift.group("dir") or shift.group("dir2") or "").lower()
        count = (shift.group("count") or "1").lower()
        years = int(count) if count.isdigit() else _COUNTS.get(count, 1)
        delta = years if direction in ("after", "later", "next", "following") else -years
        data_periods = [m for m in base_periods if not _is_paper_reference(out, m)]
        if unit == "year":
            for m in reversed(data_periods):
                out = _replace(out, m.span(), _shift_years(m.group(0), delta))
            stated = [m for m in PERIOD.finditer(answer) if not _is_paper_reference(answer, m)]
            if not data_periods and stated:
                out = _append(out, f"for {_shift_years(stated[0].group(0), delta)}")
    elif periods:
        if base_periods:
            first = base_periods[0]
            out = _replace(out, first.span(), periods[0])
        else:
            out = _append(out, f"in {periods[0]}")
    if areas:
        base_areas = [a for a in areas_in(target) if _area_span(out, a)]
        where = _area_span(out, base_areas[0]) if base_areas else None
        if where is not None:
            possessive = out[where[0] : where[1]].endswith("'s")
            out = _replace(out, where, areas[0] + ("'s" if possessive else ""))
        else:
            out = _append(out, f"in {areas[0]}")
    if measure:
        span = _measure_span(out)
        if span is not None:
            out = _replace(out, span, measure)
    return out


_PAPER_NOUN = re.compile(
    r"\s*(?:[A-Z][\w-]*\s+){0,3}(?:pack|dashboard|report|assessment|strategy|minutes|agenda|"
    r"paper|update|table|meeting|summary|survey)s?\b",
    re.I,
)


def _is_paper_reference(text: str, period: re.Match[str]) -> bool:
    """'the January 2018 dashboard', 'the 2017 strategic assessment': a paper, not a period."""
    return bool(_PAPER_NOUN.match(text, period.end())) and not re.search(
        r"\b(?:in|for|during|between|to|from|of)\s*$", text[: period.start()], re.I
    )


def _names_someone(text: str) -> bool:
    return any(looks_like_name(m.group(0)) for m in MENTION.finditer(text))


def _person_in(question: str) -> str | None:
    for m in MENTION.finditer(question):
        if looks_like_name(m.group(0)):
            return strip_title(m.group(0))
    return None


def _thing_is_reference(text: str) -> bool:
    """'it' in 'who proposed it?' points back; 'is it true that ...' and 'this year' do not."""
    m = _THING_PRONOUN.search(text)
    if m is None:
        return False
    after = text[m.end() :].lstrip().lower()
    return not re.match(r"(?:year|month|week|quarter|meeting|time|period|board|report)\b", after)
