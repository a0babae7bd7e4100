"""Inline minutes and papers for unit tests."""

# ruff: noqa: E501 (minute paragraphs are one line each, as in the papers)

from __future__ import annotations

from board.records import Line, Section


def minutes(
    text: str, meeting_date: str = "2020-01-10", source: str = "pack.txt", first_line: int = 1
) -> Section:
    """One minutes section from an inline snippet, numbered from ``first_line``."""
    lines = tuple(Line(t, i) for i, t in enumerate(text.strip("\n").split("\n"), start=first_line))
    return Section(
        source=source,
        title="Minutes of the meeting of 10 January 2020",
        paper_type="minutes",
        meeting_date=meeting_date,
        heading_path=("Minutes of the meeting of 10 January 2020",),
        agenda_item=None,
        lines=lines,
    )


def paper(
    text: str, meeting_date: str, paper_type: str = "report", source: str = "later.txt"
) -> Section:
    lines = tuple(Line(t, i) for i, t in enumerate(text.strip("\n").split("\n"), start=1))
    return Section(
        source, "A later report", paper_type, meeting_date, ("A later report",), "5", lines
    )


ATTENDANCE = """Minutes of meeting held on 10 January 2020 Committee Room 1, Hendon Town Hall

Board Members Present:

Cllr Jane Smith\tCabinet Member (Chairman)
Aveen Gardiner\tCommunity Rehabilitation Company (CRC)
James Mass\tLead Commissioner, LBB
Kiran Vagarwal\tLB Barnet

Also present:

Tina McElligot\tFamily Services
Michael Kelly\tCommunity Protection, LBB

1 Welcome and introductions

The Chairman welcomed all to the meeting.

2 Apologies for Absence

Apologies were received from Mr Peter Clifton, Community Safety Manager, London Borough of Barnet and Michael Taylor of MOPAC.
"""
