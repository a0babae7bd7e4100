"""The eval report as markdown and as a plain-text terminal table; files written at the edge.

``render_markdown`` and ``render_text`` are pure: they take the dict from
``eval.scoring.aggregate`` and return a string. ``write_report`` is the only
function here that touches the file system.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.scoring import ItemScore

_CATEGORY_HEADER = (
    "Category", "N", "Answer correct", "Strict correct", "Found: right", "Uncited figures"
)  # fmt: skip


def percent(value: float | None, places: int = 1) -> str:
    """0.8333 -> "83.3%"; None -> "n/a"."""
    return "n/a" if value is None else f"{value * 100:.{places}f}%"


def _number(value: float | None, places: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{places}f}"


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} ms"


def _correct(hits: int, n: int, rate: float | None) -> str:
    return f"{hits}/{n} ({percent(rate)})" if n else "-"


def category_rows(report: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """One row per category, then a total row: category, n, answer and strict correct, and
    the figures stated in answers that no citation quotes or computes."""
    rows: list[tuple[str, ...]] = [
        (
            str(row["category"]),
            str(row["n"]),
            _correct(row["answer_correct"], row["n"], row["answer_accuracy"]),
            _correct(row["strict_correct"], row["n"], row["strict_accuracy"]),
            f"{row.get('correct_when_found', 0)}/{row.get('found_in_top10', 0)}",
            f"{row.get('uncited_figures', 0)}/{row.get('figures', 0)}",
        )
        for row in report["by_category"]
    ]
    reader = report.get("reader", {})
    head, n = report["headline"], report["n_items"]
    rows.append(
        (
            "all",
            str(n),
            _correct(head["answer_correct"], n, head["answer_accuracy"]),
            _correct(head["strict_correct"], n, head["strict_accuracy"]),
            f"{reader.get('correct_when_found', 0)}/{reader.get('found_in_top10', 0)}",
            f"{report['numbers']['uncited']}/{report['numbers']['figures']}",
        )
    )
    return rows


def summary_lines(report: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs for the headline and every other metric."""
    head, abst = report["headline"], report["abstention"]
    cites, nums = report["citations"], report["numbers"]
    retr, lat = report["retrieval"], report["latency_ms"]
    reader = report.get("reader", {})
    interval = head["strict_accuracy_ci95"]
    ci = f"{percent(interval[0])} to {percent(interval[1])}" if interval else "n/a"
    return [
        ("Strict accuracy", f"{percent(head['strict_accuracy'])} (95% CI {ci})"),
        ("Answer-only accuracy", percent(head["answer_accuracy"])),
        ("Locator hit rate (answerable)", percent(head["locator_hit_rate"])),
        (
            "Hallucination rate",
            f"{percent(abst['hallucination_rate'])} "
            f"({abst['hallucinations']}/{abst['n_unanswerable']} unanswerable answered)",
        ),
        (
            "False-refusal rate",
            f"{percent(abst['false_refusal_rate'])} "
            f"({abst['false_refusals']}/{abst['n_answerable']} answerable refused)",
        ),
        ("Citation precision (document)", percent(cites["doc_precision"])),
        ("Citation recall (document)", percent(cites["doc_recall"])),
        ("Citation precision (locator)", percent(cites["locator_precision"])),
        ("Citation recall (locator)", percent(cites["locator_recall"])),
        (
            "Uncited-number rate",
            f"{percent(nums['uncited_number_rate'])} ({nums['uncited']}/{nums['figures']} figures)",
        ),
        (
            f"Retrieval (n={retr['n']})",
            ", ".join(
                f"{name} {_number(retr[name])}"
                for name in ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10")
            ),
        ),
        (
            "Reader efficiency",
            f"{percent(reader.get('efficiency'))} ({reader.get('correct_when_found', 0)}/"
            f"{reader.get('found_in_top10', 0)} answerable questions with every fact in the "
            f"top 10 passages answered right; facts found for "
            f"{reader.get('found_in_top10', 0)}/{reader.get('n_answerable', 0)})",
        ),
        ("Latency", f"p50 {_ms(lat['p50'])}, p95 {_ms(lat['p95'])} (n={lat['n']})"),
    ]


def render_markdown(report: Mapping[str, Any], title: str = "boardqa eval") -> str:
    """A markdown report: headline metrics, then a table of accuracy by category."""
    lines = [f"# {title}", "", f"{report['n_items']} gold questions.", ""]
    lines += ["| Metric | Value |", "| --- | --- |"]
    lines += [f"| {label} | {value} |" for label, value in summary_lines(report)]
    lines += ["", "## By category", ""]
    rule = "| --- |" + " ---: |" * (len(_CATEGORY_HEADER) - 1)
    lines += ["| " + " | ".join(_CATEGORY_HEADER) + " |", rule]
    lines += ["| " + " | ".join(row) + " |" for row in category_rows(report)]
    return "\n".join(lines) + "\n"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join((first, *rest)).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def render_text(report: Mapping[str, Any]) -> str:
    """A plain-text version for the terminal: aligned columns, no markup or colour."""
    summary = summary_lines(report)
    width = max(len(label) for label, _ in summary)
    lines = [f"{label.ljust(width)}  {value}" for label, value in summary]
    lines += ["", *_table(_CATEGORY_HEADER, category_rows(report))]
    return "\n".join(lines) + "\n"


def write_report(
    report: Mapping[str, Any],
    directory: Path | str,
    scores: Sequence[ItemScore] | None = None,
) -> list[Path]:
    """Write report.md, report.json and (given scores) scores.jsonl into ``directory``."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "report.md", folder / "report.json"]
    written[0].write_text(render_markdown(report), encoding="utf-8")
    written[1].write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if scores is not None:
        path = folder / "scores.jsonl"
        path.write_text("".join(json.dumps(s.to_dict()) + "\n" for s in scores), encoding="utf-8")
        written.append(path)
    return written
