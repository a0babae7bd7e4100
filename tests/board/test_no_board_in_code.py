"""No board's names in the code: places, bodies, schemes and people live in profile files."""

from __future__ import annotations

import re
from pathlib import Path

from board.profile import BASE, BASE_PROFILE, load_profile

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("board", "retrieval", "ingest", "tools", "assistant", "eval", "boardqa")
# People and bodies of the shipped papers that no profile field lists.
PEOPLE = ("James Mass", "Longstaff", "McElligott", "Gardiner", "Keddy", "Usher")


def board_names() -> list[str]:
    profile = load_profile(ROOT / "corpus" / "profile.toml")
    names = [
        *(n for n in (profile.home_area, profile.owner_example) if n),
        *profile.home_aliases,
        *profile.peer_areas,
        *(a for a in profile.aggregate_areas if a not in BASE.aggregate_areas),
        *profile.acronyms,
        *profile.acronyms.values(),
        *PEOPLE,
    ]
    return sorted(set(names), key=len, reverse=True)


def code_files() -> list[Path]:
    """Every module, and the base profile: the domain's words, no one board's."""
    files = [ROOT / "app.py", BASE_PROFILE]
    for package in PACKAGES:
        files.extend(p for p in (ROOT / package).rglob("*.py") if "profiles" not in p.parts)
    return files


def test_no_board_names_in_non_test_code() -> None:
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in board_names()) + r")\b", re.I)
    hits = [
        f"{path.relative_to(ROOT)}:{number}: {m.group(0)}"
        for path in code_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for m in [pattern.search(line)]
        if m
    ]
    assert not hits, "board names in code (move them to a profile):\n" + "\n".join(hits)


def test_the_check_finds_a_planted_name(tmp_path: Path) -> None:
    line = "AREA = 'Harrow'  # a peer borough written into code"
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in board_names()) + r")\b", re.I)
    assert pattern.search(line)
