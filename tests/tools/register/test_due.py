"""When an action is due, relative dates resolved against the meeting's date."""

from __future__ import annotations

import pytest

from tools.register.due import due_of


@pytest.mark.parametrize(
    ("task", "held", "due"),
    [
        ("Clerk to write to the county council by 8 November", "2020-10-14", "8 November 2020"),
        ("Jan to finish the report by 8 January", "2020-12-21", "8 January 2021"),
        ("to send the recycling costs by the end of January", "2020-12-21", "end of January 2021"),
        (
            "Carrie to post the notice before the next meeting",
            "2021-01-19",
            "next meeting (16 February 2021)",
        ),
        (
            "to add the form to the website by December meeting",
            "2020-11-16",
            "December 2020 meeting",
        ),
        ("laptop and printer by 2/1/2021", "2021-01-19", "1 February 2021"),  # month first
        ("respond by 1/2/2021", "2021-01-19", "1 February 2021"),  # day first
        ("the report produced in June 2012", "2013-01-15", None),
        ("Clerk to laminate a sign", "2020-07-14", None),
    ],
)
def test_due_dates_in_the_minutes_words(task: str, held: str, due: str | None) -> None:
    assert due_of(task, held, "2021-02-16") == due
