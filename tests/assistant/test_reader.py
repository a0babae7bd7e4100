"""The reader answers from the passages it is given, on a made-up parish's papers, and
abstains only when they are silent."""

from __future__ import annotations

from assistant.reader import read
from assistant.units import answer_units
from board.profile import BASE
from board.question import question_parts, read_question
from board.text import tokenize
from eval.curve import Outcome, curve
from retrieval.search import Hit
from tests.assistant.passages import passage


def idf(term: str) -> float:
    return 1.0


def hits(*chunks):  # type: ignore[no-untyped-def]
    return [Hit(c, 1.0 / (i + 1), dense=0.6) for i, c in enumerate(chunks)]


MINUTES = passage(
    "upton_minutes_2021-09.pdf",
    "Upton Parish Council\n"
    "Minutes of the meeting held on 14 September 2021\n"
    "Present: Cllr A Brown (Chair), Cllr C Dale, Cllr E Fox\n"
    "Police report\n"
    "PCSO Grey reported that there were 14 thefts reported this month,\n"
    "including 3 from vehicles parked near the village hall.\n"
    "Playground\n"
    "It was resolved to replace the swings at a cost of £2,400.\n"
    "Cllr Dale to obtain a second quote before the October meeting.\n"
    "The council agreed its priorities for the coming year. These are:\n"
    "Road safety on the High Street\n"
    "A new bus shelter\n"
    "Repairs to the war memorial\n",
    1,
    title="Minutes of the meeting of 14 September 2021",
    paper_type="minutes",
    meeting_date="2021-09-14",
    section="Upton Parish Council",
)


VOCABULARY = set(tokenize(MINUTES.text))


def known(word: str) -> bool:  # as the retriever knows its papers' words (by their start)
    return any(v.startswith(word[: max(5, len(word) - 4)]) for v in VOCABULARY)


def ask(question: str, *chunks):  # type: ignore[no-untyped-def]
    record = read_question(question, profile=BASE)
    return read(record, hits(*(chunks or (MINUTES,))), idf, known=known, profile=BASE)


def test_a_count_stated_in_a_sentence_across_line_wraps_is_quoted_and_cited() -> None:
    reading = ask("How many thefts were reported in September 2021?")
    assert reading.status == "answered"
    assert "14 thefts reported this month" in reading.text
    assert reading.citations[0].source == "upton_minutes_2021-09.pdf"
    # the sentence runs over two lines; the citation spans both
    assert reading.citations[0].locator.endswith("-6")
    assert "including 3 from vehicles" in reading.citations[0].quote


def test_a_decision_is_answered_with_the_resolution() -> None:
    reading = ask("What did Upton decide about the playground swings?")
    assert reading.status == "answered"
    assert "resolved to replace the swings at a cost of £2,400" in reading.text


def test_the_list_under_a_lead_in_is_the_answer_to_what_the_priorities_are() -> None:
    reading = ask("What priorities did the council agree for the coming year?")
    assert reading.status == "answered"
    assert "Road safety on the High Street" in reading.text
    assert "Repairs to the war memorial" in reading.text


def test_who_is_answered_with_a_person_not_the_question_s_own_words() -> None:
    reading = ask("Who is to obtain a second quote for the swings?")
    assert reading.status == "answered"
    assert "Cllr Dale to obtain a second quote" in reading.text


def test_a_word_no_paper_uses_gets_not_in_the_papers_naming_it() -> None:
    reading = ask("How much did the Upton bonfire cost?")
    assert reading.status == "not_found"
    assert "“bonfire”" in reading.text
    assert reading.citations == ()


def test_minutes_of_another_month_do_not_answer_who_chaired_a_named_meeting() -> None:
    reading = ask("Who chaired Upton Parish Council's November 2021 meeting?")
    assert reading.status == "not_found"
    assert ask("Who chaired Upton Parish Council's September 2021 meeting?").status == "answered"


def test_a_place_the_papers_never_name_is_not_answered_from_another_place() -> None:
    reading = ask("How many thefts were reported in Lower Slaughter in September 2021?")
    assert reading.status == "not_found"
    assert "Slaughter" in reading.text


def test_units_rebuild_sentences_across_line_wraps_and_keep_list_items() -> None:
    shown = [u.display for u in answer_units(MINUTES)]
    sentence = (
        "PCSO Grey reported that there were 14 thefts reported this month, including 3 from "
        "vehicles parked near the village hall."
    )
    assert any(sentence in s for s in shown)
    assert "A new bus shelter" in shown  # an item of the list, on its own line


def test_the_question_is_read_once_into_what_it_asks() -> None:
    q = read_question(
        "How much did Milburn agree to pay for the defibrillator pads in 2021/22?",
        profile=BASE,
    )
    assert (q.intent, q.answer_type, q.quantity) == ("figure", "number", "money")
    assert "milburn" in q.names and "2021/22" in q.names
    who = read_question("Who chaired the Upton meeting on 14 September 2021?", profile=BASE)
    assert who.answer_type == "person" and who.named_months == ((2021, 9),)
    role = read_question("Who is Jane Smith?", profile=BASE)
    assert role.answer_type == "passage"  # her role, not a name


def test_a_compound_question_is_read_in_its_parts() -> None:
    assert question_parts("When did Dr Lee join the board, and why had he left by 2017?") == (
        "When did Dr Lee join the board?",
        "why had he left by 2017 — When did Dr Lee join the board?",
    )
    assert question_parts("When and where was the meeting held?") == ()
    assert question_parts("The May pack said X. What did the July pack say?") == (
        "The May pack said X.",
        "What did the July pack say?",
    )


def test_the_trade_off_curve_moves_only_reader_answers() -> None:
    outcomes = [
        Outcome(answerable=True, answered=True, strict_correct=True, support=0.5),
        Outcome(answerable=False, answered=True, strict_correct=False, support=0.3),
        Outcome(answerable=True, answered=True, strict_correct=True, support=None),  # a tool
    ]
    low, high = curve(outcomes, thresholds=(0.25, 0.6))
    assert (low.correct, low.hallucinations, low.false_refusals) == (2, 1, 0)
    assert (high.correct, high.hallucinations, high.false_refusals) == (2, 0, 1)


def test_a_sum_said_of_something_else_does_not_answer_what_a_thing_cost() -> None:
    # "cost" only says "how much": the swings' £2,400 is no answer about the bus shelter.
    reading = ask("How much did the shelter cost?")
    assert reading.status == "not_found"
    assert "£2,400" in ask("How much did replacing the swings cost?").text


def test_a_telephone_number_is_answered_only_by_a_number() -> None:
    question = read_question("What is Cllr Dale's telephone number?", profile=BASE)
    reading = read(question, hits(MINUTES), idf, known=lambda word: True, profile=BASE)
    assert reading.status == "not_found"


def test_work_set_for_a_later_meeting_is_read_in_the_minutes_that_set_it() -> None:
    reading = ask("What is Cllr Dale to obtain before the October 2021 meeting?")
    assert reading.status == "answered" and "second quote" in reading.text


CHART = passage(
    "upton_police_2019-06.pdf",
    "Patrol statistics, July 2018 to June 2019 (12 month chart)\n"
    "\tJuly\tAug.\tSept.\tOct.\tNov.\tDec.\t19-Jan\t19-Feb\tMar\tApril\tMay\tJune\n"
    "Felony Arrest\t52\t33\t33\t33\t29\t47\t23\t40\t29\t33\t24\t25",
    1,
    title="June 2019 Activity Report",
    paper_type="report",
    meeting_date="2019-06-30",
    section="Patrol Division",
    is_table=True,
)


def test_a_chart_of_months_answers_only_for_the_months_it_charts() -> None:
    words = set(tokenize(CHART.text))

    def ask_chart(question: str):  # type: ignore[no-untyped-def]
        record = read_question(question, profile=BASE)
        return read(record, hits(CHART), idf, known=words.__contains__, profile=BASE)

    within = ask_chart("How many felony arrests were made in May 2019?")
    assert within.status == "answered" and "Felony Arrest" in within.text
    # the chart runs from July 2018 to June 2019: June 2018 is not in it
    assert ask_chart("How many felony arrests were made in June 2018?").status == "not_found"


def test_a_chart_in_a_paper_dated_only_by_month_is_read_without_error() -> None:
    from assistant.fit import of_charted_month

    record = read_question("How many felony arrests were made in May 2019?", profile=BASE)
    assert of_charted_month(record, CHART.text, "2019-06")  # a month, not a day: no anchor
    assert of_charted_month(record, CHART.text, "not a date")


AGENDA = passage(
    "upton_agenda_2021-10.pdf",
    "Upton Parish Council\n"
    "Agenda for the meeting of 12 October 2021\n"
    "5. Playground: to decide on the quotes for replacing the swings.\n",
    1,
    title="Agenda for the meeting of 12 October 2021",
    paper_type="agenda",
    meeting_date="2021-10-12",
    section="Upton Parish Council",
)


def test_what_a_meeting_decided_is_not_read_from_its_agenda() -> None:
    reading = ask("What did the council decide about the swings quotes in October 2021?", AGENDA)
    assert reading.status == "not_found"
    assert "agenda" in reading.text


def test_what_a_meeting_decided_is_read_from_its_minutes() -> None:
    reading = ask("What did the council decide about replacing the swings?", MINUTES, AGENDA)
    assert reading.status == "answered" and "£2,400" in reading.text


def test_a_meetings_minutes_are_also_spoken_of_by_the_next_meetings_minutes() -> None:
    later = passage(
        "upton_minutes_2021-10.pdf",
        "Upton Parish Council\n"
        "Minutes of the meeting held on 12 October 2021\n"
        "Minutes of the last meeting held on 14 September 2021: the phrase 'and most\n"
        "residents agree' was deleted. Subject to this amendment the minutes were agreed.\n",
        1,
        title="Minutes of the meeting of 12 October 2021",
        paper_type="minutes",
        meeting_date="2021-10-12",
        section="Upton Parish Council",
    )
    announcing = passage(
        "upton_agenda_2021-08.pdf",
        "Upton Parish Council agenda\nDate of next meeting: 14 September 2021\n"
        "Minutes of the meeting of 14 September 2021 to be deleted from the website.\n",
        1,
        title="Agenda for the meeting of 10 August 2021",
        paper_type="agenda",
        meeting_date="2021-08-10",
        section="Upton Parish Council agenda",
    )
    question = read_question(
        "What amendment was made to the minutes of Upton's September 2021 meeting?", BASE
    )
    words = set(tokenize(later.text + announcing.text))

    def read_in(chunk):  # type: ignore[no-untyped-def]
        return read(question, hits(chunk), idf, known=words.__contains__, profile=BASE)

    reading = read_in(later)
    assert reading.status == "answered" and "was deleted" in reading.text
    assert read_in(announcing).status == "not_found"  # an earlier paper only names it
