"""Every ACTION / RESOLVED / agreed marker in the shipped minutes, written by hand from the papers.

Found with ``grep -n -i "action\\|resolved\\|agreed"`` over each set of minutes and
read in context. Lines are the file's own line numbers; for an owner-only
marker ("ACTION: Ruth Murphy" on its own line) the line is the marker's.

- 2013-01-15_scpb_pack.txt, lines 68-239: minutes of 16 October 2012
- 2013-07-19_scpb_pack.txt, lines 26-210: minutes of 19 April 2013
- 2018-01-26_scpb_pack.txt, lines 86-270: minutes of 27 October 2017

Grep hits that are not markers ("action plans", "ASB Action Group", the item
heading "Action Plan Update") are left out. Owners are the people the minutes
make responsible; an empty tuple means the minutes name nobody ("A presentation
would be circulated … [ACTION]").
"""

from __future__ import annotations

from dataclasses import dataclass

OCT_2012 = ("2013-01-15_scpb_pack.txt", "2012-10-16")
APR_2013 = ("2013-07-19_scpb_pack.txt", "2013-04-19")
OCT_2017 = ("2018-01-26_scpb_pack.txt", "2017-10-27")


@dataclass(frozen=True)
class Marker:
    source: str
    meeting_date: str
    line: int
    kind: str  # "action", "decision", or "none" (an 'agreed' that is neither)
    agenda_item: str
    owners: tuple[str, ...] = ()
    words: str = ""  # the marker as minuted


def _m(
    paper: tuple[str, str],
    line: int,
    kind: str,
    item: str,
    owners: tuple[str, ...] = (),
    words: str = "",
) -> Marker:
    return Marker(paper[0], paper[1], line, kind, item, owners, words)


MARKERS: tuple[Marker, ...] = (
    # Minutes of 16 October 2012
    _m(OCT_2012, 99, "decision", "3", words="minutes … were agreed as a correct record"),
    _m(OCT_2012, 115, "action", "5.1", ("Neil Seabridge",), "ACTION; Supt Neil Seabridge"),
    _m(
        OCT_2012,
        147,
        "action",
        "5.5",
        ("Stuart Collins",),
        "Stuart Collins agreed to circulate … ACTION: Stuart Collins",
    ),
    _m(OCT_2012, 157, "decision", "5.7", words="It was agreed that these priorities be unpicked"),
    _m(
        OCT_2012,
        161,
        "decision",
        "5.7",
        words="it was agreed Pam Wharfe should be the lead contact",
    ),
    _m(OCT_2012, 161, "action", "5.7", ("Pam Wharfe",), "ACTION: Pam Wharfe"),
    _m(OCT_2012, 167, "action", "5.8", ("Chris Palmer",), "ACTION; Chris Palmer"),
    _m(
        OCT_2012,
        171,
        "action",
        "5.8",
        ("Andrew Nathan",),
        "agreed to supply CI Causer … ACTION: Andrew Nathan",
    ),
    _m(OCT_2012, 189, "action", "6", ("Ruth Murphy",), "ACTION: Ruth Murphy."),
    _m(OCT_2012, 195, "decision", "7", words="It was agreed that:"),
    _m(
        OCT_2012,
        200,
        "action",
        "7",
        ("Ruth Murphy", "Andrew Nathan"),
        "ACTION: Ruth Murphy/Andrew Nathan",
    ),
    _m(OCT_2012, 214, "action", "9", ("Michael Taylor",), "ACTION: Michael Taylor"),
    # Minutes of 19 April 2013
    _m(APR_2013, 65, "decision", "3", words="minutes … were agreed as a correct record"),
    _m(APR_2013, 73, "decision", "5", words="ACTION: All Board Members agreed"),
    _m(APR_2013, 89, "action", "6.1", ("James Mass",), "ACTION: James Mass agreed to find out …"),
    _m(APR_2013, 113, "decision", "6.4", words="it was agreed a housing officer involvement …"),
    _m(APR_2013, 115, "action", "6.4", ("Michael Kelly",), "Action: Michael Kelly to amend …"),
    _m(APR_2013, 119, "action", "6.5", ("Stuart Collins",), "He agreed to circulate …"),
    _m(APR_2013, 125, "action", "6.5", ("Stuart Collins",), "Action: Stuart Collins to present …"),
    _m(APR_2013, 141, "action", "6.8", ("Michael Kelly",), "ACTION: Michael Kelly to amend …"),
    _m(
        APR_2013,
        143,
        "decision",
        "6.8",
        words="The Board agreed that currently there is no data comparison",
    ),
    _m(APR_2013, 145, "action", "6.8", ("Julie Pal",), "ACTION: Julie Pal to investigate further."),
    _m(APR_2013, 155, "action", "8", ("James Mass",), "ACTION: James Mass"),
    _m(APR_2013, 159, "action", "8", ("James Mass",), "ACTION: James Mass"),
    _m(APR_2013, 163, "none", "9", words="the Business Case for CCTV had been agreed by CRC"),
    _m(
        APR_2013,
        173,
        "action",
        "10",
        ("Stav Yiannou", "Andrew Nathan"),
        "Andrew agreed to assist … Action: Stav Yiannou/Andrew Nathan",
    ),
    _m(
        APR_2013,
        179,
        "action",
        "10",
        ("Stav Yiannou",),
        "Stav Yiannou agreed to update … ACTION: Stav Yiannou",
    ),
    _m(
        APR_2013,
        187,
        "action",
        "11",
        ("Simon Harding",),
        "Dr Harding agreed to ensure that the LFB are invited",
    ),
    _m(
        APR_2013,
        191,
        "action",
        "11",
        ("Simon Harding",),
        "Dr Harding agreed to keep the Board updated … Action: Dr Simon Harding.",
    ),
    _m(APR_2013, 195, "action", "11", ("James Mass",), "Action: James Mass"),
    _m(APR_2013, 201, "action", "12", ("All Board members",), "ACTION: All Board members"),
    # Minutes of 27 October 2017
    _m(OCT_2017, 125, "decision", "3", words="RESOLVED that the minutes … be approved"),
    _m(
        OCT_2017,
        158,
        "action",
        "5",
        ("Aveen Gardiner",),
        "Ms Gardiner agreed to provide figures … [ACTION]",
    ),
    _m(
        OCT_2017,
        159,
        "action",
        "5",
        ("Aveen Gardiner",),
        "Ms Gardiner would share this data … [ACTION]",
    ),
    _m(
        OCT_2017,
        163,
        "action",
        "5",
        ("Clare Ansdell",),
        "She would report to the Board after this. [ACTION]",
    ),
    _m(OCT_2017, 179, "action", "6", (), "… would be discussed at a future meeting. [ACTION]"),
    _m(OCT_2017, 197, "decision", "6", words="draft strategic priorities which were agreed"),
    _m(
        OCT_2017,
        199,
        "action",
        "6",
        ("Kiran Vagarwal",),
        "She would forward a final draft … [ACTION]",
    ),
    _m(
        OCT_2017,
        203,
        "action",
        "7",
        (),
        "A presentation would be circulated following the meeting. [ACTION]",
    ),
    _m(
        OCT_2017,
        214,
        "action",
        "7",
        ("Caroline Birkett",),
        "Ms Birkett offered to forward … [ACTION]",
    ),
    _m(
        OCT_2017,
        231,
        "action",
        "9",
        ("Tina McElligot",),
        "Ms McElligott would bring details to the next meeting. [ACTION]",
    ),
    _m(
        OCT_2017,
        234,
        "action",
        "9",
        ("Organisations",),
        "Organisations should contact Ms McElligott … [ACTION]",
    ),
    _m(OCT_2017, 235, "none", "9", words="Barnet had agreed to work with … 2220 families"),
    _m(OCT_2017, 245, "decision", "11", words="The Board … agreed the following items"),
    _m(
        OCT_2017,
        263,
        "action",
        "12",
        (),
        "A new representative … would be invited to join the Board. [ACTION]",
    ),
)

# Actions minuted without a marker ("X would …", "offered to", "volunteered to", "X to …").
UNMARKED_ACTIONS: tuple[Marker, ...] = (
    _m(OCT_2012, 93, "action", "2", ("Neil Seabridge",), "offered to be a point of contact"),
    _m(
        OCT_2012,
        155,
        "action",
        "5.7",
        ("Police",),
        "The Police … would bring further information to the next meeting",
    ),
    _m(OCT_2012, 232, "action", "11", ("Andrew Nathan",), "He would circulate brief information"),
    _m(
        APR_2013,
        85,
        "action",
        "6.1",
        ("Simon Harding",),
        "volunteered to chair the new sub committee group",
    ),
    _m(APR_2013, 127, "action", "6.5", ("Stuart Collins",), "Stuart Collins to invite Mark Brown"),
    _m(OCT_2017, 161, "action", "5", ("Aveen Gardiner",), "She offered to feed back the data"),
)

# Decisions without an 'agreed'/'RESOLVED' marker: noted, welcomed, deferred, supportive, endorsed.
OTHER_DECISIONS: tuple[tuple[Marker, str], ...] = (
    (_m(OCT_2012, 93, "decision", "2", words="It was noted with regret"), "noted"),
    (
        _m(
            OCT_2012, 131, "decision", "5.3", words="It was also noted that leaflets were available"
        ),
        "noted",
    ),
    (
        _m(OCT_2012, 135, "decision", "5.4", words="it was noted that … Drug Testing on arrest"),
        "noted",
    ),
    (_m(OCT_2012, 145, "decision", "5.5", words="The Board welcomed progress to date"), "noted"),
    (
        _m(OCT_2012, 165, "decision", "5.8", words="was therefore held over until January 2013"),
        "deferred",
    ),
    (
        _m(
            OCT_2012,
            169,
            "decision",
            "5.8",
            words="The Board noted that the Action plan included …",
        ),
        "noted",
    ),
    (
        _m(
            OCT_2012,
            177,
            "decision",
            "6",
            words="The Board were supportive of the restorative justice proposals",
        ),
        "supported",
    ),
    (_m(OCT_2012, 206, "decision", "8", words="The Board endorsed these proposals"), "endorsed"),
    (
        _m(
            OCT_2012,
            228,
            "decision",
            "10",
            words="The Board thanked Tim … and commended its findings",
        ),
        "noted",
    ),
    (
        _m(
            APR_2013,
            139,
            "decision",
            "6.8",
            words="It was noted that the 12% result … was incorrect",
        ),
        "noted",
    ),
)
