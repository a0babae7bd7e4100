"""Whether an answer cites the gold evidence's place (the lines or page of the paper), and
which of its numbers no cited passage states or the answer says it computed. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from eval.answer_checks import round_half_up
from eval.gold import Evidence
from eval.numbers import NumberMention, parse_numbers


@dataclass(frozen=True)
class Place:
    """A source file and a line range and/or a page within it."""

    source: str
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None

    def overlaps(self, other: Place) -> bool:
        """Same file (by name) and overlapping line ranges or the same page."""
        if PurePath(self.source).name != PurePath(other.source).name:
            return False
        if self.page is not None and self.page == other.page:
            return True
        if None in (self.line_start, other.line_start):
            return False
        a_end = self.line_end if self.line_end is not None else self.line_start
        b_end = other.line_end if other.line_end is not None else other.line_start
        return self.line_start <= b_end and other.line_start <= a_end  # type: ignore[operator]


_LINES = re.compile(r"\blines?\s+(\d+)(?:\s*[-–]\s*(\d+))?", re.IGNORECASE)

_PAGE = re.compile(r"\bpage\s+(\d+)", re.IGNORECASE)


def parse_locator(source: str, locator: str) -> Place:
    """The first "line A", "lines A-B" and "page N" in a citation's locator string."""
    lines, page = _LINES.search(locator or ""), _PAGE.search(locator or "")
    start = int(lines.group(1)) if lines else None
    end = int(lines.group(2)) if lines and lines.group(2) else start
    return Place(source, start, end, int(page.group(1)) if page else None)


def evidence_place(evidence: Evidence) -> Place:
    start, end = evidence.lines if evidence.lines else (None, None)
    return Place(evidence.source, start, end, evidence.page)


def passage_place(passage: Mapping[str, Any]) -> Place:
    """A retrieved passage ({source, line_start, line_end, page} or {source, locator})."""
    if passage.get("line_start") is None and passage.get("page") is None and "locator" in passage:
        return parse_locator(str(passage["source"]), str(passage["locator"]))
    return Place(
        str(passage["source"]), passage.get("line_start"), passage.get("line_end"),
        passage.get("page"),
    )  # fmt: skip


@dataclass(frozen=True)
class CitationScores:
    """Document- and locator-level precision/recall of one answer's citations."""

    doc_precision: float | None  # None: nothing cited
    doc_recall: float | None  # None: no gold evidence
    locator_precision: float | None
    locator_recall: float | None
    locator_hit: bool


def citation_scores(
    citations: Sequence[Mapping[str, Any]], evidence: Sequence[Evidence]
) -> CitationScores:
    """How well the cited sources and locators cover the gold evidence."""
    cited = [parse_locator(str(c.get("source", "")), str(c.get("locator", ""))) for c in citations]
    gold = [evidence_place(e) for e in evidence]
    cited_docs = {PurePath(p.source).name for p in cited}
    gold_docs = {PurePath(p.source).name for p in gold}
    shared = cited_docs & gold_docs
    hits = [any(c.overlaps(g) for g in gold) for c in cited]
    covered = [any(c.overlaps(g) for c in cited) for g in gold]
    return CitationScores(
        doc_precision=len(shared) / len(cited_docs) if cited_docs else None,
        doc_recall=len(shared) / len(gold_docs) if gold_docs else None,
        locator_precision=sum(hits) / len(hits) if hits else None,
        locator_recall=sum(covered) / len(covered) if covered else None,
        locator_hit=any(hits),
    )


def _shown(value: float, figure: NumberMention) -> Decimal:
    """``value`` at the scale and precision ``figure`` is shown with."""
    return round_half_up(abs(value) / figure.scale, figure.decimals)


def _figure_in_quote(figure: NumberMention, quote_numbers: Iterable[NumberMention]) -> bool:
    shown = _shown(figure.value, figure)
    return any(_shown(q.value, figure) == shown for q in quote_numbers)


def derived_from_quotes(figure: NumberMention, quote_numbers: Sequence[NumberMention]) -> bool:
    """Whether a figure is computed from two cited figures, at the precision the answer shows:
    their difference (counts, money, rates; percentage points between two percentages),
    the percentage change from one to the other, or their ratio (shown with decimals)."""
    shown = _shown(figure.value, figure)
    percents = {abs(q.value) for q in quote_numbers if q.unit == "percent"}
    amounts = {abs(q.value) for q in quote_numbers if q.unit not in ("percent", "rank")}
    if figure.unit == "percentage_points":
        pairs = [(a, b) for a in percents for b in percents if a != b]
        return any(_shown(a - b, figure) == shown for a, b in pairs)
    pairs = [(a, b) for a in amounts for b in amounts if a != b and b]
    if figure.unit == "percent":
        return any(_shown((a - b) / b * 100, figure) == shown for a, b in pairs)
    if figure.unit == "rank":
        return False
    if any(_shown(a - b, figure) == shown for a, b in pairs):
        return True
    return figure.decimals > 0 and any(_shown(a / b, figure) == shown for a, b in pairs)


# Words that say a figure was worked out: only such figures may be computed from quotes.
_COMPUTED = re.compile(
    r"\bcomputed\b|=|÷|−|\b(?:up|down|rise|fall|difference|gap|times|change|higher|lower)\b",
    re.I,
)


def _says_computed(text: str, figure: NumberMention) -> bool:
    """Whether the sentence holding ``figure`` says it was worked out ("down 36", "= 8.09")."""
    start = max(text.rfind(". ", 0, figure.span[0]), text.rfind("\n", 0, figure.span[0]))
    end = min(
        (i for i in (text.find(". ", figure.span[1]), text.find("\n", figure.span[1])) if i >= 0),
        default=len(text),
    )
    return bool(_COMPUTED.search(text[start + 1 : end]))


def uncited_numbers(
    answer_text: str, citations: Sequence[Mapping[str, Any]]
) -> list[NumberMention]:
    """Figures in the answer that no cited quote contains at the precision the answer shows
    and that are not computed from two cited figures (``derived_from_quotes``) in a sentence
    that says so."""
    quote_numbers = [n for c in citations for n in parse_numbers(str(c.get("quote", "")))]
    return [
        f
        for f in parse_numbers(answer_text)
        if not _figure_in_quote(f, quote_numbers)
        and not (_says_computed(answer_text, f) and derived_from_quotes(f, quote_numbers))
    ]


def uncited_number_rate(answer_text: str, citations: Sequence[Mapping[str, Any]]) -> float | None:
    """Share of the answer's figures found in no cited quote; None when it has no figures."""
    figures = parse_numbers(answer_text)
    if not figures:
        return None
    return len(uncited_numbers(answer_text, citations)) / len(figures)
