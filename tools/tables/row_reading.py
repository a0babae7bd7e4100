"""One body row of a table read cell by cell: each figure with its measure, statistic, place
and period, from the row's label and group, its column's labels, the table's stub and
caption, and the figures a cell carries beside its own. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from board.measures import (
    area_name,
    canonical_measure,
    canonical_text,
    is_home_area,
)
from board.metrics import MetricCell, Period
from board.month_runs import bare_month
from board.period_resolve import resolve_labels
from board.periods import PeriodContext, read_parts
from board.profile import BoardProfile
from tools.tables.labels import Label, read_label
from tools.tables.structure import Layout
from tools.tables.values import CellValue, Part, mentions_per_1000, parse_cell

_CHANGE = ("% change", "% change vs 5 years ago")
# "ROBBERY - 2020", "Burglary (2019)": a row of one year's figures, its measure before the year
_ROW_YEAR = re.compile(r"^(?P<label>.*[A-Za-z].*?)[\s\-–—:,(]+(?P<year>(?:19|20)\d{2})\)?$")

_COUNT_STATISTICS = {"value", "sanction detections", "base", "previous", "count", "sds short"}

GENERIC = {
    "",
    "value",
    "offences",
    "offence",
    "crime type",
    "ocu",
    "borough",
    "boroughname",
    "year",
    "date",
    "target",
    "rag",
    "all",
    "organisation",
    "description",
    "positive negative factors",
}


def _unit(part: Part, statistic: str, labels: Sequence[str]) -> str:
    if part.unit != "number":
        return part.unit
    if statistic == "rate per 1000" or any(mentions_per_1000(label) for label in labels):
        return "rate_per_1000"
    if part.decimals == 0 and (statistic in _COUNT_STATISTICS or not statistic.startswith("%")):
        return "count"
    return "number"


def _first(values: Sequence[str | None]) -> str | None:
    return next((v for v in values if v), None)


@dataclass(frozen=True)
class TableContext:
    """What every row of one table is read against."""

    table_id: str
    layout: Layout
    columns: list[list[Label]]
    stub: Label
    table_measure: str | None
    caption: str
    ctx: PeriodContext
    year: int | None
    profile: BoardProfile
    months: dict[int, str] = field(default_factory=dict)  # a run of month columns, dated


def read_row(table: TableContext, index: int, row) -> list[MetricCell]:  # noqa: ANN001 - a structure.BodyRow
    """The cells of one body row, each figure with its measure, statistic, place and period."""
    return _RowReader(table, index, row).cells()


class _RowReader:
    """One body row read cell by cell: the row's own label, group and measure, the periods
    its columns give, and the measure of the last plain figure (a change column after it
    is that measure's change)."""

    def __init__(self, table: TableContext, index: int, row) -> None:  # noqa: ANN001
        self.table = table
        self.index = index
        self.row = row
        whole = read_label(row.label, table.year, table.profile)
        # a measure and a year ("ROBBERY - 2020"), not a period written whole ("April 2013")
        dated = None if whole.is_period else _ROW_YEAR.match(" ".join(row.label.split()))
        self.year = dated["year"] if dated else None
        self.label = read_label(dated["label"], table.year, table.profile) if dated else whole
        self.group = read_label(row.group or "", table.year, table.profile)
        self.measure = self._row_measure()
        self.parsed: list[CellValue | None] = [
            parse_cell(raw) if raw else None for raw in row.cells
        ]
        self.periods = [self._column_period(j) for j in range(len(row.cells))]
        self.fallback = _latest(self.periods)
        self.last_measure: str | None = None
        self.seen: dict[tuple[str | None, str, str | None, str | None], int] = {}

    def _row_measure(self) -> str | None:
        label = self.label
        if not label.is_period and not label.area and label.statistic is None:
            return canonical_measure(label.text, self.table.profile) or None
        if label.measure and not label.area:
            return label.measure
        return None

    def _column(self, j: int) -> list[Label]:
        return self.table.columns[j] if j < len(self.table.columns) else []

    def _column_period(self, j: int) -> Period | None:
        """The period a cell's column, its own prefix or aside, and the row's labels give."""
        parsed = self.parsed[j]
        time_labels = [c.text for c in reversed(self._column(j)) if c.is_period]
        if parsed and parsed.prefix and read_parts(parsed.prefix).empty() is False:
            time_labels.insert(0, parsed.prefix)
        if parsed and parsed.aside:
            time_labels.insert(0, parsed.aside)
        time_labels += [t.text for t in (self.label, self.group, self.table.stub) if t.is_period]
        if self.year and not any(_has_year(t) for t in time_labels):
            # the row's year dates its columns: "JAN" in the row "ROBBERY - 2020" is January 2020
            months = [c.text for c in self._column(j) if bare_month(c.text)]
            time_labels = [f"{m} {self.year}" for m in months[:1]] + time_labels + [self.year]
        elif j in self.table.months:  # "Mar" in a chart's run of months from July 2018
            time_labels.insert(0, self.table.months[j])
        return resolve_labels(time_labels, self.table.ctx) if time_labels else None

    def cells(self) -> list[MetricCell]:
        out: list[MetricCell] = []
        for j, raw in enumerate(self.row.cells):
            if raw:
                out.extend(self._cell(j, raw))
        return out

    def _statistic(self, j: int) -> str:
        """What the cell's figure is: the row's, column's or stub's statistic, a change shown
        after a figure being that figure, a confidence interval or a rank by its form."""
        col, parsed = self._column(j), self.parsed[j]
        col_stat = _first(
            [c.statistic for c in reversed(col) if c.statistic not in (None, "value")]
        )
        # a stub naming a statistic ("Sanction Detections") says what the row's figures count
        stub = self.table.stub
        stub_stat = stub.statistic if stub.statistic and "%" not in stub.statistic else None
        statistic = self.label.statistic or col_stat or stub_stat or "value"
        if parsed and statistic in _CHANGE and any(x.statistic in _CHANGE for x in parsed.extras):
            statistic = "value"  # "519 (25.9% reduction)": the figure, then its change
        if parsed and parsed.main.confidence:
            statistic = "confidence interval"
        elif parsed and parsed.main.unit == "rank" and statistic == "value":
            statistic = "rank"
        return statistic

    def _measure(self, col_measure: str | None) -> str | None:
        """The cell's measure: the column's when it narrows the row's, else the row's, the
        column's, the group's, the stub's or the table's."""
        row_measure, row = self.measure, self.row
        specific = (
            col_measure
            if row_measure and col_measure and _contains(col_measure, row_measure)
            else None
        )
        measure = (
            specific
            or row_measure
            or col_measure
            or self.group.measure
            or (
                canonical_measure(row.group, self.table.profile)
                if row.group and not self.group.is_period and not self.group.area
                else None
            )
            or self.table.stub.measure
            or self.table.table_measure
        )
        if measure and canonical_text(measure, self.table.profile) in GENERIC:
            measure = self.table.table_measure
        return measure

    def _period(self, j: int, statistic: str) -> tuple[Period | None, str]:
        """The cell's period, and its statistic as the period changes it."""
        col, parsed, ctx = self._column(j), self.parsed[j], self.table.ctx
        period = self.periods[j]
        if parsed and parsed.prefix and not read_parts(parsed.prefix).empty():
            period = resolve_labels([parsed.prefix], ctx) or period
            statistic = "value"
        if parsed and parsed.main.unit == "rank" and not any("rank" in c.text.lower() for c in col):
            statistic = "rank (unlabelled column)"
        if period is None and statistic in _CHANGE:
            period = _sibling_period(self.periods, self.table.columns, j) or self.fallback
        if (
            period is None
            and ctx.as_of
            and statistic in ("value", *_CHANGE)
            and not any(c.is_period for c in col)
        ):
            period = _up_to(ctx)
        return period, statistic

    def _cell(self, j: int, raw: str) -> list[MetricCell]:
        col, parsed = self._column(j), self.parsed[j]
        statistic = self._statistic(j)
        col_measure = _first([c.measure for c in reversed(col)])
        if statistic in _CHANGE and col_measure is None and self.last_measure:
            col_measure = (
                self.last_measure
            )  # "Number of repeat ASB calls | Change vs. previous year"
        measure = self._measure(col_measure)
        if not col and statistic == "value":
            statistic = "unlabelled column"  # figures from a table printed alongside
        area = self.label.area or _first([c.area for c in reversed(col)])
        if parsed and parsed.prefix and area_name(parsed.prefix, self.table.profile):
            area = area_name(parsed.prefix, self.table.profile)
        period, statistic = self._period(j, statistic)
        if statistic == "value":
            self.last_measure = col_measure
        key = (
            measure,
            statistic,
            None if area is None or is_home_area(area, self.table.profile) else area,
            period.key if period else None,
        )
        self.seen[key] = self.seen.get(key, 0) + 1
        if self.seen[key] > 1:
            statistic = f"{statistic} ({self.seen[key]})"
        labels = [c.text for c in col] + [self.row.label, self.table.caption]
        return [
            self._metric_cell(j, raw, part, stat, per, measure, area, labels)
            for part, stat, per in self._parts(j, statistic, period)
        ]

    def _parts(
        self, j: int, statistic: str, period: Period | None
    ) -> list[tuple[Part | None, str, Period | None]]:
        """The cell's figure, and any it carries beside it ("519 (25.9% reduction)", a
        previous year's figure in brackets), each with its statistic and period."""
        parsed = self.parsed[j]
        parts: list[tuple[Part | None, str, Period | None]] = [
            (parsed.main if parsed else None, statistic, period)
        ]
        if not parsed:
            return parts
        for extra in parsed.extras:
            extra_stat = {"value": statistic, "count": "count", "percent": "percent"}.get(
                extra.statistic or "value", extra.statistic or "value"
            )
            extra_period = period
            if extra.statistic == "previous":
                extra_stat = statistic
                extra_period = _previous(
                    period,
                    self.table.ctx,
                    time_labels=[c.text for c in self._column(j) if c.is_period],
                )
            parts.append((extra, extra_stat, extra_period))
        return parts

    def _metric_cell(
        self,
        j: int,
        raw: str,
        part: Part | None,
        stat: str,
        per: Period | None,
        measure: str | None,
        area: str | None,
        labels: list[str],
    ) -> MetricCell:
        row, layout = self.row, self.table.layout
        return MetricCell(
            table_id=self.table.table_id,
            row_index=self.index,
            col_index=j,
            row_label=row.label,
            row_group=row.group,
            column_labels=layout.columns[j] if j < len(layout.columns) else (),
            raw=raw,
            value=part.value if part else None,
            unit=_unit(part, stat, labels) if part else None,
            sign=part.sign if part else 0,
            measure=measure,
            statistic=stat,
            area=area,
            period=per.key if per else None,
            period_label=per.label if per else None,
            period_kind=per.kind if per else None,
            period_start=per.start if per else None,
            period_end=per.end if per else None,
            period_relation=per.relation if per else None,
            line=row.line,
            line_end=row.line_end,
            page=row.sources[0].page,
            row_text=row.text,
        )


def _has_year(label: str) -> bool:
    parts = read_parts(label)
    return bool(parts.year or parts.fy is not None or parts.span or parts.quarter_year)


def _contains(longer: str, shorter: str) -> bool:
    words = set(longer.split())
    return longer != shorter and all(w in words for w in shorter.split())


def _up_to(ctx: PeriodContext) -> Period | None:
    """ "In period" when the table says only "to 08Jan18": the period up to that day."""
    if ctx.as_of is None:
        return None
    end = ctx.as_of
    return Period(
        f"to {end.isoformat()}",
        f"the period to {end.day} {end:%B %Y}",
        "relative",
        None,
        end.isoformat(),
        "current",
    )


def _latest(periods: Sequence[Period | None]) -> Period | None:
    """The most recent period among a row's cells (a change column's period): the current one."""
    current = [p for p in periods if p and p.relation == "current"]
    if current:
        return max(current, key=lambda p: p.end or "")
    dated = [p for p in periods if p and p.end]
    if dated:
        return max(dated, key=lambda p: p.end or "")
    return next((p for p in periods if p and p.relation == "current"), None)


def _sibling_period(
    periods: Sequence[Period | None], columns: list[list[Label]], j: int
) -> Period | None:
    """The current period of the columns sharing this column's top label ("Offences")."""
    top = columns[j][0].text if columns[j] and len(columns[j]) > 1 else None
    if top is None:
        return None
    siblings = [
        periods[k]
        for k in range(len(periods))
        if k < len(columns) and columns[k] and columns[k][0].text == top
    ]
    return _latest(siblings)


def _previous(period: Period | None, ctx: PeriodContext, time_labels: list[str]) -> Period | None:
    if period is None:
        return None
    if period.kind == "relative" and period.end:
        return Period(
            f"{period.key} (previous)",
            f"the year before ({period.label})",
            "relative",
            None,
            None,
            "previous",
        )
    return resolve_labels([*time_labels, "previous"], ctx) or period
