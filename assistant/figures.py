"""Figures stated in prose: "how many", "how much", "what was the rate", "by what percentage".

When the table tools have not answered, a figure question is answered from the
sentence (or the few adjacent bullet lines) of a retrieved passage that states a
figure of the wanted kind about the question's subject, quoted and cited. When
the question asks for a change and the cited sentence gives both ends of it
("717, up from 552", "from 218 offences to 191"), the change is computed here,
in code, and the answer says so. Footnotes a sentence points to ("burglary¹⁵")
are quoted with it.

It never guesses: with no such sentence it returns None and the composer
answers as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.abbreviations import names_bodies, spell_out
from assistant.changes import Change, change_in, describe_change
from assistant.compose import (
    NOT_FIGURES,
    Unit,
    has_quantity,
    mentions_years,
    names_years,
    passage_context,
    render_units,
    says_months,
)
from assistant.statements import figure_units, footnotes, row_labels, statements
from board.dates import MONTH_NAME
from board.prose_figure import ProseFigureAsk
from board.question import Question
from board.records import Chunk, Citation, ToolCall
from board.text import coverage
from retrieval.search import Hit

# A year as a statement dates itself ("In 2011, 13 ...", "2012/13"), not a count ("1949 incidents").
_STATED_YEAR = re.compile(
    r"\b(?:19|20)\d{2}/\d{2}(?:\d{2})?\b|(?i:\b(?:in|during|since|until|between|from|to|of|by"
    rf"|and|{MONTH_NAME})[a-z]*\.?\s+)(?:19|20)\d{{2}}\b(?!,\d)"
)
_FIGURE_DIGIT = re.compile(r"(?<![A-Za-z])\d")
RUNNER_UP_MARGIN = 0.1  # how close another paper's statement must score to be quoted too
CHANGE_ALLOWANCE = 0.1  # less subject weight needed when a sentence gives both ends of a change


@dataclass(frozen=True)
class FigureAnswer:
    """A figure answer: text with ``[n]`` markers, its citations, and the calculation made."""

    answer: str
    citations: tuple[Citation, ...]
    tool_calls: tuple[ToolCall, ...]


# ---------------------------------------------------------------- the passages


def states_figure(text: str, kinds: Sequence[str], noun: str | None, change: bool) -> bool:
    """Whether ``text`` states a figure of one of ``kinds`` (or, for a change, both its ends)."""
    if change and change_in(text) is not None:
        return True
    return any(has_quantity(text, kind, noun if kind == "count" else None) for kind in kinds)


# ---------------------------------------------------------------- picking and answering


def pick_statement(
    question: Question,
    figure: ProseFigureAsk,
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    *,
    chunks: Sequence[Chunk] = (),
    min_support: float = 0.5,
) -> list[Unit] | None:
    """The units (with any footnotes) that best state the wanted figure about the question's
    subject, and those of another paper that state it nearly as well; None when no passage
    carries enough of the question's weight."""
    ranked = sorted(
        _candidates(question, figure, hits, idf, chunks, min_support), key=lambda c: -c[0]
    )
    if not ranked:
        return None
    best_score, chosen = ranked[0]
    quoted = [chosen]
    for score, units in ranked[1:]:
        if score < best_score - RUNNER_UP_MARGIN:
            break
        if units[0].chunk.source != chosen[0].chunk.source:
            quoted.append(units)  # the same figure as another paper states it
            break
    return [unit for units in quoted for unit in _with_missing_parts(units, figure)]


def _candidates(
    question: Question,
    figure: ProseFigureAsk,
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    chunks: Sequence[Chunk],
    min_support: float,
) -> list[tuple[float, list[Unit]]]:
    """(score, units to quote) for every statement of a wanted figure about the subject."""
    roots = dict(figure.subject)
    if all(root[:1].isdigit() for root in roots):
        return []  # only years: nothing the figure would be about

    def weight(root: str) -> float:
        return idf(roots.get(root, root))

    years = question.years
    direction = figure.direction
    found: list[tuple[float, list[Unit]]] = []
    for rank, hit in enumerate(hits):
        if years and not names_years(hit.chunk, years):
            continue
        labels = row_labels(hit.chunk)
        for statement in statements(hit.chunk):
            units = [*statement.units, *(n for u in statement.units for n in footnotes(u, chunks))]
            said = " ".join(u.display for u in units)
            lead = statement.lead.display if statement.lead else ""
            # the figure is in the statement itself (not in its lead-in, nor in the header a
            # table row is displayed with); the display only says what the figure is about
            written = " ".join(u.text for u in units)
            if not _FIGURE_DIGIT.search(NOT_FIGURES.sub(" ", written)) or not states_figure(
                said, figure.kinds, figure.noun, figure.change
            ):
                continue
            spelled = spell_out(said, figure.spelled, hit.chunk.text)
            label = labels.get(statement.units[-1].line or -1, "")
            context = f"{passage_context(hit.chunk)} {label} {lead}"
            whole = spell_out(f"{context} {said}", figure.spelled, hit.chunk.text)
            if not _about_the_question(question, figure, f"{lead} {spelled}", whole, idf):
                continue
            support = coverage(list(roots), f"{context} {spelled}", weight)
            change = change_in(said) if figure.change else None
            # Both ends of the change the question asks about are evidence in themselves.
            both_ends = change is not None and direction * change.difference >= 0
            if support < min_support - (CHANGE_ALLOWANCE if both_ends else 0.0):
                continue
            own = coverage(list(roots), spelled, weight)
            score = 0.5 * own + 0.5 * support + 0.15 / (rank + 1) + 0.2 * max(hit.dense or 0.0, 0)
            score -= 0.15 * min(1.0, len(said.split()) / 80) - (0.3 if both_ends else 0.0)
            quoted = [statement.lead, *units] if statement.lead else units
            found.append((score, quoted))
    return found


def _about_the_question(
    question: Question,
    figure: ProseFigureAsk,
    stated: str,
    with_context: str,
    idf: Callable[[str], float],
) -> bool:
    """False for a statement of the wanted kind of figure that is still not about the
    question: a rate of something else ("crime rate" for "reoffending rate"), another year
    ("In 2011, 13 ..." for 2012), or a body the question names and the passage never does."""
    if figure.measured and not coverage([figure.measured], stated, idf):
        return False
    years = question.years
    if years and _STATED_YEAR.search(stated) and not mentions_years(stated, years):
        return False
    if not says_months(stated, question.months):
        return False  # "in January 2018" needs a statement for January 2018, not the pack's date
    return names_bodies(figure.initials, figure.spelled, with_context)


def _with_missing_parts(units: list[Unit], figure: ProseFigureAsk) -> list[Unit]:
    """Add the next line or two of the passage when they state a part the units lack
    ("588 eligible cases" followed by "588 x £4000 = £2,352,000")."""
    said = " ".join(u.display for u in units)
    missing = [p for p in figure.parts if not states_figure(said, (p,), figure.noun, False)]
    if not missing:
        return units
    following = [u for u in figure_units(units[-1].chunk) if (u.line or 0) > (units[-1].line or 0)]
    for unit in following[:2]:
        if any(states_figure(unit.display, (p,), None, False) for p in missing):
            return [*units, unit]
    return units


def _asked_change(
    figure: ProseFigureAsk, units: Sequence[Unit], idf: Callable[[str], float]
) -> Change | None:
    """The change the question asks about: of the quoted units stating one, the one closest
    to the question's words ("DVA offences rose from 1125 to 2523", not the calls before it);
    else a change the units state together ("358 ...", then "this had risen to 443")."""
    terms = list(figure.changed)
    direction = figure.direction
    own = [
        (coverage(terms, u.display, idf), c)
        for u in units
        if (c := change_in(u.text)) and direction * c.difference >= 0  # not a fall for "rise"
    ]
    if own:
        return max(own, key=lambda pair: pair[0])[1]
    together = change_in(" ".join(u.text for u in units))
    return together if together and direction * together.difference >= 0 else None


def answer_figure(
    question: Question,
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    *,
    chunks: Sequence[Chunk] = (),
    min_support: float = 0.5,
) -> FigureAnswer | None:
    """The cited figure(s) a figure question asks for, and any change computed from them;
    None when the question asks for no figure or no passage states one about its subject."""
    figure = question.prose
    if figure is None or not hits:
        return None
    units = pick_statement(question, figure, hits, idf, chunks=chunks, min_support=min_support)
    if not units:
        return None
    text, citations = render_units(units)
    arguments: dict[str, object] = {
        "kinds": list(figure.kinds),
        "source": units[0].chunk.source,
        "lines": sorted({u.line for u in units if u.line is not None}),
    }
    result = "quoted"
    change = _asked_change(figure, units, idf) if figure.change else None
    if change is not None:
        result = describe_change(change)
        text += f"\nComputed from the cited figures: {result}."
        arguments.update(before=change.before, after=change.after)
        arguments.update(difference=change.difference, percent=change.percent)
    return FigureAnswer(text, citations, (ToolCall("passage_figure", arguments, result),))
