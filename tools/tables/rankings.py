"""Handlers over a whole column or series: a ranking ("which borough had the highest rate?",
"which week had the most robberies?") and a trend ("how did ASB change over the year?").
"""

from __future__ import annotations

from board.figure_question import FigureQuestion
from board.measures import content_tokens
from board.records import ToolAnswer
from tools.tables.answers import Composer
from tools.tables.confidence import TABLE_EVIDENCE, descriptors_ok
from tools.tables.handler import TableHandler
from tools.tables.measure_fit import ALL_WORDS, measure_scores
from tools.tables.series_texts import (
    cite_statement,
    period_ranking_text,
    rank_positions,
    ranking_text,
    trend_text,
)
from tools.tables.statements import stated_rank
from tools.tables.steps import in_periods, place_of, series_of
from tools.tables.store import TableStore
from tools.tables.tools import Ranking, rank


class Rank(TableHandler):
    """The rows of the table the question names, ordered by the column it asks about, with
    the paper's own sentence giving the rank when there is one; or the periods of a series."""

    name = "rank"

    def answer(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        if q.table.period_ranked:
            return _rank_periods(store, q)
        statistic = q.statistic or (
            "% change" if q.percent_change or q.table.asks_change else "value"
        )
        measures = store.cells["measure"].dropna().unique()
        measured = measure_scores(measures, q.table.measure, store.profile)
        measure = q.table.measure if any(s >= ALL_WORDS for s in measured.values()) else None
        focus = q.table.ranked_home
        ranking = rank(
            store,
            measure,
            None,
            period=q.periods[:1],
            descending=q.descending,
            statistic=statistic,
            tokens=q.tokens,
            paper_year=q.paper_year,
            paper_month=q.paper_month,
            areas_only=q.by_area,
            label=q.table.label,
        )
        if ranking is None:
            return None
        lead = ranking.entries[0].figure.provenance
        info = store.table_info(lead.table_id)
        caption = f"{info.get('caption', '')} {info.get('section', '')}"
        named = set(content_tokens(caption, store.profile)) & set(q.tokens)
        if measure is None and len(named) < TABLE_EVIDENCE:
            return None  # nothing in the question picks this table out
        if not descriptors_ok(q, info):
            return None
        composer = Composer(store.profile)
        text = ranking_text(ranking, focus, composer) + self._stated(ranking, focus, composer)
        composer.call(
            "rank",
            {
                "measure": ranking.entries[0].figure.measure,
                "column": ranking.column,
                "table": lead.table_id,
                "descending": ranking.descending,
            },
            ", ".join(f"{e.position}. {e.label} {e.figure.text}" for e in ranking.entries[:5]),
        )
        for entry in ranking.entries:
            composer.show(entry.figure)
        return composer.answer(text)

    def _stated(self, ranking: Ranking, focus: str | None, composer: Composer) -> str:
        """The paper's own sentence giving the rank the tool computed, cited beside it."""
        placed = rank_positions(ranking, focus)
        if placed is None or not self.passages:
            return ""
        mine, highest, lowest = placed
        about = "rate" if mine.figure.unit == "rate_per_1000" else "number"
        said = stated_rank(
            self.passages, mine.figure.provenance.source, mine.label, highest, lowest, about
        )
        return cite_statement(said, composer) if said else ""


class Trend(TableHandler):
    """The series the question names, over the periods of one table, charted."""

    name = "trend"

    def answer(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        series = series_of(store, q)
        if series is None or not series.points:
            return None
        composer = Composer(store.profile)
        text, chart = trend_text(series, composer)
        for point in series.points:
            composer.show(point)
        composer.call(
            "trend",
            {"measure": series.measure, "area": place_of(q)},
            ", ".join(f"{p.period_label}: {p.text}" for p in series.points),
        )
        return composer.answer(text, chart)


def _rank_periods(store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
    """ "Which week had the most robberies?": the periods of one series, ordered."""
    series = series_of(store, q)
    if series is None or not series.points or q.table.period_ranked is None:
        return None
    if {p.period_kind for p in series.points} != {q.table.period_ranked}:
        return None  # "which month" over a series of years or weeks is not answered
    points = [p for p in series.points if in_periods(p, q.periods)]
    if not points:
        return None  # the weeks shown are not the weeks asked about
    ordered = sorted(points, key=lambda p: p.value, reverse=q.descending)
    composer = Composer(store.profile)
    text = period_ranking_text(ordered, q.descending, composer)
    composer.call(
        "rank",
        {
            "measure": series.measure,
            "over": "periods",
            "table": ordered[0].provenance.table_id,
            "descending": q.descending,
        },
        ", ".join(f"{p.period_label}: {p.text}" for p in ordered[:5]),
    )
    for point in series.points:
        composer.show(point)
    return composer.answer(text)
