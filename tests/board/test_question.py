"""The question reader's limits: a question too long to read is refused with its reason, and
characters no one can see or type are not read as part of it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from board.errors import BoardQAError, QuestionError
from board.question import checked_question, read_question
from board.settings import get_settings
from tests.profiles import BARNET


@pytest.fixture
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_question_over_the_limit_is_refused_with_its_reason() -> None:
    with pytest.raises(QuestionError) as info:
        read_question("How many burglaries were there? " * 4000, profile=BARNET)

    message = str(info.value)
    assert isinstance(info.value, BoardQAError)  # the CLI and the app show it as it is
    assert "\n" not in message
    assert message.startswith("The question is 127,999 characters long")
    assert "limited to 2,000 (setting answer.max_question_chars)" in message
    assert "ask it in fewer words" in message


def test_a_question_at_the_limit_is_read() -> None:
    text = ("Who chairs the board? " * 100)[:2000]

    assert read_question(text, profile=BARNET).text == text.strip()
    with pytest.raises(QuestionError):
        read_question(text + " and why?", profile=BARNET)


def test_runs_of_spaces_do_not_count_towards_the_limit() -> None:
    assert (
        read_question("Who chairs " + " " * 5000 + "the board?", profile=BARNET).text
        == "Who chairs the board?"
    )


def test_the_limit_is_a_setting(monkeypatch: pytest.MonkeyPatch, fresh_settings: None) -> None:
    monkeypatch.setenv("BOARDQA_ANSWER__MAX_QUESTION_CHARS", "10")

    with pytest.raises(QuestionError, match="limited to 10 "):
        read_question("Who chairs the board?", profile=BARNET)
    assert (
        read_question("Who chairs the board?", max_chars=50, profile=BARNET).asked
        == "Who chairs the board?"
    )


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("\x00Who chairs\x1b[31m the board?\x1b[0m\x07", "Who chairs the board?"),
        ("\x1b]0;title\x07Who chairs the board?", "Who chairs the board?"),
        ("\x1b]Who chairs the board?", "]Who chairs the board?"),  # no end: nothing eaten
        ("Who\u200b chairs the\u202e board?\ufeff", "Who chairs the board?"),
        ("How many bur\u00adglaries?", "How many burglaries?"),
        ("caf\udce9 opening hours?", "caf opening hours?"),  # a byte that was not UTF-8
        ("董事会主席是谁？", "董事会主席是谁？"),
        ("Who chairs the board? 🙂", "Who chairs the board? 🙂"),
    ],
)
def test_controls_and_invisible_characters_are_not_read(typed: str, read: str) -> None:
    assert checked_question(typed) == read
    assert read_question(typed, profile=BARNET).text == read


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "How many robberies did Alameda Police Department record in May 2020?",
            ("alameda", "police", "department"),
        ),
        # a paper cited for one figure, a period's abbreviation: not what the question is about
        (
            "How much higher was violence with injury in 2016/17 than the FY 2011/12 figure used "
            "in the July 2013 MOPAC table?",
            (),
        ),
    ],
)
def test_a_figure_question_names_what_it_is_about(text: str, names: tuple[str, ...]) -> None:
    figure = read_question(text, BARNET).figure
    assert figure is not None and figure.names == names


def test_a_reference_is_a_name_read_whole() -> None:
    question = read_question(
        "What did the council say about planning application PL/00489 near Penybanc?", BARNET
    )
    assert "pl/00489" in question.names and "pl" not in question.names
