"""A board profile is data: a made-up board's profile gives that board's answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from board.errors import ConfigError
from board.profile import BASE, parse_profile
from board.question import read_question as read_asked
from board.routing import Filters
from tests.profiles import BARNET
from tests.tools.tables.conftest import store_of
from tools.tables.router import TableRouter

NORTHTOWN = """
[board]
name = "Northtown Community Safety Board"
home_area = "Northtown"
home_aliases = ["Northtown District Council", "NDC"]

[areas]
peers = ["Easton", "Weston", "Southby"]
aggregates = ["Shire Police Area"]
peer_group = "Shire"

[organisations.acronyms]
NCSB = "Northtown Community Safety Board"

[app]
example_questions = ["Where did Northtown rank for burglary?"]
owner_example = "the Community Safety Manager"
"""

DISTRICTS = (
    "Burglary by district\n"
    "\n"
    "District\tBurglaries\tBurglaries per 1000 households\n"
    "Northtown\t412\t6.10\n"
    "Easton\t530\t8.25\n"
    "Weston\t298\t4.02\n"
    "Southby\t377\t5.50\n"
    "Shire Police Area\t1,617\t5.96"
)


def test_a_made_up_board_ranks_its_own_area_among_its_peers() -> None:
    profile = parse_profile(NORTHTOWN)
    router = TableRouter(store_of(DISTRICTS, meeting_date="2021-03-01", profile=profile))
    answer = router.route(
        read_asked(
            "Where did Northtown rank for burglaries per 1,000 households?", profile=profile
        ),
        Filters(),
    )
    assert answer is not None
    assert "Northtown is 2nd highest (3rd lowest) of 4: 6.10 per 1,000" in answer.answer
    top = router.route(
        read_asked(
            "Which district had the highest rate of burglaries per 1,000 households?",
            profile=profile,
        ),
        Filters(),
    )
    assert top is not None and "Easton: 8.25 per 1,000" in top.answer
    # The force-area total is compared with, never ranked.
    assert "Shire Police Area" not in top.answer.split("Easton")[0]


def test_without_a_profile_no_area_is_anyones_home() -> None:
    router = TableRouter(store_of(DISTRICTS, meeting_date="2021-03-01", profile=BASE))
    answer = router.route(
        read_asked("Where did Northtown rank for burglaries per 1,000 households?", profile=BASE),
        Filters(),
    )
    assert answer is None or "Northtown is 2nd highest" not in answer.answer


def test_profile_fields_are_read() -> None:
    profile = parse_profile(NORTHTOWN)
    assert profile.is_home("northtown") and not profile.is_home("Easton")
    assert "ndc" in profile.home_names
    assert profile.example_questions == ("Where did Northtown rank for burglary?",)
    assert "ncsb" in profile.board_words and "shire" in profile.place_words
    assert (
        profile.fingerprint and profile.fingerprint != parse_profile(NORTHTOWN + "\n#").fingerprint
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("[board\nname = 1", "profile.toml"),
        ("[weather]\nsun = true", "unknown section [weather]"),
        ("[areas]\npeers = 'Easton'", "'peers' must be a list of strings"),
        ("[areas]\npeerz = ['Easton']", "unknown key(s) in [areas]: peerz"),
        ("[papers]\npage_furniture = ['(unclosed']", "is not a pattern"),
    ],
)
def test_a_bad_profile_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_profile(text)


def test_a_measure_read_under_one_board_is_not_remembered_under_another() -> None:
    """The shipped board's profile spells its schemes out ('njp'); a body with no profile of
    its own reads the same label as written, however often the first board read it."""
    from board.label_words import stems
    from board.measures import canonical_measure

    label = "Neighbourhood Justice Panels"
    assert canonical_measure(label, profile=BARNET) == "njp"
    assert stems(label, profile=BARNET) == {"njp"}
    assert canonical_measure(label, profile=BASE) == "neighbourhood justice panels"
    assert "njp" not in stems(label, profile=BASE)
    assert canonical_measure(label, profile=BARNET) == "njp"


def test_the_tables_answer_under_the_profile_they_were_read_under() -> None:
    """A store keeps the profile its tables were read under: asked with no board named to
    the router, Northtown is still the home area ranked among its districts."""
    profile = parse_profile(NORTHTOWN)
    store = store_of(DISTRICTS, meeting_date="2021-03-01", profile=profile)
    question = read_asked(
        "Where did Northtown rank for burglaries per 1,000 households?", profile=profile
    )

    answer = TableRouter(store).route(question, Filters())

    assert answer is not None
    assert "Northtown is 2nd highest (3rd lowest) of 4: 6.10 per 1,000" in answer.answer


def test_a_board_profile_extends_the_base_profile() -> None:
    """The domain's words come from the base profile; a board's profile adds to them and
    a body with no profile of its own reads with the base alone."""
    from board.measures import canonical_measure, canonical_statistic
    from board.names import looks_like_name
    from board.profile import BASE

    board = parse_profile(
        NORTHTOWN
        + '[tables.measure_synonyms]\n"burglary" = ["break ins"]\n'
        + '[organisations]\nrole_words = ["wardens"]\n'
    )
    assert canonical_measure("Total notifiable offences", BASE) == "total notifiable offences"
    assert canonical_measure("TNO", board) == "total notifiable offences"  # the base's
    assert canonical_measure("Break ins", board) == "burglary"  # the board's own
    assert canonical_measure("Break ins", BASE) != "burglary"
    assert canonical_statistic("% Chg", board) == "% change"
    assert looks_like_name("Northtown Wardens", BASE)
    assert not looks_like_name("Northtown Wardens", board)
    assert not looks_like_name("Chief Inspector", board)  # the base's role words stay


def test_the_base_profile_is_read_when_a_corpus_has_none(tmp_path: Path) -> None:
    from board.profile import BASE, load_profile

    profile = load_profile(tmp_path / "profile.toml")
    assert profile is BASE and profile.home_area is None
    assert "% change" in profile.known_statistics and "asb" in profile.measure_synonyms
