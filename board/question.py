"""A question read once: what it asks for, about what, when and where.

`read_question` is pure and cheap; the assistant reads each question once and
hands the record to the reader and the tools. It knows no board: places and
bodies come from the profile it is given, everything else from general English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from board.asks import RecordAsk, read_record_ask
from board.dates import MONTH_NAMES, find_dates
from board.errors import QuestionError
from board.figure_question import FigureQuestion, read_figure, without_paper_refs
from board.intents import (
    answer_type_of,
    counted_noun,
    direction_of,
    intent_of,
    plan_intent,
    wanted_quantity,
)
from board.profile import BoardProfile
from board.prose_figure import ProseFigureAsk, figure_only, read_prose_figure
from board.settings import get_settings
from board.text import QUESTION_WORDS, STOPWORDS, tokenize

# What kind of thing the answer must contain.
ANSWER_TYPES = ("number", "person", "date", "place", "decision", "action", "list", "passage")
YEAR = re.compile(r"\b(?:19|20)\d{2}/\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{2}/\d{2}\b")
_MONTH_YEAR = re.compile(
    rf"(?:(?P<before>\w+)\s+)?\b(?:in|during|for|as at)\s+(?P<month>{'|'.join(MONTH_NAMES)})"
    r"\s+(?P<year>(?:19|20)\d{2})\b",
    re.I,
)
_NAMED_MONTH = re.compile(
    rf"\b({'|'.join(MONTH_NAMES)})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+((?:19|20)\d{{2}})\b", re.I
)
_PAPER_MONTH = re.compile(
    rf"\b({'|'.join(MONTH_NAMES)})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+((?:19|20)\d{{2}})\s+"
    r"(?:board\s+|council\s+)?(?:pack|minutes|agenda|papers?|meeting|update|report)\b",
    re.I,
)
# "the CRC update in October 2017" dates the paper, not the figures.
_PAPER_NOUNS = frozenset(
    """update updates pack report reports paper papers meeting minutes dashboard assessment
    agenda presentation slides board""".split()  # noqa: SIM905
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_REFERS_BACK = re.compile(r"\b(?:it|its|they|their|them|this|these|that|those|he|she)\b", re.I)
# a name, an acronym, or a reference whole ("PL/00489", "A40")
_NAME = re.compile(r"\b(?:[A-Z]+/\d[\w/]*|[A-Z][\w'’]*[a-z]\w*|[A-Z]{2,}s?|[A-Z]+\d[\w]*)\b")
# A day of a date ("31 March 2018", "March 31") is a date, not a name to look for.
_DAY_OF_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(MONTH_NAMES)})\b"
    rf"|\b(?:{'|'.join(MONTH_NAMES)})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d)",
    re.I,
)
_FIGURES_ASKED = re.compile(r"\b(?:figures?|numbers|data|statistics)\b", re.I)
_CONTACT_ASKED = re.compile(
    r"\b(?:tele)?phone(?: number)?\b|\be-?mail(?: address)?\b|\bcontact (?:details|number)\b",
    re.I,
)
_FOR_MEETING = re.compile(r"\b(?:for|before|by|ahead of)\b[^?]*\bmeeting\b", re.I)
_TITLES = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord|Rev|Prof)\.?$")
_PAPER_TYPES = {
    "minutes": "minutes",
    "agenda": "agenda",
    "strategy": "strategy",
    "report": "report",
    "pack": "pack",
}


@dataclass(frozen=True)
class Question:
    """One question as read: every tool and the reader take this, none re-parses the text."""

    text: str
    asked: str  # the sentence that asks, when the question opens with what it knows
    terms: tuple[str, ...]  # content words of the asked part, stemmed, question words dropped
    names: tuple[str, ...]  # proper names, acronyms and numbers the answer must be about
    intent: str  # figure, change, compare, rank, trend, decision, action, meeting, people,
    #              list, timeline or passage
    answer_type: str  # one of ANSWER_TYPES
    quantity: str | None  # the figure's kind: count, money, percent, rate (None: not a figure)
    counted: str | None  # the thing a "how many" counts ("cameras")
    years: tuple[str, ...]
    months: tuple[tuple[str, str], ...]  # months asked as the figures' period
    named_months: tuple[tuple[int, int], ...]  # every (year, month) the question names
    paper_months: tuple[tuple[int, int], ...]  # months of the papers the asking names
    #                                            ("according to the July 2013 pack")
    dates: tuple[date, ...]
    areas: tuple[str, ...]  # places of the board's profile named
    people: tuple[str, ...]  # titled or full names ("Cllr Healey", "Jane Smith")
    paper_type: str | None
    direction: int  # +1 highest / rising, -1 lowest / falling, 0 neither
    parts: tuple[str, ...] = ()  # a compound question's parts, each to be read on its own
    record: RecordAsk = RecordAsk()  # what it asks of the minutes' record (board/asks.py)
    figure: FigureQuestion | None = None  # what it asks of the tables' figures
    prose: ProseFigureAsk | None = None  # what it asks of a figure stated in a sentence
    figure_only: bool = False  # only a figure answers it: a sentence sharing its words won't
    words: frozenset[str] = frozenset()  # every word of it, as the tokenizer reads words
    asks_figures: bool = False  # "what figures / data ...": a passage's figure row answers
    asks_contact: bool = False  # a phone number or email address is what it asks for
    for_meeting: bool = False  # "to research for the December meeting": set at one before it
    written: str = ""  # the words as the user wrote them, when a follow-up was read as `text`
    unresolved: str | None = None  # why a follow-up could not be read, for the user

    @property
    def understood(self) -> str | None:
        """The question as understood, to show the user, when a follow-up was rewritten."""
        return self.text if self.written and self.unresolved is None else None

    @property
    def wants_figure(self) -> bool:
        return self.quantity is not None

    def as_written(self, token: str) -> str:
        """A word as the question wrote it ('Milburn' for the token 'milburn')."""
        for word in re.findall(r"[\w'’/-]+", self.text):
            if token in tokenize(word):
                return word
        return token


def read_question(text: str, profile: BoardProfile, *, max_chars: int | None = None) -> Question:
    """The record of ``text``; cached, so reading a question twice costs nothing. Raises
    QuestionError for a question over ``max_chars`` (default: answer.max_question_chars)."""
    return _read(checked_question(text, max_chars), profile)


def checked_question(text: str, max_chars: int | None = None) -> str:
    """``text`` as it is read: runs of spaces joined, control characters (a terminal's escape
    codes, NUL) read as spaces and invisible format characters (zero-width spaces, direction
    overrides) dropped. QuestionError when it is too long to read as one question
    (``max_chars``, default: the answer.max_question_chars setting)."""
    limit = max_chars if max_chars is not None else get_settings().answer.max_question_chars
    joined = " ".join(text.split())
    if len(joined) > limit:
        raise QuestionError(
            f"The question is {len(joined):,} characters long and questions are limited to "
            f"{limit:,} (setting answer.max_question_chars), so that one pasted document "
            "cannot hold up the assistant: ask it in fewer words."
        )
    if joined.isprintable():
        return joined
    joined = _TERMINAL_CODE.sub(" ", joined)
    return " ".join("".join(_VISIBLE.get(unicodedata.category(ch), ch) for ch in joined).split())


# A terminal's colour and title codes, as text pasted from a terminal carries them.
_TERMINAL_CODE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
# Unicode categories of characters a question is read without: controls part words, format
# characters (zero-width spaces, bidi overrides, soft hyphens) and lone surrogates (bytes that
# were not UTF-8) are dropped.
_VISIBLE = {"Cc": " ", "Cf": "", "Cs": ""}


@lru_cache(maxsize=2048)
def _read(text: str, profile: BoardProfile) -> Question:
    asked = asked_part(text)
    board = profile.board_words | set(tokenize(" ".join(profile.board_words)))
    terms = tuple(t for t in dict.fromkeys(tokenize(asked)) if t not in QUESTION_WORDS | board)
    quantity = wanted_quantity(text)
    worded = intent_of(text, quantity)
    asking = _SENTENCE.split(text.strip())[-1]  # "... . When was it scheduled?" asks for a date
    counted = counted_noun(text)
    prose = read_prose_figure(text, profile, counted)
    record = read_record_ask(text)
    asks = _SENTENCE.split(asked.strip())[-1]
    names = _names(asks, board)
    figure = read_figure(text, profile)
    if figure is not None:
        figure = replace(figure, names=_subjects(without_paper_refs(asks), board, profile))
    intent = plan_intent(
        worded, record.kind, figure.intent if figure else None, prose.change if prose else None
    )
    return Question(
        text=text,
        asked=asked,
        terms=terms,
        names=names,
        intent=intent,
        answer_type=answer_type_of(asking, worded, quantity),
        quantity=quantity,
        counted=counted if quantity == "count" else None,
        years=tuple(YEAR.findall(text)),
        months=tuple(asked_months(text)),
        named_months=tuple(
            dict.fromkeys(
                (int(m.group(2)), MONTH_NAMES.index(m.group(1).lower()) + 1)
                for m in _NAMED_MONTH.finditer(text)
            )
        ),
        paper_months=tuple(
            dict.fromkeys(
                (int(m.group(2)), MONTH_NAMES.index(m.group(1).lower()) + 1)
                for m in _PAPER_MONTH.finditer(asking)
            )
        ),
        dates=tuple(find_dates(text, in_full=True)),
        areas=tuple(a for a in _areas(profile) if re.search(rf"\b{re.escape(a)}\b", text, re.I)),
        people=_people(text),
        paper_type=next(
            (v for k, v in _PAPER_TYPES.items() if re.search(rf"\b{k}\b", text, re.I)), None
        ),
        direction=direction_of(text),
        parts=question_parts(text),
        record=record,
        figure=figure,
        prose=prose,
        figure_only=figure_only(text, prose),
        words=frozenset(tokenize(text)),
        asks_figures=bool(_FIGURES_ASKED.search(text)),
        asks_contact=bool(_CONTACT_ASKED.search(text)),
        for_meeting=bool(_FOR_MEETING.search(text)),
    )


_AND_ASKS = re.compile(
    r",?\s+and\s+(?=(?:what|who|whom|when|where|why|how|which|did|was|were|is)\b)", re.I
)


def question_parts(text: str) -> tuple[str, ...]:
    """The parts of a compound question, each to be read on its own: the claim a question
    opens with ("The January pack said X."), and each of its conjoined asks ("When did X
    join, and why had he left?"); a later ask keeps the earlier one's words, for its names
    and dates. One part (nothing) for a simple question."""
    sentences = [s for s in _SENTENCE.split(text.strip()) if s]
    parts: list[str] = []
    if len(sentences) > 1 and sentences[-1].rstrip().endswith("?"):
        parts.append(" ".join(sentences[:-1]))
    asks: list[str] = []
    for piece in _AND_ASKS.split(sentences[-1]) if sentences else []:
        if asks and len(asks[-1].split()) < 3:
            asks[-1] = f"{asks[-1]} and {piece}"  # "When and where was it held": one ask
        else:
            asks.append(piece)
    if len(asks) > 1:
        first = asks[0].rstrip(" ,?") + "?"
        parts.append(first)
        parts.extend(f"{a.rstrip(' ?')} — {first}" for a in asks[1:])
    elif parts:
        parts.append(sentences[-1])  # the ask itself, which must be answered too
    return tuple(parts)


def asked_months(question: str) -> list[tuple[str, str]]:
    """The months a question asks figures for: "in January 2018", not "the July 2013 pack"
    or "the update in October 2017"."""
    return [
        (m.group("month"), m.group("year"))
        for m in _MONTH_YEAR.finditer(question)
        if (m.group("before") or "").lower() not in _PAPER_NOUNS
    ]


def asked_part(question: str) -> str:
    """The sentence that asks, when a question opens with what it already knows: "The
    January business case said X. Who approves it according to the July update?" asks the
    second sentence; the first only helps find passages."""
    sentences = [s for s in _SENTENCE.split(question.strip()) if s]
    if not sentences:
        return question
    last = sentences[-1]
    if len(sentences) > 1 and last.rstrip().endswith("?") and not _REFERS_BACK.search(last):
        return last
    return question


def _names(text: str, board: frozenset[str]) -> tuple[str, ...]:
    """Proper names and acronyms past the first word, years and other numbers, stemmed: a
    passage that answers must be about each of them."""
    found: list[str] = []
    run: list[str] = []

    def flush() -> None:
        # a run read whole, so "Anti Social Behaviour" folds as the papers' words do
        found.extend(t for t in tokenize(" ".join(run)) if t not in board)
        run.clear()

    last_end = 0
    for m in _NAME.finditer(text):
        word = m.group(0)
        if text[last_end : m.start()].strip(" -&") or not run:
            flush()
        last_end = m.end()
        if m.start() == 0 or text[: m.start()].rstrip().endswith(("?", ".")):
            continue  # the question's first word is capitalised anyway
        if _TITLES.match(word) or word.lower() in STOPWORDS or word.lower() in QUESTION_WORDS:
            continue
        if word.lower() in MONTH_NAMES:
            continue  # months are periods, read as such
        run.append(word)
    flush()
    # years and financial years; other numbers ("32 boroughs") are words of the question
    found.extend(t for t in tokenize(_DAY_OF_DATE.sub(" ", text)) if YEAR.fullmatch(t))
    return tuple(dict.fromkeys(found))


def _subjects(text: str, board: frozenset[str], profile: BoardProfile) -> tuple[str, ...]:
    """The proper names a figure question asks about ("Alameda" police): not a place of the
    profile, a year or a period's abbreviation ("FY")."""
    places = {t for a in _areas(profile) for t in tokenize(a)}
    return tuple(
        n
        for n in _names(text, board)
        if not n[:1].isdigit() and n not in places and not _PERIOD_ABBREVIATION.match(n)
    )


_PERIOD_ABBREVIATION = re.compile(r"^(?:fy|fytd|ytd|r12|q[1-4]|qtr)$")


def _areas(profile: BoardProfile) -> tuple[str, ...]:
    names = [profile.home_area or "", *profile.home_aliases, *profile.peer_areas]
    return tuple(n for n in names if n)


def _people(text: str) -> tuple[str, ...]:
    titled = re.findall(
        r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][a-z'’-]+", text
    )
    full = re.findall(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-z]+ [A-Z][a-z'’-]+\b", text)
    return tuple(dict.fromkeys([*titled, *full]))
