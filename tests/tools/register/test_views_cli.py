"""The app's table and CSV, and the CLI's rich tables."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rich.console import Console

from tools.register.cli import actions_table, decisions_table, meetings_table, print_actions
from tools.register.store import Register
from tools.register.views import ACTION_COLUMNS, register_frame, to_csv


def test_action_table_filters(corpus_register: Register) -> None:
    frame = register_frame(corpus_register, "actions", owner="Gardiner")
    assert list(frame.columns) == ACTION_COLUMNS
    assert set(frame["owners"]) == {"Aveen Gardiner"} and len(frame) == 3
    october = register_frame(corpus_register, "actions", meeting="2017-10")
    assert set(october["meeting_date"]) == {"2017-10-27"} and len(october) == 11
    assert "(not named)" in set(october["owners"])
    assert len(register_frame(corpus_register, "actions", status="done")) == 1
    assert len(register_frame(corpus_register, "actions", topic="Community Coaches")) == 1


def test_decision_table_and_refused_filters(corpus_register: Register) -> None:
    frame = register_frame(corpus_register, "decisions", meeting="2013-04-19")
    assert len(frame) == 5 and set(frame["kind"]) == {"agreed", "noted"}
    with pytest.raises(ValueError):
        register_frame(corpus_register, "decisions", owner="James Mass")
    with pytest.raises(ValueError):
        register_frame(corpus_register, "meetings")


def test_csv_export(corpus_register: Register, tmp_path: Path) -> None:
    path = to_csv(
        register_frame(corpus_register, "actions", owner="James Mass"),
        tmp_path / "out" / "actions.csv",
    )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert (
        len(rows) == 4 and rows[0]["owners"] == "James Mass" and rows[0]["locator"] == "lines 89-89"
    )


def render(table: object) -> str:
    console = Console(record=True, width=200)
    console.print(table)
    return console.export_text()


def test_cli_tables(corpus_register: Register) -> None:
    assert "2017-10-27" in render(meetings_table(corpus_register))
    assert "Decisions on BASBAG (1)" in render(decisions_table(corpus_register, "BASBAG"))
    text = render(actions_table(corpus_register, owner="James Mass"))
    assert "Actions for James Mass (4)" in text and "Property Crime" in text
    console = Console(record=True, width=200)
    print_actions(corpus_register, owner="Ms Gardiner", console=console)
    assert "Aveen Gardiner" in console.export_text()
