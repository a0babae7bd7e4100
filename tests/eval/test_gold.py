"""Loading gold items: good items become records, bad ones a clear error with file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.gold import Evidence, GoldFormatError, GoldItem, KeyFact, load_gold, parse_gold_jsonl


def item(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "p13a-017",
        "question": "How many residential burglaries were recorded?",
        "category": "table_figure",
        "answerable": True,
        "answer_values": [{"value": 2576, "unit": "count", "source_precision": 0}],
        "key_facts": [{"fact": "2,576", "aliases": ["2576"]}],
        "evidence": [
            {
                "source": "2013-01-15_scpb_pack.txt",
                "lines": [313, 313],
                "table_row": "Residential Burglary",
                "quote": "Residential Burglary\t-6 %\t12%\t2550\t2576",
            }
        ],
        "derived": False,
        "direction": None,
        "notes": "'This Year' column.",
    }
    data.update(changes)
    return data


def jsonl(*items: dict[str, Any]) -> str:
    return "".join(json.dumps(i) + "\n" for i in items)


def test_readme_example_becomes_a_typed_item() -> None:
    gold = GoldItem.from_dict(item())
    assert gold.answer_values[0].value == 2576 and gold.answer_values[0].unit == "count"
    assert gold.key_facts == (KeyFact("2,576", ("2576",)),)
    assert gold.evidence[0] == Evidence(
        "2013-01-15_scpb_pack.txt",
        (313, 313),
        table_row="Residential Burglary",
        quote="Residential Burglary\t-6 %\t12%\t2550\t2576",
    )
    assert gold.to_dict()["evidence"][0]["lines"] == (313, 313)


def test_optional_keys_default() -> None:
    minimal = {k: v for k, v in item().items() if k not in {"derived", "direction", "notes"}}
    gold = GoldItem.from_dict(minimal)
    assert (gold.derived, gold.direction, gold.notes) == (False, None, "")


def test_bad_json_names_the_file_and_line() -> None:
    text = jsonl(item()) + '{"id": "broken",\n'
    with pytest.raises(GoldFormatError, match=r"pack\.jsonl line 2: not valid JSON"):
        parse_gold_jsonl(text, "pack.jsonl")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"category": "trivia"}, "category 'trivia'"),
        ({"answer_values": [{"value": 1, "unit": "pounds"}]}, "unit 'pounds'"),
        ({"answer_values": [{"value": "1", "unit": "count"}]}, "must be a number"),
        ({"answer_values": [{"value": "15 Jan", "unit": "date"}]}, "a date value"),
        (
            {"answer_values": [{"value": 1, "unit": "count", "source_precison": 0}]},
            "source_precison",
        ),
        ({"direction": "up"}, "direction"),
        ({"evidence": [{"source": "a.txt", "lines": [9, 3]}]}, "'lines'"),
        ({"evidence": [{"source": "a.txt"}]}, "give 'lines'"),
        ({"evidence": []}, "at least one evidence"),
        ({"answerable": "yes"}, "'answerable'"),
        ({"answer_value": []}, "unknown key"),
    ],
)
def test_malformed_item_error_names_line_and_problem(changes: dict[str, Any], message: str) -> None:
    text = jsonl(item(id="ok"), item(**changes))
    with pytest.raises(GoldFormatError) as caught:
        parse_gold_jsonl(text, "eval/gold/pack.jsonl")
    assert "eval/gold/pack.jsonl line 2" in str(caught.value)
    assert message in str(caught.value)


def test_missing_key_is_named() -> None:
    data = item()
    del data["question"]
    with pytest.raises(GoldFormatError, match="missing key.*question"):
        GoldItem.from_dict(data)


def test_unanswerable_item_must_have_no_answer() -> None:
    bad = item(category="unanswerable", answerable=False)
    with pytest.raises(GoldFormatError, match="unanswerable item must have empty"):
        GoldItem.from_dict(bad)
    good = item(
        category="unanswerable", answerable=False, answer_values=[], key_facts=[], evidence=[]
    )
    assert GoldItem.from_dict(good).answerable is False


def test_load_gold_reads_every_file_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text(jsonl(item(id="b-1")), encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(jsonl(item(id="a-1")) + "\n" + jsonl(item(id="a-2")))
    (tmp_path / "notes.txt").write_text("not gold")
    assert [g.id for g in load_gold(tmp_path)] == ["a-1", "a-2", "b-1"]


def test_duplicate_id_across_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(jsonl(item(id="x-1")))
    (tmp_path / "b.jsonl").write_text(jsonl(item(id="x-1")))
    with pytest.raises(
        GoldFormatError, match=r"b\.jsonl: duplicate id 'x-1' \(first used in .*a\.jsonl"
    ):
        load_gold(tmp_path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no gold folder"):
        load_gold(tmp_path / "nowhere")
