"""Strict accuracy on the gold questions whose evidence is a row of a table in a PDF: how
well figures printed in PDF tables are answered, from an eval run's ``scores.jsonl``.

    python -m boardqa eval --gold eval/devcorpus/gold --corpus eval/devcorpus/papers \
        --index IDX --reports DIR
    python -m eval.pdf_table_questions eval/devcorpus/gold DIR/scores.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eval.gold import GoldItem, load_gold


def of_pdf_tables(item: GoldItem) -> bool:
    return any(e.table_row and e.source.lower().endswith(".pdf") for e in item.evidence)


def pdf_table_score(gold: Path, scores: Path) -> tuple[int, int, list[str]]:
    """(strict correct, questions, the ids answered wrong) over the PDF-table questions."""
    asked = {item.id for item in load_gold(gold) if of_pdf_tables(item)}
    rows = [json.loads(line) for line in scores.read_text(encoding="utf-8").splitlines() if line]
    scored = [r for r in rows if r["item_id"] in asked]
    wrong = sorted(r["item_id"] for r in scored if not r["strict_correct"])
    return len(scored) - len(wrong), len(scored), wrong


def main(argv: list[str]) -> int:
    right, n, wrong = pdf_table_score(Path(argv[0]), Path(argv[1]))
    share = f" ({right / n:.1%})" if n else ""
    print(
        f"PDF-table figure questions: {right}/{n} strict{share}; wrong: {', '.join(wrong) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
