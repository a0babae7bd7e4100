"""Scoring one answer against one gold item, and aggregating the scores. Pure functions.

``answer_correct`` for an item is defined as:

- unanswerable item: the status is ``not_found``;
- answerable item: the status is ``answered`` AND every gold ``answer_values``
  entry is stated in the answer text (``value_matches``; ``date_matches`` for
  unit ``date``) AND the answer's direction words agree with the gold
  ``direction`` when it is set (``direction_agrees``) AND, only when the item
  has key facts but no answer values, at least half the key facts are stated
  (``key_fact_recall >= 0.5``). Key facts of items with values are reported,
  not required.

``strict_correct`` is ``answer_correct`` and, for answerable items, a citation
whose locator overlaps a gold evidence range (``locator_hit``).

Only the ``answer`` text is read for values, directions and facts; citation
quotes are read for the uncited-number rate. Signs are judged by
``direction_agrees``, so ``value_matches`` compares magnitudes: "fell by 4.6%"
states the gold value -4.6.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePath
from typing import Any

import numpy as np

from eval.gold import CATEGORIES, AnswerValue, Evidence, GoldItem, KeyFact
from eval.numbers import DateMention, NumberMention, parse_dates, parse_numbers

DERIVED_TOLERANCE = 0.0015  # relative, for values the system must compute
KEY_FACT_THRESHOLD = 0.5
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20130115
RETRIEVAL_KS = (1, 5, 10)

# Which units written in an answer can state a gold value of each unit.
# Percent and percentage points never stand in for each other.
COMPATIBLE_UNITS: dict[str, frozenset[str]] = {
    "count": frozenset({"number"}),
    "number": frozenset({"number", "rank", "rate_per_1000"}),
    "ratio": frozenset({"number"}),
    "rank": frozenset({"rank", "number"}),
    "rate_per_1000": frozenset({"rate_per_1000", "number"}),
    "gbp": frozenset({"gbp", "number"}),
    "usd": frozenset({"usd", "number"}),
    "eur": frozenset({"eur", "number"}),
    "percent": frozenset({"percent"}),
    "percentage_points": frozenset({"percentage_points"}),
}


# ---------------------------------------------------------------- values


def round_half_up(value: float, places: int) -> Decimal:
    """``value`` rounded as a person would (2.675 -> 2.68), via its shortest repr."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _decimals_of(value: float | int) -> int:
    text = repr(float(value))
    return 0 if "e" in text or text.endswith(".0") else len(text.split(".")[1])


def value_matches(
    gold_value: AnswerValue, answer_numbers: Sequence[NumberMention], *, derived: bool = False
) -> bool:
    """Whether any figure in the answer states ``gold_value``.

    Counts must be exact; other derived values within 0.15% relative; other
    values read from a table are compared after rounding the answer's figure to
    ``source_precision`` (default: the decimals of the gold value). The unit
    written must be compatible (``COMPATIBLE_UNITS``). Dates: use ``date_matches``.
    """
    if gold_value.unit == "date" or isinstance(gold_value.value, str):
        return False
    target = abs(float(gold_value.value))
    allowed = COMPATIBLE_UNITS.get(gold_value.unit, frozenset({"number"}))
    places = gold_value.source_precision
    if places is None:
        places = _decimals_of(gold_value.value)
    for number in answer_numbers:
        if number.unit not in allowed:
            continue
        got = abs(number.value)
        if gold_value.unit == "count":
            if got == target:
                return True
        elif derived:
            if abs(got - target) <= DERIVED_TOLERANCE * target or got == target:
                return True
        elif round_half_up(got, places) == round_half_up(target, places):
            return True
    return False


def date_matches(gold_value: str | int | float, answer_dates: Sequence[DateMention]) -> bool:
    """Whether a date in the answer agrees with the gold date at the gold's granularity.

    ``"2013-01-15"`` needs that day; ``"2013-01"`` that month; ``2013`` or ``"2013"``
    that year. A day and month written without a year ("15 January") count.
    """
    parts = [int(p) for p in str(gold_value).split("-")]
    year, month, day = (parts + [None, None])[:3]
    for date in answer_dates:
        if date.year is not None and date.year != year:
            continue
        if date.year is None and (day is None or date.day is None):
            continue
        if month is not None and date.month != month:
            continue
        if day is not None and date.day != day:
            continue
        return True
    return False


def answer_value_found(gold_value: AnswerValue, answer_text: str, *, derived: bool) -> bool:
    """Whether ``answer_text`` states ``gold_value`` (figures or dates as its unit needs)."""
    if gold_value.unit == "date":
        return date_matches(gold_value.value, parse_dates(answer_text))
    return value_matches(gold_value, parse_numbers(answer_text), derived=derived)


# ---------------------------------------------------------------- direction


_INCREASE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|grew|grow(?:s|n|ing|th)?|higher"
    r"|up(?=\s+(?:by|from|on)\b|\s*[+£\d]))\b",
    re.IGNORECASE,
)
_DECREASE = re.compile(
    r"\b(?:f[ae]ll(?:s|en|ing)?|decreas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing|tions?)"
    r"|declin(?:e|es|ed|ing)|dropp?(?:s|ed|ing)?|lower|down(?=\s+(?:by|from|on)\b|\s*[-–£\d]))\b",
    re.IGNORECASE,
)


def direction_signals(answer_text: str) -> tuple[int, int]:
    """(increase, decrease) signals: direction words, plus explicitly signed figures.

    "up"/"down" count only before "by", "from", "on" or a figure, so "set up" and
    "up to 27%" are not rises. Negation ("did not fall") is not detected.
    """
    numbers = parse_numbers(answer_text)
    ups = len(_INCREASE.findall(answer_text)) + sum(n.sign == "+" for n in numbers)
    downs = len(_DECREASE.findall(answer_text)) + sum(n.sign == "-" for n in numbers)
    return ups, downs


def direction_agrees(gold_direction: str | None, answer_text: str) -> bool:
    """True when gold has no direction, or the answer signals it at least once and at
    least as often as the opposite ("rose ... although robbery fell" still agrees)."""
    if gold_direction is None:
        return True
    ups, downs = direction_signals(answer_text)
    agree, against = (ups, downs) if gold_direction == "increase" else (downs, ups)
    return agree >= 1 and agree >= against


# ---------------------------------------------------------------- key facts

_TITLES = {"cllr", "councillor", "dr", "mr", "mrs", "ms"}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Lower case, plain quotes, "&" as "and", no punctuation or titles, single spaces.

    Thousands commas are dropped (2,576 -> 2576), decimal points and "%" kept,
    "per cent" becomes "%".
    """
    text = text.translate(_QUOTES).lower().replace("&", " and ")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"\bper\s?cent\b", "%", text)
    text = text.replace("'", "")
    text = re.sub(r"(?<=\d)\.(?=\d)", "\x00", text)  # protect decimal points
    text = re.sub(r"[^\w%£\x00]+", " ", text).replace("\x00", ".")
    text = re.sub(r"(?<=\d)(?=[%£])|(?<=[%£])(?=\w)", " ", text)
    return " ".join(word for word in text.split() if word not in _TITLES)


def fact_stated(fact: KeyFact, answer_text: str) -> bool:
    """Whether the fact or any alias appears, as whole words, in the normalised answer."""
    haystack = f" {normalise(answer_text)} "
    return any(needle and f" {needle} " in haystack for needle in map(normalise, fact.phrasings))


def key_fact_recall(key_facts: Sequence[KeyFact], answer_text: str) -> float | None:
    """Share of key facts stated in the answer; None when there are none."""
    if not key_facts:
        return None
    return sum(fact_stated(f, answer_text) for f in key_facts) / len(key_facts)


# ---------------------------------------------------------------- places and citations


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


# ---------------------------------------------------------------- abstention


def is_hallucination(gold: GoldItem, status: str) -> bool:
    """An unanswerable question answered anyway."""
    return not gold.answerable and status == "answered"


def is_false_refusal(gold: GoldItem, status: str) -> bool:
    """An answerable question declined as not found."""
    return gold.answerable and status == "not_found"


# ---------------------------------------------------------------- retrieval


def _evidence_hits(
    retrieved: Sequence[Mapping[str, Any]], evidence: Sequence[Evidence]
) -> list[set[int]]:
    gold = [evidence_place(e) for e in evidence]
    return [{i for i, g in enumerate(gold) if passage_place(p).overlaps(g)} for p in retrieved]


def recall_at_k(
    retrieved: Sequence[Mapping[str, Any]], evidence: Sequence[Evidence], k: int
) -> float:
    """Share of gold evidence ranges overlapped by at least one of the top ``k`` passages."""
    if not evidence:
        raise ValueError("recall needs gold evidence")
    covered = set().union(*_evidence_hits(retrieved[:k], evidence))
    return len(covered) / len(evidence)


def mrr_at_k(retrieved: Sequence[Mapping[str, Any]], evidence: Sequence[Evidence], k: int) -> float:
    """1/rank of the first relevant passage in the top ``k``, else 0."""
    for rank, hits in enumerate(_evidence_hits(retrieved[:k], evidence), start=1):
        if hits:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(
    retrieved: Sequence[Mapping[str, Any]], evidence: Sequence[Evidence], k: int
) -> float:
    """Binary nDCG: a passage gains 1 when it overlaps evidence no higher passage covered,
    so repeats of one range do not inflate the score; ideal = each range at the top."""
    if not evidence:
        raise ValueError("nDCG needs gold evidence")
    seen: set[int] = set()
    dcg = 0.0
    for rank, hits in enumerate(_evidence_hits(retrieved[:k], evidence), start=1):
        if hits - seen:
            dcg += 1.0 / math.log2(rank + 1)
            seen |= hits
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(evidence), k) + 1))
    return dcg / ideal


def retrieval_scores(
    retrieved: Sequence[Mapping[str, Any]], evidence: Sequence[Evidence]
) -> dict[str, float]:
    """recall@1/5/10, mrr@10 and ndcg@10 of a ranked passage list against gold evidence."""
    scores = {f"recall@{k}": recall_at_k(retrieved, evidence, k) for k in RETRIEVAL_KS}
    scores["mrr@10"] = mrr_at_k(retrieved, evidence, 10)
    scores["ndcg@10"] = ndcg_at_k(retrieved, evidence, 10)
    return scores


# ---------------------------------------------------------------- one item


@dataclass(frozen=True)
class ItemScore:
    """Every metric for one gold item; None where a metric does not apply."""

    item_id: str
    category: str
    answerable: bool
    status: str
    answer_correct: bool
    strict_correct: bool
    locator_hit: bool
    values_matched: int
    values_total: int
    missing_values: tuple[str, ...]  # gold values not stated, e.g. "2576 count"
    direction_ok: bool | None  # None: gold has no direction
    key_fact_recall: float | None
    doc_precision: float | None
    doc_recall: float | None
    locator_precision: float | None
    locator_recall: float | None
    figures: int  # figures in the answer text
    uncited_figures: int
    uncited_number_rate: float | None
    hallucination: bool
    false_refusal: bool
    retrieval: dict[str, float] | None  # recall@1/5/10, mrr@10, ndcg@10
    latency_ms: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def score_item(
    gold: GoldItem | Mapping[str, Any],
    answer_dict: Mapping[str, Any],
    retrieved: Sequence[Mapping[str, Any]] | None = None,
    latency_ms: float | None = None,
) -> ItemScore:
    """Score one ``boardqa ask --json`` answer against its gold item (see module docstring)."""
    item = gold if isinstance(gold, GoldItem) else GoldItem.from_dict(gold)
    status = str(answer_dict.get("status", ""))
    text = str(answer_dict.get("answer", "") or "")
    citations = list(answer_dict.get("citations") or [])

    found = [answer_value_found(v, text, derived=item.derived) for v in item.answer_values]
    missing = tuple(
        f"{v.value} {v.unit}" for v, ok in zip(item.answer_values, found, strict=True) if not ok
    )
    direction_ok = direction_agrees(item.direction, text) if item.direction else None
    recall = key_fact_recall(item.key_facts, text)
    cites = citation_scores(citations, item.evidence)
    figures = parse_numbers(text)
    uncited = uncited_numbers(text, citations)

    if item.answerable:
        facts_needed = bool(item.key_facts) and not item.answer_values
        answer_correct = (
            status == "answered"
            and all(found)
            and direction_ok is not False
            and (not facts_needed or (recall or 0.0) >= KEY_FACT_THRESHOLD)
        )
    else:
        answer_correct = status == "not_found"

    if latency_ms is None:
        total = (answer_dict.get("timings_ms") or {}).get("total")
        latency_ms = float(total) if total is not None else None

    return ItemScore(
        item_id=item.id,
        category=item.category,
        answerable=item.answerable,
        status=status,
        answer_correct=answer_correct,
        strict_correct=answer_correct and (not item.answerable or cites.locator_hit),
        locator_hit=cites.locator_hit,
        values_matched=sum(found),
        values_total=len(found),
        missing_values=missing,
        direction_ok=direction_ok,
        key_fact_recall=recall,
        doc_precision=cites.doc_precision,
        doc_recall=cites.doc_recall,
        locator_precision=cites.locator_precision,
        locator_recall=cites.locator_recall,
        figures=len(figures),
        uncited_figures=len(uncited),
        uncited_number_rate=len(uncited) / len(figures) if figures else None,
        hallucination=is_hallucination(item, status),
        false_refusal=is_false_refusal(item, status),
        retrieval=(
            retrieval_scores(retrieved, item.evidence)
            if retrieved is not None and item.evidence
            else None
        ),
        latency_ms=latency_ms,
    )


# ---------------------------------------------------------------- aggregate


def bootstrap_interval(
    outcomes: Sequence[float],
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
    level: float = 0.95,
) -> tuple[float, float] | None:
    """Percentile bootstrap interval for the mean of ``outcomes``; None when empty."""
    if len(outcomes) == 0:
        return None
    data = np.asarray(outcomes, dtype=float)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    tail = (1.0 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def _mean(values: Iterable[float | bool | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def aggregate(
    scores: Sequence[ItemScore], categories: Sequence[str] = CATEGORIES
) -> dict[str, Any]:
    """The eval report: headline strict accuracy with a 95% bootstrap interval, accuracy by
    category (every category in ``categories`` listed, in order, even with no items; any
    other category after them), abstention, citation, uncited-number, retrieval and
    latency figures. Means skip items where a metric is None."""
    order = list(categories) + sorted({s.category for s in scores} - set(categories))
    by_category = []
    for category in order:
        group = [s for s in scores if s.category == category]
        answer_ok = sum(s.answer_correct for s in group)
        strict_ok = sum(s.strict_correct for s in group)
        found = _found(group)
        by_category.append(
            {
                "category": category,
                "n": len(group),
                "answer_correct": answer_ok,
                "strict_correct": strict_ok,
                "answer_accuracy": _rate(answer_ok, len(group)),
                "strict_accuracy": _rate(strict_ok, len(group)),
                "figures": sum(s.figures for s in group),
                "uncited_figures": sum(s.uncited_figures for s in group),
                "found_in_top10": len(found),
                "correct_when_found": sum(s.strict_correct for s in found),
            }
        )

    strict = [float(s.strict_correct) for s in scores]
    interval = bootstrap_interval(strict)
    answerable = [s for s in scores if s.answerable]
    unanswerable = [s for s in scores if not s.answerable]
    hallucinations = sum(s.hallucination for s in scores)
    refusals = sum(s.false_refusal for s in scores)
    figures = sum(s.figures for s in scores)
    uncited = sum(s.uncited_figures for s in scores)
    retrieved = [s.retrieval for s in scores if s.retrieval is not None]
    latencies = [s.latency_ms for s in scores if s.latency_ms is not None]
    p50, p95 = np.percentile(latencies, [50, 95]) if latencies else (None, None)

    return {
        "n_items": len(scores),
        "headline": {
            "strict_accuracy": _mean(strict),
            "strict_accuracy_ci95": list(interval) if interval else None,
            "strict_correct": sum(s.strict_correct for s in scores),
            "answer_accuracy": _mean(s.answer_correct for s in scores),
            "answer_correct": sum(s.answer_correct for s in scores),
            "locator_hit_rate": _mean(s.locator_hit for s in answerable),
        },
        "by_category": by_category,
        "abstention": {
            "n_unanswerable": len(unanswerable),
            "hallucinations": hallucinations,
            "hallucination_rate": _rate(hallucinations, len(unanswerable)),
            "n_answerable": len(answerable),
            "false_refusals": refusals,
            "false_refusal_rate": _rate(refusals, len(answerable)),
        },
        "citations": {
            "doc_precision": _mean(s.doc_precision for s in scores),
            "doc_recall": _mean(s.doc_recall for s in scores),
            "locator_precision": _mean(s.locator_precision for s in scores),
            "locator_recall": _mean(s.locator_recall for s in scores),
        },
        "numbers": {
            "figures": figures,
            "uncited": uncited,
            "uncited_number_rate": _rate(uncited, figures),
        },
        "reader": {
            # of the answerable questions whose every expected fact retrieval put in the
            # top 10 passages, how many the assistant answered strictly right
            "n_answerable": len(answerable),
            "found_in_top10": len(found_all := _found(answerable)),
            "found_share": _rate(len(found_all), len(answerable)),
            "correct_when_found": (right := sum(s.strict_correct for s in found_all)),
            "efficiency": _rate(right, len(found_all)),
        },
        "retrieval": {
            "n": len(retrieved),
            **{name: _mean(r[name] for r in retrieved) for name in _RETRIEVAL_NAMES},
        },
        "latency_ms": {
            "n": len(latencies),
            "p50": float(p50) if p50 is not None else None,
            "p95": float(p95) if p95 is not None else None,
        },
    }


def _found(scores: Sequence[ItemScore]) -> list[ItemScore]:
    """Answerable items whose every expected fact is in the top 10 passages retrieved."""
    return [
        s
        for s in scores
        if s.answerable and s.retrieval is not None and s.retrieval.get("recall@10") == 1.0
    ]


_RETRIEVAL_NAMES = (*(f"recall@{k}" for k in RETRIEVAL_KS), "mrr@10", "ndcg@10")
