"""The table router: figure questions ("how many", "what was the rate", "how did X change",
"which borough") are answered from the table store first, with the exact cells cited.

It returns None whenever no table answers the question with confidence; the assistant
then falls back to passages. A wrong number is far worse than no number.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from board.errors import BoardQAError
from board.figure_question import FigureQuestion
from board.measures import content_tokens, is_home_area
from board.metrics import MetricCell, Period
from board.profile import active
from board.question import Question
from board.records import Chunk, ToolAnswer
from board.routing import Filters
from tools.tables import ledger
from tools.tables.answers import (
    Composer,
    cite_statement,
    comparison_text,
    describe,
    ledger_text,
    lookup_text,
    match_verdict,
    period_ranking_text,
    rank_positions,
    ranking_text,
    side_by_side,
    trend_text,
)
from tools.tables.confidence import (
    TABLE_EVIDENCE,
    asked_measures,
    cell_of,
    confident,
    descriptors_ok,
    latest_per_table,
    signed,
)
from tools.tables.match import (
    ALL_WORDS,
    Candidate,
    measure_scores,
    select,
)
from tools.tables.statements import stated_rank
from tools.tables.store import TableStore
from tools.tables.tools import (
    Figure,
    Ranking,
    Trend,
    compare_cells,
    counterpart,
    figure,
    rank,
    resolve_candidates,
    row_cells,
    table_change,
    trend,
)

log = logging.getLogger(__name__)

_ROW_CONTEXT = 4  # a row of at most this many figures is stated whole


def _in_periods(fig: Figure, periods: Sequence[Period]) -> bool:
    """Whether a point of a series falls in the periods asked ("which week in December 2012");
    with none asked, every point does. A period reaching past the series ("late October to
    end of December 2012" read as December) still holds the points it covers."""
    dated = [p for p in periods if p.start and p.end]
    if not dated:
        return True
    end = fig.period_end or ""
    return any((p.start or "") <= end <= (p.end or "") for p in dated)


def _is_rate(unit: str | None, measure: str | None) -> bool:
    """Figures that are themselves a rate ("custody rate"): what a "rate per 1000" question
    reads when no table has a rate-per-1,000 column for it."""
    return unit == "rate_per_1000" or "rate" in (measure or "")


def _ledger_row(fig: Figure) -> bool:
    """An undated figure on an agency's row (a business case's "Court | Gross saving")."""
    return fig.period is None and fig.area in set(active().organisation_words.values())


def _weeks_asked(
    store: TableStore, q: FigureQuestion, cell: MetricCell
) -> list[tuple[MetricCell, MetricCell]]:
    """Weeks of the cell's row the question also asks about ("the latest week shown (30
    December)"), each with the same week last year."""
    weeks = [c for c in row_cells(store, cell) if c.period_kind == "week" and c.period_end]
    if not weeks:
        return []
    days = set(q.table.week_days)
    asked = [c for c in weeks if (int(str(c.period_end)[8:]), int(str(c.period_end)[5:7])) in days]
    if not asked and q.table.latest_week:
        asked = [max(weeks, key=lambda c: c.period_end or "")]
    pairs = []
    for week in asked:
        before = counterpart(store, week, ())
        if before is not None:
            pairs.append((week, before))
    return pairs


class TableRouter:
    """Answers figure questions from the metric tables; None for everything else."""

    name = "tables"

    def __init__(self, store: TableStore, passages: Sequence[Chunk] = ()) -> None:
        self.store = store
        self.passages = passages  # to find where a paper states what a tool computed

    def route(self, question: Question, filters: Filters) -> ToolAnswer | None:
        q = question.figure
        if q is None or q.unsupported:
            return None
        try:
            store = self._filtered(filters)
            if store is None:
                return None
            if q.ratio:
                return self._ledger(store, q)
            if q.checked:
                return self._match_check(store, q.checked)
            if q.unread:  # "between 2012 and 2016" read as no period: no table figure fits
                log.info("table router skipped: %s not read as a period", ", ".join(q.unread))
                return None
            return self._by_intent(store, q) or self._ledger(store, q)
        except BoardQAError as exc:
            log.info("table router skipped: %s", exc)
            return None

    def _by_intent(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        if q.intent == "rank":
            return self._rank(store, q)
        if q.intent == "trend":
            return self._trend(store, q) or self._lookup(store, q)
        if q.intent == "compare":
            return self._compare(store, q) or self._change_lookup(store, q)
        return self._lookup(store, q)

    # ------------------------------------------------------------ shared steps

    def _filtered(self, filters: Filters) -> TableStore | None:
        """The store limited to the meeting dates and paper type the user chose."""
        if not (filters.date_from or filters.date_to or filters.paper_type):
            return self.store
        keep = self.store.tables_frame
        if filters.date_from:
            keep = keep[keep["meeting_date"].fillna("") >= filters.date_from]
        if filters.date_to:
            keep = keep[keep["meeting_date"].fillna("9999") <= filters.date_to]
        if filters.paper_type:
            keep = keep[keep["paper_type"] == filters.paper_type]
        return self.store.subset(set(keep["id"])) if not keep.empty else None

    @staticmethod
    def _area(q: FigureQuestion) -> str | None:
        if q.area:
            return q.area
        orgs = q.table.organisations
        return orgs[0] if len(orgs) == 1 else None

    def _candidates(
        self, store: TableStore, q: FigureQuestion, statistic: str, periods: Sequence = ()
    ) -> list[Candidate]:
        area = self._area(q)

        def find(place: str | None) -> list[Candidate]:
            return select(
                store,
                measure=q.table.measure,
                statistic=statistic,
                periods=periods,
                area=place,
                tokens=q.tokens,
                paper_year=q.paper_year,
                paper_month=q.paper_month,
                label=q.table.label,
            )

        found = find(area)
        if not found and area is not None and area != q.area:
            found = find(None)  # "the Met Police survey" names no row
        found = confident(store, q, found)
        if not found and statistic == "rate per 1000":
            # "custody rate per 1,000 young people": a table whose figures are the rate itself
            found = [
                c
                for c in self._candidates(store, q, "value", periods)
                if _is_rate(c.cell.unit, c.cell.measure)
            ]
        return found if periods else latest_per_table(found)

    def _arguments(
        self, q: FigureQuestion, statistic: str, measure: str | None, **extra: Any
    ) -> dict[str, Any]:
        """A tool call's arguments as the tool itself takes them."""
        args: dict[str, Any] = {
            "measure": measure or " ".join(sorted(q.tokens)),
            "statistic": statistic,
        }
        if q.periods:
            args["period"] = q.periods[0].label
        if area := self._area(q):
            args["area"] = area
        args.update({k: v for k, v in extra.items() if v is not None})
        return args

    # ------------------------------------------------------------ intents

    def _lookup(
        self, store: TableStore, q: FigureQuestion, statistic: str | None = None
    ) -> ToolAnswer | None:
        statistic = statistic or q.statistic or "value"
        if len(q.areas) >= 2:
            return self._areas_lookup(store, q, statistic)
        candidates = self._candidates(store, q, statistic, q.periods[:1])
        if not candidates:
            return None
        composer = Composer()
        sentences: list[str] = []
        for measure in asked_measures(candidates):
            found = resolve_candidates(
                store, [c for c in candidates if c.cell.measure == measure], q.tokens
            )
            if not found.figures:
                continue
            if found.conflict and all(_ledger_row(f) for f in found.figures):
                continue  # an agency's saving in several schemes' tables: which one is unclear
            sentences.append(lookup_text(found.figures, found.conflict, composer))
            sentences.extend(self._context(store, q, found.figures, composer))
            composer.call(
                "metric_lookup",
                self._arguments(
                    q,
                    statistic,
                    measure,
                    table=found.figures[0].provenance.table_id if not found.conflict else None,
                ),
                "; ".join(
                    f"{f.text} ({f.provenance.source}, {f.provenance.locator})"
                    for f in found.figures
                ),
            )
        return composer.answer(" ".join(sentences)) if sentences else None

    def _areas_lookup(
        self, store: TableStore, q: FigureQuestion, statistic: str
    ) -> ToolAnswer | None:
        """ "How did Northtown's rate compare with the region's?": one table, a figure per place."""
        per_area: dict[str, list[Candidate]] = {}
        for place in q.areas:
            area = None if is_home_area(place) else place
            per_area[place] = self._candidates(
                store, replace(q, area=area, areas=()), statistic, q.periods[:1]
            )
        tables = [c.cell.table_id for found in per_area.values() for c in found[:1]]
        if not tables:
            return None
        table = max(set(tables), key=tables.count)
        composer = Composer()
        parts = []
        figures = []
        for found in per_area.values():
            cell = next((c.cell for c in found if c.cell.table_id == table), None)
            if cell is not None:
                figures.append(figure(store, cell))
                parts.append(describe(figures[-1], composer))
        if len(parts) < 2:
            return None
        if len(figures) == 2 and figures[0].unit == figures[1].unit:
            parts[-1] += ". " + side_by_side(figures[0], figures[1])
        composer.call(
            "metric_lookup",
            self._arguments(q, statistic, None, table=table, area=", ".join(q.areas)),
            "; ".join(parts),
        )
        return composer.answer("; ".join(parts) + ".")

    def _context(
        self, store: TableStore, q: FigureQuestion, figures: Sequence[Figure], composer: Composer
    ) -> list[str]:
        """The table's own change for the figure (when the question asks how it compares),
        and the rest of a short row ("Total cases 72, Repeat cases 6, Percentage repeats 8%")."""
        out: list[str] = []
        five = q.table.five_years
        change = "% change vs 5 years ago" if five else "% change"
        for fig in figures:
            cell = cell_of(store, fig)
            if cell is None:
                continue
            row = row_cells(store, cell)
            if fig.statistic in ("target", "sd target"):
                actual = [
                    c for c in row if c.statistic == "% change" and c.period_relation != "previous"
                ]
                if len(actual) == 1:
                    out.append(f"Actual change: {describe(figure(store, actual[0]), composer)}.")
            own = table_change(store, cell, change)
            if (
                own is not None
                and (q.intent == "compare" or q.table.asks_change)
                and fig.statistic != change
            ):
                own_fig = figure(store, own)
                out.append(
                    f"The table's change on {'five years earlier' if five else 'the previous period'}"
                    f": {signed(own_fig)} {composer.cite(own_fig)}."
                )
            same = [
                c
                for c in row
                if c.period == cell.period
                and c.col_index != cell.col_index
                and not c.statistic.endswith(")")
                and c.statistic != "% change"
            ]
            if same and len(row) <= _ROW_CONTEXT and len(figures) == 1:
                shown = [describe(figure(store, c), composer) for c in same]
                out.append("The same row gives " + "; ".join(shown) + ".")
            if q.also_previous and fig.period and "previous" not in (fig.period or ""):
                other = counterpart(store, cell, ())
                if other is not None:
                    out.append(
                        "Same period a year earlier: "
                        + describe(figure(store, other), composer)
                        + "."
                    )
        return out

    def _change_lookup(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        """No earlier figure to compare with: "by what percentage did X change" is answered by the
        table's own change column; "how many X, and how did that compare" by X and that column."""
        change = "% change vs 5 years ago" if q.table.five_years else "% change"
        if q.percent_change:
            return self._lookup(store, q, statistic=change) or self._lookup(store, q)
        return self._lookup(store, q) or self._lookup(store, q, statistic=change)

    def _compare(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        statistic = q.statistic or "value"
        ordered = sorted(q.periods, key=lambda p: p.end or p.start or "", reverse=True)
        current = tuple(p for p in ordered if p.relation != "previous")[:1] or tuple(ordered[:1])
        previous = tuple(p for p in ordered if p not in current)[:1]
        candidates = self._candidates(store, q, statistic, current)
        if not current:
            candidates = [c for c in candidates if c.cell.period_relation != "previous"]
        found = resolve_candidates(store, candidates, q.tokens)
        composer = Composer()
        parts: list[str] = []
        pairs: list[tuple[MetricCell, MetricCell]] = []
        for fig in found.figures:
            cell = cell_of(store, fig)
            other = counterpart(store, cell, previous) if cell is not None else None
            if cell is None or other is None:
                continue
            weeks = _weeks_asked(store, q, cell)
            pairs.extend(weeks)
            if not (weeks and cell.period_kind == "week"):
                pairs.append((cell, other))  # not a week nobody asked about beside the one asked
        for cell, other in pairs:
            comp = compare_cells(store, cell, other)
            parts.append(comparison_text(comp, composer))
            pct = (
                f"; % change {comp.percent_change:+.2f}" if comp.percent_change is not None else ""
            )
            composer.call(
                "compare",
                self._arguments(
                    q,
                    statistic,
                    cell.measure,
                    period_a=cell.period_label,
                    period_b=other.period_label,
                    table=cell.table_id,
                ),
                f"{comp.current.text} vs {comp.previous.text}: "
                f"difference {comp.difference:+,g}{pct}",
            )
        if not parts:
            return None
        if len(parts) > 1 and found.conflict:
            parts.insert(0, "The tables give different figures, so each is compared:")
        return composer.answer(" ".join(parts))

    def _rank(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        if q.table.period_ranked:
            return self._rank_periods(store, q)
        statistic = q.statistic or (
            "% change" if q.percent_change or q.table.asks_change else "value"
        )
        measured = measure_scores(store.cells["measure"].dropna().unique(), q.table.measure)
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
        lead_measure = ranking.entries[0].figure.measure
        info = store.table_info(lead.table_id)
        named = set(content_tokens(f"{info.get('caption', '')} {info.get('section', '')}")) & set(
            q.tokens
        )
        if measure is None and len(named) < TABLE_EVIDENCE:
            return None  # nothing in the question picks this table out
        if not descriptors_ok(q, info):
            return None
        composer = Composer()
        text = ranking_text(ranking, focus, composer)
        text += self._rank_stated(ranking, focus, composer)
        composer.call(
            "rank",
            {
                "measure": lead_measure,
                "column": ranking.column,
                "table": lead.table_id,
                "descending": ranking.descending,
            },
            ", ".join(f"{e.position}. {e.label} {e.figure.text}" for e in ranking.entries[:5]),
        )
        for entry in ranking.entries:
            composer.show(entry.figure)
        return composer.answer(text)

    def _rank_stated(self, ranking: Ranking, focus: str | None, composer: Composer) -> str:
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

    def _series(self, store: TableStore, q: FigureQuestion) -> Trend | None:
        """The series the question is about, from the table reaching the periods it names; a
        "rate" asked of a table whose figures are the rate itself is read as its values."""
        statistics = [q.statistic or "value"]
        if q.statistic == "rate per 1000":
            statistics.append("value")
        for statistic in statistics:
            series = trend(
                store,
                q.table.measure,
                area=self._area(q),
                statistic=statistic,
                tokens=q.tokens,
                paper_year=q.paper_year,
                paper_month=q.paper_month,
                periods=q.periods,
            )
            if series is None or not series.points:
                continue
            lead = series.points[0]
            if statistic == statistics[0] or _is_rate(lead.unit, lead.measure):
                return series
        return None

    def _rank_periods(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        """ "Which week had the most robberies?": the periods of one series, ordered."""
        series = self._series(store, q)
        if series is None or not series.points or q.table.period_ranked is None:
            return None
        if {p.period_kind for p in series.points} != {q.table.period_ranked}:
            return None  # "which month" over a series of years or weeks is not answered
        points = [p for p in series.points if _in_periods(p, q.periods)]
        if not points:
            return None  # the weeks shown are not the weeks asked about
        ordered = sorted(points, key=lambda p: p.value, reverse=q.descending)
        composer = Composer()
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

    def _match_check(
        self, store: TableStore, checked: Sequence[FigureQuestion]
    ) -> ToolAnswer | None:
        """One figure, then the figure it is checked against, and whether they match."""
        first = self._figures(store, checked[0])
        second = self._figures(store, checked[1])
        if len(first) != 1 or len(second) != 1 or first[0].unit != second[0].unit:
            return None
        a, b = first[0], second[0]
        composer = Composer()
        text = (
            f"In “{a.provenance.caption}”: {describe(a, composer)}. "
            f"In “{b.provenance.caption}”: {describe(b, composer)}. {match_verdict(a, b)}"
        )
        composer.call(
            "compare",
            {
                "measure": a.measure,
                "table_a": a.provenance.table_id,
                "table_b": b.provenance.table_id,
            },
            f"{a.text} vs {b.text}",
        )
        return composer.answer(text)

    def _figures(self, store: TableStore, q: FigureQuestion) -> tuple[Figure, ...]:
        """The figures a lookup would state for ``q`` (one per table)."""
        statistic = q.statistic or "value"
        candidates = self._candidates(store, q, statistic, q.periods[:1])
        if not candidates or len(asked_measures(candidates)) != 1:
            return ()
        return resolve_candidates(store, candidates, q.tokens).figures

    def _ledger(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        """A cost or spend table read by the row and column the question names."""
        chosen = ledger.pick(store, q.table)
        if chosen is None:
            return None
        figures = [figure(store, cell) for cell in chosen.cells]
        composer = Composer()
        text = ledger_text(figures, chosen.operation, composer)
        if text is None:
            return None
        composer.call(
            "metric_lookup",
            {
                "table": chosen.table_id,
                "rows": list(dict.fromkeys(f.provenance.row for f in figures)),
                "columns": list(dict.fromkeys(f.provenance.column for f in figures)),
            },
            "; ".join(f"{f.provenance.row}, {f.provenance.column}: {f.raw}" for f in figures),
        )
        return composer.answer(text)

    def _trend(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        series = self._series(store, q)
        if series is None or not series.points:
            return None
        composer = Composer()
        text, chart = trend_text(series, composer)
        for point in series.points:
            composer.show(point)
        composer.call(
            "trend",
            {"measure": series.measure, "area": self._area(q)},
            ", ".join(f"{p.period_label}: {p.text}" for p in series.points),
        )
        return composer.answer(text, chart)
