"""Steps the table handlers share: the cells that could answer a question, the place it asks
about, the series it names, and a tool call's arguments as the tool itself takes them. Pure
functions over the store and the question as read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from board.figure_question import FigureQuestion
from board.metrics import Period
from board.profile import BoardProfile
from tools.tables.confidence import asked_measures, confident, latest_per_table
from tools.tables.match import Candidate, select
from tools.tables.store import TableStore
from tools.tables.tools import Figure, Trend, resolve_candidates, trend


def in_periods(fig: Figure, periods: Sequence[Period]) -> bool:
    """Whether a point of a series falls in the periods asked ("which week in December 2012");
    with none asked, every point does. A period reaching past the series ("late October to
    end of December 2012" read as December) still holds the points it covers."""
    dated = [p for p in periods if p.start and p.end]
    if not dated:
        return True
    end = fig.period_end or ""
    return any((p.start or "") <= end <= (p.end or "") for p in dated)


def is_rate(unit: str | None, measure: str | None) -> bool:
    """Figures that are themselves a rate ("custody rate"): what a "rate per 1000" question
    reads when no table has a rate-per-1,000 column for it."""
    return unit == "rate_per_1000" or "rate" in (measure or "")


def ledger_row(fig: Figure, profile: BoardProfile) -> bool:
    """An undated figure on an agency's row (a business case's "Court | Gross saving")."""
    return fig.period is None and fig.area in set(profile.organisation_words.values())


def place_of(q: FigureQuestion) -> str | None:
    """The place or agency the question asks about: a place named, else its one agency."""
    if q.area:
        return q.area
    orgs = q.table.organisations
    return orgs[0] if len(orgs) == 1 else None


def candidates(
    store: TableStore, q: FigureQuestion, statistic: str, periods: Sequence[Period] = ()
) -> list[Candidate]:
    """The cells that answer the question with confidence, best table first; without a
    period asked, each table's latest."""
    area = place_of(q)

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
            for c in candidates(store, q, "value", periods)
            if is_rate(c.cell.unit, c.cell.measure)
        ]
    return found if periods else latest_per_table(found)


def figures_for(store: TableStore, q: FigureQuestion) -> tuple[Figure, ...]:
    """The figures a lookup would state for ``q`` (one per table), when it asks one measure."""
    statistic = q.statistic or "value"
    found = candidates(store, q, statistic, q.periods[:1])
    if not found or len(asked_measures(found)) != 1:
        return ()
    return resolve_candidates(store, found, q.tokens).figures


def series_of(store: TableStore, q: FigureQuestion) -> Trend | None:
    """The series the question is about, from the table reaching the periods it names; a
    "rate" asked of a table whose figures are the rate itself is read as its values."""
    statistics = [q.statistic or "value"]
    if q.statistic == "rate per 1000":
        statistics.append("value")
    for statistic in statistics:
        series = trend(
            store,
            q.table.measure,
            area=place_of(q),
            statistic=statistic,
            tokens=q.tokens,
            paper_year=q.paper_year,
            paper_month=q.paper_month,
            periods=q.periods,
        )
        if series is None or not series.points:
            continue
        lead = series.points[0]
        if statistic == statistics[0] or is_rate(lead.unit, lead.measure):
            return series
    return None


def arguments(
    q: FigureQuestion, statistic: str, measure: str | None, **extra: Any
) -> dict[str, Any]:
    """A tool call's arguments as the tool itself takes them."""
    args: dict[str, Any] = {
        "measure": measure or " ".join(sorted(q.tokens)),
        "statistic": statistic,
    }
    if q.periods:
        args["period"] = q.periods[0].label
    if area := place_of(q):
        args["area"] = area
    args.update({k: v for k, v in extra.items() if v is not None})
    return args
