"""What scanned minutes of the development corpus record, written by hand from the page
images (the register reads them through OCR): Horsley Parish Council, 18 March 2014
(``191.pdf``, three scanned pages, "Cllr" often read "Clir"). Same conventions as
``other_minuted``.
"""

from __future__ import annotations

from tests.tools.register.minuted import Minuted, _a, _d

HORSLEY_COUNCIL = "191.pdf"

SCANNED: tuple[Minuted, ...] = (
    # "14/037 … Subject to this amendment the minutes were agreed as a true record"
    _d(HORSLEY_COUNCIL, "the minutes were agreed as a true record"),
    # "14/039 Public Questions": the district councillor in attendance takes it on
    _a(HORSLEY_COUNCIL, "agreed to ask to see them", "Cllr Blackwell"),
    # "14/041 Nupend Farm Development": a motion, then the group's next step
    _d(
        HORSLEY_COUNCIL,
        "that Council retain the services of Pegasus to act as planning consultants",
        "Howells",
        "N Hackett",
    ),
    _d(HORSLEY_COUNCIL, "It was agreed the group should arrange a meeting immediately"),
    _a(
        HORSLEY_COUNCIL,
        "the group should arrange a meeting immediately with the consultant",
        optional=True,  # the residents' working group, no one named
    ),
    # "14/042 Playing Field"
    _a(HORSLEY_COUNCIL, "he would attempt temporary repairs", "A Caudwell", optional=True),
    _a(HORSLEY_COUNCIL, "the clerk agreed to redistribute the bark", "the Clerk"),
    _d(HORSLEY_COUNCIL, "it was agreed to await further quotations"),
    # "14/043 Highway Matters"
    _a(HORSLEY_COUNCIL, "agreed to try and obtain a date for completion", "Ms McDonagh"),
    # "14/044 Finance"
    _d(HORSLEY_COUNCIL, "The following expenditure was approved"),
    # "14/045 Planning": the council's comment on an application
    _d(HORSLEY_COUNCIL, "Council would not wish to see a separate dwelling", optional=True),
    # "14/048 Councillors Items": owners in a column at the line's end ("Clerk", "NH")
    _a(HORSLEY_COUNCIL, "she was arranging to become the liaison", optional=True),
    _a(HORSLEY_COUNCIL, "requested that Council write in support of the grant", "the Clerk"),
    _d(HORSLEY_COUNCIL, "it was agreed that SDC were the relevant authority"),
    _a(HORSLEY_COUNCIL, "would pass on this information to the resident", "N Hackett"),
    # "14/049 Correspondence": "SDC Rates Demand: Pavilion/Shop Noted."
    _d(HORSLEY_COUNCIL, "Pavilion/Shop Noted", optional=True),
)
