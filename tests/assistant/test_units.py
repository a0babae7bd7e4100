"""A passage cut into the units an answer quotes, the one cutter for passage answers and
figure statements alike: where a sentence runs on over a line break and where a new one
starts (a numbered paragraph, a heading, a bullet, a row of figures set as text)."""

from __future__ import annotations

from functools import partial

from assistant.statements import figure_units
from assistant.units import answer_units
from tests.assistant.passages import passage

report = partial(
    passage,
    "report.pdf",
    title="Annual report",
    paper_type="report",
    meeting_date=None,
    section="Annual report",
)


def shown(text: str) -> list[str]:
    return [u.display for u in answer_units(report(text, 1))]


def test_a_sentence_wrapped_over_lines_is_one_unit_spanning_them() -> None:
    units = answer_units(
        report(
            "In the last 12 months there were 9198 ASB reports made to the\n"
            "police, up from 8237 in the previous year.\nThe rise is in line with London.",
            40,
        )
    )
    assert [(u.display, u.line, u.line_end) for u in units] == [
        (
            "In the last 12 months there were 9198 ASB reports made to the police, "
            "up from 8237 in the previous year.",
            40,
            41,
        ),
        ("The rise is in line with London.", 42, 42),
    ]


def test_a_numbered_paragraph_starts_a_new_unit_and_its_short_heading_stands_apart() -> None:
    units = shown(
        "Performance and trends in anti-social behaviour across the borough over the year\n"
        "1.4.1 In the last 12 months there were 9198 ASB reports made to the police\n"
        "18.11.7 Finance\n"
        "A letter asking for a donation has been received from the Village Bus"
    )
    assert units == [
        "Performance and trends in anti-social behaviour across the borough over the year",
        "1.4.1 In the last 12 months there were 9198 ASB reports made to the police",
        "18.11.7 Finance",
        "A letter asking for a donation has been received from the Village Bus",
    ]


def test_a_markdown_heading_is_not_glued_to_the_paragraph_under_it() -> None:
    assert shown("## 5 FOCUS ON OFFENDERS\nClare Ansdell updated the Board.") == [
        "5 FOCUS ON OFFENDERS",
        "Clare Ansdell updated the Board.",
    ]


def test_a_bullet_paragraph_is_cut_into_its_sentences() -> None:
    units = shown(
        "- 1.7.3 Barnet is one of London's safest boroughs. As at June 2017, 92 young "
        "people were being supervised by the Youth Offending Team.\n"
        "o In 2017, the SSA received $239,503 out of $242,994 in expected taxes\n"
        "o In 2017, the SSA spent $180,000 on cleaning"
    )
    assert (
        "As at June 2017, 92 young people were being supervised by the Youth Offending Team."
        in (units)
    )
    # a second-level bullet whose glyph came out as "o" is an item of its own
    assert "o In 2017, the SSA received $239,503 out of $242,994 in expected taxes" in units
    assert "o In 2017, the SSA spent $180,000 on cleaning" in units


def test_a_row_of_figures_set_as_plain_text_is_a_unit_of_its_own() -> None:
    assert shown(
        "Offences reported this year and last, with the change\n"
        "Murder 0 1 -100.0 4 6 -33.3\n"
        "Robbery 12 15 -20.0 140 151 -7.3"
    ) == [
        "Offences reported this year and last, with the change",
        "Murder 0 1 -100.0 4 6 -33.3",
        "Robbery 12 15 -20.0 140 151 -7.3",
    ]


def test_dates_on_a_line_of_their_own_still_continue_the_lead_in() -> None:
    # ordinal dates are not a row of figures: the sentence reads on
    assert shown("The next meetings are on\n8th January 2019 and 5th March 2019.") == [
        "The next meetings are on 8th January 2019 and 5th March 2019."
    ]


def test_figure_statements_are_cut_by_the_same_cutter() -> None:
    chunk = report(
        "Trends in serious youth violence\n"
        "1.7.4 Over the last 12 months there were 191 offences, down from 218.",
        10,
    )
    assert [u.display for u in figure_units(chunk)] == [u.display for u in answer_units(chunk)]
    assert [u.display for u in figure_units(chunk)][-1] == (
        "1.7.4 Over the last 12 months there were 191 offences, down from 218."
    )
