"""Tools over whole columns and tables: rank a table's rows, read a series over its
periods, find tables by their words. Arithmetic and ordering by pandas.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from board.measures import MeasureWords, content_tokens, is_borough, measure_words
from board.metrics import MetricCell, Period
from board.profile import BoardProfile
from board.question_periods import as_periods
from tools.tables.match import measure_candidates, table_score
from tools.tables.measure_fit import measure_scores
from tools.tables.period_matching import period_matches
from tools.tables.results import RankEntry, Ranking, TableMatch, Trend, figure
from tools.tables.store import TableStore


def rank(
    store: TableStore,
    measure: str | MeasureWords | None,
    column: str | None = None,
    *,
    period: str | Sequence[Period] | None = None,
    table: str | None = None,
    descending: bool = True,
    statistic: str | None = None,
    tokens: frozenset[str] | set[str] = frozenset(),
    paper_year: int | None = None,
    paper_month: int | None = None,
    areas_only: bool = False,
    label: str | None = None,
) -> Ranking | None:
    """The rows of the best-fitting table ordered by one column (totals and the region left out)."""
    profile = store.profile
    asked = measure_words(measure or "", profile)
    wanted = set(tokens) | asked.tokens | set(content_tokens(column or "", profile))
    periods = as_periods(period)
    best_key: tuple[float, int] | None = None
    chosen: list[MetricCell] = []
    for (table_id, col_index), column_cells in sorted(store.cells_by_column.items()):
        rows = list(column_cells)
        if table and table_id != table:
            continue
        if statistic is not None:
            rows = [c for c in rows if c.statistic == statistic]
        if periods:
            rows = [
                c
                for c in rows
                if c.period_record and any(period_matches(w, c.period_record) for w in periods)
            ]
        rows = [c for c in rows if not _aggregate(c, profile)]
        if areas_only:
            rows = [c for c in rows if is_borough(c.area, profile)]
            if len({c.area for c in rows}) < 3:
                continue
        if len(rows) < 3 or len({c.row_label for c in rows}) < 3:
            continue
        if measure and not measure_scores({c.measure or "" for c in rows}, asked, profile):
            continue
        if column and not set(content_tokens(column, profile)) & set(
            content_tokens(" ".join(rows[0].column_labels), profile)
        ):
            continue
        info = store.table_info(str(table_id))
        fit = table_score(info, wanted, paper_year, paper_month, label, profile)
        key = (fit, -int(col_index))
        if best_key is None or key > best_key:
            best_key, chosen = key, rows
    if not chosen:
        return None
    ordered = sorted(chosen, key=lambda c: c.value or 0.0, reverse=descending)
    entries: list[RankEntry] = []
    for i, cell in enumerate(ordered):
        ties = [e for e in entries if e.figure.value == cell.value]
        position = ties[0].position if ties else i + 1  # competition ranking: 1, 2, 2, 4
        entries.append(RankEntry(position, cell.row_label, figure(store, cell)))
    return Ranking(tuple(entries), descending, " / ".join(chosen[0].column_labels))


def _aggregate(cell: MetricCell, profile: BoardProfile) -> bool:
    label = cell.row_label.strip().lower()
    return (
        cell.area in profile.aggregate_areas
        or label in ("total", "all")
        or label.endswith(" total")
    )


def trend(
    store: TableStore,
    measure: str | MeasureWords,
    *,
    area: str | None = None,
    table: str | None = None,
    statistic: str = "value",
    tokens: frozenset[str] | set[str] = frozenset(),
    paper_year: int | None = None,
    paper_month: int | None = None,
    periods: Sequence[Period] = (),
) -> Trend | None:
    """The series of ``measure`` over the dated periods of the best-fitting table, oldest first.

    A series holds periods of one kind (the weeks of a weekly table, not its year-to-date
    total). When ``periods`` are given, a table whose series reaches into them is preferred
    ("the weekly figures for December 2012" is the January 2013 table, not a later one).
    """
    candidates = measure_candidates(
        store,
        measure,
        area=area,
        table=table,
        statistic=statistic,
        tokens=tokens,
        paper_year=paper_year,
        paper_month=paper_month,
    )
    by_table: dict[str, list[MetricCell]] = {}
    for cand in candidates:
        by_table.setdefault(cand.cell.table_id, []).append(cand.cell)
    found = [points for cells in by_table.values() if (points := _series(cells))]
    if periods:
        found.sort(key=lambda points: not any(_within(c, periods) for c in points))
    return Trend(found[0][0].measure, tuple(figure(store, c) for c in found[0])) if found else None


def _series(cells: Sequence[MetricCell]) -> list[MetricCell]:
    """A table's cells as a series over one kind of period, or [] with fewer than 3 periods."""
    dated = [
        c for c in cells if c.period_start and c.period_end and c.period_relation != "previous"
    ]
    kinds = Counter(_family(c.period_kind) for c in dated)
    if not kinds:
        return []
    kind = kinds.most_common(1)[0][0]
    series: dict[str, MetricCell] = {}
    for c in sorted(dated, key=lambda c: (c.period_start or "", c.period_end or "")):
        if _family(c.period_kind) == kind:
            series.setdefault(c.period or "", c)
    if len({(c.period_start, c.period_end) for c in series.values()}) < 3:
        return []
    return sorted(series.values(), key=lambda c: (c.period_end or "", c.period_start or ""))


def _family(kind: str | None) -> str:
    """Periods that make one series: weeks, months, quarters or year-to-date totals each
    apart; twelve-month spans together ("Apr 13 - Mar 14" reads as a financial year, "Jul 13 -
    Jun 14" as a range, both are rolling years)."""
    return kind if kind in ("week", "month", "quarter", "fytd") else "span"


def _within(cell: MetricCell, periods: Sequence[Period]) -> bool:
    end = cell.period_end or ""
    return any((p.start or "") <= end <= (p.end or "9999") for p in periods if p.start or p.end)


def find_tables(store: TableStore, words: str, limit: int = 5) -> list[TableMatch]:
    """Tables whose caption, section, header or row labels share the most words with ``words``
    (a tool call's description of the table, "weekly residential burglary")."""
    wanted = set(content_tokens(words, store.profile))
    scored: list[TableMatch] = []
    labels = store.cells.groupby("table_id")["row_label"].apply(lambda s: " ".join(s.unique()))
    for info in store.tables_frame.to_dict("records"):
        text = " ".join(str(info.get(k) or "") for k in ("caption", "section", "stub", "columns"))
        named = str(labels.get(info["id"], ""))
        held = set(content_tokens(text, store.profile)) | set(content_tokens(named, store.profile))
        score = float(len(held & wanted))
        if score > 0:
            scored.append(
                TableMatch(
                    info["id"],
                    info["caption"],
                    info["source"],
                    info["locator"],
                    int(info["n_rows"]),
                    int(info["n_cols"]),
                    score,
                )
            )
    scored.sort(key=lambda t: (-t.score, t.source, t.locator))
    return scored[:limit]
