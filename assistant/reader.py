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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.compose import (
    NOT_FOUND,
    Unit,
    render_units,
)
from assistant.fit import (
    CONTACT,
    FIGURE_ROW,
    QUANTITY_ROOTS,
    about_names,
    has_answer_type,
    heading,
    needs_type,
    of_asked_month,
    of_charted_month,
    of_named_month,
    passage_text,
    topic_of,
    unknown_words,
)
from assistant.units import answer_units
from board.profile import BoardProfile
from board.question import Question
from board.records import AnswerStatus, Citation
from board.text import BULLET, coverage, root, tokenize
from retrieval.search import Hit

# Thresholds, chosen on the development and shipped gold sets together (`boardqa eval
# --curve`); the support threshold is a setting (answer.min_passage_support).
MIN_DENSE = 0.25  # the passage's cosine similarity with the question

MIN_FIGURE_TOPIC = 0.5  # idf share of the topic words a figure's own sentence must hold

KEEP_RATIO = 0.6  # units scoring this close to the best are quoted too

RERANK_DEPTH = 24

MAX_UNITS = 4


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


AGENDA_ONLY = (
    "The passages found are from an agenda, which lists what a meeting was to consider, "
    "not what it did."
)


def read(
    question: Question,
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    similarity: Callable[[Sequence[str]], Sequence[float]] | None = None,
    paper: Callable[[str], str] = lambda source: "",
    known: Callable[[str], bool] = lambda word: True,
    min_support: float = 0.4,
    file_date: Callable[[str], str | None] = lambda source: None,
    *,
    profile: BoardProfile,
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
    scored, skipped = _score(question, hits, idf, paper, file_date, profile)
    if not scored:
        why = ", ".join(f"{n} passages {k}" for k, n in skipped.items()) or "no units"
        return _abstain(question, hits, paper, f"no passage fits: {why}")
    scored = _reranked(sorted(scored, key=lambda s: -s.score), similarity)
    best = scored[0]
    dense = hits[best.rank].dense
    if best.support < min_support or (dense is not None and dense < MIN_DENSE):
        why = (
            f"best support {best.support:.2f} below {min_support}"
            if best.support < min_support
            else f"passage similarity {dense:.2f} below {MIN_DENSE}"
        )
        return replace(_abstain(question, hits, paper, why), support=best.support)
    chosen = _chosen(scored)
    if question.record.outcome and all(u.chunk.paper_type == "agenda" for u in chosen):
        return Reading("not_found", f"{NOT_FOUND} {AGENDA_ONLY}", (), "outcome asked of an agenda")
    if question.asks_figures:
        chosen = _with_table_rows(chosen)
    text, citations = render_units(chosen)
    return Reading(
        "answered", text, citations, f"support {best.support:.2f}", best.support, tuple(chosen)
    )


def _score(
    question: Question,
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    paper: Callable[[str], str],
    file_date: Callable[[str], str | None],
    profile: BoardProfile,
) -> tuple[list[_Scored], dict[str, int]]:
    """Every unit of the passages about the names and months asked that holds an answer of
    the kind wanted, scored; and how many passages were passed over, and why."""
    topic = topic_of(question)
    # What a figure is asked of, without the words that only say "how much" ("cost",
    # "spent", "paid"): a sum said of a wreath is no answer to what the website is costing.
    subject = tuple(t for t in topic if root(t) not in QUANTITY_ROOTS) or topic
    scored: list[_Scored] = []
    skipped: dict[str, int] = {}
    for rank, hit in enumerate(hits):
        head = paper(hit.chunk.source)
        if not about_names(question.names, passage_text(hit.chunk), head):
            skipped["names"] = skipped.get("names", 0) + 1
            continue
        text = passage_text(hit.chunk)
        if (
            not of_named_month(question, hit.chunk, file_date)
            or not of_asked_month(question, text, head)
            or not of_charted_month(question, text, hit.chunk.meeting_date)
        ):
            skipped["month"] = skipped.get("month", 0) + 1
            continue  # minutes of September answer nothing about a November meeting
        asked = question.words | set(tokenize(hit.chunk.section))
        units = answer_units(hit.chunk)
        for i, unit in enumerate(units):
            if not _may_answer(question, unit, asked, profile):
                continue
            own = coverage(topic, unit.text, idf)
            if question.wants_figure and min(own, coverage(subject, unit.text, idf)) < (
                MIN_FIGURE_TOPIC
            ):
                continue  # a number in a sentence about something else
            near = " ".join(u.text for u in units[max(0, i - 1) : i + 2])
            about = coverage(topic, f"{hit.chunk.section} {near}", idf)
            in_context = coverage(question.terms, f"{heading(hit.chunk)} {near} {head}", idf)
            support = 0.5 * about + 0.5 * in_context
            prior = 0.1 / (rank + 1) + 0.2 * max(hit.dense or 0.0, 0.0)
            listed = question.answer_type == "list" and "; " in unit.display
            brevity = -0.1 if listed else 0.1 * min(1.0, len(unit.text.split()) / 60)
            # "what do its figures show?": a row of figures, not the header row above them
            figures = question.asks_figures and bool(FIGURE_ROW.search(unit.text))
            score = support + 0.3 * own + prior - brevity + (0.15 if figures else 0.0)
            scored.append(_Scored(score, support, rank, unit))
    return scored, skipped


def _may_answer(
    question: Question, unit: Unit, asked: frozenset[str] | set[str], profile: BoardProfile
) -> bool:
    """Whether a unit can answer at all: a statement that adds to the question's words and,
    when a figure, person, date, place or contact is asked, holds one."""
    if len(BULLET.sub("", unit.display).split()) < 2:
        return False  # a bullet or a stray mark, not a statement
    novel = set(tokenize(unit.text)) - asked
    if len(novel) < 2 and not any(t.isdigit() for t in novel):
        return False  # a heading or label that only repeats the question ("Quorum 3" adds)
    if question.asks_contact and not CONTACT.search(unit.text):
        return False  # a telephone number or e-mail address is asked: only units giving one
    return has_answer_type(question, unit, profile) or not needs_type(question)


def _reranked(
    scored: list[_Scored], similarity: Callable[[Sequence[str]], Sequence[float]] | None
) -> list[_Scored]:
    """The best units re-scored with the embedding model's similarity to the question."""
    if similarity is None:
        return scored
    best_few = scored[:RERANK_DEPTH]
    sims = similarity([" ".join(s.unit.display.split()[:60]) for s in best_few])
    reranked = [
        _Scored(s.score + 0.5 * sim, s.support, s.rank, s.unit)
        for s, sim in zip(best_few, sims, strict=True)
    ]
    return sorted(reranked, key=lambda s: -s.score) + scored[RERANK_DEPTH:]


def _chosen(scored: Sequence[_Scored]) -> list[Unit]:
    """The units quoted: those scoring near the best, each once, none inside another."""
    best = scored[0]
    chosen: list[Unit] = []
    seen: set[str] = set()
    for s in scored:
        key = s.unit.display.lower()
        if (
            not key.strip(" -•.;:")
            or s.score < best.score * KEEP_RATIO
            or key in seen
            or len(chosen) >= MAX_UNITS
        ):
            continue
        if any(key in c.display.lower() or c.display.lower() in key for c in chosen):
            continue
        seen.add(key)
        chosen.append(s.unit)
    return chosen


def _with_table_rows(chosen: list[Unit], most: int = 3) -> list[Unit]:
    """A question about "the figures" quoting one row of a small table gets its neighbouring
    rows of figures too: the rows are read together, as the table sets them out."""
    out = list(chosen)
    for unit in chosen:
        if not FIGURE_ROW.search(unit.text) or unit.line is None:
            continue
        added = 0
        for other in answer_units(unit.chunk):
            if (
                other.line is not None
                and 0 < abs(other.line - unit.line) <= most
                and FIGURE_ROW.search(other.text)
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


def _abstain(
    question: Question, hits: Sequence[Hit], paper: Callable[[str], str], why: str
) -> Reading:
    """Not in the papers; when the question names something no passage found mentions, say so."""
    passages = [(passage_text(h.chunk), paper(h.chunk.source)) for h in hits]
    missing = [n for n in question.names if not any(about_names((n,), p, h) for p, h in passages)]
    words = [question.as_written(n) for n in missing]
    if words:
        said = ", ".join(f"“{w}”" for w in words)
        return Reading(
            "not_found", f"{NOT_FOUND} None of the passages found mentions {said}.", (), why
        )
    return Reading("not_found", NOT_FOUND, (), why)
