"""The boards' profiles tests read papers under: the shipped Barnet board's, loaded once."""

from __future__ import annotations

from pathlib import Path

from board.profile import load_profile

BARNET = load_profile(Path(__file__).resolve().parents[1] / "corpus" / "profile.toml")
