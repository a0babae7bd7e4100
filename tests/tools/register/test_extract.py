"""Decisions and actions from inline minutes: marker forms, owners, due dates, items."""

# ruff: noqa: E501 (minute paragraphs are one line each, as in the papers)

from __future__ import annotations

import pytest

from tests.profiles import BARNET
from tools.register.due import due_of
from tools.register.extract import extract_actions, extract_decisions, extract_items
from tools.register.minutes import split_items
from tools.register.records import Action, Decision
from tools.register.resolutions import decision_kind

from .snippets import ATTENDANCE, minutes


def actions_in(body: str) -> list[Action]:
    return extract_actions([minutes(ATTENDANCE + "\n" + body)], profile=BARNET)


def decisions_in(body: str) -> list[Decision]:
    return extract_decisions([minutes(ATTENDANCE + "\n" + body)], profile=BARNET)


def test_owner_only_marker_takes_its_task_from_the_paragraph_before() -> None:
    [action] = actions_in(
        """3 Funding

James Mass updated the Board on the business cases. James advised that the next step is to identify leads for the four projects and update at next meeting.

ACTION: James Mass
"""
    )
    assert action.owners == ("James Mass",)
    assert action.task.startswith("James advised that the next step is to identify leads")
    assert action.marker == "ACTION: James Mass"
    assert action.agenda_item == "3" and action.item_title == "Funding"
    start, end = (int(n) for n in action.locator.removeprefix("lines ").split("-"))
    assert end - start == 2  # the task line through the marker line


def test_inline_action_label_names_owner_and_task() -> None:
    [action] = actions_in(
        "3 Performance\n\nAction: Michael Kelly to amend the 10/11 and 12/13 results.\n"
    )
    assert action.owners == ("Michael Kelly",)
    assert action.task == "Michael Kelly to amend the 10/11 and 12/13 results"


def test_bracket_marker_takes_owner_from_title_and_surname() -> None:
    [action] = actions_in(
        "3 Offenders\n\n- Ms Gardiner agreed to provide figures on community payback at the next meeting. **[ACTION]**\n"
    )
    assert action.owners == ("Aveen Gardiner",)
    assert action.marker == "[ACTION]"


def test_first_name_resolves_to_the_attendee() -> None:
    [action] = actions_in(
        "3 Funding\n\nA member questioned whether the partnership could fund Community Coaches. "
        "James to discuss and update the Board.\n\nACTION: James Mass\n"
    )
    assert action.owners == ("James Mass",)
    assert "fund Community Coaches" in action.task  # the sentence before says what to discuss


def test_she_resolves_to_the_latest_woman_named_as_subject() -> None:
    [action] = actions_in(
        "3 Strategy\n\nMs Vagarwal proposed draft strategic priorities which were agreed. "
        "The Chairman noted that both needed to be part of the strategy. "
        "She would forward a final draft to the Board by email for comment.\n\n**[ACTION]**\n"
    )
    assert action.owners == ("Kiran Vagarwal",)
    assert action.task.startswith("She would forward a final draft")


def test_misspelt_surname_still_resolves() -> None:
    [action] = actions_in(
        "3 Youth\n\nMs McElligott would bring details to the next meeting. **[ACTION]**\n"
    )
    assert action.owners == ("Tina McElligot",)


def test_marker_owners_are_split_and_resolved() -> None:
    [action] = actions_in(
        "3 Strategy\n\nAndrew Nathan said pages were out of date. Kiran agreed to assist with the amendments:\n\n"
        "Action: James Mass/Kiran Vagarwal\n"
    )
    assert action.owners == ("James Mass", "Kiran Vagarwal")


def test_passive_action_names_no_owner_but_keeps_the_item_lead() -> None:
    [action] = actions_in(
        "3 Update from MOPAC\n\nMs Vagarwal updated the Board. A presentation would be circulated following the meeting. **[ACTION]**\n"
    )
    assert action.owners == ()
    assert action.lead == "Kiran Vagarwal"
    assert action.due == "after the meeting"


def test_unmarked_commitments_are_actions() -> None:
    found = actions_in(
        "3 Other Business\n\nMichael Kelly reported on the plan. He would circulate brief information separately.\n\n"
        "Aveen Gardiner noted the data. She offered to feed back the data Barnet requested.\n\n"
        "James Mass to invite Mark Brown to appropriate meetings.\n"
    )
    assert [(a.owners, a.marker) for a in found] == [
        (("Michael Kelly",), "would"),
        (("Aveen Gardiner",), "offered to"),
        (("James Mass",), "to"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Barnet had agreed to work with 2220 families by 2020.",
        "Mark Brown would like to attend to represent the wider team.",
        "Ms Gardiner noted that the CRC would continue to produce standard reports.",
        "Michael said that the increase would be gradual.",
    ],
)
def test_statements_that_bind_no_one_are_not_actions(sentence: str) -> None:
    assert actions_in(f"3 Item\n\n{sentence}\n") == []


def test_all_board_members_agreed_is_a_decision_not_an_action() -> None:
    body = (
        "3 Membership\n\nThe Chairman asked all attendees for their approval of Dr Simon Harding becoming a Board Member. "
        "**ACTION: All Board Members agreed**\n"
    )
    assert actions_in(body) == []
    [decision] = decisions_in(body)
    assert decision.kind == "agreed"
    assert decision.text.startswith("The Chairman asked all attendees")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "**RESOLVED** that the minutes of the meeting held on 21 July 2017 be approved as a correct record.",
            "resolved",
        ),
        (
            "The minutes of the meeting held on 24th July 2012 were agreed as a correct record.",
            "agreed",
        ),
        (
            "It was agreed that these priorities be unpicked in more detail at the January meeting.",
            "agreed",
        ),
        (
            "Ms Vagarwal proposed draft strategic priorities which were agreed, subject to minor changes.",
            "agreed",
        ),
        ("The Board endorsed these proposals.", "endorsed"),
        ("The Board were supportive of the restorative justice proposals.", "supported"),
        ("The item was therefore held over until January 2013.", "deferred"),
        ("It was noted with regret that there would no longer be a dedicated post.", "noted"),
        ("The Board noted that the Action plan included a winter burglary campaign.", "noted"),
        ("Funding for the programme was approved.", "approved"),
    ],
)
def test_decision_kinds(sentence: str, kind: str) -> None:
    assert decision_kind(sentence, BARNET) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms Vagarwal noted that a subgroup had been set up.",
        "However the Business Case for CCTV had been agreed by CRC on the 18th April.",
        "Stuart Collins agreed to circulate the report.",
        "The Chairman welcomed the Board.",
        "305 families had been supported since January 2012.",
        "The bar had been raised for recall to be considered and approved by the PPCS.",
    ],
)
def test_sentences_that_record_no_board_decision(sentence: str) -> None:
    assert decision_kind(sentence, BARNET) is None


def test_a_decision_list_is_one_decision() -> None:
    [decision] = decisions_in(
        "3 Governance review\n\nIt was agreed that:\n\n- this approach be supported and the project return to the "
        "January meeting:\n- the review approach be trialled for IOM.\n\nACTION: James Mass\n"
    )
    assert decision.kind == "agreed"
    assert "be trialled for IOM" in decision.text
    assert decision.locator.endswith(str(ATTENDANCE.count("\n") + 7))


def test_due_dates_in_the_minutes_words() -> None:
    assert (
        due_of("update at next meeting", "2013-04-19", "2013-07-19")
        == "next meeting (19 July 2013)"
    )
    assert (
        due_of("return to the January meeting of the Board", "2012-10-16") == "January 2013 meeting"
    )
    assert due_of("share this data when published in early 2018", "2017-10-27") == "early 2018"
    assert (
        due_of("circulate the report produced in June 2012", "2012-10-16") is None
    )  # before the meeting
    assert due_of("would be discussed at a future meeting", "2017-10-27") == "a future meeting"


def test_items_survive_long_titles_and_a_misnumbered_sub_item() -> None:
    section = minutes(
        ATTENDANCE
        + """
5 Safer Communities Strategy- review of progress

5.7 Tackle repeat victimisation

Text.

2.8 Building Reassurance and Confidence

Text.

6 Safer Communities Strategic Review: Developing the Outline Business Case- a new approach to the offender journey

Text.

15 January 2013 -Hendon Town Hall at 2.30pm.
"""
    )
    _, items = split_items(section.lines, profile=BARNET)
    assert [i.number for i in items] == ["1", "2", "5", "5.7", "5.8", "6"]
    assert items[-1].title.startswith("Safer Communities Strategic Review")
    assert [i.agenda_item for i in extract_items([section], profile=BARNET)][-1] == "6"


def test_a_decision_keeps_its_proposer_past_an_initial() -> None:
    """'Councillor S. Keary' does not end a sentence: the decision is recorded whole, with
    the proposer and what was agreed in one quotation."""
    [decision] = decisions_in(
        "4 Youth club\n\nIt was agreed that the grant proposed by Councillor S. Keary be paid to "
        "the youth club by Mr. J. Smith before the next meeting.\n"
    )
    assert "Councillor S. Keary be paid to the youth club" in decision.text


def test_an_item_number_set_against_its_heading_opens_an_item() -> None:
    from board.profile import BASE

    from .snippets import minutes

    items = extract_items(
        [
            minutes(
                "3.  SPEAKER ON POLICING\nThe speaker reported on patrols.\n\n"
                "4.OFFICERS' REPORTS\nOur Secretary raised a letter asking for support. "
                "This was AGREED."
            )
        ],
        BASE,
    )
    assert [(i.agenda_item, i.item_title) for i in items] == [
        ("3", "Speaker on policing"),
        ("4", "Officers' reports"),
    ]
