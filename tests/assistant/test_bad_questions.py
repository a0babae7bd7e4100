"""Bad questions put to the core object over the shipped corpus: each gets a clear answer or
message, never a traceback."""

from __future__ import annotations

import pytest

from board.errors import QuestionError
from board.followups import NO_WORDS

pytestmark = pytest.mark.e2e

NOT_IN_THE_PAPERS = "Not in the papers: I found nothing in the board papers that answers this"
BURGLARY = (
    "In the crime summary covering 1 April 2012 to 6 January 2013, how many residential "
    "burglaries were recorded this year?"
)


@pytest.mark.parametrize(
    "question",
    ["", "   \n\t  ", "?!?... ;;; --- ???", "\x00\x01\x07\x1b\x7f", "📈📉🚓🙂"],
    ids=["empty", "whitespace", "punctuation", "controls", "emoji"],
)
def test_a_question_with_no_words_is_asked_for_again(real_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask(question)

    assert answer.status == "not_found"
    assert answer.answer == NO_WORDS
    assert answer.citations == ()


def test_a_100_kb_question_is_refused_with_the_limit_and_its_reason(real_assistant) -> None:  # type: ignore[no-untyped-def]
    question = ("How many residential burglaries were recorded in 2012/13? " * 2000)[:100_000]

    with pytest.raises(QuestionError) as info:
        real_assistant.ask(question)

    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("The question is 100,000 characters long")
    assert "limited to 2,000 (setting answer.max_question_chars)" in message


def test_a_question_at_the_limit_is_answered(real_assistant) -> None:  # type: ignore[no-untyped-def]
    question = ("How many residential burglaries were recorded in 2012/13? " * 40)[:2000]

    answer = real_assistant.ask(question)

    assert answer.status == "answered"
    assert "3,386" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "\x00Who chairs\x1b[31m the board?\x07",
        "Who\u200b chairs the\u202e board?",
        "Who chairs the board? 🙂",
        "🚓 Who chairs the board?",
    ],
    ids=["controls", "invisible", "emoji-after", "emoji-before"],
)
def test_controls_and_emoji_in_a_question_do_not_change_its_answer(
    real_assistant, question: str
) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask(question)

    assert answer.status == "answered"
    assert "chaired by David Longstaff [1]" in answer.answer
    assert "\x00" not in answer.question and "\x1b" not in answer.question


@pytest.mark.parametrize(
    "question",
    [
        "'; DROP TABLE metric_cells; --",
        "SELECT * FROM metric_cells WHERE value > 0",
        "Robert'); DROP TABLE metric_tables;--",
    ],
)
def test_sql_is_read_as_words_and_the_tables_are_untouched(real_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask(question)

    assert answer.status == "not_found"
    assert answer.answer.startswith(NOT_IN_THE_PAPERS)
    figure = real_assistant.ask(BURGLARY)
    assert figure.status == "answered" and "2,576" in figure.answer


def test_sql_after_a_figure_question_does_not_change_its_figure(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask(
        "How many residential burglaries were recorded in 2012/13' OR '1'='1"
    )

    assert answer.status == "answered"
    assert "3,386" in answer.answer


@pytest.mark.parametrize(
    "question",
    ["¿Quién preside la junta?", "董事会主席是谁？", "من يرأس المجلس؟", "Wer leitet den Vorstand?"],
    ids=["spanish", "chinese", "arabic", "german"],
)
def test_a_question_in_another_language_is_not_in_the_papers(real_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.ask(question)

    assert answer.status == "not_found"
    assert answer.answer.startswith(NOT_IN_THE_PAPERS)
    assert answer.citations == ()


def test_an_assistants_own_question_limit_holds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.core import BoardAssistant
    from board.errors import QuestionError
    from board.settings import Settings

    settings = Settings(
        corpus=tmp_path, index=tmp_path / "index", answer={"max_question_chars": 20}
    )
    with pytest.raises(QuestionError, match="limited to 20"):
        BoardAssistant(settings).ask("Who chairs the Safer Communities Partnership Board?")
