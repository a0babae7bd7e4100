"""The one sentence segmenter: real minutes write initials, titles, abbreviations and
decimals with full stops that end no sentence."""

from __future__ import annotations

import pytest

from board.text import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It was proposed by Councillor S. Keary and unanimously agreed. The Clerk would write.",
            [
                "It was proposed by Councillor S. Keary and unanimously agreed.",
                "The Clerk would write.",
            ],
        ),
        (
            "Mr. J. Smith and Dr. Harding attended. Supt. Jones sent apologies.",
            ["Mr. J. Smith and Dr. Harding attended.", "Supt. Jones sent apologies."],
        ),
        (
            "There were 613 approved households against a target of 700 (approx. 88%). Crime fell.",
            [
                "There were 613 approved households against a target of 700 (approx. 88%).",
                "Crime fell.",
            ],
        ),
        (
            "The meeting closed at 9.40 pm. The next meeting is in May.",
            ["The meeting closed at 9.40 pm.", "The next meeting is in May."],
        ),
        (
            "Burglary fell by 6.5 per cent in 2013. Robbery rose.",
            ["Burglary fell by 6.5 per cent in 2013.", "Robbery rose."],
        ),
        ("  A heading with no full stop  ", ["A heading with no full stop"]),
        ("", []),
    ],
)
def test_sentences_end_where_a_reader_would_end_them(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
