"""The board profile is a parameter at question time (issue #24): no handler, matcher or
answer sentence reads the active profile. The question is read under the profile it is
given, and the tables answer under the profile their store was opened with. Checked with
`ast`: a call to ``active()`` is allowed only where a profile enters (the reader's entry
points and the store's constructor take it as a default) and in ingest, which still
reads the active profile."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where a question is answered: the handlers and everything they call at question time.
QUESTION_TIME = (
    "assistant",
    "tools/tables/lookups.py",
    "tools/tables/comparisons.py",
    "tools/tables/rankings.py",
    "tools/tables/router.py",
    "tools/tables/handler.py",
    "tools/tables/steps.py",
    "tools/tables/confidence.py",
    "tools/tables/ledger.py",
    "tools/tables/match.py",
    "tools/tables/series.py",
    "tools/tables/tools.py",
    "tools/tables/answers.py",
    "tools/tables/series_texts.py",
    "tools/register",
)
# Ingest reads the active profile still (the next step of #24).
INGEST = ("tools/register/minutes.py", "tools/register/agenda.py", "tools/register/status.py")


def _files() -> list[Path]:
    out: list[Path] = []
    for name in QUESTION_TIME:
        path = ROOT / name
        out.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [p for p in out if p.relative_to(ROOT).as_posix() not in INGEST]


def _reads_active(tree: ast.Module) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("active", "activate")
    ]


def test_no_question_time_code_reads_the_active_profile() -> None:
    found = {
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in _files()
        for line in _reads_active(ast.parse(path.read_text(encoding="utf-8")))
    }
    # the core object sets the active profile for ingest, which still reads it
    allowed = {f for f in found if f.startswith("assistant/core.py:")}

    assert found == allowed, f"take the profile as a parameter instead: {sorted(found - allowed)}"
