"""Whether a passage and a unit of it fit the question as read: the passage is about every name,
year and month asked; the unit holds an answer of the kind wanted (a figure of the asked
kind, a person, a date, a place, a decision, an action); and how much of the question's
topic, weighted by rarity, its words cover. Pure functions for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from assistant.compose import Unit, has_quantity
from board.dates import DAY_NAME, MONTH_NAME, MONTH_NAMES, find_dates
from board.month_runs import dated_months
from board.names import looks_like_name
from board.profile import BoardProfile
from board.question import Question
from board.records import Chunk, long_date
from board.text import is_table_row, root, tokenize, words_of

# Words that say what kind of answer is wanted ("what was decided", "where was it held"):
# the answer's type stands for them, so a passage need not repeat them.
INTENT_WORDS = frozenset(
    """decision decide decided resolve resolved resolution agree agreed approve approved asked
    make made held hold take took chair chaired attend attended going scheduled happen
    happened discuss discussed""".split()  # noqa: SIM905
)

_PERSON = re.compile(
    r"\b(?:Cllr|Councillor|Clir|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Rev|Prof)\.?\s+[A-Z]"
    r"|\b[A-Z]\.?\s?[A-Z][a-z]+\b"
    r"|\b[A-Z]{2,4}\b(?=\s+(?:to|will|would|agreed|and|reported|said|asked)\b)"
    r"|\b(?:[Tt]he )?(?:[Cc]lerk|[Cc]hair(?:man|woman|person)?|[Tt]reasurer|[Ss]ecretary"
    r"|[Mm]ayor|[Dd]irector|[Mm]anager|[Oo]fficer|[Cc]hief)\b"
)

FIGURE_ROW = re.compile(r"[\t|]\s*[-(£$€]?\d")  # a table row with figures in its cells

_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-z'’-]+\b")

_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}[a-z]*\b"
    rf"|\b{MONTH_NAME}[a-z]*\.?\s+\d{{1,2}}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?"
    rf"|\b\d{{1,2}}\s*(?:am|pm)\b|\b{DAY_NAME}\b"
    r"|\b(?:19|20)\d{2}\b",
    re.I,
)

_PLACE = re.compile(
    r"\b(?:hall|room|centre|center|school|church|chamber|chambers|offices?|library|house|zoom"
    r"|teams|online|virtual|pavilion|hotel|building|street|road|lane|avenue)\b",
    re.I,
)

_DECIDED = re.compile(
    r"\b(?:resolved|agreed|approved|decided|carried|unanimous(?:ly)?|voted|accepted|adopted"
    r"|rejected|declined|endorsed|ratified|noted|confirmed|motion|moved|seconded|not to)\b",
    re.I,
)

_ACTION = re.compile(
    r"\b(?:to|will|would|agreed to|asked to|action(?:ed)?|volunteered|offered|undertook"
    r"|chase|contact|arrange|write|email|circulate|investigate|look into)\b",
    re.I,
)


def topic_of(question: Question) -> tuple[str, ...]:
    """What the question asks about, beyond the names and periods that say whose and when:
    those are checked against the passage and its paper; these must be in the answer."""
    periods = {m[:3] for m in MONTH_NAMES}
    topic = tuple(
        t
        for t in question.terms
        if t not in question.names
        and t[:3] not in periods
        and t not in INTENT_WORDS
        and not any(c.isdigit() for c in t)
    )
    return topic or question.terms


def _month(iso: str) -> tuple[int, int]:
    return int(iso[:4]), int(iso[5:7])


def of_named_month(
    question: Question, chunk: Chunk, file_date: Callable[[str], str | None]
) -> bool:
    """Whether a passage can speak of the months the question names: its meeting was held in
    one, or its text names one ("January 2018", "Jan-18"); a passage with no date may."""
    if not question.named_months or not chunk.meeting_date:
        return True
    held = (int(chunk.meeting_date[:4]), int(chunk.meeting_date[5:7]))
    if question.for_meeting and any(
        0 <= _months_between(held, named) <= 2 for named in question.named_months
    ):
        return True  # "to research for the December meeting": set at a meeting before it
    if question.paper_months:
        # "according to the July 2013 pack": that paper (or the file it is in), not January's;
        # or a later meeting's record of it, by its full date ("Minutes of the Last Meeting
        # held on 25 February 2014: … was deleted"), not an earlier paper announcing it
        filed = file_date(chunk.source) or chunk.meeting_date
        return (
            held in question.paper_months
            or _month(filed) in question.paper_months
            or any(
                (d.year, d.month) in question.paper_months and (d.year, d.month) < held
                for d in find_dates(chunk.text, in_full=True)
            )
        )
    if question.intent not in ("meeting", "decision", "action", "people"):
        return True  # "in the 12 months to March 2017": a period, weighed as the question's words
    return held in question.named_months  # "the November 2019 meeting": not minutes naming it


_MONTH_WORD = re.compile(rf"\b{MONTH_NAME}\b", re.I)


def of_asked_month(question: Question, passage: str, head: str = "") -> bool:
    """Whether a passage can give a figure for the month the question asks it for ("in May
    2020"): it names that month, or no month at all; a paper headed "April 2020" answers
    nothing about May."""
    if not question.wants_figure or not question.months:
        return True
    named = {m.group(0).lower()[:3] for m in _MONTH_WORD.finditer(f"{head} {passage}")}
    asked = {month.lower()[:3] for month, _ in question.months}
    return not named or bool(named & asked)


def _day(iso: str | None) -> date | None:
    """A paper's date as a day, or None when it has none or only a year or month."""
    try:
        return date.fromisoformat(iso[:10]) if iso and len(iso) >= 10 else None
    except ValueError:
        return None


def of_charted_month(question: Question, passage: str, meeting_date: str | None) -> bool:
    """Whether a table passage can give a figure for the month and year asked: where its
    header is a run of months it dates ("July ... Dec., 19-Jan, ... June": July 2018 to June
    2019), one of them is the month asked; June 2018 is not in that chart."""
    if not question.wants_figure or not question.months:
        return True
    anchor = _day(meeting_date)
    charted: set[tuple[int, int]] = set()
    for line in passage.split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        for label in dated_months(cells, anchor).values():
            month, year = label.split()
            charted.add((int(year), MONTH_NAMES.index(month.lower()) + 1))
    if not charted:
        return True
    asked = {(int(y), MONTH_NAMES.index(m.lower()) + 1) for m, y in question.months}
    return bool(asked & charted)


_QUANTITY_WORDS = (
    "cost costs costing price spend spent spending pay paid paying amount sum fee charge "
    "money total much many number"
)

CONTACT = re.compile(r"\+?\d[\d ()-]{7,}\d|[\w.+-]+@[\w-]+\.[\w.]+")


def _months_between(start: tuple[int, int], end: tuple[int, int]) -> int:
    return (end[0] - start[0]) * 12 + end[1] - start[1]


def unknown_words(question: Question, known: Callable[[str], bool]) -> list[str]:
    """The question's topic words that no paper uses in any form ("bonfire" when no paper
    mentions a bonfire): what the question hinges on is not in the papers."""
    return [t for t in topic_of(question) if len(t) >= 6 and not known(t) and not known(root(t))]


def needs_type(question: Question) -> bool:
    return question.answer_type in ("number", "person", "date", "place")


def has_answer_type(question: Question, unit: Unit, profile: BoardProfile) -> bool:
    text = unit.display
    kind = question.answer_type
    if kind == "number":
        # a short table row's count sits under its column's heading, not by the counted word
        # a short table row's count sits under its column's heading, not by the counted word
        short_row = is_table_row(unit.text) and len(unit.text.split()) <= 30
        noun = None if short_row else question.counted
        return has_quantity(text, question.quantity or "count", noun) or (
            question.quantity == "money"
            and has_quantity(text, "count")
            and bool(re.search(r"[$€£]|\b(?:dollars|euros|pounds)\b", text, re.I))
        )
    if kind == "person":
        asked = question.words
        named = [m.group(0) for m in _PERSON.finditer(text)]
        named += [
            m.group(0)
            for m in _FULL_NAME.finditer(text)
            if looks_like_name(m.group(0), profile) and not _PLACE.search(m.group(0))
        ]
        # "the Chairperson" names no one when the question asks who chaired
        return any(not set(tokenize(n)) <= asked for n in named)
    if kind == "date":
        return bool(_DATE.search(text))
    if kind == "place":
        return bool(_PLACE.search(text)) or bool(re.search(r"\b(?:at|in)\s+[A-Z][a-z]+", text))
    if kind == "decision":
        return bool(_DECIDED.search(text))
    if kind == "action":
        return bool(_ACTION.search(text))
    return True


def passage_text(chunk: Chunk) -> str:
    return f"{chunk.doc_title} {heading(chunk)} {chunk.text}"


def heading(chunk: Chunk) -> str:
    when = long_date(chunk.meeting_date) if chunk.meeting_date else ""
    return f"{chunk.title} {chunk.section} {when}"


def about_names(names: Sequence[str], passage: str, head: str = "") -> bool:
    """Whether a passage is about every name and year asked: a year or number must be in the
    passage (its text, headings or meeting date); a name of a body or place may be written
    once at the head of its paper instead."""
    tokens, stems = words_of(passage)
    head_tokens, head_stems = words_of(head)
    for name in names:
        if name in tokens or root(name) in stems:
            continue
        if not any(c.isdigit() for c in name) and (name in head_tokens or root(name) in head_stems):
            continue
        if "/" in name and _financial_year(name, passage):
            continue
        if (
            name.isdigit()
            and len(name) == 4
            and (f"{name[2:]}/" in passage or f"/{name[2:]}" in passage)
        ):
            continue
        return False
    return True


def _financial_year(name: str, passage: str) -> bool:
    """'2021/22' written '2021/2022', '21/22', '2021-22' or '2021-2022'."""
    first, _, second = name.partition("/")
    if not (first.isdigit() and second.isdigit()):
        return False
    start = first[-2:]
    end = second[-2:]
    return bool(re.search(rf"(?:\b20)?{start}\s*[/-]\s*(?:20)?{end}\b", passage))


QUANTITY_ROOTS = frozenset(root(w) for w in _QUANTITY_WORDS.split())
