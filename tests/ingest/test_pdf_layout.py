"""PDF pages read as a person reads them: paragraphs whole, running heads and page numbers
gone, columns one after the other, tables as rows of cells. The PDFs are drawn here with
reportlab, each feature placed where a real paper puts it."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders import load_lines
from ingest.pdf_layout import read_layout

BODY = 11


def _draw(path: Path, pages: list[list[tuple[float, float, str, float]]]) -> bytes:
    """A PDF whose pages hold (x, y, text, size) strings, y from the page's foot."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for page in pages:
        for x, y, text, size in page:
            pdf.setFont("Helvetica", size)
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return path.read_bytes()


def _wrapped(text: str, x: float, y: float, width: int) -> list[tuple[float, float, str, float]]:
    """Text set in lines of ``width`` characters, as a word processor wraps it."""
    import textwrap

    return [
        (x, y - 14 * i, line, BODY)
        for i, line in enumerate(textwrap.wrap(text, width, break_on_hyphens=False))
    ]


PARAGRAPH = (
    "The Board noted that residential burglary had fallen by 12 per cent over the year and "
    "asked the Community Safety Manager to report on the work of the neighbourhood teams at "
    "its next meeting, with figures for each ward."
)


def test_a_paragraph_wrapped_at_the_margin_is_one_line(tmp_path: Path) -> None:
    page = [(72, 760, "5. Burglary", BODY), *_wrapped(PARAGRAPH, 72, 730, 70)]
    page.append((72, 650, "The Chairman thanked the officers.", BODY))
    [lines] = read_layout(_draw(tmp_path / "m.pdf", [page])) or []

    assert [line for line in lines if line] == [
        "5. Burglary",
        PARAGRAPH,
        "The Chairman thanked the officers.",
    ]


def test_a_word_broken_at_the_margin_is_rejoined(tmp_path: Path) -> None:
    page = [
        (
            72,
            760,
            "The ordinance provides for the usual daily operation of a municipal consti-",
            BODY,
        ),
        (72, 746, "tutes an emergency measure for the health and safety of the people.", BODY),
    ]
    [lines] = read_layout(_draw(tmp_path / "h.pdf", [page])) or []

    assert "municipal constitutes an emergency measure" in lines[0]


def test_running_heads_feet_and_page_numbers_are_read_once_or_not_at_all(tmp_path: Path) -> None:
    pages = [
        [
            (72, 800, "Safer Neighbourhoods Panel - Minutes", 9),
            (72, 700, f"Item {n}: the panel heard the report on page {n}.", BODY),
            (72, 40, "Registered office: Town Hall, High Street", 8),
            (280, 25, f"Page {n} of 3", 8),
        ]
        for n in (1, 2, 3)
    ]
    read = read_layout(_draw(tmp_path / "r.pdf", pages)) or []

    assert [[line for line in page if line] for page in read] == [
        ["Safer Neighbourhoods Panel - Minutes", "Item 1: the panel heard the report on page 1."],
        ["Item 2: the panel heard the report on page 2."],
        ["Item 3: the panel heard the report on page 3."],
    ]


def test_a_superscript_stays_in_its_word(tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = "The forum will be held at the Riverside on 30"
    end = 72 + stringWidth(text, "Helvetica", BODY)
    page = [
        (72, 760, text, BODY),
        (end, 765, "th", 7),
        (
            end + stringWidth("th", "Helvetica", 7) + stringWidth(" ", "Helvetica", BODY),
            760,
            "June.",
            BODY,
        ),
    ]
    [lines] = read_layout(_draw(tmp_path / "s.pdf", [page])) or []

    assert lines == ["The forum will be held at the Riverside on 30th June."]


def test_a_page_in_two_columns_is_read_column_by_column(tmp_path: Path) -> None:
    left = "The council heard the report of the clerk on the state of the village green. " * 3
    right = "Members agreed to write to the highways authority about the blocked drains. " * 3
    page = _wrapped(left, 50, 760, 40) + _wrapped(right, 320, 760, 40)
    [lines] = read_layout(_draw(tmp_path / "c.pdf", [page])) or []

    text = " ".join(lines)
    assert text.index("village green") < text.index("highways authority")
    assert "clerk on the state of the village green. The council" in text


def test_a_table_set_without_rules_becomes_rows_of_cells(tmp_path: Path) -> None:
    rows = [
        ("Offence", "This year", "Last year", "Change"),
        ("Burglary", "1,124", "996", "-11.4%"),
        ("Robbery", "412", "380", "-7.8%"),
        ("Vehicle crime", "2,030", "2,210", "8.9%"),
    ]
    page = [(72, 760, "Table 1: Offences recorded", BODY)]
    for i, row in enumerate(rows):
        page += [
            (x, 730 - 16 * i, cell, BODY) for x, cell in zip((72, 250, 340, 430), row, strict=True)
        ]
    [lines] = read_layout(_draw(tmp_path / "t.pdf", [page])) or []

    assert [line for line in lines if line] == [
        "Table 1: Offences recorded",
        *("\t".join(row) for row in rows),
    ]


def test_a_numbered_list_and_dates_in_two_columns_are_no_table(tmp_path: Path) -> None:
    items = ["To receive apologies", "To approve the minutes", "Finance", "Correspondence"]
    page = [
        (x, 760 - 16 * i, text, BODY)
        for i, t in enumerate(items)
        for x, text in ((72, f"{i + 1}."), (110, t))
    ]
    [lines] = read_layout(_draw(tmp_path / "a.pdf", [page])) or []

    assert not any("\t" in line for line in lines)
    assert lines[2] == "3. Finance"


def test_pdf_lines_keep_page_and_line_locators(tmp_path: Path) -> None:
    pages = [
        [(72, 760, "Minutes of the meeting", BODY), (72, 700, "The Board met.", BODY)],
        [(72, 760, "Knife crime rose on page two.", BODY)],
    ]
    path = tmp_path / "p.pdf"
    _draw(path, pages)

    lines = [(line.page, line.number, line.text) for line in load_lines(path) if line.text]
    assert lines == [
        (1, 1, "Minutes of the meeting"),
        (1, 3, "The Board met."),  # line 2 is the space between them
        (2, 1, "Knife crime rose on page two."),
    ]


def test_a_ruled_table_with_merged_cells_keeps_each_figure_under_its_year(
    tmp_path: Path,
) -> None:
    """A header ruled finer than the merged cells of the body below it: each year's label
    goes over the figure its merged cell holds."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    years = ["2016", "2017", "2018"]
    # each year three narrow columns wide: its label ruled over the middle one, its figure
    # in a cell merged across all three
    header = [""] + [c for y in years for c in ("", y, "")]
    body = ["Calls for Service"] + [
        c for v in ("101,178", "123,446", "120,494") for c in (v, "", "")
    ]
    table = Table([header, body])
    spans = [("SPAN", (c, 1), (c + 2, 1)) for c in (1, 4, 7)]
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spans]))
    path = tmp_path / "ruled.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    [lines] = read_layout(path.read_bytes()) or []

    assert [line.split("\t") for line in lines if line] == [
        ["", *years],
        ["Calls for Service", "101,178", "123,446", "120,494"],
    ]


def _spaced(path: Path, lines: list[tuple[str, float, float]]) -> bytes:
    """A PDF of lines (text, char space, word space): text set tight or letter-spaced."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for row, (text, char_space, word_space) in enumerate(lines):
        obj = pdf.beginText(72, 760 - 30 * row)
        obj.setFont("Helvetica", BODY)
        obj.setCharSpace(char_space)
        obj.setWordSpace(word_space)
        obj.textLine(text)
        pdf.drawText(obj)
    pdf.showPage()
    pdf.save()
    return path.read_bytes()


def test_words_set_tight_keep_their_spaces_and_letter_spacing_is_closed_up(
    tmp_path: Path,
) -> None:
    tight = (
        "The Clerk checked the following day and was advised that the same solicitor could not act"
    )
    data = _spaced(tmp_path / "t.pdf", [(tight, 0, -2.2), ("C h a i r m a n", -1.3, 0)])
    [lines] = read_layout(data) or []

    assert [line for line in lines if line] == [tight, "Chairman"]
