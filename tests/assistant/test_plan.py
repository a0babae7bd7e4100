"""The plan as data: a question is read once into its record, its intent picks the handlers
from settings, and they run in the plan's order, each given the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.handlers import Context
from assistant.plan import HANDLER_NAMES, check_plan, plan_names
from board.errors import BoardQAError
from board.followups import Turn
from board.question import Question, read_question
from board.reading import read
from board.settings import DEFAULT_PLAN, PlanSettings
from eval.gold import load_gold
from tests.profiles import BARNET
from tools.register.router import REGISTER_HANDLER_NAMES
from tools.tables.router import TABLE_HANDLER_NAMES

ROOT = Path(__file__).resolve().parents[2]
GOLD_FOLDERS = [
    ROOT / "eval" / "gold",
    ROOT / "eval" / "conversations",
    ROOT / "eval" / "devcorpus" / "gold",
]


def test_the_passage_reader_closes_every_plan_once() -> None:
    plan = PlanSettings(handlers={"figure": ["passages", "lookup", "lookup"]})

    assert plan_names("figure", plan) == ("lookup", "passages")


def test_an_intent_the_plan_does_not_list_gets_the_passage_plan() -> None:
    plan = PlanSettings(handlers={"passage": ["timeline"], "figure": ["lookup"]})

    assert plan_names("decision", plan) == ("timeline", "passages")


def test_a_plan_naming_no_handler_is_refused_with_the_names_that_are() -> None:
    with pytest.raises(BoardQAError, match=r"lokup.*use check, lookup, change"):
        check_plan(PlanSettings(handlers={"figure": ["lokup"]}))


def test_every_intent_the_reader_gives_has_a_plan_of_its_own() -> None:
    intents = {
        read_question(item.question, profile=BARNET).intent
        for f in GOLD_FOLDERS
        for item in load_gold(f)
    }

    assert intents <= set(DEFAULT_PLAN), intents - set(DEFAULT_PLAN)
    assert all(set(names) <= set(HANDLER_NAMES) for names in DEFAULT_PLAN.values())


class _Spy:
    """A handler that records what it was given and answers nothing."""

    def __init__(self, name: str, seen: list[tuple[str, Question]]) -> None:
        self.name, self.seen = name, seen

    def run(self, question: Question, context: Context) -> None:
        self.seen.append((self.name, question))
        return None


@pytest.mark.e2e
def test_each_gold_question_is_read_once_and_its_handlers_follow_from_its_intent(
    real_assistant, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Handlers get the record, never the text, and exactly those the plan names for its
    intent, in order. A plan that sends figures to the passages alone is obeyed."""
    from assistant.core import BoardAssistant

    plan = PlanSettings(
        handlers={
            **DEFAULT_PLAN,
            "figure": ["passages"],
            "decision": ["timeline", "decisions", "passages"],
        }
    )
    assistant = BoardAssistant(
        real_assistant.settings.model_copy(update={"plan": plan}),
        embedder=real_assistant.embedder,
    )
    seen: list[tuple[str, Question]] = []
    real = assistant.handlers
    spies = {name: _Spy(name, seen) for name in real if name != "passages"}
    monkeypatch.setattr(
        BoardAssistant, "handlers", property(lambda self: {**spies, "passages": real["passages"]})
    )
    items = [item for folder in GOLD_FOLDERS for item in load_gold(folder)[::12]]
    assert any(item.history for item in items)  # follow-ups are read with their history too
    for item in items:
        earlier = []
        for text in item.history:
            earlier.append(assistant.ask(text, history=earlier))
        seen.clear()
        answer = assistant.ask(item.question, history=earlier)
        turns = [Turn(a.asked, a.answer) for a in earlier]
        question = read(item.question, assistant.profile, turns)
        if question.unresolved is not None:
            assert seen == [], item.question  # nothing runs on a follow-up it could not read
            continue
        expected = [n for n in plan_names(question.intent, plan) if n != "passages"]
        assert [name for name, _ in seen] == expected, item.question
        assert all(q == question for _, q in seen)
        assert [k for k in answer.timings_ms if k in HANDLER_NAMES] == [*expected, "passages"]


@pytest.mark.e2e
def test_the_plan_decides_which_handler_answers_a_figure(real_assistant) -> None:  # type: ignore[no-untyped-def]
    from assistant.core import BoardAssistant

    asked = "How many residential burglaries were there between 1 April 2012 and 6 January 2013?"
    assert read_question(asked, profile=BARNET).intent == "figure"
    by_table = real_assistant.ask(asked)
    passages_only = BoardAssistant(
        real_assistant.settings.model_copy(
            update={"plan": PlanSettings(handlers={**DEFAULT_PLAN, "figure": ["passages"]})}
        ),
        embedder=real_assistant.embedder,
    ).ask(asked)

    assert "2,576" in by_table.answer
    assert [c.name for c in by_table.tool_calls][0] != "read_passages"
    assert [c.name for c in passages_only.tool_calls] == ["read_passages"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Who chaired the parish council's meeting of 3 March 2021?", "meeting"),
        ("What did the council decide about the allotment rents?", "decision"),
        ("Which actions of Cllr Priya Shah are still outstanding?", "action"),
        ("What became of the bus shelter repairs?", "timeline"),
        ("Which ward had the highest rate of burglary in 2020/21?", "rank"),
        ("How many burglaries were recorded in 2020/21?", "figure"),
        ("What is the trend in burglary over time?", "trend"),
        ("Who is the clerk to the council?", "people"),
    ],
)
def test_one_intent_from_what_the_question_asks_of_the_record_or_the_figures(
    text: str, intent: str
) -> None:
    assert read_question(text, profile=BARNET).intent == intent


def test_a_question_of_the_record_is_never_tried_on_the_tables_nor_a_figure_on_the_register() -> (
    None
):
    record = read_question("What did the council decide about the allotment rents?", profile=BARNET)
    figure = read_question("How many burglaries were recorded in 2020/21?", profile=BARNET)

    assert not set(TABLE_HANDLER_NAMES) & set(plan_names(record.intent, PlanSettings()))
    assert not set(REGISTER_HANDLER_NAMES) & set(plan_names(figure.intent, PlanSettings()))
