"""Finding the cells a request is about: by measure (through the synonym table), statistic,
place, period and table. Pure functions over the store's cell frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from board.measures import (
    MeasureWords,
    content_tokens,
    is_home_area,
    known_measures,
    measure_words,
)
from board.metrics import MetricCell, Period
from board.profile import BoardProfile
from tools.tables.period_matching import period_matches
from tools.tables.store import TableStore, cell_from_row

PHRASE = 2.0  # the measure is written in the request
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
WEAK = (
    1.0  # a one-word measure the synonym table does not know ("cases"): needs the table named too
)
ALL_WORDS = 1.5  # every word of the measure is in the request, in some order
_FUZZY_MIN = 0.75  # share of a long measure's words the request must hold
_TIMELESS = ("target", "sd target", "group rank", "similar group rank", "rank")
_SPAN_REACH = 60  # characters over which a measure's scattered words still count as one mention


@dataclass(frozen=True)
class Candidate:
    """A cell that answers a request, with how well its measure and table fit."""

    cell: MetricCell
    measure_score: float
    table_score: float


def measure_scores(
    measures: Iterable[str], request: str | MeasureWords, profile: BoardProfile
) -> dict[str, float]:
    """How well each measure matches the request (a question's words as read, or a tool
    call's measure); measures that do not match are left out.

    A measure written in the request scores highest, longer ones higher ("residential
    burglary" over "burglary"); measures contained in a longer matched one are dropped.
    """
    asked = measure_words(request, profile)
    haystack = f" {asked.canonical} "
    wanted = set(asked.tokens)
    scores: dict[str, float] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for measure in set(m for m in measures if m):
        words = set(content_tokens(measure, profile))
        if not words or all(w.isdigit() for w in words):
            continue
        weak = len(words) == 1 and measure not in known_measures(profile)
        found = [
            (m.start(), m.end())
            for m in re.finditer(rf"(?<=\s){re.escape(measure)}(?=\s)", haystack)
        ]
        if found or asked.measure == measure:
            scores[measure] = WEAK if weak else PHRASE + 0.1 * len(words)
            spans[measure] = found
        elif words <= wanted:
            scores[measure] = WEAK if weak else ALL_WORDS + 0.1 * len(words)
            if not weak and (pseudo := _word_span(haystack, words)) is not None:
                spans[measure] = [pseudo]
        elif wanted and wanted <= words:
            scores[measure] = 1.2 + 0.1 * len(wanted)  # a short request inside a long measure
        elif len(words) >= 3 and len(words & wanted) / len(words) >= _FUZZY_MIN:
            scores[measure] = len(words & wanted) / len(words)
    # "burglary" inside "residential burglary" in the text is not asked about on its own;
    # a measure whose words are a strict part of another fully matched measure gives way.
    phrase_spans = {m: sp for m, sp in spans.items() if scores.get(m, 0) >= PHRASE}
    for short in list(scores):
        words_short = set(content_tokens(short, profile))
        others = [
            sp
            for long, sp in spans.items()
            if long != short
            and (
                len(long) > len(short)
                if long in phrase_spans
                else words_short < set(content_tokens(long, profile))
            )
        ]
        own = phrase_spans.get(short, [])
        independent = [
            (s, e) for s, e in own if not any(ls <= s and e <= le for sp in others for ls, le in sp)
        ]
        if independent:
            continue
        wider = [
            long
            for long, score in scores.items()
            if long != short
            and score >= ALL_WORDS
            and words_short < set(content_tokens(long, profile))
        ]
        if own or wider:
            del scores[short]
    return scores


def _word_span(haystack: str, words: set[str]) -> tuple[int, int] | None:
    """Where a measure's words sit in the text when they are not written together (if close)."""
    places: list[tuple[int, int]] = []
    for word in words:
        m = re.search(rf"(?<=\s){re.escape(word)}\w*(?=\s)", haystack)
        if m is None:
            return None
        places.append(m.span())
    start, end = min(p[0] for p in places), max(p[1] for p in places)
    return (start, end) if end - start <= _SPAN_REACH else None


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
    scores: dict[str, float] = {}
    if measure:
        scores = measure_scores(cells["measure"].dropna().unique(), measure, store.profile)
        if not scores:
            return []
        best = max(scores.values())
        keep = {m for m, s in scores.items() if s == best or (best >= PHRASE and s >= PHRASE)}
        cells = cells[cells["measure"].isin(keep)]
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
    rows = cells.to_dict("records")
    if periods:
        rows = _in_periods(store, rows, periods, statistic)
    infos = {tid: store.table_info(tid) for tid in {r["table_id"] for r in rows}}
    wanted = set(tokens)
    out = [
        Candidate(
            cell_from_row(r),
            scores.get(r["measure"], 0.0),
            table_score(
                infos[r["table_id"]], wanted, paper_year, paper_month, label, store.profile
            ),
        )
        for r in rows
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
