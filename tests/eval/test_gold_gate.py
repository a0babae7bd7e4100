"""The regression gate: the whole gold set against the real index, at the thresholds in eval/thresholds.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.gold import load_gold
from eval.runner import read_thresholds, run_eval

pytestmark = pytest.mark.e2e


def test_gold_set_meets_thresholds(real_assistant) -> None:  # type: ignore[no-untyped-def]
    thresholds = read_thresholds()
    assert thresholds, "eval/thresholds.toml sets no thresholds"
    run = run_eval(real_assistant, load_gold(), thresholds)
    assert run.report["n_items"] >= 150
    assert not run.failures, run.failures


def test_follow_up_conversations_meet_their_thresholds(real_assistant) -> None:  # type: ignore[no-untyped-def]
    folder = Path(__file__).resolve().parents[2] / "eval" / "conversations"
    run = run_eval(real_assistant, load_gold(folder), read_thresholds(folder / "thresholds.toml"))
    assert run.report["n_items"] >= 40
    assert not run.failures, run.failures


def test_other_bodies_papers_meet_their_thresholds(tmp_path: Path, real_assistant) -> None:  # type: ignore[no-untyped-def]
    """The development set: 15 other bodies' papers, no board profile, their own gate."""
    from assistant.core import BoardAssistant
    from board.settings import Settings
    from tests.test_system_tools import tesseract_missing

    if why := tesseract_missing():
        pytest.fail(f"the gate cannot be met without OCR: {why}")
    dev = Path(__file__).resolve().parents[2] / "eval" / "devcorpus"
    assistant = BoardAssistant(
        Settings(corpus=dev / "papers", index=tmp_path / "index"),
        embedder=real_assistant.embedder,
    )
    report = assistant.ingest()
    assert report.files >= 20
    gold = dev / "gold"
    run = run_eval(assistant, load_gold(gold), read_thresholds(gold / "thresholds.toml"))
    assert run.report["n_items"] >= 100
    assert not run.failures, run.failures
