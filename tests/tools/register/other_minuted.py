"""What the minutes of other bodies record, written by hand from the papers of the
development corpus (``eval/devcorpus/papers``): every decision (with its proposer and
seconder where the minutes name them) and every action (with its owners).

Each entry quotes ``words`` the register's record must hold (compared without case,
spacing or punctuation). Owners are people as the minutes' attendance list names them:
initials ("AC", "TB/AW") and roles ("the Clerk", "Minute Secretary", "Head of IT") resolved
to the person where the minutes name one; "the Clerk" stays a role where they do not.

``optional`` marks a reading that is right either way (a committee's decision reported
to the board, a procedural motion, a "Noted" against a letter): neither counted as missed
when absent nor as wrong when present.
"""

from __future__ import annotations

from tests.tools.register.minuted import Minuted, _a, _d
from tests.tools.register.other_minuted_later import LATER
from tests.tools.register.other_minuted_scanned import SCANNED

HORSLEY = "484.pdf"
HALESWORTH = "2015-06-02-fohcl-minutes.pdf"
SUFFOLK = "board-meeting-minutes-2016-05-26.pdf"
LINCOLN_SQUARE = "SSA21_MeetingMinutes_1.29.18.pdf"
MILBURN_2018 = "minutes_2018-11-06_.pdf"
NEWBIGGIN = "Minutes_03.09.19.docx"
MANORDEILO = "minutes_2020-11.html"
NORTH_STAR = "2020-11-minutes.md"
MILBURN_2021 = "minutes_2021-01-26_.pdf"
GOVAN_JULY = "24JULY-MINUTES.docx"
GOVAN_NOVEMBER = "2024-11-24-general-meeting-november-2024.md"

FIRST: tuple[Minuted, ...] = (
    # Horsley Neighbourhood Plan Working Group, 19 October 2014: owners in an Action column,
    # by initials from the attendance list ("Alan Caudwell (AC)").
    _d(HORSLEY, "It was agreed that JN and AC would investigate feasibility"),
    _a(HORSLEY, "JN and AC would investigate feasibility", "Jolyon Neely", "Alan Caudwell"),
    _d(HORSLEY, "It was agree that Billsden, Cringleford and Ferring NPs would be sent"),
    _a(HORSLEY, "JN to send Pdfs", "Jolyon Neely"),
    _d(HORSLEY, "It was agreed that new sections may be needed in due course"),
    _d(HORSLEY, "It was agree that Working Groups (WGs) should be set up"),
    _d(HORSLEY, "General agreement that this was a good start", optional=True),
    _a(HORSLEY, "AC to arrange to be sent out with minutes", "Alan Caudwell", "Jolyon Neely"),
    _a(HORSLEY, "Working Group to be set up to coordinate", "Alan Caudwell", "Jolyon Neely"),
    _a(HORSLEY, "AC to liaise with Paul", "Alan Caudwell"),
    _a(HORSLEY, "Each WG to present plan", optional=True),
    # Friends of Halesworth County Library, 2 June 2015: "ACTION:AHop" under each item.
    _d(HALESWORTH, "The minutes were accepted as a true and accurate record"),
    _a(HALESWORTH, "to be posted on the website and noticeboard", "Alison Hopkins"),
    _d(HALESWORTH, "It was agreed for Ali to liaise with Katherine Ellen Designs"),
    _a(HALESWORTH, "Ali to liaise with Katherine Ellen Designs", "Ali"),
    _d(HALESWORTH, "Mike agreed to take on the role", optional=True),
    _a(HALESWORTH, "Mike agreed to take on the role", "Mike Stephens", optional=True),
    _a(
        HALESWORTH,
        "agreed to attend the Community Forum",
        "Mike Stephens",
        "Alison Britton",
        "Sheila Freeman",
    ),
    _a(
        HALESWORTH,
        "to discuss in more detail at our next meeting",
        "Mike Stephens",
        "Sheila Freeman",
        "Alison Hopkins",
    ),
    _a(HALESWORTH, "forms awaiting signature", "Alison Hopkins"),
    _d(HALESWORTH, "Agreed she could make enquiries"),
    _a(HALESWORTH, "asked to come up with a new idea", "Trustees", "Alison Hopkins"),
    _a(HALESWORTH, "Ali will chase", "Ali", optional=True),
    _d(HALESWORTH, "Agreed that initially we would not"),
    _d(HALESWORTH, "Agreed that we should purchase a new one"),
    _a(HALESWORTH, "purchase a new one", "Alison Hopkins"),
    # Suffolk Libraries IPS Board, 26 May 2016: owners by initials in an Action column, and by role.
    _d(SUFFOLK, "The minutes were agreed as a true and accurate account"),
    _a(SUFFOLK, "will send a copy of this handbook", "Krystal Vittles"),
    _a(SUFFOLK, "The Chair will raise this with Cllr Stamp", "Tony Brown", "Alison Wheeler"),
    _d(SUFFOLK, "The Board agreed unanimously with this review"),
    _d(SUFFOLK, "this was agreed"),
    _d(SUFFOLK, "The Board agreed unanimously to accept this revised policy"),
    _d(SUFFOLK, "The Board agreed unanimously to accept this proposal and are delighted"),
    _d(SUFFOLK, "The Board agreed unanimously to accept this proposal"),  # Great Cornard
    _d(SUFFOLK, "The Board agreed unanimously to accept this proposal"),  # Aldeburgh
    _a(SUFFOLK, "Community Team Lead will forward them", "Daniel Harvey"),
    _d(SUFFOLK, "The Board unanimously agreed to adopt this updated policy"),
    _d(SUFFOLK, "It was explored and agreed at the committee meeting", optional=True),
    _d(SUFFOLK, "The Board unanimously agreed to this proposal"),
    _d(SUFFOLK, "it was agreed to give all staff members a small reward", optional=True),
    _d(SUFFOLK, "the Board agreed to the permanent arrangement"),
    _d(SUFFOLK, "The Board agreed to this proposal and thanked the HR team"),
    _d(SUFFOLK, "It was agreed that guidance will be re-issued", optional=True),
    _d(
        SUFFOLK,
        "it was agreed that Suffolk Libraries can improve in cluster marketing",
        optional=True,
    ),
    _a(SUFFOLK, "The Head of IT will check all phone lines", "Peter Baker"),
    # Lincoln Square SSA #21 Commission, 29 January 2018: "(motion)", "(second)".
    _d(LINCOLN_SQUARE, "Meeting called to order", "M. Prest", "C. Dallas", optional=True),
    _d(LINCOLN_SQUARE, "Minutes from 11/30/17 meeting approved", "Z. Maiorca", "T. Feinberg"),
    _d(LINCOLN_SQUARE, "2017/18 Financials approved", "B. Munro", "C. Dallas"),
    _d(LINCOLN_SQUARE, "APPROVED 2018 Meetings Calendar"),
    _d(LINCOLN_SQUARE, "APPROVED Revised 2018 budget", "B. Munro", "Z. Maiorca"),
    _d(LINCOLN_SQUARE, "proposed for lighting retrofits rejected", optional=True),
    _d(LINCOLN_SQUARE, "It was concluded that an SSA #21 logo", optional=True),
    _a(
        LINCOLN_SQUARE,
        "need to submit updated applications",
        "Zach Maiorca",
        "Pat Bader",
        "Anthony Qaiyum",
        "Todd Feinberg",
    ),
    # Milburn Parish Council, 6 November 2018.
    _d(MILBURN_2018, "All agreed this was a true record"),
    _d(MILBURN_2018, "the Councillors resolved to have the Beacon and service"),
    _a(MILBURN_2018, "The Clerk will design some posters", "J Connelly"),
    _a(MILBURN_2018, "The Clerk will produce a risk assessment", "J Connelly"),
    _d(MILBURN_2018, "Councillors resolved to donate"),
    _d(MILBURN_2018, "resolved not to support"),
    _d(MILBURN_2018, "Councillors resolved to pay"),
    _d(MILBURN_2018, "the Councillors agreed to meet on Saturday morning", optional=True),
    _a(MILBURN_2018, "the Councillors agreed to meet on Saturday morning", optional=True),
    _a(MILBURN_2018, "Clerk to email A Armstrong", "J Connelly"),
    # Newbiggin Parish Council, 3 September 2019.
    _d(NEWBIGGIN, "All agreed this was a true record"),
    _d(NEWBIGGIN, "the Councillors agreed that although the four priorities"),
    _a(NEWBIGGIN, "The Clerk to respond accordingly", "J Brampton"),
    _d(NEWBIGGIN, "The Councillors agreed all satisfactory"),
    _a(NEWBIGGIN, "Clerk to write", "J Brampton"),
    _d(NEWBIGGIN, "Donation requested, agreed to pay", optional=True),
    _d(NEWBIGGIN, "The Councillors resolved to pay all of the above"),
    _d(NEWBIGGIN, "It was therefore resolved to retain the Financial Policy"),
    _a(NEWBIGGIN, "Councillors will again fill these in", optional=True),
    # Manordeilo and Salem Community Council, 11 November 2020: "proposed by …, seconded by …
    # and unanimously agreed"; owners in a trailing column ("Clerk", "Cllr. Alun Davies").
    _d(
        MANORDEILO,
        "unanimously agreed that the minutes of the last meeting",
        "W. Loynton",
        "K. Davies",
    ),
    _a(MANORDEILO, "To be signed by the Chair", optional=True),
    _d(MANORDEILO, "unanimously agreed that the letter would be sent", "J. Davies", "W. Loynton"),
    _a(MANORDEILO, "the letter would be sent to the local MP", "Clerk"),
    _d(MANORDEILO, "unanimously agreed to purchase from Centaframe", "J. Davies", "Arwel Davies"),
    _a(MANORDEILO, "purchase from Centaframe", "Alun Davies"),
    _d(MANORDEILO, "It was agreed that the Clerk approach Biomass"),
    _a(MANORDEILO, "the Clerk approach Biomass", "Clerk"),
    _a(MANORDEILO, "Clerk to follow up", "Clerk"),
    _a(MANORDEILO, "would ask the landowner for permission", "J. Davies"),
    _d(MANORDEILO, "unanimously agreed that a £100 donation", "Alun Davies", "W. Loynton"),
    _a(MANORDEILO, "donation be made to the Royal British Legion", "Clerk"),
    _a(MANORDEILO, "to be posted on website and social media", "O. Williams", "Clerk"),
    _d(MANORDEILO, "The following was unanimously agreed"),
    *(
        _d(MANORDEILO, letter, optional=True)  # "Noted" against a letter or statement
        for letter in (
            "Lloyds Bank Statement",
            "Audit Wales",
            "One Voice Wales",
            "Eden project",
            "Refill Wales",
            "Traws Link Cymru",
            "actual figure of",
        )
    ),
    _a(MANORDEILO, "It was hoped to have a draft version available", "O. Williams", optional=True),
    # Town of North Star, 16 November 2020: motions with recorded "aye" votes.
    _d(NORTH_STAR, "makes a motion to approve the October minutes", "Dick Dillon", "Gary Mantay"),
    _d(
        NORTH_STAR,
        "Motion by Supervisor Gary Mantay to approve the transfer",
        "Gary Mantay",
        "Dick Dillon",
    ),
    _a(NORTH_STAR, "Ray will get paperwork from Superior Choice", "Ray Barnes"),
    _a(NORTH_STAR, "to reach out to both MAT and State Auditor", "Carrie Landman"),
    _a(NORTH_STAR, "to shadow Linda/Ray", "Carrie Landman", optional=True),
    _a(NORTH_STAR, "to complete review of St Louis County election manuals", "Carrie Landman"),
    _a(NORTH_STAR, "Linda to attend", "Linda Britton", optional=True),
    _a(NORTH_STAR, "bring examples and cost of cabinet", "Carrie Landman", "Linda Britton"),
    _a(
        NORTH_STAR,
        "Carrie Landman to research for December 2020 meeting",
        "Carrie Landman",
        due="December 2020 meeting",
    ),
    _d(
        NORTH_STAR,
        "makes a motion for Jimmy Taft and crew to take over lot plowing",
        "Gary Mantay",
        "Jan Keough",
    ),
    _a(NORTH_STAR, "to update the plowing contract", "Linda Britton", "Carrie Landman"),
    _a(NORTH_STAR, "will contact Todd Signs", "Gary Mantay"),
    _a(NORTH_STAR, "unsure of the tonnage", "Gary Mantay", optional=True),
    _a(NORTH_STAR, "will send missing minutes to Mike Siers", "Linda Britton"),
    _a(NORTH_STAR, "Mike Siers will continue working on the website", "Mike Siers", optional=True),
    _a(
        NORTH_STAR,
        "Treasurer Ray Barnes to review",
        "Linda Britton",
        "Carrie Landman",
        "Ray Barnes",
    ),
    _a(NORTH_STAR, "has offered to plow the NS Township lot", optional=True),
    _a(
        NORTH_STAR,
        "to add the sign-up form to the website",
        "Carrie Landman",
        "Mike Siers",
        due="December 2020 meeting",  # "by December meeting"
    ),
    _d(NORTH_STAR, "makes a motion to offer Towanna Rovenko", "Dick Dillon", "Gary Mantay"),
    _a(NORTH_STAR, "to call Townanna Rovenko", "Janet Keough"),
    _a(NORTH_STAR, "will send Carrie Landman the Record ID", "Deb Pomroy"),
    _d(NORTH_STAR, "makes a motion to adjourn", "Jan Keough", "Gary Mantay", optional=True),
    # Milburn Parish Council, 26 January 2021 (the PDF runs some words together).
    _d(MILBURN_2021, "All agreed this was a true record"),
    _d(MILBURN_2021, "the Councillors resolved to proceed with the takeover"),
    _d(MILBURN_2021, "resolvedtouseadifferentsolicitor"),
    _a(MILBURN_2021, "Councillor Healey to order Scalpings", "R. Healey"),
    _a(MILBURN_2021, "offered to contact Highways regarding the potholes", "A Connell"),
    _d(MILBURN_2021, "The Councillors resolved that any alterations"),
    _d(MILBURN_2021, "the Councillors resolved to take over these payments"),
    _d(MILBURN_2021, "The Councillors agreed they had no objections"),
    _d(MILBURN_2021, "it was resolved to apply for"),
    _d(MILBURN_2021, "Resolved to pay M Joyce"),
    _a(MILBURN_2021, "The Councillors will check and clean out", optional=True),
    _a(MILBURN_2021, "offered to contact Highways to report these two issues", "A Connell"),
    # Govan Community Council, 8 July 2024: "AGREED", "moved as correct by".
    _d(
        GOVAN_JULY,
        "These were moved as correct by Hannah Salome and Esme Clark",
        "Hannah Salome",
        "Esme Clark",
    ),
    _d(GOVAN_JULY, "It was agreed that we should continue with our representations"),
    _d(GOVAN_JULY, "in the underground. This was AGREED"),
    _a(GOVAN_JULY, "Hannah promised to forward details of Police contacts", "Hannah Salome"),
    *(
        _d(GOVAN_JULY, words, optional=True)  # "it was noted that …": a remark recorded
        for words in (
            "Issues raised in the previous minutes were noted",
            "it was noted that tetra packs",
            "It was noted, however",
            "It was also noted that FCA",
            "It was noted that Cllr Alam",
            "It was noted that we had at least three",
            "It was noted that Thales",
        )
    ),
    _a(GOVAN_JULY, "Arrange meeting with HAs", optional=True),
    _a(GOVAN_JULY, "Esme was asked to continue the discussions", "Esme Clark"),
    _d(GOVAN_JULY, "It was also AGREED that we should also make contact with Partick"),
    _d(GOVAN_JULY, "It was AGREED to invite a representative"),
    _d(GOVAN_JULY, "Agreed to comeback to this issue"),
    _d(GOVAN_JULY, "It had been AGREED that councillors should seek", optional=True),
    _d(GOVAN_JULY, "It was agreed to hold our AGM"),
    _a(GOVAN_JULY, "Minute Secretary to confirm", "John Foster"),
    _d(GOVAN_JULY, "The Council APPROVED the expenditure"),
    _a(GOVAN_JULY, "Andre would continue to develop the site", "Andre Videla", optional=True),
    _d(GOVAN_JULY, "The meeting AGREED we should approach the City Council"),
    _d(GOVAN_JULY, "It was also AGREED that the AGM formally appoint"),
    _d(GOVAN_JULY, "it was agreed that we should seek to issue this"),
    _d(GOVAN_JULY, "It was AGREED that a letter of thanks be sent"),
    _d(GOVAN_JULY, "It was also agreed that we seek to make contact with our new MP"),
    _d(GOVAN_JULY, "It was AGREED to raise this with our MSP"),
    # Govan Community Council, 4 November 2024.
    _d(
        GOVAN_NOVEMBER,
        "These were moved as correct by Robert Preston and Gina Preston",
        "Robert Preston",
        "Gina Preston",
    ),
    _d(GOVAN_NOVEMBER, "It was AGREED to have this as an item at our December meeting"),
    _d(GOVAN_NOVEMBER, "It was agreed to approach Mike Daillie"),
    _d(GOVAN_NOVEMBER, "it was agreed that Community Council officers should request a meeting"),
    _a(GOVAN_NOVEMBER, "Community Council officers should request a meeting", optional=True),
    _a(GOVAN_NOVEMBER, "agreed to make similar enquiries", "Alam", "Bell", "Hutchison"),
    _a(GOVAN_NOVEMBER, "agreed to act as an independent observer", "Hutchison"),
    _d(GOVAN_NOVEMBER, "This was AGREED"),
    _d(GOVAN_NOVEMBER, "it was noted that the Community Council had already", optional=True),
    _a(GOVAN_NOVEMBER, "Minute Secretary to contact Willie Jones", "John Foster"),
)
MINUTED: tuple[Minuted, ...] = (*FIRST, *LATER, *SCANNED)
SOURCES: tuple[str, ...] = tuple(dict.fromkeys(m.source for m in MINUTED))
