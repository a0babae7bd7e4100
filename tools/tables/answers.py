"""Writing tool results as a cited answer: each number with its period and unit and a [n]
marker, citations to the table rows, the rows themselves for display, and a chart for a
series. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from board.measures import area_name, canonical_statistic, is_home_area
from board.periods import is_period_label
from board.profile import BoardProfile
from board.records import Chunk, Citation, ToolAnswer, ToolCall
from tools.tables.tools import Figure, same_period
from tools.tables.values import format_figure

_STATISTIC_NAMES = {
    "value": "",
    "% change": "change on the previous year",
    "% change vs 5 years ago": "change on five years earlier",
    "sanction detection rate": "sanction detection rate",
    "sanction detections": "sanction detections",
    "target": "target",
    "sd target": "sanction detection target",
    "rate per 1000": "rate per 1,000 population",
    "base": "survey base",
    "confidence interval": "confidence interval",
}


def _display_row(fig: Figure) -> dict[str, Any]:
    """The table row shown beside an answer for one figure."""
    prov = fig.provenance
    return {
        "table": prov.caption,
        "row": prov.row,
        "column": prov.column,
        "value": fig.raw,
        "period": fig.period_label or "",
        "source": prov.source,
        "locator": prov.locator,
    }


@dataclass
class Composer:
    """Collects citations (one per table row), tool calls and displayed rows for one answer,
    written in the words of the board's profile (its places and agencies)."""

    profile: BoardProfile
    citations: list[Citation] = field(default_factory=list)
    calls: list[ToolCall] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    _seen: dict[tuple[str, str], int] = field(default_factory=dict)

    def cite(self, fig: Figure) -> str:
        """The [n] marker for the row holding ``fig`` (one citation per row)."""
        prov = fig.provenance
        key = (prov.source, prov.locator)
        if key not in self._seen:
            n = len(self.citations) + 1
            self._seen[key] = n
            self.citations.append(
                Citation(
                    n=n,
                    source=prov.source,
                    title=prov.title,
                    meeting_date=prov.meeting_date,
                    locator=prov.locator,
                    quote=prov.quote,
                )
            )
            self.rows.append(_display_row(fig))
        return f"[{self._seen[key]}]"

    def cite_line(self, chunk: Chunk, line: int, quote: str) -> str:
        """The [n] marker for one line of a passage."""
        key = (chunk.source, f"line {line}")
        if key not in self._seen:
            self._seen[key] = len(self.citations) + 1
            self.citations.append(
                Citation(
                    n=self._seen[key],
                    source=chunk.source,
                    title=chunk.title,
                    meeting_date=chunk.meeting_date,
                    locator=f"line {line}",
                    quote=quote,
                )
            )
        return f"[{self._seen[key]}]"

    def show(self, fig: Figure) -> None:
        """Add a figure's row to the displayed rows without citing it."""
        row = _display_row(fig)
        if row not in self.rows:
            self.rows.append(row)

    def call(self, name: str, arguments: dict[str, Any], result: str) -> None:
        self.calls.append(ToolCall(name=name, arguments=arguments, result=result[:300]))

    def answer(self, text: str, chart: dict[str, Any] | None = None) -> ToolAnswer:
        return ToolAnswer(
            answer=text,
            citations=tuple(self.citations),
            tool_calls=tuple(self.calls),
            table_rows=tuple(self.rows),
            chart=chart,
        )


def subject(fig: Figure, profile: BoardProfile) -> str:
    """What a figure is about, as the table names it ("Residential Burglary", "Southtown");
    a row labelled by its period ("This Year", "2012/13") is named by its measure instead."""
    row = _NUMBERED.sub("", fig.provenance.row).strip()
    if (
        not row
        or is_period_label(row)
        or canonical_statistic(row, profile) in profile.known_statistics - {"value"}
    ):
        row = (fig.measure or "").capitalize()
        if fig.area and not is_home_area(fig.area, profile):
            return f"{row} ({fig.area})" if row else fig.area
        return row
    if fig.area and not is_home_area(fig.area, profile) and row.lower() != fig.area.lower():
        return f"{row} ({fig.area})"
    if area_name(row, profile) and fig.measure and fig.measure not in row.lower():
        return f"{row}, {fig.measure}"  # "Council, year 1 impact"
    return row


def statistic_name(fig: Figure) -> str:
    """The statistic's name after the measure's; for a repeated group of columns ("value
    (3)"), the group's own label ("(ARRESTS)")."""
    if fig.statistic.startswith("value (") and fig.provenance.column:
        group = next(
            (p for p in fig.provenance.column.split(" / ") if p and not is_period_label(p)), ""
        )
        return f" ({group})" if group else ""
    name = _STATISTIC_NAMES.get(fig.statistic, fig.statistic)
    return f" {name}" if name else ""


def period_words(fig: Figure) -> str:
    return f" for {fig.period_label}" if fig.period_label else ""


_QUALIFIER = re.compile(
    r"^\s*(approx\.?|approximately|c\.|circa|about|around|over|under|less than|more than|"
    r"up to|at least|[<>≈~])\s*(?=[£\d-])",
    re.I,
)


def value_text(fig: Figure) -> str:
    """A figure as stated, with the table's qualifier ("Approx. 92%"); a change gets its
    direction in words ("up 42.5%")."""
    if fig.statistic.startswith("% change") and fig.value:
        return change_words(fig.value, fig.unit, fig.decimals)
    qualifier = _QUALIFIER.match(fig.raw)
    return f"{qualifier.group(1)} {fig.text}" if qualifier else fig.text


_NUMBERED = re.compile(r"^\s*(?:\(?[a-z0-9]{1,2}\)|\d{1,2}[.)])\s*", re.I)

_LOOSE_NUMBER = re.compile(r"(?<![\w.])(?<!year )(?<!Year )\d")

_WORDS = {2: "Both", 3: "All three", 4: "All four", 5: "All five"}


def _column(fig: Figure) -> str:
    """The column's own label, unless it is a period (already said) or holds loose numbers."""
    label = fig.provenance.column.split(" / ")[-1] if fig.provenance.column else ""
    if not label or is_period_label(label) or _LOOSE_NUMBER.search(label):
        return ""
    return f" ({label})"


def describe(fig: Figure, composer: Composer) -> str:
    """Like "Residential Burglary: 2,576 for 1 April 2012 to 6 January 2013 (This Year) [1]"."""
    what = f"{subject(fig, composer.profile)}{statistic_name(fig)}"
    column = _column(fig)
    if column and column.strip(" ()").lower() in what.lower():
        column = ""
    return f"{what}: {value_text(fig)}{period_words(fig)}{column} {composer.cite(fig)}"


def change_words(value: float, unit: str | None, decimals: int) -> str:
    """ "up 18%", "down 657", "down 7.8 percentage points", "no change"."""
    if value == 0:
        return "no change"
    amount = format_figure(abs(value), unit, decimals)
    return f"up {amount}" if value > 0 else f"down {amount}"


def lookup_text(figures: Sequence[Figure], conflict: bool, composer: Composer) -> str:
    if len(figures) == 1:
        return describe(figures[0], composer) + "."
    groups: dict[tuple[object, ...], list[Figure]] = {}
    for fig in figures:  # tables agreeing with each other are one entry, cited together
        groups.setdefault((round(fig.value, 6), fig.unit, same_period(fig)), []).append(fig)
    if len(groups) == 1:
        markers = "".join(composer.cite(f) for f in figures)
        first = figures[0]
        return (
            f"{subject(first, composer.profile)}{statistic_name(first)}: {value_text(first)}{period_words(first)} {markers}. "
            f"{_WORDS.get(len(figures), 'All the')} tables give the same figure."
        )
    parts = []
    for agreeing in groups.values():
        first = agreeing[0]
        said = describe(first, composer)
        more = "".join(composer.cite(f) for f in agreeing[1:])
        parts.append(f"{said}{more} in “{first.provenance.caption}” ({_paper(first)})")
    if conflict:
        lead = "The tables give different figures for the same period, so each is shown: "
    else:
        lead = "The papers give this for different periods: "
    return lead + "; ".join(parts) + "."


def ledger_text(figures: Sequence[Figure], operation: str | None, composer: Composer) -> str | None:
    """Cells read by row and column, each cited; "how many times" divides the first figure
    named by the second, "how much more" subtracts it, when both are of one unit."""
    lead = figures[0].provenance
    cells = "; ".join(
        f"{f.provenance.row}, {_UNIT_LABEL.sub('', f.provenance.column)}: "
        f"{value_text(f)} {composer.cite(f)}"
        for f in figures
    )
    caption = unnumbered(lead.caption)
    text = f"In “{caption}” ({lead.title}, {lead.meeting_date or lead.source}): {cells}."
    if operation is None:
        return text
    if len(figures) != 2 or figures[0].unit != figures[1].unit or not figures[1].value:
        return None
    a, b = figures
    first, second = _cell_name(a, b), _cell_name(b, a)
    if operation == "difference":
        gap = format_figure(a.value - b.value, a.unit, max(a.decimals, b.decimals))
        return (
            f"{text} Computed from these cells: {a.text} − {b.text} = {gap}, the difference "
            f"between {first} and {second}."
        )
    quotient = a.value / b.value
    return (
        f"{text} Computed from these cells: {a.text} ÷ {b.text} = {quotient:,.2f}, so "
        f"{first} is {quotient:,.2f} times {second}."
    )


def _cell_name(fig: Figure, other: Figure) -> str:
    """ "Police's figure", or "Probation's Year 1 impact" when both cells are in one row."""
    prov = fig.provenance
    if prov.row != other.provenance.row:
        return f"{prov.row}'s figure"
    return f"{prov.row}'s {_UNIT_LABEL.sub('', prov.column.split(' / ')[-1])}"


def match_verdict(a: Figure, b: Figure) -> str:
    """Whether two tables' figures match; when not, the gap (computed) and their periods."""
    if a.value == b.value:
        return "The two figures match."
    gap = format_figure(abs(a.value - b.value), a.unit, max(a.decimals, b.decimals))
    text = f"They do not match: {a.text} against {b.text}, a difference of {gap} (computed)."
    if a.period_label != b.period_label:
        text += f" The tables cover different periods: {a.period_label} and {b.period_label}."
    return text


def side_by_side(a: Figure, b: Figure) -> str:
    """ "Northtown's figure is lower than the force's, by 0.75" (computed from the two cited cells)."""
    if a.value == b.value:
        return f"The two figures are the same ({a.text})"
    word = "higher" if a.value > b.value else "lower"
    gap = format_figure(abs(a.value - b.value), a.unit, max(a.decimals, b.decimals))
    first, second = a.area or a.provenance.row, b.area or b.provenance.row
    return f"{first}'s figure is {word} than {second}'s, by {gap} (computed)"


_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})?\s+|\s+\d{1,2}(?:\.\d{1,2})?\s*$")

_UNIT_LABEL = re.compile(r"\s*\((?:£|£0{3}|£k|£m|%|no\.?)\)", re.I)


def unnumbered(caption: str) -> str:
    """A caption without its section numbers: "5.5 Enhanced IOM" is "Enhanced IOM"; a heading
    path keeps its last part ("5 Recommendations > NJPs 5.2" is "NJPs")."""
    last = caption.split(" > ")[-1]
    return _SECTION_NUMBER.sub("", last).strip() or caption


def plain_line(text: str) -> str:
    """A line as quoted in an answer: no list dash, no emphasis marks."""
    return " ".join(text.replace("**", "").lstrip("-•* ").split())


def _paper(fig: Figure) -> str:
    when = f", {fig.provenance.meeting_date}" if fig.provenance.meeting_date else ""
    return f"{fig.provenance.source}{when}"
