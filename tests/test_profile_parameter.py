"""The board profile is a frozen parameter, never a process-wide setting (issue #24): ingest
reads papers under the profile it is given, the question is read under the profile it is
given, and the tables answer under the profile their store was opened with. Checked with
`ast` over all non-test code: nothing keeps a module-level profile to switch (a ``global``
statement), and nothing calls a function that would hand one out."""

from __future__ import annotations

import ast
from pathlib import Path

import board.profile

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("board", "retrieval", "ingest", "tools", "assistant", "eval", "boardqa")


def _modules() -> list[Path]:
    return [p for name in PACKAGES for p in sorted((ROOT / name).rglob("*.py"))] + [ROOT / "app.py"]


def _switches(tree: ast.Module) -> list[int]:
    """Lines that keep process-wide state or read a process-wide profile."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Global)
        or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("active", "activate", "using")
        )
    ]


def test_no_code_keeps_or_reads_a_process_wide_profile() -> None:
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in _modules()
        for line in _switches(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == [], f"take the profile as a parameter instead: {found}"


def test_the_profile_module_hands_out_no_active_profile() -> None:
    assert not any(hasattr(board.profile, name) for name in ("active", "activate", "using"))


def test_ingest_and_the_reader_take_the_profile_they_read_under() -> None:
    """The entry points of ingest and of the question reader cannot be called without one."""
    import inspect

    from board.reading import read
    from ingest.pipeline import ingest, parse_file
    from ingest.segment import segment
    from tools.register.store import compile_register
    from tools.tables.extract import extract_tables

    for function in (read, ingest, parse_file, segment, compile_register, extract_tables):
        parameter = inspect.signature(function).parameters["profile"]
        assert parameter.default is inspect.Parameter.empty, function.__name__
