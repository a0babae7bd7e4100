"""From a table's structure to long-form cells: what each figure measures, for which
period and place, with which statistic and unit. Pure functions.

A row label is a measure ("Residential Burglary"), a period ("FY 11/12", "This Year"),
a place ("Southtown"), an organisation ("Police") or a statistic ("% Change"); the
column labels above a cell say the rest. What neither says comes from the caption
("Weekly Residential Burglary Performance - Northtown").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from board.measures import (
    area_name,
    canonical_measure,
    canonical_text,
    is_home_area,
)
from board.metrics import MetricCell, MetricTable, Period
from board.period_resolve import resolve_labels
from board.periods import PeriodContext, read_parts
from board.records import content_id
from tools.tables.labels import Label, caption_measure, read_label
from tools.tables.period_matching import context_from
from tools.tables.structure import Layout
from tools.tables.values import CellValue, Part, mentions_per_1000, parse_cell

_CHANGE = ("% change", "% change vs 5 years ago")
_COUNT_STATISTICS = {"value", "sanction detections", "base", "previous", "count", "sds short"}
_GENERIC = {
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
_DENSE = 0.5


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


def build_table(
    layout: Layout,
    *,
    source: str,
    title: str,
    section: str,
    caption: str,
    paper_type: str = "report",
    meeting_date: str | None,
    page: int | None = None,
    extra_notes: Sequence[str] = (),
) -> MetricTable:
    """A MetricTable with its cells from ``layout`` and where it was found."""
    notes = tuple(dict.fromkeys(n for n in (*extra_notes, *layout.notes) if n))
    header_text = [c for row in layout.header for c in row if c]
    all_labels = [label for labels in layout.columns for label in labels]
    ctx = context_from([caption, *notes, *header_text], meeting_date, all_labels)
    year = ctx.anchor.year if ctx.anchor else None
    table_measure = caption_measure(caption, layout.stub)
    stub = read_label(layout.stub, year)
    if stub.measure and (
        layout.stub.lstrip().startswith("%") or canonical_text(stub.measure) in _GENERIC
    ):
        stub = Label(stub.text, stub.is_period, stub.area, stub.statistic, None)
    columns = [[read_label(t, year) for t in labels] for labels in layout.columns]
    locator = f"lines {layout.first_line}-{layout.last_line}"
    if page is not None:
        locator = f"page {page}, {locator}"
    body_text = "\n".join(r.text for r in layout.rows[:3])
    table_id = "t" + content_id(
        source, locator, caption, json.dumps(layout.header), body_text, length=10
    )
    cells: list[MetricCell] = []
    for i, row in enumerate(layout.rows):
        row_cells = _row_cells(
            table_id, i, row, layout, columns, stub, table_measure, caption, ctx, year
        )
        cells.extend(row_cells)
    cells = _flag_sparse_tail(cells, layout)
    return MetricTable(
        id=table_id,
        source=source,
        title=title,
        paper_type=paper_type,
        section=section,
        caption=caption,
        meeting_date=meeting_date,
        locator=locator,
        line_start=layout.first_line,
        line_end=layout.last_line,
        page=page,
        form=layout.form,
        header=tuple(tuple(r) for r in layout.header),
        columns=tuple(" / ".join(c) or f"column {j + 2}" for j, c in enumerate(layout.columns)),
        stub=layout.stub,
        n_rows=len(layout.rows),
        n_cols=len(layout.columns),
        notes=notes,
        cells=tuple(cells),
    )


def _row_cells(
    table_id: str,
    index: int,
    row,  # noqa: ANN001 - a structure.BodyRow
    layout: Layout,
    columns: list[list[Label]],
    stub: Label,
    table_measure: str | None,
    caption: str,
    ctx: PeriodContext,
    year: int | None,
) -> list[MetricCell]:
    label = read_label(row.label, year)
    group = read_label(row.group or "", year)
    row_measure = None
    if not label.is_period and not label.area and label.statistic is None:
        row_measure = canonical_measure(row.label) or None
    elif label.measure and not label.area:
        row_measure = label.measure
    out: list[MetricCell] = []
    seen: dict[tuple[str | None, str, str | None, str | None], int] = {}
    periods: list[Period | None] = []
    parsed_row: list[CellValue | None] = [parse_cell(raw) if raw else None for raw in row.cells]
    for j in range(len(row.cells)):
        col = columns[j] if j < len(columns) else []
        parsed = parsed_row[j]
        time_labels = [c.text for c in reversed(col) if c.is_period]
        if parsed and parsed.prefix and read_parts(parsed.prefix).empty() is False:
            time_labels.insert(0, parsed.prefix)
        if parsed and parsed.aside:
            time_labels.insert(0, parsed.aside)
        time_labels += [t.text for t in (label, group, stub) if t.is_period]
        periods.append(resolve_labels(time_labels, ctx) if time_labels else None)
    fallback = _latest(periods)
    last_measure: str | None = None
    for j, raw in enumerate(row.cells):
        if not raw:
            continue
        col = columns[j] if j < len(columns) else []
        parsed = parsed_row[j]
        col_stat = _first(
            [c.statistic for c in reversed(col) if c.statistic not in (None, "value")]
        )
        # a stub naming a statistic ("Sanction Detections") says what the row's figures count
        stub_stat = stub.statistic if stub.statistic and "%" not in stub.statistic else None
        statistic = label.statistic or col_stat or stub_stat or "value"
        if parsed and statistic in _CHANGE and any(x.statistic in _CHANGE for x in parsed.extras):
            statistic = "value"  # "519 (25.9% reduction)": the figure, then its change
        if parsed and parsed.main.confidence:
            statistic = "confidence interval"
        elif parsed and parsed.main.unit == "rank" and statistic == "value":
            statistic = "rank"
        col_measure = _first([c.measure for c in reversed(col)])
        if statistic in _CHANGE and col_measure is None and last_measure:
            col_measure = last_measure  # "Number of repeat ASB calls | Change vs. previous year"
        specific = (
            col_measure
            if row_measure and col_measure and _contains(col_measure, row_measure)
            else None
        )
        measure = (
            specific
            or row_measure
            or col_measure
            or group.measure
            or (
                canonical_measure(row.group)
                if row.group and not group.is_period and not group.area
                else None
            )
            or stub.measure
            or table_measure
        )
        if measure and canonical_text(measure) in _GENERIC:
            measure = table_measure
        if not col and statistic == "value":
            statistic = "unlabelled column"  # figures from a table printed alongside
        area = label.area or _first([c.area for c in reversed(col)])
        if parsed and parsed.prefix and area_name(parsed.prefix):
            area = area_name(parsed.prefix)
        period = periods[j]
        if parsed and parsed.prefix and not read_parts(parsed.prefix).empty():
            period = resolve_labels([parsed.prefix], ctx) or period
            statistic = "value"
        if parsed and parsed.main.unit == "rank" and not any("rank" in c.text.lower() for c in col):
            statistic = "rank (unlabelled column)"
        if period is None and statistic in _CHANGE:
            period = _sibling_period(periods, columns, j) or fallback
        if (
            period is None
            and ctx.as_of
            and statistic in ("value", *_CHANGE)
            and not any(c.is_period for c in col)
        ):
            period = _up_to(ctx)
        if statistic == "value":
            last_measure = col_measure
        labels = [c.text for c in col] + [row.label, caption]
        key = (
            measure,
            statistic,
            None if area is None or is_home_area(area) else area,
            period.key if period else None,
        )
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            statistic = f"{statistic} ({seen[key]})"
        parts: list[tuple[Part | None, str, Period | None]] = [
            (parsed.main if parsed else None, statistic, period)
        ]
        if parsed:
            for extra in parsed.extras:
                extra_stat = {"value": statistic, "count": "count", "percent": "percent"}.get(
                    extra.statistic or "value", extra.statistic or "value"
                )
                extra_period = period
                if extra.statistic == "previous":
                    extra_stat = statistic
                    extra_period = _previous(
                        period, ctx, time_labels=[c.text for c in col if c.is_period]
                    )
                parts.append((extra, extra_stat, extra_period))
        for part, stat, per in parts:
            out.append(
                MetricCell(
                    table_id=table_id,
                    row_index=index,
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
            )
    return out


def _flag_sparse_tail(cells: list[MetricCell], layout: Layout) -> list[MetricCell]:
    """Figures in sparse columns after the last well-filled one come from a table printed
    alongside (the July 2013 headline table); they are kept but never used for answers."""
    n = len(layout.rows)
    if n < 4:
        return cells
    filled = [
        sum(1 for r in layout.rows if j < len(r.cells) and r.cells[j]) / n
        for j in range(len(layout.columns))
    ]
    dense = [j for j, share in enumerate(filled) if share >= _DENSE]
    if not dense:
        return cells
    last = max(dense)
    return [
        replace(c, statistic=f"{c.statistic} (sparse column)")
        if c.col_index > last and c.value is not None
        else c
        for c in cells
    ]


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
