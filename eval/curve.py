"""The reader's trade-off curve: answered-correct against hallucination, by support threshold.

The assistant is run once with the reader's threshold at zero, so that every passage
answer it could give is scored with the support the reader gave it. An item the reader
answered with support ``s`` stays answered at every threshold up to ``s`` and becomes
"Not in the papers" above it: a refusal, right only for an unanswerable question.
Items answered by a tool (tables, register, a stated figure) do not move.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

THRESHOLDS = tuple(round(0.25 + 0.05 * i, 2) for i in range(10))  # 0.25 … 0.70


@dataclass(frozen=True)
class Point:
    threshold: float
    correct: int  # strictly correct items, answerable and unanswerable
    answered_correct: int  # answerable items answered and strictly correct
    hallucinations: int  # unanswerable items answered
    false_refusals: int  # answerable items refused
    n: int
    n_unanswerable: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def hallucination_rate(self) -> float:
        return self.hallucinations / self.n_unanswerable if self.n_unanswerable else 0.0


@dataclass(frozen=True)
class Outcome:
    """One item as scored at threshold zero, with the reader's support if it answered."""

    answerable: bool
    answered: bool
    strict_correct: bool
    support: float | None  # None: answered or refused by something other than the reader


def curve(outcomes: Sequence[Outcome], thresholds: Sequence[float] = THRESHOLDS) -> list[Point]:
    points = []
    for t in thresholds:
        correct = answered_correct = hallucinations = refusals = 0
        for o in outcomes:
            answered = o.answered and (o.support is None or o.support >= t)
            ok = o.strict_correct if answered == o.answered else not o.answerable
            correct += ok
            answered_correct += ok and o.answerable and answered
            hallucinations += answered and not o.answerable
            refusals += not answered and o.answerable
        points.append(
            Point(
                t,
                correct,
                answered_correct,
                hallucinations,
                refusals,
                len(outcomes),
                sum(not o.answerable for o in outcomes),
            )
        )
    return points


def write_curve(points: Sequence[Point], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["threshold", "strict_accuracy", "answered_correct", "hallucinations",
             "hallucination_rate", "false_refusals", "n"]
        )  # fmt: skip
        for p in points:
            w.writerow(
                [p.threshold, f"{p.accuracy:.3f}", p.answered_correct, p.hallucinations,
                 f"{p.hallucination_rate:.3f}", p.false_refusals, p.n]
            )  # fmt: skip
    return path


def render_curve(points: Sequence[Point]) -> str:
    lines = ["Support  Strict acc  Answered correct  Hallucinations  False refusals"]
    for p in points:
        lines.append(
            f"{p.threshold:7.2f}  {p.accuracy:9.1%}  {p.answered_correct:16d}  "
            f"{p.hallucinations:>6d} ({p.hallucination_rate:5.1%})  {p.false_refusals:14d}"
        )
    return "\n".join(lines)
