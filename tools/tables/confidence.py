"""Whether a table cell answers a figure question, rather than merely sharing a word with it.

A weakly matched measure ("cases") needs its table named; "the weekly figures" need a weekly
table; a day named in the question ("30 December") must be in the table; and the question's
remaining words ("Youth Justice Panels") must touch the table. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from board.figure_question import FigureQuestion
from board.measures import content_tokens
from board.metrics import MetricCell
from board.periods import MONTHS
from board.profile import BoardProfile
from tools.tables.ledger import named_by_acronym
from tools.tables.match import Candidate, names_table, table_tokens
from tools.tables.measure_fit import ALL_WORDS, PHRASE
from tools.tables.store import TableStore
from tools.tables.tools import Figure

TABLE_EVIDENCE = 2  # caption words a weakly matched measure needs
# Words of the question that neither the cell nor its table explain; with many of them and
# none shared with the table, the question is about something else.
_LEFTOVER_MIN = 4
_LEFTOVER_SHARE = 0.2


def confident(
    store: TableStore, q: FigureQuestion, candidates: Sequence[Candidate]
) -> list[Candidate]:
    """The candidate cells that answer this question rather than merely share a word with it.

    What depends only on the question (a table label, tables named by acronym) is read once,
    and what depends only on the table (its descriptors, its dates) once per table.
    """
    if not candidates:
        return []
    label = q.table.label
    named = named_tables(store, q.table.ledger.stems)
    table_fits: dict[str, bool] = {}

    def answers(cand: Candidate) -> bool:
        table_id = cand.cell.table_id
        info = store.table_info(table_id)
        if cand.measure_score < ALL_WORDS and not names_table(label, info):
            measure_words = set(content_tokens(cand.cell.measure or "", store.profile))
            evidence = table_tokens(info, store.profile, ("caption", "section", "stub")) & (
                set(q.tokens) - measure_words
            )
            if len(evidence) < TABLE_EVIDENCE:
                return False
        if table_id not in table_fits:
            table_fits[table_id] = descriptors_ok(q, info) and dates_ok(q, store, cand.cell)
        return (
            table_fits[table_id]
            and topic_ok(q, cand.cell, info, store.profile)
            # the question names other tables by their acronym ("Neighbourhood Justice
            # Panels" for the YJP savings table) and not this one: the Court's saving in the
            # Community Coaches table does not answer a question about the Panels
            and not (named and table_id not in named)
        )

    return [cand for cand in candidates if answers(cand)]


def named_tables(store: TableStore, wanted: frozenset[str]) -> set[str]:
    """The tables a question (its words, stemmed as labels are) names by the acronym over
    their row labels ("YJP" for "Youth Justice Panels"). Captions are not used: one report
    has different captions in different packs, and a caption can be the paper's own title."""
    frame = store.tables_frame[["id", "stub"]].to_dict("records")
    return {str(info["id"]) for info in frame if named_by_acronym(info, wanted, store.profile)}


def topic_ok(q: FigureQuestion, cell: MetricCell, info: dict, profile: BoardProfile) -> bool:
    """The question's remaining words ("Youth Justice Panels") must touch the table."""
    described = set(
        content_tokens(
            " ".join(
                [
                    cell.measure or "",
                    cell.row_label,
                    " ".join(cell.column_labels),
                    cell.statistic,
                    cell.area or "",
                ]
            ),
            profile,
        )
    )
    leftover = {w for w in q.topic if w not in described}
    if len(leftover) < _LEFTOVER_MIN:
        return True
    notes = " ".join(info.get("notes") or ())
    context = table_tokens(
        {**info, "notes": notes}, profile, ("caption", "section", "title", "stub", "notes")
    )
    return len(leftover & context) >= _LEFTOVER_SHARE * len(leftover)


def descriptors_ok(q: FigureQuestion, info: dict) -> bool:
    """ "The weekly robbery figures" must come from a weekly table, "the dashboard" from one."""
    text = " ".join(str(info.get(k) or "") for k in ("caption", "section", "title")).lower()
    return all(word in text for word in q.table.descriptors)


def dates_ok(q: FigureQuestion, store: TableStore, cell: MetricCell) -> bool:
    """A day named in the question ("the latest week shown (30 December)") must be in the table:
    a period of it ends then, its caption names it, or its paper is dated that day."""
    mentions = q.table.days
    if not mentions:
        return True
    ends: set[tuple[int, int]] = set()
    for c in store.cells_of(cell.table_id):
        for iso in (c.period_start, c.period_end):
            if iso:
                d = date.fromisoformat(iso)
                ends.add((d.day, d.month))
    info = store.table_info(cell.table_id)
    if info.get("meeting_date"):  # the day the paper is dated ("the week to 9 August")
        dated = date.fromisoformat(str(info["meeting_date"]))
        ends.add((dated.day, dated.month))
    caption = f"{info.get('caption', '')} {' '.join(info.get('notes') or ())}".lower()
    for day, month in mentions:
        named = any(
            re.search(rf"\b0?{day}(?:st|nd|rd|th)?[\s/.-]+(?:0?{month}\b|{name})", caption)
            for name in [n for n, v in MONTHS.items() if v == month]
        )
        if (day, month) not in ends and not named and not (day == 1 and month == 4):
            return False
    return True


# ---------------------------------------------------------------- small helpers


def asked_measures(candidates: Sequence[Candidate]) -> list[str]:
    """The measures a question asks about, best first ("repeat ASB calls" and "total ASB calls")."""
    best = candidates[0].measure_score
    measures: list[str] = []
    for cand in candidates:
        measure = cand.cell.measure or ""
        if measure not in measures and (
            cand.measure_score == best or min(best, cand.measure_score) >= PHRASE
        ):
            measures.append(measure)
    return measures


def latest_per_table(candidates: list[Candidate]) -> list[Candidate]:
    """Without a period in the question: each table's most recent figure for each measure."""
    chosen: dict[tuple[str, str | None], tuple[tuple[Any, ...], Candidate]] = {}
    for cand in candidates:
        cell = cand.cell
        key = (
            cell.period_relation != "previous",
            cell.period_end or "",
            -cell.col_index,
            -cell.row_index,
        )
        slot = (cell.table_id, cell.measure)
        if slot not in chosen or key > chosen[slot][0]:
            chosen[slot] = (key, cand)
    keep = {id(v[1]) for v in chosen.values()}
    return [c for c in candidates if id(c) in keep]


def cell_of(store: TableStore, fig: Figure) -> MetricCell | None:
    return next(
        (
            c
            for c in store.cells_of(fig.provenance.table_id)
            if c.row_label == fig.provenance.row
            and c.raw == fig.raw
            and c.statistic == fig.statistic
            and c.period == fig.period
        ),
        None,
    )


def signed(fig: Figure) -> str:
    if fig.unit in ("percent", "percentage_points") and fig.value:
        amount = fig.text.lstrip("-")
        return f"up {amount}" if fig.value > 0 else f"down {amount}"
    return fig.text
