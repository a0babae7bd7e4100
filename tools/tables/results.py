"""What the table tools return: figures with their provenance, comparisons, rankings,
series and table matches. Plain frozen dataclasses, JSON-ready through ``asdict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from board.metrics import MetricCell
from tools.tables.store import TableStore
from tools.tables.values import format_figure, parse_cell


@dataclass(frozen=True)
class Provenance:
    """Where a figure is: the file, the paper, the table and the cell."""

    table_id: str
    source: str
    title: str
    meeting_date: str | None
    locator: str  # "lines A-B" covering the row
    caption: str
    row: str
    column: str
    quote: str  # the row as written


@dataclass(frozen=True)
class Figure:
    """One figure read from a table."""

    value: float
    unit: str | None
    raw: str
    measure: str | None
    statistic: str
    period: str | None
    period_label: str | None
    area: str | None
    decimals: int
    provenance: Provenance
    period_kind: str | None = None  # "week", "month", "quarter", "fy", "fytd", ...
    period_end: str | None = None  # ISO date, when the period is anchored in the calendar

    @property
    def text(self) -> str:
        """The figure as an answer states it ("2,576", "-4.6%", "£228,717", "6th (6/32)")."""
        text = format_figure(self.value, self.unit, self.decimals)
        if self.unit == "rank" and "/" in self.raw:
            text += f" ({self.raw.strip()})"
        return text


@dataclass(frozen=True)
class Lookup:
    figures: tuple[Figure, ...] = ()
    conflict: bool = False  # tables give different figures for the same measure and period


@dataclass(frozen=True)
class Comparison:
    current: Figure
    previous: Figure
    difference: float
    percent_change: float | None
    table_change: Figure | None = None  # the table's own % change, when it has one
    table_agrees: bool | None = None


@dataclass(frozen=True)
class RankEntry:
    position: int
    label: str
    figure: Figure


@dataclass(frozen=True)
class Ranking:
    entries: tuple[RankEntry, ...]
    descending: bool
    column: str


@dataclass(frozen=True)
class Trend:
    measure: str | None
    points: tuple[Figure, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TableMatch:
    table_id: str
    caption: str
    source: str
    locator: str
    n_rows: int
    n_cols: int
    score: float


def figure(store: TableStore, cell: MetricCell) -> Figure:
    """A cell as a Figure with its provenance."""
    info = store.table_info(cell.table_id)
    parsed = parse_cell(cell.raw)
    decimals = parsed.main.decimals if parsed else 0
    if parsed and cell.value is not None and parsed.main.value != cell.value:
        decimals = next((x.decimals for x in parsed.extras if x.value == cell.value), decimals)
    return Figure(
        value=float(cell.value) if cell.value is not None else float("nan"),
        unit=cell.unit,
        raw=cell.raw,
        measure=cell.measure,
        statistic=cell.statistic,
        period=cell.period,
        period_label=cell.period_label,
        area=cell.area,
        decimals=decimals,
        provenance=Provenance(
            table_id=cell.table_id,
            source=str(info.get("source", "")),
            title=str(info.get("title", "")),
            meeting_date=info.get("meeting_date"),
            locator=cell.locator,
            caption=str(info.get("caption", "")),
            row=cell.row_label,
            column=" / ".join(cell.column_labels),
            quote=cell.row_text,
        ),
        period_kind=cell.period_kind,
        period_end=cell.period_end,
    )
