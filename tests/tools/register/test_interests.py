"""Declarations of interest: who declared one, in what and why, or that none was declared."""

from __future__ import annotations

from board.profile import BASE
from board.question import read_question
from board.records import Line
from board.routing import Filters
from tools.register.interests import declarations
from tools.register.router import RegisterRouter
from tools.register.store import Register, compile_register

from .snippets import minutes


def _lines(*texts: str) -> list[Line]:
    return [Line(t, i) for i, t in enumerate(texts, 1)]


def test_who_declared_what_and_why() -> None:
    said = declarations(
        _lines(
            "3. DECLARATIONS OF INTEREST",
            "Cllr. J. Davies declared an interest in Agenda Item 7 Planning Application PL/00489 "
            "(in his role as County Councillor). Cllr. A. Thomas declared and interest in Planning "
            "Application PL/0590 (owner of adjacent land).",
            "",
            "7. PLANNING",
            "Cllr. J. Davies again Declared in Interest in Planning Application PL/00489 and did "
            "not take part in the discussion.",
        )
    )
    assert said["declarations"] == (
        "J. Davies: Agenda Item 7 Planning Application PL/00489 (in his role as County Councillor)",
        "A. Thomas: Planning Application PL/0590 (owner of adjacent land)",
    )
    assert said["declarations_locator"] == "lines 2-2"


def test_none_declared_is_said_and_cited() -> None:
    assert (
        declarations(_lines("2. Declarations of Interest There were no declarations of interest."))[
            "declarations_locator"
        ]
        == "lines 1-1"
    )
    said = declarations(_lines("18.11.2 Register of Interests", "None", "", "18.11.3 Minutes"))
    assert said == {
        "declarations_locator": "lines 1-2",
        "declarations_text": "18.11.2 Register of Interests: None",
    }
    assert declarations(_lines("Declarations of Interest: There were none"))["declarations_text"]
    assert declarations(_lines("1. Apologies", "None")) == {}
    assert declarations(_lines("Matters Arising", "There were none")) == {}


def test_a_question_about_declarations_is_answered_from_the_meeting() -> None:
    text = (
        "Minutes of the Community Council meeting held on 11 November 2020\n\n"
        "Present: Councillors Alun Davies, Joseph Davies and Owen Williams.\n\n"
        "1. DECLARATIONS OF INTEREST\n"
        "Cllr. Joseph Davies declared an interest in Agenda Item 7 (in his role as County Councillor).\n"
    )
    data = compile_register([minutes(text, meeting_date="2020-11-11")], profile=BASE)
    question = read_question("Who declared an interest at the November 2020 meeting?", profile=BASE)
    answer = RegisterRouter(Register(data)).route(question, Filters())
    assert answer is not None
    assert "Joseph Davies: Agenda Item 7 (in his role as County Councillor) [1]" in answer.answer
