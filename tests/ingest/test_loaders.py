"""Loaders: lines with the right line and page numbers, or a clear reason the file was refused."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from board.errors import IngestError, UnsupportedFile
from board.records import Line
from ingest.loaders import load_lines
from tests.ingest.pdfs import make_pdf, make_scan
from tests.profiles import BARNET


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


# --- text formats -----------------------------------------------------------------------------


def test_txt_keeps_the_files_own_1_based_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "minutes.txt", "MINUTES\n\n6.1 Property crime\r\nBurglary fell by 1%.\n")

    lines = load_lines(path)

    by_number = {line.number: line.text for line in lines}
    assert by_number[1] == "MINUTES"
    assert by_number[2] == ""
    assert by_number[3] == "6.1 Property crime"  # the \r of a Windows line end is gone
    assert by_number[4] == "Burglary fell by 1%."
    assert all(line.page is None for line in lines)


def test_txt_with_a_utf8_bom_reads_without_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", "\ufeffSafer Communities Strategy\n".encode())

    assert load_lines(path)[0].text == "Safer Communities Strategy"


def test_markdown_is_read_line_for_line(tmp_path: Path) -> None:
    path = write(tmp_path, "update.md", "# CCTV update\n\n- **500** thieves uploaded to ANPR\n")

    lines = load_lines(path)

    assert [(line.number, line.text) for line in lines if line.text] == [
        (1, "# CCTV update"),
        (3, "- **500** thieves uploaded to ANPR"),
    ]


def test_markdown_escapes_read_as_the_characters_they_write(tmp_path: Path) -> None:
    path = write(tmp_path, "minutes.md", "A fee of \\$60.00 per time, item 4\\.2, C:\\new\n")

    [line] = [line for line in load_lines(path) if line.text]

    assert line.text == "A fee of $60.00 per time, item 4.2, C:\\new"


HTML = """<html><head><title>ignored</title><style>p { color: red }</style></head>
<body>
<h2>Minutes</h2>
<p>The Board noted
the report.</p>
<table>
<tr><th>Crime</th><th>Offences</th></tr>
<tr><td>Burglary</td><td><ul><li>2576</li><li>rising</li></ul></td></tr>
</table>
<ul><li>Chairman to write to MOPAC</li></ul>
<script>var tracking = 1;</script>
</body></html>
"""


def test_html_blocks_keep_their_source_line(tmp_path: Path) -> None:
    lines = load_lines(write(tmp_path, "minutes.html", HTML))

    by_text = {line.text: line.number for line in lines}
    assert by_text["## Minutes"] == 3
    assert by_text["The Board noted the report."] == 4  # a paragraph over two source lines
    assert by_text["Chairman to write to MOPAC"] == 10


def test_html_table_rows_are_tab_joined_with_a_list_in_a_cell_kept_in_its_row(
    tmp_path: Path,
) -> None:
    lines = load_lines(write(tmp_path, "table.htm", HTML))

    assert "Crime\tOffences" in texts(lines)
    assert "Burglary\t2576 rising" in texts(lines)
    # The <li>s inside the cell are not repeated as lines of their own.
    assert "2576" not in texts(lines)
    assert "rising" not in texts(lines)


def test_html_drops_scripts_styles_and_head(tmp_path: Path) -> None:
    joined = "\n".join(texts(load_lines(write(tmp_path, "minutes.html", HTML))))

    assert "tracking" not in joined
    assert "color: red" not in joined
    assert "ignored" not in joined


# A fragment as a council's website serves it: no <html>, a date and text straight after
# the opening tag, bare text after a heading, <br> line breaks, a definition list.
FRAGMENT = """<button class="clear" onClick="reloadThePage()"><span>×</span></button>
<div class="minutes">
<time datetime="2020-11-11">11 November 2020</time>

The Council held its meeting via Zoom on the 11th November 2020.
<h4>2. MINUTES OF THE LAST MEETING</h4>
Agreed as correct.<br>To be signed by the Chair
<h4>7. PLANNING</h4>
<dl><dt>PL/00489</dt>
<dd>Land at<br>
Penybanc</dd></dl>
<!-- reviewed by the clerk -->
<p>9<sup>th</sup> December 2020<br>
CHAIRPERSON</p>
</div>
"""


def test_html_keeps_bare_text_after_a_heading_in_reading_order(tmp_path: Path) -> None:
    lines = load_lines(write(tmp_path, "minutes_2020-11.html", FRAGMENT))

    assert [(line.number, line.text) for line in lines] == [
        (3, "11 November 2020"),
        (5, "The Council held its meeting via Zoom on the 11th November 2020."),
        (6, "#### 2. MINUTES OF THE LAST MEETING"),
        (7, "Agreed as correct."),
        (7, "To be signed by the Chair"),
        (8, "#### 7. PLANNING"),
        (9, "PL/00489"),
        (10, "Land at"),
        (11, "Penybanc"),
        (13, "9th December 2020"),  # inline markup does not split a word
        (14, "CHAIRPERSON"),
    ]


def test_html_text_after_a_table_and_between_blocks_is_kept(tmp_path: Path) -> None:
    page = (
        "<h2>Item 3</h2>Figures below.\n<table><tr><th>Crime</th><th>2016</th></tr>\n"
        "<tr><td>Burglary</td><td>2,576</td></tr></table>\nThe Board noted the table."
        "<p>Next paragraph.</p>and its tail"
    )

    lines = load_lines(write(tmp_path, "report.html", page))

    assert [(line.number, line.text) for line in lines] == [
        (1, "## Item 3"),
        (1, "Figures below."),
        (2, "Crime\t2016"),
        (3, "Burglary\t2,576"),
        (4, "The Board noted the table."),
        (4, "Next paragraph."),
        (4, "and its tail"),
    ]


def test_html_preformatted_text_keeps_its_lines(tmp_path: Path) -> None:
    lines = load_lines(
        write(tmp_path, "notes.html", "<p>Totals</p>\n<pre>Burglary  2576\nRobbery    812</pre>")
    )

    assert [(line.number, line.text) for line in lines] == [
        (1, "Totals"),
        (2, "Burglary  2576"),
        (3, "Robbery    812"),
    ]


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_records_are_tab_joined_rows_at_their_own_line(tmp_path: Path) -> None:
    data = (
        "area_name,indicator,value\r\n"
        "Gorse Hill,Anti-social behaviour,26.7\r\n"
        '"Bucklow-St Martins","Anti-social behaviour, all ""types""",25.4\r\n'
        "\r\n"
        '"Hale\r\nBarns",Anti-social behaviour,8.1\r\n'
        "Timperley,Anti-social behaviour,5.3\r\n"
    )

    lines = load_lines(write(tmp_path, "anti-social_behaviour.csv", data.encode()))

    assert [(line.number, line.text) for line in lines] == [
        (1, "area_name\tindicator\tvalue"),
        (2, "Gorse Hill\tAnti-social behaviour\t26.7"),
        (3, 'Bucklow-St Martins\tAnti-social behaviour, all "types"\t25.4'),
        (5, "Hale Barns\tAnti-social behaviour\t8.1"),  # a quoted field over two lines
        (7, "Timperley\tAnti-social behaviour\t5.3"),
    ]


def test_csv_with_semicolons_is_read_by_its_own_delimiter(tmp_path: Path) -> None:
    lines = load_lines(write(tmp_path, "crimes.csv", "Crime;2016;2017\nBurglary;2,550;2,576\n"))

    assert texts(lines) == ["Crime\t2016\t2017", "Burglary\t2,550\t2,576"]


# --- DOCX ---------------------------------------------------------------------------------------


def test_docx_paragraphs_headings_and_table_rows_in_reading_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Minutes of the meeting", level=1)
    document.add_paragraph("The Board agreed the action plan.")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Crime",
        (0, 1): "Offences",
        (1, 0): "Burglary",
        (1, 1): "2576",
    }.items():
        table.cell(row, col).text = text
    document.add_paragraph("After the table.")
    path = tmp_path / "minutes.docx"
    document.save(str(path))

    lines = load_lines(path)

    assert [(line.number, line.text) for line in lines] == [
        (1, "# Minutes of the meeting"),
        (2, "The Board agreed the action plan."),
        (3, "Crime\tOffences"),
        (4, "Burglary\t2576"),
        (5, "After the table."),
    ]


# --- PDF ----------------------------------------------------------------------------------------


def test_pdf_lines_carry_their_page(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "report.pdf",
        [
            ["Burglary fell by 6 per cent.", "Robbery was stable."],
            ["Knife crime rose on page two."],
        ],
    )

    lines = [line for line in load_lines(path) if line.text.strip()]

    assert [(line.page, line.number, line.text) for line in lines] == [
        (1, 1, "Burglary fell by 6 per cent."),
        (1, 2, "Robbery was stable."),
        (2, 1, "Knife crime rose on page two."),
    ]


def test_pdf_with_an_empty_user_password_opens(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [["Open to all readers."]])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="", owner_password="owner-only")
    locked = tmp_path / "owner_locked.pdf"
    writer.write(str(locked))

    assert "Open to all readers." in texts(load_lines(locked))


# --- scans: PDF pages with no text layer ---------------------------------------------------------

HAS_TESSERACT = shutil.which("tesseract") is not None


class FakeOcr:
    """An OCR engine that reads every page as ``text``, or is not installed."""

    def __init__(self, text: str = "", *, installed: bool = True) -> None:
        self.text, self.installed, self.pages_read = text, installed, 0

    def unavailable(self) -> str | None:
        return None if self.installed else "no OCR engine: install Tesseract to read scans"

    def read(self, images: Sequence[bytes]) -> list[str]:
        self.pages_read += len(images)
        assert all(image.startswith(b"\x89PNG") for image in images)
        return [self.text] * len(images)


@pytest.mark.skipif(
    not HAS_TESSERACT, reason="Tesseract is not installed (apt-get install tesseract-ocr)"
)
def test_a_scanned_page_is_read_by_tesseract_and_the_paper_says_it_was_ocrd(tmp_path: Path) -> None:
    from ingest.metadata import describe

    scan = make_scan(
        tmp_path / "scan.pdf", [["Burglary fell by 6 per cent.", "Robbery was stable in Hendon."]]
    )

    lines = [line for line in load_lines(scan) if line.text.strip()]
    doc = describe(scan.name, scan.read_bytes(), lines, None, profile=BARNET)

    assert [line.text for line in lines] == [
        "Burglary fell by 6 per cent.",
        "Robbery was stable in Hendon.",
    ]
    assert all(line.page == 1 and line.ocr for line in lines)
    assert doc.ocr is True


def test_only_the_pages_without_a_text_layer_are_ocrd(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    from ingest.metadata import describe

    writer = PdfWriter()
    writer.append(str(make_pdf(tmp_path / "text.pdf", [["Burglary fell by 6 per cent."]])))
    writer.append(str(make_scan(tmp_path / "scan.pdf", [["Warrant register"]])))
    writer.append(str(make_pdf(tmp_path / "blank.pdf", [[]])))  # nothing to read on it
    mixed = tmp_path / "pack.pdf"
    writer.write(str(mixed))
    ocr = FakeOcr("Warrant register: 12 cheques")

    lines = [line for line in load_lines(mixed, ocr=ocr) if line.text.strip()]

    assert [(line.page, line.text, line.ocr) for line in lines] == [
        (1, "Burglary fell by 6 per cent.", False),
        (2, "Warrant register: 12 cheques", True),
    ]
    assert ocr.pages_read == 1
    assert describe(mixed.name, mixed.read_bytes(), lines, None, profile=BARNET).ocr is True
    text_only = make_pdf(tmp_path / "report.pdf", [["Robbery was stable."]])
    assert (
        describe(text_only.name, b"", load_lines(text_only, ocr=ocr), None, profile=BARNET).ocr
        is False
    )


def test_a_scan_without_an_ocr_engine_is_refused_in_one_line_naming_the_fix(
    tmp_path: Path,
) -> None:
    scan = make_scan(tmp_path / "finstats.pdf", [["Balances carried forward 1654"], ["Page 2"]])

    with pytest.raises(IngestError) as info:
        load_lines(scan, ocr=FakeOcr(installed=False))

    assert info.value.source == "finstats.pdf"
    assert "no text layer" in info.value.reason
    assert "install Tesseract" in info.value.reason
    assert "\n" not in str(info.value)


def test_scanned_pages_among_text_pages_without_an_engine_leave_the_text_and_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.append(str(make_pdf(tmp_path / "text.pdf", [["Agenda: 1. Apologies"]])))
    writer.append(str(make_scan(tmp_path / "scan.pdf", [["Warrant register"]])))
    pack = tmp_path / "agenda_pack.pdf"
    writer.write(str(pack))

    with caplog.at_level("WARNING"):
        lines = load_lines(pack, ocr=FakeOcr(installed=False))

    assert [line.text for line in lines if line.text.strip()] == ["Agenda: 1. Apologies"]
    (warning,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert "agenda_pack.pdf: page(s) 2 have no text layer" in warning
    assert "install Tesseract" in warning


# --- refused files: each names the file and says why --------------------------------------------


def refused(path: Path) -> IngestError:
    with pytest.raises(IngestError) as info:
        load_lines(path)
    error = info.value
    assert error.source == path.name
    assert str(error).startswith(f"{path.name}: ")
    return error


def test_empty_file_is_refused(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "empty.txt", b"")).reason == "empty file"


def test_whitespace_only_file_is_refused_as_empty(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "blank.md", b"  \n\t\n \r\n")).reason == "empty file"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff" * 40, id="nul-bytes"),
        pytest.param(bytes(range(1, 32)) * 30, id="control-characters"),
    ],
)
def test_binary_junk_named_txt_is_refused(tmp_path: Path, data: bytes) -> None:
    assert "binary" in refused(write(tmp_path, "junk.txt", data)).reason


def test_latin1_text_is_refused_with_a_hint_to_save_as_utf8(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "minutes.txt", b"caf\xe9 \xff\xfe minutes of the board\n"))

    assert "not UTF-8" in error.reason
    assert "offset 3" in error.reason  # where the first bad byte is
    assert "save it as UTF-8" in error.reason


def test_html_in_another_encoding_is_refused(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "page.html", b"<p>Caf\xe9 meeting</p>"))

    assert "not UTF-8" in error.reason


def test_junk_starting_with_a_utf16_bom_is_refused_not_a_crash(tmp_path: Path) -> None:
    refused(write(tmp_path, "junk.txt", b"\xff\xfe" + bytes(range(256)) * 4))


def test_garbage_named_pdf_is_refused_as_corrupt(tmp_path: Path) -> None:
    junk = bytes((i * 37 + 11) % 256 for i in range(2000))

    assert "corrupt or unreadable PDF" in refused(write(tmp_path, "pack.pdf", junk)).reason


def test_truncated_pdf_is_refused_as_corrupt(tmp_path: Path) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [["Burglary fell by 6 per cent."], ["Page two."]])
    data = whole.read_bytes()
    truncated = write(tmp_path, "truncated.pdf", data[: len(data) // 2])

    assert "corrupt or unreadable PDF" in refused(truncated).reason


def test_password_protected_pdf_is_refused_as_encrypted(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [["Restricted: chief officers only."]])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="secret")
    locked = tmp_path / "restricted.pdf"
    writer.write(str(locked))

    assert "encrypted PDF" in refused(locked).reason


def test_pdf_without_any_text_is_refused(tmp_path: Path) -> None:
    scanned = make_pdf(tmp_path / "scan.pdf", [[]])

    assert refused(scanned).reason == "no text could be extracted"


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    assert (
        "corrupt or unreadable DOCX" in refused(write(tmp_path, "paper.docx", b"not a zip")).reason
    )


@pytest.mark.parametrize("name", ["figures.xlsx", "setup.exe", "README"])
def test_unsupported_extension_is_refused_by_type(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, b"PK\x03\x04 some bytes")

    with pytest.raises(UnsupportedFile) as info:
        load_lines(path)

    assert info.value.source == name
    assert "unsupported file type" in info.value.reason
    assert (Path(name).suffix or "(none)") in info.value.reason


def test_what_ocr_misreads_in_the_papers_abbreviations_is_set_right(tmp_path: Path) -> None:
    scan = make_scan(tmp_path / "scan.pdf", [["Present"]])

    lines = load_lines(scan, ocr=FakeOcr("Present: Clir N Hackett (Chairman), Clirs Howells"))

    assert [line.text for line in lines if line.text.strip()] == [
        "Present: Cllr N Hackett (Chairman), Cllrs Howells"
    ]


def test_a_list_number_ocr_sets_against_its_item_is_set_apart(tmp_path: Path) -> None:
    scan = make_scan(tmp_path / "scan.pdf", [["Agenda"]])

    lines = load_lines(scan, ocr=FakeOcr("6 Correspondence\n7Planning - Dairy\n2014 budget"))

    assert [line.text for line in lines if line.text.strip()] == [
        "6 Correspondence",
        "7 Planning - Dairy",
        "2014 budget",
    ]
