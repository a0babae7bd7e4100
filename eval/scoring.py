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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from eval.answer_checks import (
    KEY_FACT_THRESHOLD,
    answer_value_found,
    direction_agrees,
    key_fact_recall,
)
from eval.citation_checks import (
    citation_scores,
    uncited_numbers,
)
from eval.gold import CATEGORIES, GoldItem
from eval.numbers import parse_numbers
from eval.retrieval_metrics import RETRIEVAL_KS, retrieval_scores

BOOTSTRAP_RESAMPLES = 2000

BOOTSTRAP_SEED = 20130115


def is_hallucination(gold: GoldItem, status: str) -> bool:
    """An unanswerable question answered anyway."""
    return not gold.answerable and status == "answered"


def is_false_refusal(gold: GoldItem, status: str) -> bool:
    """An answerable question declined as not found."""
    return gold.answerable and status == "not_found"


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
    by_category = [_category([s for s in scores if s.category == c], c) for c in order]
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


def _category(group: Sequence[ItemScore], category: str) -> dict[str, Any]:
    """One category's line of the report."""
    answer_ok = sum(s.answer_correct for s in group)
    strict_ok = sum(s.strict_correct for s in group)
    found = _found(group)
    return {
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


def _found(scores: Sequence[ItemScore]) -> list[ItemScore]:
    """Answerable items whose every expected fact is in the top 10 passages retrieved."""
    return [
        s
        for s in scores
        if s.answerable and s.retrieval is not None and s.retrieval.get("recall@10") == 1.0
    ]


_RETRIEVAL_NAMES = (*(f"recall@{k}" for k in RETRIEVAL_KS), "mrr@10", "ndcg@10")
