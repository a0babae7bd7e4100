"""`boardqa eval`: ask every gold question in one process, score, report, and gate on thresholds."""

from __future__ import annotations

import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.core import BoardAssistant
from board.errors import ConfigError
from board.records import Answer
from eval.curve import Outcome, Point, curve, render_curve, write_curve
from eval.gold import GoldItem, load_gold, parse_gold_jsonl
from eval.report import render_text, write_report
from eval.scoring import ItemScore, aggregate, score_item

THRESHOLDS = Path(__file__).parent / "thresholds.toml"
REPORTS = Path(__file__).parent / "reports"


@dataclass(frozen=True)
class EvalRun:
    report: dict[str, Any]
    scores: list[ItemScore]
    failures: list[str]  # thresholds not met, as sentences
    supports: tuple[float | None, ...] = ()  # the reader's support of each item's answer


def load_items(gold: Path | None) -> list[GoldItem]:
    """The gold set: one file, or every *.jsonl in a folder, or the shipped set."""
    if gold is None:
        return load_gold()
    if gold.is_dir():
        return load_gold(gold)
    return parse_gold_jsonl(gold.read_text(encoding="utf-8"), str(gold))


def read_thresholds(path: Path = THRESHOLDS) -> dict[str, float]:
    """Dotted report keys (``headline.strict_accuracy``) with their minimum (or ``max:`` maximum)."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return {str(k): float(v) for k, v in data.get("thresholds", {}).items()}


def check_thresholds(report: dict[str, Any], thresholds: dict[str, float]) -> list[str]:
    """Sentences naming each threshold the report misses. ``max.`` keys are upper bounds."""
    failures = []
    for key, limit in thresholds.items():
        upper = key.startswith("max.")
        path = key.removeprefix("max.").removeprefix("min.").split(".")
        value: Any = report
        for part in path:
            if isinstance(value, list):  # by_category rows are found by their category
                value = next(
                    (r for r in value if isinstance(r, dict) and r.get("category") == part), None
                )
            else:
                value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            failures.append(f"{key}: not in the report")
        elif (value > limit) if upper else (value < limit):
            failures.append(
                f"{key} = {value:.3f}, {'above' if upper else 'below'} the threshold {limit:.3f}"
            )
    return failures


def run_eval(
    assistant: BoardAssistant, items: Sequence[GoldItem], thresholds: dict[str, float]
) -> EvalRun:
    """Ask, retrieve and score every item; aggregate; check thresholds."""
    scores = []
    supports: list[float | None] = []
    for item in items:
        earlier: list[Answer] = []
        for turn in item.history:  # a follow-up is asked after the turns it follows
            earlier.append(assistant.ask(turn, history=earlier))
        started = time.perf_counter()
        answer = assistant.ask(item.question, history=earlier)
        latency = (time.perf_counter() - started) * 1000
        retrieved = [
            {
                "source": h.chunk.source,
                "line_start": h.chunk.line_start,
                "line_end": h.chunk.line_end,
                "page": h.chunk.page,
            }
            for h in assistant.search(answer.asked, k=10)
        ]
        scores.append(score_item(item, answer.to_dict(), retrieved, latency))
        supports.append(reader_support(answer))
    report = aggregate(scores)
    return EvalRun(report, scores, check_thresholds(report, thresholds), tuple(supports))


def reader_support(answer: Answer) -> float | None:
    """The support the passage reader answered with; None when a tool answered."""
    for call in answer.tool_calls:
        if call.name == "read_passages":
            value = call.arguments.get("support")
            return float(value) if value is not None else None
    return None


def trade_off(assistant: BoardAssistant, items: Sequence[GoldItem]) -> list[Point]:
    """Run with the reader's threshold at zero and read off the curve (eval/curve.py)."""
    settings = assistant.settings
    answer = settings.answer.model_copy(update={"min_passage_support": 0.0})
    assistant.settings = settings.model_copy(update={"answer": answer})
    try:
        run = run_eval(assistant, items, {})
    finally:
        assistant.settings = settings
    outcomes = [
        Outcome(s.answerable, s.status == "answered", s.strict_correct, support)
        for s, support in zip(run.scores, run.supports, strict=True)
    ]
    return curve(outcomes)


def thresholds_for(gold: Path | None) -> Path:
    """A gold folder's own thresholds.toml; the shipped gate for the shipped set."""
    if gold is None:
        return THRESHOLDS
    folder = gold if gold.is_dir() else gold.parent
    return folder / "thresholds.toml"


def evaluate(
    assistant: BoardAssistant,
    gold: Path | None = None,
    reports: Path = REPORTS,
    *,
    with_curve: bool = False,
) -> tuple[EvalRun, list[Path], str]:
    """The whole `boardqa eval`: run, write reports, and render the terminal table; with
    ``with_curve``, also the reader's trade-off curve (curve.csv)."""
    items = load_items(gold)
    run = run_eval(assistant, items, read_thresholds(thresholds_for(gold)))
    written = write_report(run.report, reports, run.scores)
    text = render_text(run.report)
    if with_curve:
        points = trade_off(assistant, items)
        written.append(write_curve(points, reports / "curve.csv"))
        text += "\n\nReader trade-off (answer.min_passage_support)\n" + render_curve(points)
    return run, written, text
