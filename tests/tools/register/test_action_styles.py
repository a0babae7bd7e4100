"""Actions in other house styles: an owner column at a line's end, a list's owners, "need
to", owners by initials mid-line, "the Councillors attending", commitments joined by "and"."""

from __future__ import annotations

import pytest

from board.profile import BASE
from tools.register.extract import extract_actions
from tools.register.records import Action

from .snippets import minutes

ATTENDANCE = """Minutes of the Parish Council meeting held on 10 January 2020

Present: Cllr Jane Archer (JA) (Chair), Cllr Alan Caudwell (AC), Jolyon Neely (JN), Cllr Joseph Davies, Cllr Arwel Davies, Councillor Bell, Councillor Hutchison, Clerk Mary Connelly

Apologies: Councillor Dornan

"""


def actions_in(body: str) -> list[Action]:
    return extract_actions([minutes(ATTENDANCE + body)], profile=BASE)


def owned(body: str) -> list[tuple[tuple[str, ...], str]]:
    return [(a.owners, a.task) for a in actions_in(body)]


def test_an_owner_column_at_the_line_end_owns_the_line() -> None:
    [(owners, task)] = owned("3 Maps\n\n• AC to arrange to be sent out with minutes AC/JN\n")
    assert owners == ("Alan Caudwell", "Jolyon Neely")
    assert task.endswith("with minutes")


def test_an_owner_column_after_a_full_stop_is_not_read_into_the_next_line() -> None:
    found = owned(
        "4 Matters arising\n\n"
        "It was agreed to purchase the notice board as this represented value for money. Cllr Arwel Davies\n"
        "It was noted that no response had been received from the county council.\n"
    )
    assert found == [
        (
            ("Arwel Davies",),
            "It was agreed to purchase the notice board as this represented value for money.",
        )
    ]


def test_a_name_ending_a_wrapped_line_is_not_an_owner_column() -> None:
    body = (
        "5 Conference\n\n"
        "Cllr Bell outlined the plans and said this would be a good opportunity. Cllr Hutchison\n"
        "recommended a stand on the day.\n"
    )
    assert owned(body) == []


def test_a_list_item_with_a_column_takes_the_lists_lead_in() -> None:
    [(owners, task)] = owned(
        "8 Communications\n\n• Working Group to be set up to coordinate:\ni. Website\nii. Email\n"
        "iii. Print (liaison with Parish Magazines) AC/JN\n"
    )
    assert owners == ("Alan Caudwell", "Jolyon Neely")
    assert task.startswith("Working Group to be set up") and "Print" in task


def test_a_table_of_topics_and_initials_is_no_action() -> None:
    assert owned("Section Working Group\nParish profile JN\nHousing e.g. AC & JN\n") == []


@pytest.mark.parametrize(
    ("sentence", "owners"),
    [
        ("• Quantitative methods (e.g. survey) AC to liaise with Paul Hoffman", ("Alan Caudwell",)),
        (
            "o J. Archer, A. Caudwell, and J. Neely need to submit updated applications.",
            ("Jane Archer", "Alan Caudwell", "Jolyon Neely"),
        ),
        (
            "Cllr. J. Davies would ask the landowner for permission to fell the tree.",
            ("Joseph Davies",),
        ),
        (
            "Cllr Bell requests that Clerks Mary and Jolyon bring examples to the next meeting.",
            ("Mary Connelly", "Jolyon Neely"),
        ),
        (
            "The two Councillors attending agreed to make similar enquiries with the police.",
            ("Councillor Bell", "Councillor Hutchison"),
        ),
        (
            "The Chair will raise this with the police and the Clerk will write to the school.",
            ("Jane Archer", "Mary Connelly"),
        ),
    ],
)
def test_owners_in_other_styles(sentence: str, owners: tuple[str, ...]) -> None:
    [(found, _)] = owned(f"3 Item\n\n{sentence}\n")
    assert found == owners


def test_initials_after_a_preposition_own_nothing() -> None:
    assert (
        owned("3 Item\n\nThis will be achieved by working with AC to anticipate problems.\n") == []
    )


def test_an_unlisted_name_that_would_come_before_the_council_is_no_owner() -> None:
    sentence = "Cllr Bell reported that the naming of the Mary Barbour Bridge would come before the Council."
    assert owned(f"3 Item\n\n{sentence}\n") == []


def test_a_line_opening_with_a_commitment_after_an_unfinished_line_is_its_own_action() -> None:
    found = owned(
        "6 Beacon\n\nThen the Beacon will be lit\nThe Clerk will design some posters\n"
        "The Clerk will produce a risk assessment\n"
    )
    assert [task for _, task in found] == [
        "The Clerk will design some posters",
        "The Clerk will produce a risk assessment",
    ]
    assert {owners for owners, _ in found} == {("Mary Connelly",)}


def test_a_list_of_duties_in_one_sentence_is_one_action_each() -> None:
    found = owned(
        "9 Review of duties\n\nJolyon Neely and Alan Caudwell to buy and deliver the safe after "
        "Mary Connelly calls to confirm, Arwel Davies write the thank you letter, Jane Archer "
        "will contact the other councils.\n"
    )
    assert [owners for owners, _ in found] == [
        ("Jolyon Neely", "Alan Caudwell"),
        ("Arwel Davies",),
        ("Jane Archer",),
    ]
    assert found[1][1] == "Arwel Davies write the thank you letter"


@pytest.mark.parametrize(
    ("sentence", "owners"),
    [
        ("Mary Connelly will be doing the year-end returns in January.", ("Mary Connelly",)),
        ("Cllr Bell requests Jolyon write a thank you letter to the club.", ("Jolyon Neely",)),
        ("Joseph said that he and Arwel will pick it up.", ("Joseph Davies", "Arwel Davies")),
        ("Mike Siers will update the financial pages.", ("Mike Siers",)),
    ],
)
def test_more_owners_in_other_styles(sentence: str, owners: tuple[str, ...]) -> None:
    [(found, _)] = owned(f"3 Item\n\n{sentence}\n")
    assert found == owners


def test_a_question_put_to_someone_is_no_action() -> None:
    assert owned("3 Item\n\nCllr Bell asks Jolyon if he knows of anyone who may help.\n") == []


def test_an_office_names_its_holder_or_stays_an_office() -> None:
    head = "Minutes of the meeting held on 10 January 2020\n\nPresent: Esme Clark, Danny Boyd\n\nMinute taker: John Foster\n\n"
    body = "3 Website\n\nOur minute Secretary would try to retrieve the former minutes.\nThe Chair will seek to clarify the situation.\n"
    found = extract_actions([minutes(head + body)], profile=BASE)
    assert [a.owners for a in found] == [("John Foster",), ("the Chair",)]
