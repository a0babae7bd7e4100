"""What a minute says beside its decision or action: the sentence answering the rest of the
question, and the sentence a short task points back to, each with its own lines."""

from __future__ import annotations

from board.asks import read_record_ask
from board.profile import BASE
from board.question import read_question
from board.routing import Filters
from tests.profiles import BARNET
from tools.register.beside import answering, item_of, pointed_back_to
from tools.register.extract import extract_actions, extract_decisions, extract_items
from tools.register.router import RegisterRouter
from tools.register.store import Register, compile_register

from .snippets import ATTENDANCE, minutes

BODY = """3 Village Hall Defibrillator

The pads of the defibrillator need replacing every two years.
The cost is approximately £80, lasting for 2-3 years.
After discussion the Board resolved to take over these payments.

4 District Council Plan

After much deliberation the Board agreed that there should be more emphasis on the highways system and public transport.
James Mass to respond accordingly.
"""


def _read() -> tuple[list, list, list]:  # type: ignore[type-arg]
    sections = [minutes(ATTENDANCE + "\n" + BODY)]
    return (
        extract_items(sections, BARNET),
        extract_decisions(sections, BARNET),
        extract_actions(sections, BARNET),
    )


def test_the_rest_of_a_question_is_read_as_what_it_also_asks() -> None:
    ask = read_record_ask(
        "What did the board decide about paying for the defibrillator pads, and what do they cost?"
    )
    assert ask.topic == "paying for the defibrillator pads"
    assert ask.also == ("cost",)


def test_the_sentence_giving_what_is_also_asked_is_found_with_its_line() -> None:
    items, decisions, _ = _read()
    [paid] = [d for d in decisions if "take over these payments" in d.text]
    item = item_of(items, paid)
    assert item is not None
    found = answering(item, paid, ("cost",))
    assert found is not None
    assert found.text == "The cost is approximately £80, lasting for 2-3 years."
    line = next(n for n, t in enumerate((ATTENDANCE + "\n" + BODY).split("\n"), 1) if "£80" in t)
    assert found.locator == f"lines {line}-{line}"
    assert answering(item, paid, ("mayor",)) is None


def test_a_short_task_shows_the_sentence_it_points_back_to() -> None:
    items, _, actions = _read()
    [respond] = [a for a in actions if "respond accordingly" in a.task]
    item = item_of(items, respond)
    assert item is not None
    found = pointed_back_to(item, respond)
    assert found is not None and "highways system and public transport" in found.text


def _router() -> RegisterRouter:
    data = compile_register([minutes(ATTENDANCE + "\n" + BODY)], profile=BARNET)
    return RegisterRouter(Register(data))


def test_a_decision_answer_quotes_the_sentence_giving_the_cost_asked_too() -> None:
    question = (
        "What did the board decide about paying for the defibrillator pads, and what do they cost?"
    )
    answer = _router().route(read_question(question, profile=BARNET), Filters())
    assert answer is not None
    lines = answer.answer.split("\n")
    assert any("take over these payments" in line for line in lines)
    [also] = [line for line in lines if "The minute also says" in line]
    assert "£80" in also
    cited = {c.n: c for c in answer.citations}
    marker = int(also.rsplit("[", 1)[1].rstrip("]"))
    assert "£80" in cited[marker].quote


PARISH = """Minutes of the Community Council meeting held on 11 November 2020

Present: Cllr Owen Williams (Chair), Cllr Arwel Davies, Cllr Joseph Davies, Cllr William Loynton

3. Matters arising
The new clerk thanked the board for its welcome and the council noted the letters received. It was noted that the county council would consult on new powers this autumn.

4. Notice board
Cllr Arwel Davies gave details of the costs of a notice board received from Centaframe.
It was proposed by Cllr Joseph Davies, seconded by Cllr William Loynton and unanimously agreed to purchase from Centaframe as this represented value for money. Cllr Arwel Davies
"""


def test_a_relaxed_topic_ranks_the_rarer_words_and_shows_who_carries_it_out() -> None:
    data = compile_register([minutes(PARISH, meeting_date="2020-11-11")], profile=BASE)
    question = (
        "Who is taking the new notice board forward, and who proposed and seconded buying it?"
    )
    answer = RegisterRouter(Register(data)).route(read_question(question, profile=BASE), Filters())
    assert answer is not None
    assert "purchase from Centaframe" in answer.answer
    assert "consult on new powers" not in answer.answer
    [action] = [line for line in answer.answer.split("\n") if "Action:" in line]
    assert "Arwel Davies:" in action


def test_an_action_due_at_a_meeting_says_what_from_the_sentence_before() -> None:
    text = (
        "Minutes of the meeting held on 16 November 2020\n\n"
        "Present: Jo Smith, Sam Lee\n\n"
        "3. Apologies\nNone.\n\n"
        "4. Records\n\n"
        "Sam Lee suggests research on the pros and cons of Cloud storage and its costs. "
        "Jo Smith to research for December 2020 meeting.\n"
        "Jo Smith to order a fireproof cabinet for the January 2021 meeting.\n"
    )
    data = compile_register([minutes(text, meeting_date="2020-11-16")], profile=BASE)
    question = read_question(
        "What is Jo Smith to research for the December 2020 meeting?", profile=BASE
    )

    answer = RegisterRouter(Register(data)).route(question, Filters())

    assert answer is not None
    assert "1 action for Jo Smith" in answer.answer
    assert "Jo Smith to research for December 2020 meeting" in answer.answer
    assert "fireproof" not in answer.answer  # due at another meeting
    assert "The minute also says: Sam Lee suggests research on the pros and cons" in answer.answer
