"""The answer pieces: quotable units of a passage, the asked sentence, and the kinds of figure a text states."""

from __future__ import annotations

from functools import partial

from assistant.units import answer_units
from board.question import asked_part, read_question
from tests.assistant.passages import passage
from tests.profiles import BARNET

make_chunk = partial(
    passage,
    title="Minutes of the meeting of 19 April 2013",
    paper_type="minutes",
    meeting_date="2013-04-19",
    section="Minutes of the meeting of 19 April 2013 > 6.1 Property crime",
    agenda_item="6.1",
)


ACTION = (
    "ACTION: James Mass agreed to find out who chairs the Police Property Crime & Burglary Group."
)
PROPERTY_CRIME = make_chunk(
    "2013-07-19_scpb_pack.txt",
    "There was uncertainty across the Board whether a group similar to this already existed.\n"
    "\n" + ACTION,
    87,
)
VIOLENT_CRIME = make_chunk(
    "2013-07-19_scpb_pack.txt",
    "Adrian Usher explained that Domestic Violence crimes in the borough increased by 12%. "
    "However, there has been a decrease in the number of repeat victims due to the success of "
    "the Victim Care Package.",
    101,
    section="Minutes of the meeting of 19 April 2013 > 6.3 Violent Crime (DV)",
    agenda_item="6.3",
)
CCTV = make_chunk(
    "2018-01-26_scpb_pack.txt",
    "Number of Incidents\nThe CCTV control room handled 3000 incidents in 2017.",
    364,
    title="Item 7: Barnet CCTV and ANPR Update",
    paper_type="report",
    meeting_date="2018-01-26",
    section="Item 7: Barnet CCTV and ANPR Update > Number of Incidents",
    agenda_item="7",
)
CRIME_TABLE = make_chunk(
    "2013-01-15_scpb_pack.txt",
    "Crime\tLast year\tThis year\nResidential Burglary\t2550\t2576\nRobbery\t1124\t996",
    312,
    title="Item 5: Safer Communities Strategy",
    paper_type="report",
    meeting_date="2013-01-15",
    section="Item 5: Safer Communities Strategy > Appendix A - Overall Crime Performance",
    agenda_item="5",
    is_table=True,
)
CHAIR = make_chunk(
    "2018-01-26_scpb_pack.txt",
    "Chairman:\nCouncillor David Longstaff",
    19,
    title="Agenda for the meeting of 26 January 2018",
    paper_type="agenda",
    meeting_date="2018-01-26",
    section="Agenda for the meeting of 26 January 2018 > Board Members",
    agenda_item=None,
)
CHUNKS = [PROPERTY_CRIME, VIOLENT_CRIME, CCTV, CRIME_TABLE, CHAIR]


def test_a_label_line_is_joined_to_the_name_on_the_next_line() -> None:
    units = answer_units(CHAIR)

    # cited at the line that holds the name, which is what the answer states
    assert [(u.text, u.line) for u in units] == [("Chairman: Councillor David Longstaff", 20)]


def test_a_question_opening_with_what_it_knows_is_asked_by_its_last_sentence() -> None:
    known = "The January 2013 business case said the CPS had to be engaged."
    asked = "Who approves conditional cautions according to the July 2013 update?"
    assert asked_part(f"{known} {asked}") == asked
    # "it" needs the sentence that says what it is
    pointing = "When was it scheduled according to the July 2013 pack?"
    assert asked_part(f"{known} {pointing}") == f"{known} {pointing}"
    assert asked_part(asked) == asked


def test_a_how_many_question_needs_a_count_of_the_thing_asked_about() -> None:
    from assistant.compose import has_quantity
    from board.intents import counted_noun
    from board.prose_figure import clause_quantity as wanted_quantity

    question = "How many ANPR cameras were deployed in the expansion?"
    assert wanted_quantity(question) == "count"
    noun = counted_noun(question)
    assert has_quantity("There are 46 new ANPR cameras in the borough.", "count", noun)
    # Numbers about something else, dates and times are not the count asked for.
    assert not has_quantity("New cameras are live 24 hours a day, 7 days a week.", "count", noun)
    assert not has_quantity("The event was held on 14 January 2013 at 6pm.", "count", None)


def test_percentage_and_money_questions_need_that_kind_of_figure() -> None:
    from assistant.compose import has_quantity
    from board.prose_figure import clause_quantity as wanted_quantity

    assert wanted_quantity("What percentage of residents felt safe?") == "percent"
    assert wanted_quantity("How much funding did MOPAC provide?") == "money"
    assert has_quantity("73% felt safe after dark", "percent")
    assert not has_quantity("73 residents felt safe", "percent")
    assert has_quantity("MOPAC provided £120,000", "money")
    assert not has_quantity("MOPAC provided funding for two years", "money")


def test_a_rate_question_needs_a_rate_or_a_percentage() -> None:
    from assistant.compose import Unit, states_quantity
    from board.prose_figure import clause_quantity as wanted_quantity

    assert wanted_quantity("What was the sanction detection rate for domestic violence?") == "rate"

    def unit(text: str) -> Unit:
        return Unit(text, text, 1, None, CHAIR)

    assert states_quantity(unit("The DV detection rate was 44.1%"), "rate", None)
    assert states_quantity(unit("FTE is 293 per 100,000 young people"), "rate", None)
    assert not states_quantity(unit("A new VAWG strategy was developed in 2016/17"), "rate", None)


def test_a_figure_for_a_month_must_say_that_month() -> None:
    from assistant.compose import says_months

    question = "How many cases were open to the YOT in January 2018?"
    months = read_question(question, profile=BARNET).months
    assert says_months("Total cases open: Jan-18: 82", months)
    assert not says_months("Total cases open: Dec-17: 82", months)
    # the month of a paper is not a period asked for
    pack = read_question("According to the January 2018 pack?", profile=BARNET).months
    update = read_question("How many, says the update in October 2017?", profile=BARNET).months
    assert says_months("Total cases open: Dec-17: 82", pack)
    assert says_months("560 offenders on licence", update)
