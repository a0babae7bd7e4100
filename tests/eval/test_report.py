"""The report a user reads: markdown file, terminal table, files written where asked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.report import render_markdown, render_text, write_report
from eval.scoring import aggregate, score_item

PACK = "2013-01-15_scpb_pack.txt"
GOLD: dict[str, Any] = {
    "id": "g-1",
    "question": "How many residential burglaries?",
    "category": "table_figure",
    "answerable": True,
    "answer_values": [{"value": 2576, "unit": "count", "source_precision": 0}],
    "evidence": [{"source": PACK, "lines": [313, 313]}],
}
UNANSWERABLE: dict[str, Any] = {
    "id": "u-1",
    "question": "How many burglaries in 2025?",
    "category": "unanswerable",
    "answerable": False,
}


def citation(locator: str) -> dict[str, Any]:
    return {"n": 1, "source": PACK, "locator": locator, "quote": "Residential Burglary\t2550\t2576"}


def report() -> dict[str, Any]:
    scores = [
        score_item(GOLD, {"status": "answered", "answer": "2,576 [1]",
                          "citations": [citation("line 313")], "timings_ms": {"total": 40}}),
        score_item({**GOLD, "id": "g-2"}, {"status": "answered", "answer": "2,550 [1]",
                                           "citations": [citation("line 313")]}),
        score_item(UNANSWERABLE, {"status": "answered", "answer": "12 [1]", "citations": []}),
    ]  # fmt: skip
    return aggregate(scores, categories=["table_figure", "unanswerable"])


def test_markdown_has_headline_and_category_table() -> None:
    text = render_markdown(report())
    assert "| Strict accuracy | 33.3% (95% CI " in text
    assert "| table_figure | 2 | 1/2 (50.0%) | 1/2 (50.0%) | 0/0 | 0/2 |" in text
    assert (
        "| unanswerable | 1 | 0/1 (0.0%) | 0/1 (0.0%) | 0/0 | 1/1 |" in text
    )  # "12" cites nothing
    assert "| all | 3 | 1/3 (33.3%) | 1/3 (33.3%) | 0/0 | 1/3 |" in text
    header = next(line for line in text.splitlines() if line.startswith("| Category"))
    rule = text.splitlines()[text.splitlines().index(header) + 1]
    assert rule.count("|") == header.count("|")  # one rule cell per column
    assert "| Hallucination rate | 100.0% (1/1 unanswerable answered) |" in text


def test_plain_text_table_is_aligned_and_free_of_markup() -> None:
    text = render_text(report())
    assert "|" not in text and "#" not in text and "\x1b" not in text
    table = text.splitlines()[-5:]
    assert table[0].split("  ")[0] == "Category" and table[-1].startswith("all ")
    assert len({len(line) for line in table}) == 1  # right-aligned columns end together
    assert table[0].index(" N ") == table[2].index(" 2 ")  # N sits over its counts
    assert table[2].split() == [
        "table_figure", "2", "1/2", "(50.0%)", "1/2", "(50.0%)", "0/0", "0/2"
    ]  # fmt: skip


def test_missing_metrics_show_as_na() -> None:
    text = render_text(report())
    assert "Latency" in text and "p95 40 ms" in text
    assert "recall@1 n/a" in text


def test_write_report_writes_markdown_json_and_scores(tmp_path: Path) -> None:
    data = report()
    scores = [score_item(GOLD, {"status": "not_found", "answer": "", "citations": []})]
    written = write_report(data, tmp_path / "out", scores=scores)
    assert [p.name for p in written] == ["report.md", "report.json", "scores.jsonl"]
    assert json.loads((tmp_path / "out" / "report.json").read_text()) == json.loads(
        json.dumps(data)
    )
    assert (tmp_path / "out" / "report.md").read_text() == render_markdown(data)
    assert json.loads((tmp_path / "out" / "scores.jsonl").read_text())["false_refusal"] is True


def test_reader_efficiency_counts_only_questions_whose_facts_were_retrieved() -> None:
    found = [{"source": PACK, "line_start": 310, "line_end": 315, "page": None}]
    answer = {"status": "answered", "answer": "2,576 [1]", "citations": [citation("line 313")]}
    scores = [
        score_item(GOLD, answer, found),  # facts in the top 10, answered right
        score_item({**GOLD, "id": "g-2"}, {"status": "not_found", "answer": "", "citations": []},
                   found),  # facts in the top 10, refused
        score_item({**GOLD, "id": "g-3"}, answer, []),  # facts not retrieved: not counted
    ]  # fmt: skip
    reader = aggregate(scores)["reader"]
    assert (reader["found_in_top10"], reader["correct_when_found"]) == (2, 1)
    assert reader["efficiency"] == 0.5
    assert "Reader efficiency" in render_text(aggregate(scores))


def test_pdf_table_questions_are_scored_from_an_eval_runs_scores(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from eval.pdf_table_questions import pdf_table_score

    gold = tmp_path / "gold"
    gold.mkdir()
    items = [
        {
            "id": "q1",
            "question": "How many robberies in April 2020?",
            "category": "table_figure",
            "answerable": True,
            "evidence": [{"source": "sheet.pdf", "page": 1, "table_row": "ROBBERY"}],
        },
        {
            "id": "q2",
            "question": "How many burglaries in April 2020?",
            "category": "table_figure",
            "answerable": True,
            "evidence": [{"source": "sheet.pdf", "page": 1, "table_row": "BURGLARY"}],
        },
        {
            "id": "q3",
            "question": "Who chaired the meeting?",
            "category": "meeting",
            "answerable": True,
            "evidence": [{"source": "minutes.pdf", "page": 1}],
        },
    ]
    for item in items:
        item["key_facts"] = [{"fact": "7", "aliases": []}]
    (gold / "set.jsonl").write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    scores = tmp_path / "scores.jsonl"
    scores.write_text(
        "\n".join(
            json.dumps({"item_id": i, "strict_correct": ok})
            for i, ok in [("q1", True), ("q2", False), ("q3", False)]
        ),
        encoding="utf-8",
    )
    assert pdf_table_score(gold, scores) == (1, 2, ["q2"])  # the minutes question is not one
