"""What a body's later minutes report of an action that names no thing: the next minutes
sharing the task's words say it was done, or only mention it; another body's minutes, a
list of who attended and a person's name alone say nothing of it."""

from __future__ import annotations

from board.profile import BASE
from tools.register.records import NO_LATER_RECORD, Action
from tools.register.reported import same_word
from tools.register.store import compile_register

from .snippets import minutes

NOVEMBER = """Minutes of the meeting held on 16 November 2020

Present: Linda Britton, Carrie Landman, Gary Mantay

4. Snow

Linda Britton to update the plowing contract for Jimmy Taft.
Gary Mantay will contact Willie Jones about the gritting.
"""

DECEMBER = """Minutes of the meeting held on 21 December 2020

Present: Linda Britton, Carrie Landman, Gary Mantay, Willie Jones, Rory Blazevic

2. Reports

Carrie Landman reports the 2020/2021 snowplowing contracts have been signed and received.
Willie Jones asked whether the police were invited to our meetings.
"""

ELSEWHERE = """Minutes of the meeting held on 5 January 2021

Present: Ann Cole, Sam Lee

3. Roads

The plowing contract with the county has been signed.
"""


def _actions(*papers: tuple[str, str, str]) -> list[Action]:
    sections = [minutes(text, meeting_date=when, source=source) for text, when, source in papers]
    return list(compile_register(sections, profile=BASE).actions)


def test_the_next_minutes_saying_it_was_done_mark_it_done() -> None:
    plowing, _ = _actions((NOVEMBER, "2020-11-16", "nov.md"), (DECEMBER, "2020-12-21", "dec.md"))

    assert plowing.status == "done"
    assert (plowing.status_source, plowing.status_locator) == ("dec.md", "lines 7-7")
    assert "snowplowing contracts have been signed" in plowing.status_note


def test_a_persons_name_alone_or_a_list_of_who_came_is_no_record_of_it() -> None:
    _, gritting = _actions((NOVEMBER, "2020-11-16", "nov.md"), (DECEMBER, "2020-12-21", "dec.md"))

    assert gritting.status == "open"  # "Willie Jones asked whether … were invited": not done
    assert "lines 3-3" not in (gritting.status_note or "")  # the attendance list


def test_another_bodys_minutes_say_nothing_of_it() -> None:
    plowing, _ = _actions(
        (NOVEMBER, "2020-11-16", "nov.md"), (ELSEWHERE, "2021-01-05", "county.md")
    )

    assert (plowing.status, plowing.status_note) == ("open", NO_LATER_RECORD)


def test_a_compound_or_a_name_a_letter_apart_is_the_same_word() -> None:
    assert same_word("plow", "snowplow")
    assert same_word("townanna", "towanna")
    assert not same_word("paperwork", "work")  # the task's word inside the later one only
    assert not same_word("sign", "design")  # too short to be found inside another
