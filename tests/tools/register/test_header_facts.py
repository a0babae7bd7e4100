"""Who chaired and where a meeting was held, in the forms minutes of many house styles use;
a name with another role ("Vice Chair") or a place of another event is not taken."""

from __future__ import annotations

import pytest

from board.profile import BASE
from tools.register.header_facts import chair_named, venue_named


@pytest.mark.parametrize(
    ("line", "chair"),
    [
        ("Councillors D Richardson (Chair) R Healey, N Cresswell and P Moran", "D Richardson"),
        ("Cllr. O. Williams took the Chair and welcomed everyone to the meeting.", "O. Williams"),
        ("Attendees \t Tony Brown (Chair), Sylvia Knights (Vice Chair)", "Tony Brown"),
        ("IN THE CHAIR : Councillor A. Teskey", "A. Teskey"),
        ("Chair: Mrs Jane Smith", "Jane Smith"),
        ("Present: Miss Jane Ritchie (Chairman), Mr Richard Nolan, Clerk", "Jane Ritchie"),
        (
            "Janet Keough called the meeting to order at 6:30 pm and welcomed everyone.",
            "Janet Keough",
        ),
        ("Sylvia Knights (Vice Chair), Anne Mallalieu", None),
        ("The Chair thanked everyone for attending.", None),
    ],
)
def test_the_chair_in_each_form(line: str, chair: str | None) -> None:
    assert chair_named([line], BASE) == chair


@pytest.mark.parametrize(
    ("line", "venue"),
    [
        ("Venue: Horsley Village Hall", "Horsley Village Hall"),
        ("Place \t Castle Hill Community Centre", "Castle Hill Community Centre"),
        (
            "Held in the Board Room, Elderpark Workspace at 7 p.m.",
            "Board Room, Elderpark Workspace",
        ),
        ("The Council held their meeting via Zoom at 7.30pm on the 11th November.", "Zoom"),
        (
            "Minutes from Monday, January 29, 2018 – 9:00am at Carbon Arc Bar & Board",
            "Carbon Arc Bar & Board",
        ),
        ("18th March 2014 at 7.30pm in the Village Hall", "Village Hall"),
        ("Alison agreed to attend the Community Forum being held at The Riverside.", None),
        ("Place names on the new signs were agreed.", None),
    ],
)
def test_the_venue_in_each_form(line: str, venue: str | None) -> None:
    assert venue_named([line], BASE) == venue
