"""The register file: written atomically, read lazily once; a missing one is a clear error."""

# ruff: noqa: E501 (minute paragraphs are one line each, as in the papers)

from __future__ import annotations

import json
from pathlib import Path

import pytest

from board.errors import IndexMissing
from board.records import Section
from tests.profiles import BARNET
from tools.register.ingest import load_handlers, register_builder
from tools.register.records import RegisterData
from tools.register.store import REGISTER_FILE, Register, build_register

from .snippets import ATTENDANCE, minutes

BODY = (
    ATTENDANCE
    + "\n3 Funding\n\nThe Board endorsed these proposals.\n\nAction: James Mass to find out who chairs the group.\n"
)


def test_build_writes_one_file_and_no_temporary_ones(tmp_path: Path) -> None:
    path = build_register(tmp_path, [[minutes(BODY)]], profile=BARNET)
    assert path == tmp_path / REGISTER_FILE
    assert [p.name for p in tmp_path.iterdir()] == [REGISTER_FILE]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["meetings"]) == 1 and len(data["decisions"]) == 1 and len(data["actions"]) == 1


def test_register_reads_lazily_and_round_trips(tmp_path: Path) -> None:
    register = Register(tmp_path)  # cheap: nothing on disk yet
    build_register(tmp_path, [minutes(BODY)], profile=BARNET)
    assert register.actions[0].owners == ("James Mass",)
    assert register.meetings[0].agenda_items[0].title == "Welcome and introductions"
    again = RegisterData.from_dict(
        json.loads((tmp_path / REGISTER_FILE).read_text(encoding="utf-8"))
    )
    assert again == register.data
    assert list(register.frame("actions")["owners"]) == [("James Mass",)]


def test_rebuilding_gives_the_same_ids(tmp_path: Path) -> None:
    first = Register(build_register(tmp_path / "a", [minutes(BODY)], profile=BARNET)).data
    second = Register(build_register(tmp_path / "b", [minutes(BODY)], profile=BARNET)).data
    assert [a.id for a in first.actions] == [a.id for a in second.actions]
    assert [d.id for d in first.decisions] == [d.id for d in second.decisions]


def test_missing_register_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="boardqa ingest"):
        _ = Register(tmp_path).actions


def test_unknown_table_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown register table"):
        Register(RegisterData()).frame("minutes")


def test_ingest_adapters(tmp_path: Path) -> None:
    assert load_handlers(tmp_path, []) == []
    section: Section = minutes(BODY)
    summary = register_builder([(object(), [section])], [], tmp_path, profile=BARNET)  # type: ignore[list-item]
    assert summary == "register: 1 meetings, 1 decisions, 1 actions"
    handlers = load_handlers(tmp_path, [])
    assert {h.name for h in handlers} >= {"decisions", "actions", "attendance", "timeline"}
