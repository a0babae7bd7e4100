"""The sentences of a comparison, a ranking and a trend: each figure described and cited, the
rank the question's place holds, and a trend's direction with its chart. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tools.tables.answers import (
    Composer,
    change_words,
    period_words,
    plain_line,
    statistic_name,
    subject,
    value_text,
)
from tools.tables.statements import Statement
from tools.tables.tools import Comparison, Figure, RankEntry, Ranking, Trend
from tools.tables.values import format_figure


def comparison_text(comp: Comparison, composer: Composer) -> str:
    cur, prev = comp.current, comp.previous
    points = cur.unit == "percent"
    unit = "percentage_points" if points else cur.unit
    decimals = max(cur.decimals, prev.decimals)
    moved = change_words(comp.difference, unit, decimals)
    text = (
        f"{subject(cur, composer.profile)}{statistic_name(cur)}: {cur.text}{period_words(cur)} {composer.cite(cur)} against "
        f"{prev.text}{period_words(prev)} {composer.cite(prev)}, {moved}"
    )
    if comp.percent_change is not None and not points:
        text += f" ({change_words(comp.percent_change, 'percent', 1)})"
    own = comp.table_change
    if own is not None:
        note = "agrees" if comp.table_agrees else "differs; shown as written"
        text += f". The table's own change column shows {own.text} {composer.cite(own)} ({note})"
    return text + "."


def ranking_text(ranking: Ranking, focus: str | None, composer: Composer, shown: int = 3) -> str:
    entries = ranking.entries
    order = "highest" if ranking.descending else "lowest"
    lead = entries[0]
    column = f" ({ranking.column})" if ranking.column else ""
    caption = lead.figure.provenance.caption
    text = (
        f"In “{caption}”{column}, the {order} is {lead.label}: "
        f"{value_text(lead.figure)}{period_words(lead.figure)} "
        f"{composer.cite(lead.figure)}"
    )
    others = [
        f"{e.label} {value_text(e.figure)} {composer.cite(e.figure)}" for e in entries[1:shown]
    ]
    if others:
        text += "; then " + ", ".join(others)
    mine = _entry(ranking, focus)
    if mine is not None and mine is not lead:
        flipped = _flipped(ranking, mine)
        other = "lowest" if ranking.descending else "highest"
        text += (
            f". {mine.label} is {_ordinal(mine.position)} {order} "
            f"({_ordinal(flipped)} {other}) of {len(entries)}: "
            f"{mine.figure.text} {composer.cite(mine.figure)}"
        )
    return text + "."


def _entry(ranking: Ranking, focus: str | None) -> RankEntry | None:
    if not focus:
        return None
    return next((e for e in ranking.entries if e.label.lower() == focus.lower()), None)


def _flipped(ranking: Ranking, mine: RankEntry) -> int:
    """The entry's place counted from the other end (competition ranking)."""
    return 1 + sum(
        1
        for e in ranking.entries
        if _beats(e.figure.value, mine.figure.value, not ranking.descending)
    )


def rank_positions(ranking: Ranking, focus: str | None) -> tuple[RankEntry, int, int] | None:
    """The focus row's entry with its place from the highest and from the lowest."""
    mine = _entry(ranking, focus)
    if mine is None:
        return None
    other = _flipped(ranking, mine)
    return (mine, mine.position, other) if ranking.descending else (mine, other, mine.position)


def cite_statement(statement: Statement, composer: Composer) -> str:
    """ "The paper says so too: “…” [n]" for a line that states what the tools computed."""
    chunk = statement.chunk
    n = composer.cite_line(chunk, statement.line, statement.text)
    return f" The paper states the same: “{plain_line(statement.text)}” {n}."


def period_ranking_text(ordered: Sequence[Figure], descending: bool, composer: Composer) -> str:
    """ "The highest was the week ending 18 November 2012: 31 [1]; ties named together."""
    lead = ordered[0]
    tied = [p for p in ordered if p.value == lead.value]
    order = "highest" if descending else "lowest"
    when = " and ".join(p.period_label or "" for p in tied)
    text = (
        f"In “{lead.provenance.caption}” ({subject(lead, composer.profile)}, {lead.provenance.row} row), the "
        f"{order} figure is {lead.text} for {when} {composer.cite(lead)}"
    )
    others = ordered[len(tied) : len(tied) + 2]
    if others:
        text += "; next " + ", ".join(f"{p.text} for {p.period_label}" for p in others)
    return text + "."


def _beats(value: float, mine: float, descending: bool) -> bool:
    return value > mine if descending else value < mine


def _ordinal(n: int) -> str:
    return format_figure(float(n), "rank")


# A unit as an axis title names it; a count or plain number needs no name.
UNIT_NAMES = {
    "percent": "%",
    "percentage_points": "percentage points",
    "gbp": "£",
    "rate_per_1000": "per 1,000",
    "ratio": "ratio",
    "rank": "rank",
}


def trend_text(trend: Trend, composer: Composer) -> tuple[str, dict[str, Any]]:
    points = trend.points
    first, last = points[0], points[-1]
    text = (
        f"{subject(last, composer.profile)}{statistic_name(last)} across {len(points)} periods of "
        f"“{last.provenance.caption}”: {first.text}{period_words(first)} {composer.cite(first)} "
        f"to {last.text}{period_words(last)} {composer.cite(last)}."
    )
    series = ", ".join(f"{p.period_label}: {p.text}" for p in points)
    chart = {
        "title": last.provenance.caption,
        "x_label": "period",
        "y_label": (last.measure or "value")
        + (f" ({UNIT_NAMES[last.unit]})" if last.unit in UNIT_NAMES else ""),
        "points": [
            {"period": p.period_label, "value": p.value, "end": p.period_end} for p in points
        ],
    }
    return text + f" Series: {series}.", chart
