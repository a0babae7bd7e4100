"""Tables from data files (CSV): the file is one table, its first record the header.

A data file's columns say what they hold. Besides the figures ("value", "2016",
"% change") there are often columns for the period, the unit, what is measured
("indicator") and a place's code and name: tidy data, one figure a record. Each
figure becomes a cell whose period, unit and measure come from those columns when
there are any, else from its own column's header and the file's title. Pure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from board.measures import area_name, canonical_measure, canonical_statistic, canonical_text
from board.metrics import MetricCell, MetricTable, Period
from board.period_resolve import normalise_period
from board.periods import PeriodContext, is_period_label
from board.profile import BoardProfile
from board.records import Section, content_id
from tools.tables.values import Part, mentions_per_1000, parse_cell

DATA_SUFFIXES = (".csv", ".tsv")
_PERIOD = re.compile(r"\b(?:period|date|month|year|quarter|week|time|fy)\b")
_UNIT = re.compile(r"^(?:units?|unit of measure(?:ment)?|uom)$")
# What a record measures, most specific first: "indicator" says "Anti-social behaviour",
# "measure" beside it says "Rate".
_DESCRIBES = ("indicator", "metric", "variable", "series", "measure", "statistic")
_CODE = re.compile(r"(?:^|\s)(?:code|id|ref|reference)$")
_NAME = re.compile(r"\bname\b")
_PLACE = re.compile(
    r"\b(?:area|ward|borough|district|region|place|location|neighbourhood|town|parish|county|"
    r"authority|council|lsoa|msoa|beat|sector|division|force|geography)\b"
)
_CODE_VALUE = re.compile(r"^[A-Z]{1,4}\d{3,}$")
_GENERIC_VALUE = frozenset({"value", "values", "figure", "amount", "data", "obs value"})
# Words that say which kind of figure a record gives, not what it measures.
_STATISTIC_WORDS = frozenset(
    {"rate", "count", "number", "value", "%", "percent", "total", "mean", "median", "ratio"}
)
_FIGURE_SHARE = 0.8  # of a column's filled cells, for it to be a column of figures


def is_data_file(source: str) -> bool:
    """Whether ``source`` is a data file, read as one table rather than searched for tables."""
    return Path(source).suffix.lower() in DATA_SUFFIXES


def _key(header: str) -> str:
    return " ".join(re.sub(r"[_.\-]+", " ", header).lower().split())


def _names_statistic(text: str, profile: BoardProfile) -> bool:
    """ "Rate", "Count", "% change": a kind of figure rather than a measure."""
    statistic = canonical_statistic(text, profile)
    return canonical_text(text, profile) in _STATISTIC_WORDS or (
        statistic in profile.known_statistics and statistic != "value"
    )


def _periods(column: list[str]) -> bool:
    filled = [c for c in column if c]
    read = [c for c in filled if normalise_period(c) is not None]
    return bool(read) and len(read) >= _FIGURE_SHARE * len(filled)


def _figures(column: list[str]) -> bool:
    filled = [c for c in column if c]
    figures = [c for c in filled if (v := parse_cell(c)) is not None and v.main.value is not None]
    return bool(figures) and len(figures) >= _FIGURE_SHARE * len(filled)


class _Columns:
    """What each column of a data file holds, read from its header and its cells."""

    def __init__(self, header: list[str], body: list[list[str]]) -> None:
        keys = [_key(h) for h in header]
        cols = [[row[j] if j < len(row) else "" for row in body] for j in range(len(header))]
        self.period = next(
            (j for j, k in enumerate(keys) if _PERIOD.search(k) and _periods(cols[j])), None
        )
        self.unit = next((j for j, k in enumerate(keys) if _UNIT.match(k)), None)
        self.describes = sorted(
            (j for j, k in enumerate(keys) if k in _DESCRIBES),
            key=lambda j: _DESCRIBES.index(keys[j]),
        )
        roles = {self.period, self.unit, *self.describes}
        codes = {
            j
            for j, k in enumerate(keys)
            if _CODE.search(k) or all(_CODE_VALUE.match(c) for c in cols[j] if c)
        }
        self.values = [
            j for j in range(len(header)) if j not in roles | codes and _figures(cols[j])
        ]
        text = [j for j in range(len(header)) if j not in roles | codes and j not in self.values]
        named = [j for j in text if _NAME.search(keys[j])]
        self.label = (named or text or sorted(codes) or [0])[0]


def _unit(written: str, part: Part, statistic: str, whole: bool, rate: bool) -> str:
    """The unit the unit column or the header writes ("%", "£", "per 1,000"), else what the
    figures show."""
    text = written.lower()
    if "%" in text or "percent" in text:
        return "percent"
    if "£" in text or "gbp" in text or "pound" in text:
        return "gbp"
    if mentions_per_1000(text) or statistic == "rate per 1000":
        return "rate_per_1000"
    if part.unit != "number":
        return part.unit
    return "count" if whole and not rate else "number"


def _period(text: str, ctx: PeriodContext) -> Period | None:
    return normalise_period(text, ctx) if text else None


def _at(row: list[str], j: int | None) -> str:
    return row[j] if j is not None and j < len(row) else ""


class _File:
    """A data file's header, records and their lines, and what its columns hold."""

    def __init__(self, sections: Sequence[Section], profile: BoardProfile) -> None:
        self.profile = profile
        lines = [ln for s in sections for ln in s.lines if ln.text.strip()]
        self.section = sections[0]
        self.header_line, self.lines = lines[0], lines[1:]
        self.header = [c.strip() for c in lines[0].text.split("\t")]
        self.rows = [[c.strip() for c in ln.text.split("\t")] for ln in self.lines]
        self.cols = _Columns(self.header, self.rows)
        meeting = self.section.meeting_date
        self.ctx = PeriodContext(meeting_date=date.fromisoformat(meeting) if meeting else None)
        self.caption = self.section.title
        self.locator = f"lines {self.header_line.number}-{lines[-1].number}"
        body = "\n".join(ln.text for ln in self.lines[:3])
        self.id = "t" + content_id(
            self.section.source,
            self.locator,
            self.caption,
            json.dumps([self.header]),
            body,
            length=10,
        )
        self.whole = {
            j: all(v.is_integer() for r in self.rows if (v := _value(_at(r, j))) is not None)
            for j in self.cols.values
        }
        self.label_is_place = bool(_PLACE.search(_key(self.header[self.cols.label])))

    def cells(self, i: int) -> list[MetricCell]:
        """The figures of record ``i``, one cell per column of figures."""
        row, line, cols = self.rows[i], self.lines[i], self.cols
        described = [_at(row, j) for j in cols.describes if _at(row, j)]
        measured = next((d for d in described if not _names_statistic(d, self.profile)), None)
        label = _at(row, cols.label)
        if measured is None and not self.label_is_place and not area_name(label, self.profile):
            measured = label  # wide data: the row names its measure ("Burglary")
        measure = canonical_measure(measured or self.caption, self.profile) or None
        own = [d for d in described if d is not measured]  # "Rate": said over the figure
        row_period = _period(_at(row, cols.period), self.ctx)
        out: list[MetricCell] = []
        for k, j in enumerate(cols.values):
            raw, heading = _at(row, j), self.header[j]
            parsed = parse_cell(raw) if raw else None
            if parsed is None:
                continue
            stated = [canonical_statistic(t, self.profile) for t in (*described, heading)]
            statistic = next(
                (s for s in stated if s in self.profile.known_statistics and s != "value"), "value"
            )
            labels = (*own, heading) if own and _key(heading) not in _GENERIC_VALUE else own
            period = row_period or (
                _period(heading, self.ctx) if is_period_label(heading) else None
            )
            rate = any(
                "rate" in canonical_text(t, self.profile).split() for t in (*described, heading)
            )
            unit = _unit(
                f"{_at(row, cols.unit)} {heading}", parsed.main, statistic, self.whole[j], rate
            )
            out.append(
                MetricCell(
                    table_id=self.id,
                    row_index=i,
                    col_index=k,
                    row_label=label,
                    row_group=None,
                    column_labels=tuple(labels) or (heading,),
                    raw=raw,
                    value=parsed.main.value,
                    unit=unit,
                    sign=parsed.main.sign,
                    measure=measure,
                    statistic=statistic,
                    area=area_name(label, self.profile),
                    period=period.key if period else None,
                    period_label=period.label if period else None,
                    period_kind=period.kind if period else None,
                    period_start=period.start if period else None,
                    period_end=period.end if period else None,
                    period_relation=period.relation if period else None,
                    line=line.number,
                    line_end=line.number,
                    page=None,
                    row_text=line.text,
                )
            )
        return out


def data_file_table(sections: Sequence[Section], profile: BoardProfile) -> MetricTable | None:
    """The data file's table with a cell per figure, or None when it holds no figures."""
    if sum(1 for s in sections for ln in s.lines if ln.text.strip()) < 2:
        return None
    file = _File(sections, profile)
    if not file.cols.values:
        return None
    header, cols, section = file.header, file.cols, file.section
    return MetricTable(
        id=file.id,
        source=section.source,
        title=section.title,
        paper_type=section.paper_type,
        section=" > ".join(section.heading_path[1:]),
        caption=file.caption,
        meeting_date=section.meeting_date,
        locator=file.locator,
        line_start=file.header_line.number,
        line_end=file.lines[-1].number,
        page=None,
        form="csv",
        header=(tuple(header),),
        columns=tuple(header[j] for j in cols.values),
        stub=header[cols.label],
        n_rows=len(file.rows),
        n_cols=len(cols.values),
        notes=_constant_columns(header, file.rows, cols),
        cells=tuple(c for i in range(len(file.rows)) for c in file.cells(i)),
    )


def _value(raw: str) -> float | None:
    parsed = parse_cell(raw) if raw else None
    return parsed.main.value if parsed else None


def _constant_columns(header: list[str], rows: list[list[str]], cols: _Columns) -> tuple[str, ...]:
    """ "period: 2017-10 to 2018-11": what every record says alike, shown with the table."""
    notes = []
    for j in (*cols.describes, cols.period, cols.unit):
        if j is None:
            continue
        seen = {row[j] if j < len(row) else "" for row in rows}
        if len(seen) == 1 and (value := seen.pop()):
            notes.append(f"{header[j]}: {value}")
    return tuple(notes)
