"""Shared fixtures: the real corpus indexed once per test session with the real model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

# Nothing may be fetched from a model hub, in tests least of all.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(scope="session")
def real_assistant(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A BoardAssistant over the shipped corpus, real embedding model, Chroma in a temp index."""
    from assistant.core import BoardAssistant
    from board.settings import Settings

    index = tmp_path_factory.mktemp("index")
    assistant = BoardAssistant(Settings(corpus=CORPUS, index=index))
    report = assistant.ingest()
    assert report.ok, [str(f) for f in report.failures]
    return assistant
