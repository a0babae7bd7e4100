"""Finding the cells a request is about: by measure (through the synonym table), statistic,
place, period and table. Pure functions over the store's cell frame.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from board.measures import (
    MeasureWords,
    content_tokens,
    is_home_area,
    measure_words,
)
from board.metrics import MetricCell, Period
from board.profile import BoardProfile
from tools.tables.measure_fit import PHRASE, measure_scores
from tools.tables.period_matching import period_matches
from tools.tables.store import TableStore, cell_from_row

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_TIMELESS = ("target", "sd target", "group rank", "similar group rank", "rank")


@dataclass(frozen=True)
class Candidate:
    """A cell that answers a request, with how well its measure and table fit."""

    cell: MetricCell
    measure_score: float
    table_score: float


def table_tokens(
    info: dict,
    profile: BoardProfile,
    keys: tuple[str, ...] = ("caption", "section", "title", "stub"),
) -> set[str]:
    """The words of a table's caption, section, paper title and stub; of their numbers only
    those that name a part ("District 16", "Sector 3"), not a year or a date."""
    text = " ".join(str(info.get(k) or "") for k in keys)
    return {w for w in content_tokens(text, profile) if not w.isdigit() or len(w) <= 2}


def names_table(label: str | None, info: dict) -> bool:
    caption = str(info.get("caption") or "").lower()
    return label is not None and re.match(rf"{re.escape(label)}\b", caption) is not None


def table_score(
    info: dict,
    tokens: frozenset[str] | set[str],
    year: int | None,
    month: int | None,
    label: str | None,
    profile: BoardProfile,
) -> float:
    """How well a table fits the words and paper a request names ("the July 2013 pack")."""
    score = float(len(table_tokens(info, profile=profile) & set(tokens)))
    if names_table(label, info):
        score += 3.0
    meeting = str(info.get("meeting_date") or "")
    if year is not None:
        if meeting.startswith(str(year)) or str(year) in str(info.get("source", ""))[:10]:
            score += 2.0
            if month is not None and meeting[5:7] == f"{month:02d}":
                score += 1.0
        else:
            score -= 3.0
    return score


def cell_period(row: dict) -> Period | None:
    if not row.get("period") or pd.isna(row.get("period")):
        return None
    get = lambda k: None if pd.isna(row.get(k)) else row.get(k)  # noqa: E731
    return Period(
        row["period"],
        get("period_label") or row["period"],
        get("period_kind") or "label",
        get("period_start"),
        get("period_end"),
        get("period_relation"),
    )


def select(
    store: TableStore,
    *,
    measure: str | MeasureWords | None,
    statistic: str | None = "value",
    periods: Sequence[Period] = (),
    area: str | None = None,
    table: str | None = None,
    tokens: Iterable[str] = (),
    paper_year: int | None = None,
    paper_month: int | None = None,
    figures_only: bool = True,
    label: str | None = None,
) -> list[Candidate]:
    """Cells matching the request, best table first (ties kept: they may disagree)."""
    cells = store.cells
    if figures_only:
        cells = cells[cells["value"].notna()]
    if table:
        cells = _of_table(store, cells, table)
    fit = pd.Series(0.0, index=cells.index)
    if measure:
        # a row's measure with its group's words is one more way of matching it, never a
        # reason to drop a measure matched on its own
        qualified = _qualified(store, cells)
        bare = set(cells["measure"].dropna())
        scores = measure_scores(bare, measure, store.profile)
        widened = measure_scores(set(qualified.dropna()), measure, store.profile)
        if not scores and not widened:
            return []
        fit = (
            pd.concat([cells["measure"].map(scores), qualified.map(widened)], axis=1)
            .max(axis=1)
            .fillna(0.0)
        )
        best = float(fit.max())
        cells = cells[(fit == best) | (best >= PHRASE) & (fit >= PHRASE)]
    if statistic is not None:
        cells = cells[
            (cells["statistic"] == statistic)
            | (statistic == "value") & _named_group(cells, set(tokens), store.profile)
        ]
    if area is None:
        home = cells["area"].map(lambda a: is_home_area(a, store.profile)).astype(bool)
        cells = cells[cells["area"].isna() | home]
    else:
        cells = cells[cells["area"] == area]
    if cells.empty:
        return []
    rows = [{**r, "_index": i} for i, r in zip(cells.index, cells.to_dict("records"), strict=True)]
    if periods:
        rows = _in_periods(store, rows, periods, statistic)
    infos = {tid: store.table_info(tid) for tid in {r["table_id"] for r in rows}}
    wanted = set(tokens)
    out = [
        Candidate(
            cell_from_row(r),
            float(fit[i]),
            table_score(
                infos[r["table_id"]], wanted, paper_year, paper_month, label, store.profile
            ),
        )
        for i, r in ((r.pop("_index"), r) for r in rows)
    ]
    out.sort(
        key=lambda c: (
            -c.measure_score,
            -c.table_score,
            c.cell.table_id,
            -_names_period(c.cell, periods),
            -_names_column(c.cell, wanted, store.profile),
            c.cell.row_index,
            c.cell.col_index,
        )
    )
    return out


def _qualified(store: TableStore, cells: pd.DataFrame) -> pd.Series:
    """Each cell's measure with the words of the group or stub its row stands under, where
    those name what the rows count ("ADULT" under "ARRESTS" is adult arrests)."""
    every = _QUALIFIED.get(store)
    if every is None:
        every = _QUALIFIED[store] = _qualify(store)
    return every.reindex(cells.index)


_QUALIFIED: weakref.WeakKeyDictionary[TableStore, pd.Series] = weakref.WeakKeyDictionary()


def _qualify(store: TableStore) -> pd.Series:
    """Every cell's qualified measure (None where nothing qualifies it), read once a store."""
    cells = store.cells
    stubs = dict(zip(store.tables_frame["id"], store.tables_frame["stub"], strict=True))
    words_of: dict[str, list[str]] = {}

    def qualified(measure: object, group: object, table: str) -> str | None:
        over = group if isinstance(group, str) and group else stubs.get(table)
        if not isinstance(measure, str) or not isinstance(over, str):
            return None
        if over not in words_of:
            words_of[over] = [w for w in content_tokens(over, store.profile) if not w.isdigit()]
        words = words_of[over]
        extra = [w for w in words if w not in measure.split()]
        return f"{measure} {' '.join(extra)}" if extra and len(words) <= 3 else None

    return pd.Series(
        [
            qualified(m, g, t)
            for m, g, t in zip(cells["measure"], cells["row_group"], cells["table_id"], strict=True)
        ],
        index=cells.index,
        dtype=object,
    )


def _of_table(store: TableStore, cells: pd.DataFrame, table: str) -> pd.DataFrame:
    """The cells of the table named by id, or else by words of its caption."""
    by_id = cells[cells["table_id"] == table]
    if by_id.empty:
        captions = store.tables_frame
        ids = captions[captions["caption"].str.contains(table, case=False, regex=False)]["id"]
        by_id = cells[cells["table_id"].isin(set(ids))]
    return by_id


def _in_periods(
    store: TableStore, rows: list[dict], periods: Sequence[Period], statistic: str | None
) -> list[dict]:
    """The rows in the periods asked; a target has no period and counts when its table holds
    figures for the period asked."""

    years: dict[str, int | None] = {}

    def fits(r: dict) -> bool:
        p = cell_period(r)
        if p is None:
            return False
        if p.kind == "fytd" and p.start is None:  # a sheet's undated YEAR TO DATE
            if r["table_id"] not in years:
                years[r["table_id"]] = paper_year(store.table_info(r["table_id"]))
            year = years[r["table_id"]]
            if year is not None:
                if p.relation == "previous":
                    year -= 1
                periods_ = [w for w in periods if w.kind != "ytd" or w.key == f"YTD {year}"]
                return any(period_matches(w, p) for w in periods_)
        return any(period_matches(w, p) for w in periods)

    timely = (
        {r["table_id"] for r in store.cells.to_dict("records") if fits(r)}
        if statistic in _TIMELESS
        else set()
    )
    return [
        r
        for r in rows
        if fits(r)
        or (statistic in _TIMELESS and r["table_id"] in timely and cell_period(r) is None)
    ]


def paper_year(info: dict) -> int | None:
    """The year a table's paper is dated: its meeting date's, else the latest its caption or
    title names ("MONTHLY SUMMARY: APRIL 2020")."""
    meeting = str(info.get("meeting_date") or "")
    if meeting[:4].isdigit():
        return int(meeting[:4])
    named = _YEAR.findall(f"{info.get('caption') or ''} {info.get('title') or ''}")
    return max(int(y) for y in named) if named else None


def _named_group(cells: pd.DataFrame, wanted: set[str], profile: BoardProfile) -> pd.Series:
    """Cells of a repeated column group ("value (3)") whose group the request names by a word
    ("arrests" for ARRESTS over the year to date, beside INCIDENTS and CLEARANCES)."""
    words = {w for w in wanted if not w.isdigit()}

    def named(row: dict) -> bool:
        labels = row["column_labels"]
        group = str(row["statistic"]).startswith("value (")
        return group and bool(words & _column_words(labels, profile))

    return pd.Series([named(r) for r in cells.to_dict("records")], index=cells.index, dtype=bool)


def _names_column(cell: MetricCell, wanted: set[str], profile: BoardProfile) -> int:
    """How many of the request's words the cell's column labels write ("ARRESTS" over the
    arrests of a row that also counts incidents and clearances)."""
    return len(_column_words(cell.column_labels, profile) & wanted)


def _column_words(labels: Sequence[str] | str, profile: BoardProfile) -> set[str]:
    """The words of a cell's column labels (a tuple, or the store's JSON text of one)."""
    text = labels if isinstance(labels, str) else " ".join(labels)
    return set(content_tokens(text, profile))


def _names_period(cell: MetricCell, periods: Sequence[Period]) -> int:
    """1 when the cell's own labels write the period asked for ("FY 12/13" for 2012/13)."""
    labels = " ".join([cell.row_label, *cell.column_labels])
    for period in periods:
        if period.kind == "fy" and period.label[2:] in labels:
            return 1
        if period.label in labels:
            return 1
    return 0


def best(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates from the best-fitting table(s): all tied tables are kept."""
    if not candidates:
        return []
    top = (candidates[0].measure_score, candidates[0].table_score)
    return [c for c in candidates if (c.measure_score, c.table_score) == top]


def measure_candidates(
    store: TableStore,
    measure: str | MeasureWords,
    periods: Sequence[Period] = (),
    *,
    area: str | None = None,
    table: str | None = None,
    statistic: str = "value",
    tokens: frozenset[str] | set[str] = frozenset(),
    paper_year: int | None = None,
    paper_month: int | None = None,
) -> list[Candidate]:
    """The cells that could hold ``measure`` (in ``periods``), best table first; the request's
    words default to the measure's own."""
    return select(
        store,
        measure=measure,
        statistic=statistic,
        periods=periods,
        area=area,
        table=table,
        tokens=tokens or measure_words(measure, store.profile).tokens,
        paper_year=paper_year,
        paper_month=paper_month,
    )
