"""The reader: answers from the passages retrieval found, for any board's papers.

Candidate answer units are cut from the top passages (sentences rebuilt across the
line wraps of a PDF, a lead-in with the list under it, a labelled field such as
"Clerk: Joan Todd", a table row with its header). Each is scored for how well it
answers the question record: its rare words, the names and years it must be
about, the kind of answer wanted (a figure of the asked kind, a person, a date, a
place, a decision) and the embedding model's similarity. The question is answered
only when the best unit holds an answer of the wanted kind and the passage it
sits in is about every name and year the question gives; otherwise "Not in the
papers", naming the nearest thing found when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.compose import (
    NOT_FOUND,
    Unit,
    has_quantity,
    plain,
    render_units,
    row_display,
)
from board.dates import MONTH_NAMES
from board.names import looks_like_name
from board.question import Question
from board.records import AnswerStatus, Chunk, Citation, long_date
from board.text import SENTENCE_END, is_table_row, stem, tokenize
from retrieval.search import Hit

# Thresholds, chosen on the development and shipped gold sets together (`boardqa eval
# --curve`); the support threshold is a setting (answer.min_passage_support).
MIN_DENSE = 0.25  # the passage's cosine similarity with the question
MIN_FIGURE_TOPIC = 0.5  # idf share of the topic words a figure's own sentence must hold
KEEP_RATIO = 0.6  # units scoring this close to the best are quoted too
RERANK_DEPTH = 24
MAX_UNITS = 4

# Words that say what kind of answer is wanted ("what was decided", "where was it held"):
# the answer's type stands for them, so a passage need not repeat them.
INTENT_WORDS = frozenset(
    """decision decide decided resolve resolved resolution agree agreed approve approved asked
    make made held hold take took chair chaired attend attended going scheduled happen
    happened discuss discussed""".split()  # noqa: SIM905
)
_BULLET = re.compile(r"^\s*(?:[-*•\uf0b7\uf0a7▪●◦]|\(?[a-z0-9]{1,3}[.)])\s+")
_LABEL = re.compile(r"^\s*([A-Z][\w ’'/&-]{1,40}?)\s*[:–]\s*(\S.*)?$")
_ENDS_SENTENCE = re.compile(r"[.!?;:]['\")\]]?\s*$")
_PERSON = re.compile(
    r"\b(?:Cllr|Councillor|Clir|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Rev|Prof)\.?\s+[A-Z]"
    r"|\b[A-Z]\.?\s?[A-Z][a-z]+\b"
    r"|\b[A-Z]{2,4}\b(?=\s+(?:to|will|would|agreed|and|reported|said|asked)\b)"
    r"|\b(?:[Tt]he )?(?:[Cc]lerk|[Cc]hair(?:man|woman|person)?|[Tt]reasurer|[Ss]ecretary"
    r"|[Mm]ayor|[Dd]irector|[Mm]anager|[Oo]fficer|[Cc]hief)\b"
)
_FIGURE_ROW = re.compile(r"[\t|]\s*[-(£$€]?\d")  # a table row with figures in its cells
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-z'’-]+\b")
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"|\b\d{1,2}\s*(?:am|pm)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
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


@dataclass(frozen=True)
class Reading:
    """What the reader found: the answer (status, text, citations) and how it decided."""

    status: AnswerStatus
    text: str
    citations: tuple[Citation, ...]
    reason: str  # why it answered or abstained, for the tool call record
    support: float | None = None  # the best unit's support, when there was one
    units: tuple[Unit, ...] = ()  # the units quoted


@dataclass(frozen=True)
class _Scored:
    score: float
    support: float
    rank: int
    unit: Unit


def answer_units(chunk: Chunk) -> list[Unit]:
    """A passage's quotable units: sentences rebuilt across line wraps, a lead-in with the
    list under it, labelled fields, and table rows shown with their header."""
    lines = chunk.text.split("\n")
    numbers = chunk.line_numbers if len(chunk.line_numbers) == len(lines) else (None,) * len(lines)
    units: list[Unit] = []
    header: list[str] | None = None
    buffer: list[tuple[str, int | None]] = []
    lead_in: Unit | None = None
    items: list[Unit] = []

    def flush() -> None:
        if not buffer:
            return
        text = " ".join(t.strip() for t, _ in buffer)
        first, last = buffer[0][1], buffer[-1][1]
        buffer.clear()
        for sentence in SENTENCE_END.split(text):
            if len(sentence.split()) >= 2 and plain(sentence):
                units.append(_unit(chunk, sentence, first, last))

    def close_list() -> None:
        nonlocal lead_in
        if lead_in is not None and items:
            joined = (
                lead_in.display.rstrip(":")
                + ": "
                + "; ".join(_BULLET.sub("", i.display).rstrip(".;") for i in items)
            )
            units.append(_unit(chunk, joined, lead_in.line, items[-1].line_end, raw=joined))
        lead_in = None
        items.clear()

    for raw, number in zip(lines, numbers, strict=True):
        if not raw.strip():
            flush()
            continue
        if is_table_row(raw):
            flush()
            cells = [c.strip() for c in raw.strip().strip("|").split("\t" if "\t" in raw else "|")]
            if header is None:
                header = cells
                units.append(Unit(raw, plain(raw), number, chunk.page, chunk, number))
            else:
                units.append(
                    Unit(raw, row_display(header, cells), number, chunk.page, chunk, number)
                )
            continue
        header = None
        text = raw.strip()
        if _BULLET.match(text):
            flush()
            item = _unit(chunk, text, number, number)
            units.append(item)
            if lead_in is not None:
                items.append(item)
            continue
        if lead_in is not None and len(text.split()) <= 14 and not buffer:
            # a list whose items the paper set on lines of their own, without bullets
            item = _unit(chunk, text, number, number)
            units.append(item)
            items.append(item)
            if len(items) >= 12:
                close_list()
            continue
        if items:
            close_list()
        if text.endswith(":") and len(text.split()) >= 2:
            # the sentence this line ends introduces a list: "... four areas. These are:"
            first = buffer[0][1] if buffer else number
            joined = " ".join([*(t.strip() for t, _ in buffer), text])
            buffer.clear()
            *before, last = SENTENCE_END.split(joined)
            for sentence in before:
                if len(sentence.split()) >= 2 and plain(sentence):
                    units.append(_unit(chunk, sentence, first, number))
            if len(joined.split()) < 3:
                continue
            lead_in = _unit(chunk, joined if len(last.split()) < 4 else last, first, number)
            units.append(lead_in)
            continue
        label = _LABEL.match(text)
        if label and len(label.group(1).split()) <= 4:
            # "Clerk: Joan Todd", "Venue: Village Hall": one field a line
            flush()
            units.append(_unit(chunk, text, number, number))
            continue
        if buffer and (_ENDS_SENTENCE.search(buffer[-1][0]) and text[:1].isupper()):
            flush()
        buffer.append((text, number))
    flush()
    close_list()
    return units


def _unit(
    chunk: Chunk, text: str, first: int | None, last: int | None, raw: str | None = None
) -> Unit:
    return Unit(raw or text, plain(text), first, chunk.page, chunk, last)


def read(
    question: Question,
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    similarity: Callable[[Sequence[str]], Sequence[float]] | None = None,
    paper: Callable[[str], str] = lambda source: "",
    known: Callable[[str], bool] = lambda word: True,
    min_support: float = 0.4,
    file_date: Callable[[str], str | None] = lambda source: None,
) -> Reading:
    """Answer ``question`` from ``hits`` or abstain, saying why. ``paper`` gives a paper's
    whole text by source: a name written once at a paper's head still dates its passages;
    ``known`` says whether any paper uses a word (or a word starting with it)."""
    if not hits or not question.terms:
        return Reading("not_found", NOT_FOUND, (), "no passages or no content words")
    unknown = unknown_words(question, known)
    if unknown:
        said = ", ".join(f"“{question.as_written(w)}”" for w in unknown)
        return Reading(
            "not_found", f"{NOT_FOUND} No paper mentions {said}.", (), f"unknown words: {said}"
        )
    topic = _topic(question)
    # What a figure is asked of, without the words that only say "how much" ("cost",
    # "spent", "paid"): a sum said of a wreath is no answer to what the website is costing.
    subject = tuple(t for t in topic if _root(t) not in _QUANTITY_ROOTS) or topic
    # "what do its figures show?": the table rows under a sentence are the figures
    asks_figures = question.asks_figures
    scored: list[_Scored] = []
    skipped: dict[str, int] = {}
    for rank, hit in enumerate(hits):
        passage = _passage_text(hit.chunk)
        head = paper(hit.chunk.source)
        if not _about_names(question.names, passage, head):
            skipped["names"] = skipped.get("names", 0) + 1
            continue
        if not _of_named_month(question, hit.chunk, file_date):
            skipped["month"] = skipped.get("month", 0) + 1
            continue  # minutes of September answer nothing about a November meeting
        asked = question.words | set(tokenize(hit.chunk.section))
        units = answer_units(hit.chunk)
        for i, unit in enumerate(units):
            if len(_BULLET.sub("", unit.display).split()) < 2:
                continue  # a bullet or a stray mark, not a statement
            novel = set(tokenize(unit.text)) - asked
            if len(novel) < 2 and not any(t.isdigit() for t in novel):
                continue  # a heading or label that only repeats the question ("Quorum 3" adds)
            if question.asks_contact and not _CONTACT.search(unit.text):
                continue  # a telephone number or e-mail address is asked: only units giving one
            typed = _has_answer_type(question, unit)
            if _needs_type(question) and not typed:
                continue  # a figure, person, date or place is asked: only units holding one
            own = _coverage(topic, unit.text, idf)
            if (
                question.wants_figure
                and min(own, _coverage(subject, unit.text, idf)) < MIN_FIGURE_TOPIC
            ):
                continue  # a number in a sentence about something else
            near = " ".join(u.text for u in units[max(0, i - 1) : i + 2])
            about = _coverage(topic, f"{hit.chunk.section} {near}", idf)
            in_context = _coverage(question.terms, f"{_heading(hit.chunk)} {near} {head}", idf)
            support = 0.5 * about + 0.5 * in_context
            prior = 0.1 / (rank + 1) + 0.2 * max(hit.dense or 0.0, 0.0)
            listed = question.answer_type == "list" and "; " in unit.display
            brevity = -0.1 if listed else 0.1 * min(1.0, len(unit.text.split()) / 60)
            # a row of figures, not the header row above them
            figures = asks_figures and bool(_FIGURE_ROW.search(unit.text))
            score = support + 0.3 * own + prior - brevity + (0.15 if figures else 0.0)
            scored.append(_Scored(score, support, rank, unit))
    if not scored:
        why = ", ".join(f"{n} passages {k}" for k, n in skipped.items()) or "no units"
        return _abstain(question, hits, paper, f"no passage fits: {why}")
    scored.sort(key=lambda s: -s.score)
    if similarity is not None:
        best_few = scored[:RERANK_DEPTH]
        sims = similarity([" ".join(s.unit.display.split()[:60]) for s in best_few])
        reranked = [
            _Scored(s.score + 0.5 * sim, s.support, s.rank, s.unit)
            for s, sim in zip(best_few, sims, strict=True)
        ]
        scored = sorted(reranked, key=lambda s: -s.score) + scored[RERANK_DEPTH:]
    best = scored[0]
    dense = hits[best.rank].dense
    if best.support < min_support or (dense is not None and dense < MIN_DENSE):
        why = (
            f"best support {best.support:.2f} below {min_support}"
            if best.support < min_support
            else f"passage similarity {dense:.2f} below {MIN_DENSE}"
        )
        return replace(_abstain(question, hits, paper, why), support=best.support)
    chosen: list[Unit] = []
    seen: set[str] = set()
    most = MAX_UNITS
    for s in scored:
        key = s.unit.display.lower()
        if (
            not key.strip(" -•.;:")
            or s.score < best.score * KEEP_RATIO
            or key in seen
            or len(chosen) >= most
        ):
            continue
        if any(key in c.display.lower() or c.display.lower() in key for c in chosen):
            continue
        seen.add(key)
        chosen.append(s.unit)
    if asks_figures:
        chosen = _with_table_rows(chosen)
    text, citations = render_units(chosen)
    return Reading(
        "answered", text, citations, f"support {best.support:.2f}", best.support, tuple(chosen)
    )


def _with_table_rows(chosen: list[Unit], most: int = 3) -> list[Unit]:
    """A question about "the figures" quoting one row of a small table gets its neighbouring
    rows of figures too: the rows are read together, as the table sets them out."""
    out = list(chosen)
    for unit in chosen:
        if not _FIGURE_ROW.search(unit.text) or unit.line is None:
            continue
        added = 0
        for other in answer_units(unit.chunk):
            if (
                other.line is not None
                and 0 < abs(other.line - unit.line) <= most
                and _FIGURE_ROW.search(other.text)
                and all(other.display != u.display for u in out)
            ):
                out.append(other)
                added += 1
        if added:
            break
    return out


def combine(whole: Reading, parts: Sequence[Reading]) -> Reading:
    """One answer to a compound question from the readings of the whole and of its parts
    ("When did X join, and why had he left?", "The January pack said X. What did July say?").

    Answered when the whole is, or when every part is; the parts' units are quoted after the
    whole's, each once, so every part of the question gets its sentence."""
    if not parts or (whole.status != "answered" and any(p.status != "answered" for p in parts)):
        return whole
    units: list[Unit] = list(whole.units)
    for part in parts:
        for unit in part.units[:2]:
            key = unit.display.lower()
            if not any(key in u.display.lower() or u.display.lower() in key for u in units):
                units.append(unit)
    units = units[: MAX_UNITS + 2]
    text, citations = render_units(units)
    supports = [r.support for r in (whole, *parts) if r.support is not None]
    reason = "; ".join(r.reason for r in (whole, *parts))
    return Reading(
        "answered", text, citations, reason, max(supports) if supports else None, tuple(units)
    )


def _topic(question: Question) -> tuple[str, ...]:
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


def _of_named_month(
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
        # "according to the July 2013 pack": that paper (or the file it is in), not January's
        filed = file_date(chunk.source) or chunk.meeting_date
        return held in question.paper_months or _month(filed) in question.paper_months
    if question.intent not in ("meeting", "decision", "action", "people"):
        return True  # "in the 12 months to March 2017": a period, weighed as the question's words
    return held in question.named_months  # "the November 2019 meeting": not minutes naming it


_QUANTITY_WORDS = (
    "cost costs costing price spend spent spending pay paid paying amount sum fee charge "
    "money total much many number"
)
_CONTACT = re.compile(r"\+?\d[\d ()-]{7,}\d|[\w.+-]+@[\w-]+\.[\w.]+")


def _months_between(start: tuple[int, int], end: tuple[int, int]) -> int:
    return (end[0] - start[0]) * 12 + end[1] - start[1]


def unknown_words(question: Question, known: Callable[[str], bool]) -> list[str]:
    """The question's topic words that no paper uses in any form ("bonfire" when no paper
    mentions a bonfire): what the question hinges on is not in the papers."""
    return [t for t in _topic(question) if len(t) >= 6 and not known(t) and not known(_root(t))]


def _needs_type(question: Question) -> bool:
    return question.answer_type in ("number", "person", "date", "place")


def _has_answer_type(question: Question, unit: Unit) -> bool:
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
            if looks_like_name(m.group(0)) and not _PLACE.search(m.group(0))
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


def _passage_text(chunk: Chunk) -> str:
    return f"{chunk.doc_title} {_heading(chunk)} {chunk.text}"


def _heading(chunk: Chunk) -> str:
    when = long_date(chunk.meeting_date) if chunk.meeting_date else ""
    return f"{chunk.title} {chunk.section} {when}"


def _about_names(names: Sequence[str], passage: str, head: str = "") -> bool:
    """Whether a passage is about every name and year asked: a year or number must be in the
    passage (its text, headings or meeting date); a name of a body or place may be written
    once at the head of its paper instead."""
    tokens, stems = _words(passage)
    head_tokens, head_stems = _words(head)
    for name in names:
        if name in tokens or _root(name) in stems:
            continue
        if not any(c.isdigit() for c in name) and (
            name in head_tokens or _root(name) in head_stems
        ):
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


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A text's tokens and their roots, read once however many questions weigh the text."""
    tokens = frozenset(tokenize(text))
    return tokens, frozenset(_root(t) for t in tokens)


@lru_cache(maxsize=65536)
def _root(word: str) -> str:
    """A word's root for matching 'tarmacking' with 'tarmac' and 'resolved' with 'resolve'."""
    word = stem(word)
    for suffix in ("ing", "ed", "ion", "ment", "er", "al", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_QUANTITY_ROOTS = frozenset(_root(w) for w in _QUANTITY_WORDS.split())


def _coverage(terms: Sequence[str], text: str, idf: Callable[[str], float]) -> float:
    if not terms:
        return 0.0
    tokens, roots = _words(text)
    total = sum(idf(t) for t in terms)
    got = sum(idf(t) for t in terms if t in tokens or _root(t) in roots)
    return got / total if total else 0.0


def _abstain(
    question: Question, hits: Sequence[Hit], paper: Callable[[str], str], why: str
) -> Reading:
    """Not in the papers; when the question names something no passage found mentions, say so."""
    passages = [(_passage_text(h.chunk), paper(h.chunk.source)) for h in hits]
    missing = [n for n in question.names if not any(_about_names((n,), p, h) for p, h in passages)]
    words = [question.as_written(n) for n in missing]
    if words:
        said = ", ".join(f"“{w}”" for w in words)
        return Reading(
            "not_found", f"{NOT_FOUND} None of the passages found mentions {said}.", (), why
        )
    return Reading("not_found", NOT_FOUND, (), why)
