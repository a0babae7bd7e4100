"""Typed records for the metric tables: a table, its long-form cells, and a period.

A table's id is derived from its source, place and content, so re-ingesting the
same paper gives the same ids and citations stay stable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Self

Unit = str  # one of UNITS
UNITS: tuple[str, ...] = (
    "count",
    "percent",
    "percentage_points",
    "gbp",
    "rate_per_1000",
    "ratio",
    "rank",
    "number",
)


def _tupled(value: Any) -> Any:
    """JSON gives lists where the records hold tuples (also nested ones)."""
    if isinstance(value, list | tuple):
        return tuple(_tupled(v) for v in value)
    return value


class _TableRecord:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: _tupled(v) for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Period(_TableRecord):
    """A normalised period: ``key`` is what is stored and compared, ``label`` what is shown.

    ``kind`` is one of fy, fytd, range, month, quarter, week, year, r12, relative.
    ``start``/``end`` are ISO dates when the period is anchored in the calendar;
    ``relation`` is "current" or "previous" for periods relative to the report
    (This Year / Last Year, Current R12 / Previous R12).
    """

    key: str
    label: str
    kind: str
    start: str | None = None
    end: str | None = None
    relation: str | None = None


@dataclass(frozen=True)
class MetricCell(_TableRecord):
    """One figure (or text) of a table in long form, with what it measures and when."""

    table_id: str
    row_index: int  # 0-based among the table's body rows
    col_index: int  # 0-based among the table's value columns (the row label is not a column)
    row_label: str
    row_group: str | None
    column_labels: tuple[str, ...]  # the header levels over this cell, top first
    raw: str
    value: float | None
    unit: str | None
    sign: int  # -1, 0 or +1 as written ("-4.6%", "(£98,400)", "+5.6 %")
    measure: str | None  # normalised measure, e.g. "residential burglary"
    statistic: str  # "value", "% change", "sanction detections", "sd rate", "target", "rank", ...
    area: (
        str | None
    )  # "Northtown", "Southtown", "Force", "the region"; None when the table is about Northtown
    period: str | None  # normalised period key, e.g. "FY 2011/12"
    period_label: str | None
    period_kind: str | None
    period_start: str | None
    period_end: str | None
    period_relation: str | None
    line: int  # 1-based line of the row in its file (or in its page's text for PDFs)
    line_end: int  # last line of the row (a row wrapped over several lines)
    page: int | None
    row_text: str  # the row's raw source line, quoted in citations

    @property
    def period_record(self) -> Period | None:
        if self.period is None:
            return None
        return Period(
            key=self.period,
            label=self.period_label or self.period,
            kind=self.period_kind or "label",
            start=self.period_start,
            end=self.period_end,
            relation=self.period_relation,
        )

    @property
    def locator(self) -> str:
        """The row's place as a citation locator: ``lines A-B`` (with the page for PDFs)."""
        where = f"lines {self.line}-{self.line_end}"
        return f"page {self.page}, {where}" if self.page is not None else where


@dataclass(frozen=True)
class MetricTable(_TableRecord):
    """A table found in a paper: where it is, what it is called, its header and its cells."""

    id: str
    source: str  # file name in the corpus folder
    title: str  # the paper the table is in
    paper_type: str  # "report", "minutes", "appendix", ... (of the paper the table is in)
    section: str  # heading path inside the paper, joined with " > "
    caption: str  # the nearest title ("Weekly Residential Burglary Performance - Northtown")
    meeting_date: str | None
    locator: str  # "lines A-B" (with "page N, " first for PDFs)
    line_start: int
    line_end: int
    page: int | None
    form: str  # "tab", "pipe", "html" or "text" (space-aligned PDF text)
    header: tuple[tuple[str, ...], ...]  # header rows as written, label column first
    columns: tuple[str, ...]  # each value column's labels joined with " / "
    stub: str  # the header over the row labels ("Crime Type", "OCU")
    n_rows: int
    n_cols: int
    notes: tuple[str, ...] = ()
    cells: tuple[MetricCell, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        data = dict(data)
        data["cells"] = tuple(
            c if isinstance(c, MetricCell) else MetricCell.from_dict(c)
            for c in data.get("cells", ())
        )
        return super().from_dict(data)
