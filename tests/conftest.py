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


@pytest.fixture(autouse=True)
def barnet_profile():  # type: ignore[no-untyped-def]
    """Most tests read the shipped Barnet papers: their board's profile is the active one.

    A test of another board activates its own with ``board.profile.using``."""
    from board.profile import activate, active

    previous = active()
    activate(_barnet_profile())
    yield
    activate(previous)


_PROFILE: list = []  # type: ignore[type-arg]


def _barnet_profile():  # type: ignore[no-untyped-def]
    from board.profile import load_profile

    if not _PROFILE:
        _PROFILE.append(load_profile(CORPUS / "profile.toml"))
    return _PROFILE[0]


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


def pytest_configure(config):  # type: ignore[no-untyped-def]
    """Session fixtures (the shipped corpus's tables and register) are built under its profile."""
    from board.profile import activate

    activate(_barnet_profile())
