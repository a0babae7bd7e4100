"""Retrieval against the gold evidence: recall, MRR and nDCG at k over the passages found.
Pure."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from eval.citation_checks import evidence_place, passage_place
from eval.gold import Evidence

RETRIEVAL_KS = (1, 5, 10)


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
