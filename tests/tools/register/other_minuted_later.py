"""What the later minutes of the development corpus's bodies record, written by hand from
the papers: the meetings after those of ``other_minuted`` (North Star's December and
January, Manordeilo's October, Govan's September and December, Milburn's July 2020), so
that an action can be followed into the minutes that report on it. Same conventions as
``other_minuted``.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.tools.register.minuted import Minuted, _a, _d

NORTH_STAR_DECEMBER = "2020-12-minutes.md"
NORTH_STAR_JANUARY = "2021-01-minutes.md"
MANORDEILO_OCTOBER = "minutes_2020-10.html"
GOVAN_SEPTEMBER = "2024-09-24-general-meeting-sept-2024.md"
GOVAN_DECEMBER = "2024-12-24-general-meeting-december-2024.md"
MILBURN_2020 = "minutes_2020-07-14_.pdf"

LATER: tuple[Minuted, ...] = (
    # Town of North Star, 21 December 2020: motions with voice votes, a "Review of duties".
    _d(
        NORTH_STAR_DECEMBER,
        "Gary Mantay made a motion to accept the minutes",
        "Gary Mantay",
        "Dick Dillon",
    ),
    _d(
        NORTH_STAR_DECEMBER,
        "Dick Dillon makes a motion to approve the transfer of $4,680.44",
        "Dick Dillon",
        "Gary Mantay",
    ),
    _d(
        NORTH_STAR_DECEMBER,
        "Gary Mantay makes a motion to approve MAT training",
        "Gary Mantay",
        "Dick Dillon",
    ),
    _d(
        NORTH_STAR_DECEMBER,
        "Dick Dillon makes a motion to adopt the resolution",
        "Dick Dillon",
        "Gary Mantay",
    ),
    _d(NORTH_STAR_DECEMBER, "Dick Dillon makes a motion to table it", "Dick Dillon", "Gary Mantay"),
    _d(
        NORTH_STAR_DECEMBER,
        "Gary Mantay makes a motion to pay for training",
        "Gary Mantay",
        "Dick Dillon",
    ),
    _d(
        NORTH_STAR_DECEMBER,
        "Dick Dillon makes a motion to approve the cost to update the sign",
        "Dick Dillon",
        "Gary Mantay",
    ),
    _a(NORTH_STAR_DECEMBER, "Linda Britton will be doing the W2's", "Linda Britton"),
    _a(NORTH_STAR_DECEMBER, "Ray to leave in the /Clerk folders", "Ray Barnes"),
    _a(NORTH_STAR_DECEMBER, "will meet with Carrie Landman to fill out paper work", "Dick Dillon"),
    _a(NORTH_STAR_DECEMBER, "he will bring all receipts and bills", "Ray Barnes"),
    _a(NORTH_STAR_DECEMBER, "all three Supervisors will do the training", optional=True),
    _a(NORTH_STAR_DECEMBER, "Dick will work out a schedule to change the battery", "Dick Dillon"),
    # two commitments joined by "and" in one sentence: one action of both (as Suffolk's row)
    _a(
        NORTH_STAR_DECEMBER,
        "Mike Siers will work to update the township financial",
        "Mike Siers",
        "Carrie Landman",
    ),
    _a(NORTH_STAR_DECEMBER, "will be mailed on 12/22/2020", optional=True),
    _a(
        NORTH_STAR_DECEMBER,
        "the email sign up form will also be at the recycle center",
        optional=True,
    ),
    _a(
        NORTH_STAR_DECEMBER,
        "Carrie Landman will provide update on Cloud based storage",
        "Carrie Landman",
        due="January 2021 meeting",
    ),
    _a(NORTH_STAR_DECEMBER, "Gary Mantay will call and schedule", "Gary Mantay"),
    _a(
        NORTH_STAR_DECEMBER,
        "Linda Britton will be completing the 2020 W2's",
        "Linda Britton",
        optional=True,
    ),
    _a(
        NORTH_STAR_DECEMBER,
        "Carrie Landman & Towanna Rovenko to complete MAT training",
        "Carrie Landman",
        "Towanna Rovenko",
    ),
    _a(NORTH_STAR_DECEMBER, "Gary Mantay to have the Town Hall sign fixed", "Gary Mantay"),
    _a(NORTH_STAR_DECEMBER, "Ray Barnes and Towanna Rovenko begin training", optional=True),
    _a(
        NORTH_STAR_DECEMBER,
        "Towanna Rovenko to meet January 5, 2021 at the Town Hall",
        "Linda Britton",
        "Carrie Landman",
        "Ray Barnes",
        "Towanna Rovenko",
    ),
    _a(
        NORTH_STAR_DECEMBER,
        "Carrie Landman to get more information on the Menard's",
        "Carrie Landman",
    ),
    # Town of North Star, 19 January 2021: what became of December's duties.
    _d(
        NORTH_STAR_JANUARY,
        "Dick Dillon made a motion to approve the December minutes",
        "Dick Dillon",
        "Gary Mantay",
    ),
    _d(NORTH_STAR_JANUARY, "Gary motion to accept, Dick seconds", "Gary Mantay", "Dick Dillon"),
    _d(
        NORTH_STAR_JANUARY,
        "Dick made the motion to approve the transfer and Jan seconds",
        "Dick Dillon",
        "Janet Keough",
    ),
    _d(
        NORTH_STAR_JANUARY,
        "Dick made the motion, Jan second the motion",
        "Dick Dillon",
        "Janet Keough",
    ),
    _d(
        NORTH_STAR_JANUARY,
        "Jan makes a motion to purchase the cabinet",
        "Janet Keough",
        "Dick Dillon",
    ),
    _a(NORTH_STAR_JANUARY, "Towanna will have a Township laptop and printer", optional=True),
    _a(NORTH_STAR_JANUARY, "she will ensure Sue is trained", "Linda Britton"),
    _a(NORTH_STAR_JANUARY, "he and Gary will pick it up", "Dick Dillon", "Gary Mantay"),
    _a(NORTH_STAR_JANUARY, "Gary will pay for it on his Township credit card", "Gary Mantay"),
    _a(NORTH_STAR_JANUARY, "Carrie to call and confirm", "Carrie Landman"),
    _a(
        NORTH_STAR_JANUARY,
        "she will work with Carrie Landman on the election transition",
        "Linda Britton",
    ),
    _a(NORTH_STAR_JANUARY, "Ray requests Rory write a thank you letter to CLP", "Rory Blazevic"),
    _a(NORTH_STAR_JANUARY, "she can communicate with the Pequaywan Garden Club", optional=True),
    _a(
        NORTH_STAR_JANUARY,
        "will coordinate with Towanna on a Cloud/Web based storage",
        "Carrie Landman",
    ),
    _a(
        NORTH_STAR_JANUARY,
        "Dick and Gary to purchase, pick up and deliver",
        "Dick Dillon",
        "Gary Mantay",
    ),
    _a(NORTH_STAR_JANUARY, "Rory write the CLP thank you", "Rory Blazevic"),
    _a(NORTH_STAR_JANUARY, "Jan finish and send the recycling grant report", "Janet Keough"),
    _a(NORTH_STAR_JANUARY, "Janet will contact MAT and other Townships", "Janet Keough"),
    _a(NORTH_STAR_JANUARY, "Jan will do research with both the Minnesota", "Janet Keough"),
    _a(NORTH_STAR_JANUARY, "Carrie to post the 2022 Budget Meeting notice", "Carrie Landman"),
    _a(NORTH_STAR_JANUARY, "Gary and Dick will do the Audit meeting", "Gary Mantay", "Dick Dillon"),
    _a(NORTH_STAR_JANUARY, "Carrie Landman to post 10 days before the meeting", "Carrie Landman"),
    # Manordeilo and Salem Community Council, 14 October 2020: an owner column after each
    # minute ("Clerk", "Cllr. Alun Davies"), "Noted" against letters.
    _d(MANORDEILO_OCTOBER, "It was agreed to add Annual Return as Agenda Item 4A"),
    _d(
        MANORDEILO_OCTOBER,
        "unanimously agreed that the minutes of the last meeting held on the 9th September",
        "G. Evans",
        "J. Davies",
    ),
    _a(MANORDEILO_OCTOBER, "To be signed by the Chair", optional=True),
    *(
        _d(MANORDEILO_OCTOBER, letter, optional=True)  # "Noted" against a letter or statement
        for letter in (
            "Grant Thornton had completed the Annual Return",
            "Lloyds Bank Statement",
            "extended consultation for Revised LDP",
            "Code of Practice Workforce Matters",
            "Planning Aid Wales",
            "One Voice Wales information",
            "Welsh Hearts Charity",
        )
    ),
    _a(
        MANORDEILO_OCTOBER, "The Clerk had written to Carmarthenshire County Council", optional=True
    ),
    _a(MANORDEILO_OCTOBER, "Cllr. O. Williams would now draft a letter", "O. Williams"),
    _a(MANORDEILO_OCTOBER, "he would follow up with Centaframe", "Alun Davies"),
    _d(MANORDEILO_OCTOBER, "It was agreed that two ash trees infected with ash dieback"),
    _a(MANORDEILO_OCTOBER, "Cllr. Alun Davies would follow up re person", "Alun Davies"),
    _d(MANORDEILO_OCTOBER, "This was formally accepted"),
    _a(MANORDEILO_OCTOBER, "the Clerk would advise C.C.C. to start the process", "Clerk"),
    _a(MANORDEILO_OCTOBER, "C.C.C. re Register of Electors", "Clerk"),
    _a(MANORDEILO_OCTOBER, "Clerk to contact Cariad Heart Charity", "Clerk"),
    _a(MANORDEILO_OCTOBER, "for those not in education or employment", optional=True),
    _d(MANORDEILO_OCTOBER, "The following observations were agreed"),
    _d(MANORDEILO_OCTOBER, "The Council objects as the site is outside the LDP", optional=True),
    _a(MANORDEILO_OCTOBER, "Clerk to arrange traffic management with the police", "Clerk"),
    _a(
        MANORDEILO_OCTOBER,
        "Alun Davies and Arwel Davies volunteered to clear and tidy",
        "Alun Davies",
        "Arwel Davies",
    ),
    # Govan Community Council, 2 September 2024: "It was AGREED to: i) … ii) …".
    _d(
        GOVAN_SEPTEMBER,
        "These were moved as correct by Hannah Salome",
        "Hannah Salome",
        "Esme Clark",
    ),
    _d(GOVAN_SEPTEMBER, "Arising from the discussion it was AGREED to"),
    _d(GOVAN_SEPTEMBER, "As a community council we should support this petition. This was AGREED"),
    _d(GOVAN_SEPTEMBER, "It was AGREED that the Community Council give every assistance"),
    _d(GOVAN_SEPTEMBER, "It was AGREED that we formally approach the City Council"),
    _d(GOVAN_SEPTEMBER, "It was AGREED to feature any new finds in the Govan Letter"),
    _d(GOVAN_SEPTEMBER, "It was AGREED that we have our last meeting in the Workspace"),
    _a(GOVAN_SEPTEMBER, "Cllr Bell was pursuing this", optional=True),
    _a(GOVAN_SEPTEMBER, "He would, as agreed, liaise with Annie Morgan", "John Foster"),
    _a(GOVAN_SEPTEMBER, "The Chair, Secretary and Treasurer would prepare reports", optional=True),
    _a(GOVAN_SEPTEMBER, "the Community Council would be involved", optional=True),
    # Govan Community Council, 2 December 2024: what became of November's business.
    _d(
        GOVAN_DECEMBER,
        "These were moved as correct by Robert Preston",
        "Robert Preston",
        "Esme Clark",
    ),
    _d(GOVAN_DECEMBER, "It was agreed to further discuss at our January meeting"),
    _a(GOVAN_DECEMBER, "We should also invite Jim Ellis", optional=True),
    _d(GOVAN_DECEMBER, "It was also AGREED to raise the issue of arrangements for the gritting"),
    _d(GOVAN_DECEMBER, "it was AGREED that a request be made via Cllr Hutchison"),
    _a(GOVAN_DECEMBER, "The Chair will seek to clarify the situation", "Chair"),
    _d(GOVAN_DECEMBER, "It was agreed to contact the FBU"),
    _d(GOVAN_DECEMBER, "it was agreed that we should respond using both age"),
    _a(GOVAN_DECEMBER, "Our minute Secretary would try to retrieve", "John Foster"),
    _a(GOVAN_DECEMBER, "Willie Jones volunteered to work on a GCC Facebook site", "Willie Jones"),
    _d(GOVAN_DECEMBER, "this was welcomed", optional=True),
    # Milburn Parish Council, 14 July 2020.
    _d(MILBURN_2020, "resolved that Councillor Richardson remain as Chair"),
    _d(MILBURN_2020, "All agreed this was a true record"),
    _d(MILBURN_2020, "Councillors resolved all to be satisfactory"),
    _d(MILBURN_2020, "circulated and accepted in April", optional=True),
    _d(MILBURN_2020, "The Accounts were approved by the Parish Council"),
    _d(MILBURN_2020, "Calc Subscription notice - resolved to pay"),
    _d(MILBURN_2020, "mowing & strimming of village green resolved to pay"),
    _d(MILBURN_2020, "the Councillors resolved to increase to"),
    _a(MILBURN_2020, "The Councillors will hopefully get a working party together", optional=True),
    _a(MILBURN_2020, "The Clerk to laminate a sign", "J Todd"),
    _a(MILBURN_2020, "The Chair will obtain the oil", "D Richardson"),
    _d(MILBURN_2020, "the Councillors have no objection", optional=True),
    _d(MILBURN_2020, "it was agreed the website for Milburn Parish Council"),
)


@dataclass(frozen=True)
class Vote:
    """A recorded vote as the minutes give it: the decision's words, the counts for and
    against, and who voted for where the minutes name them."""

    source: str
    words: str
    votes_for: int
    votes_against: int
    voted_for: tuple[str, ...] = ()


NORTH_STAR_NOVEMBER = "2020-11-minutes.md"
NORWALK = "norwalk_agenda_1.pdf"
_BOARD = ("Dick Dillon", "Gary Mantay", "Janet Keough")

VOTES: tuple[Vote, ...] = (
    # "Supervisors Dick Dillon aye, Gary Mantay aye, Janet Keough aye" ("Jan" is Janet Keough)
    *(
        Vote(NORTH_STAR_NOVEMBER, words, 3, 0, _BOARD)
        for words in (
            "makes a motion to approve the October minutes",
            "Motion by Supervisor Gary Mantay to approve the transfer",
            "makes a motion for Jimmy Taft and crew",
            "makes a motion to offer Towanna Rovenko",
            "makes a motion to adjourn",
        )
    ),
    *(
        Vote(NORTH_STAR_DECEMBER, words, 3, 0, _BOARD)
        for words in (
            "Gary Mantay made a motion to accept the minutes",
            "motion to approve the transfer of $4,680.44",
            "makes a motion to approve MAT training",
            "makes a motion to table it",
            "makes a motion to pay for training",
            "motion to approve the cost to update the sign",
        )
    ),
    Vote(NORTH_STAR_DECEMBER, "makes a motion to adopt the resolution", 3, 0),  # "3 yea, 0 nay"
    *(
        Vote(NORTH_STAR_JANUARY, words, 3, 0, _BOARD)
        for words in (
            "made a motion to approve the December minutes",
            "Gary motion to accept, Dick seconds",
            "Dick made the motion, Jan second the motion",
            "Jan makes a motion to purchase the cabinet",
        )
    ),
    # "CARRIED BY THE FOLLOWING ROLL CALL VOTE: AYES: Commissioners *Davis, **Hernandez, and
    # Perez, Vice Chair Valencia, and Chair Ramirez NOES: None ABSENT: Commissioners Ayala
    # and Rios"
    Vote(
        NORWALK,
        "moved and Chair Ramirez seconded to approve the consent calendar",
        5,
        0,
        ("Davis", "Hernandez", "Perez", "Valencia", "Ramirez"),
    ),
)


@dataclass(frozen=True)
class Outcome:
    """What later minutes record of an earlier action: done, or still open."""

    source: str
    words: str  # the action's words in its own minutes
    status: str  # "done" or "open"
    later: str  # the later minutes that say so


OUTCOMES: tuple[Outcome, ...] = (
    # "all January 2021 quarterly/annual State and Federal filings have been completed including
    # the 2020 W2's"
    Outcome(
        NORTH_STAR_DECEMBER, "Linda Britton will be doing the W2's", "done", NORTH_STAR_JANUARY
    ),
    # "Todd Signs took down and is working on the new sign!"
    Outcome(
        NORTH_STAR_DECEMBER,
        "Gary Mantay to have the Town Hall sign fixed",
        "open",
        NORTH_STAR_JANUARY,
    ),
    # "Carrie also made a recommendation to purchase the fireproof storage cabinet … for $400"
    Outcome(
        NORTH_STAR_DECEMBER,
        "Carrie Landman to get more information on the Menard's",
        "done",
        NORTH_STAR_JANUARY,
    ),
    # "Supervisor Janet Keough extended a welcome to Towanna Rovenko, our incoming Treasurer"
    Outcome(
        NORTH_STAR_NOVEMBER, "Janet Keough to call Townanna Rovenko", "done", NORTH_STAR_DECEMBER
    ),
    # "Carrie Landman reports the 2020/2021 snowplowing contracts have been signed and received"
    Outcome(
        NORTH_STAR_NOVEMBER,
        "to update the plowing contract for Jimmy Taft",
        "done",
        NORTH_STAR_DECEMBER,
    ),
    # "The letter drafted by Cllr. O. Williams … had been circulated previously to all Councillors"
    Outcome(
        MANORDEILO_OCTOBER,
        "Cllr. O. Williams would now draft a letter",
        "done",
        "minutes_2020-11.html",
    ),
    # "… gave details of the specification and costs of a notice board received from Centaframe"
    Outcome(
        MANORDEILO_OCTOBER, "he would follow up with Centaframe", "done", "minutes_2020-11.html"
    ),
    # "It was understood that similar protests had been made by Councillors."
    Outcome(
        "2024-11-24-general-meeting-november-2024.md",
        "agreed to make similar enquiries",
        "done",
        GOVAN_DECEMBER,
    ),
)
