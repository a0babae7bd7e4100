"""Loaders: one file in, numbered lines out. Each raises IngestError with a reason a person can act on.

Text-like files keep 1-based line numbers of the file itself; PDFs keep page
numbers and the line within the page as its layout is read (a paragraph a line, tables
as tab-joined rows: ingest/pdf_layout.py), or within its OCR'd text when the page is a
scan with no text layer; HTML keeps the source
line of each block; DOCX numbers paragraphs; CSV gives one tab-joined line per record,
numbered by the record's first line in the file.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from board.errors import IngestError, UnsupportedFile
from board.records import Line
from ingest.html_text import html_lines
from ingest.ocr import PageOcr, Tesseract, mend_misreadings, render_pages
from ingest.pdf_layout import read_layout

if TYPE_CHECKING:
    from pypdf import PageObject

log = logging.getLogger(__name__)

# A text file with more of these than this share of its characters is binary.
_CONTROL_SHARE_LIMIT = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


def load_lines(path: Path, data: bytes | None = None, *, ocr: PageOcr | None = None) -> list[Line]:
    """The file's text as numbered lines; raises IngestError when it cannot be read as a paper.

    ``data`` is the file's content when the caller has already read it; ``ocr`` reads the
    pages of a PDF that have no text layer (default: Tesseract, when installed)."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise UnsupportedFile(path.name, f"unsupported file type '{path.suffix or '(none)'}'")
    if data is None:
        data = path.read_bytes()
    if not data.strip():
        raise IngestError(path.name, "empty file")
    lines = _pdf_lines(path.name, data, ocr) if loader is _pdf_lines else loader(path.name, data)
    if not any(line.text.strip() for line in lines):
        raise IngestError(path.name, "no text could be extracted")
    return lines


def decode_text(source: str, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; refuse binary and other encodings."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(source, "marked as UTF-16 but not decodable as UTF-16") from None
    else:
        if b"\x00" in data:
            raise IngestError(source, "binary content, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise IngestError(
                source, f"not UTF-8 text (undecodable byte at offset {exc.start}); save it as UTF-8"
            ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    if controls > _CONTROL_SHARE_LIMIT * len(text):
        raise IngestError(source, "binary content, not text")
    return text


def _text_lines(source: str, data: bytes) -> list[Line]:
    text = decode_text(source, data)
    return [Line(text=t.rstrip("\r"), number=i) for i, t in enumerate(text.split("\n"), start=1)]


# CommonMark: a backslash before ASCII punctuation writes that character ("\\$60.00" is "$60.00").
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _markdown_lines(source: str, data: bytes) -> list[Line]:
    """A markdown file's lines as read, its backslash escapes undone."""
    return [
        Line(text=_MARKDOWN_ESCAPE.sub(r"\1", line.text), number=line.number)
        for line in _text_lines(source, data)
    ]


def _pdf_lines(source: str, data: bytes, ocr: PageOcr | None = None) -> list[Line]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(source, "encrypted PDF (needs a password)")
        texts = [page.extract_text() or "" for page in reader.pages]
        # A page with images and no text layer is a scan: OCR is its only reader.
        scans = [
            n
            for n, page in enumerate(reader.pages, 1)
            if not texts[n - 1].strip() and _pictured(page)
        ]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(source, f"corrupt or unreadable PDF ({type(exc).__name__})") from None
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        if "crypt" in str(exc).lower():
            raise IngestError(source, "encrypted PDF (cannot be decrypted)") from None
        raise IngestError(source, f"corrupt or unreadable PDF ({type(exc).__name__})") from None
    layout = read_layout(data)
    if layout is None or len(layout) != len(texts):
        layout = [text.split("\n") for text in texts]  # the plain text layer, line by line
    # a page whose text layer is glyphs without characters is read as a scan is
    scans = sorted({*scans, *(n for n, page in enumerate(layout, 1) if page is None)})
    readable = any(page and any(t.strip() for t in page) for page in layout)
    read = _read_scans(source, data, scans, readable, ocr or Tesseract())
    lines: list[Line] = []
    for page_no, (text, laid_out) in enumerate(zip(texts, layout, strict=True), start=1):
        from_image = bool(read.get(page_no, "").strip())
        if from_image:
            page_lines = read[page_no].split("\n")
        elif laid_out is None:
            continue  # unreadable, and no OCR: left out with a warning
        else:
            page_lines = laid_out if any(t.strip() for t in laid_out) else text.split("\n")
        for i, t in enumerate(page_lines, start=1):
            lines.append(Line(text=t.rstrip(), number=i, page=page_no, ocr=from_image))
    return lines


def _pictured(page: PageObject) -> bool:
    """Whether a page shows any image (a damaged image list counts as one: let OCR try)."""
    try:
        return len(page.images) > 0
    except Exception:  # pypdf raises assorted errors on damaged image streams
        return True


def _read_scans(
    source: str, data: bytes, scans: list[int], has_text: bool, ocr: PageOcr
) -> dict[int, str]:
    """The OCR'd text of each scanned page; a scan with no OCR engine is refused, scanned
    pages among text pages are left out with a one-line warning."""
    if not scans:
        return {}
    why = ocr.unavailable()
    if why is None:
        try:
            texts = ocr.read(render_pages(data, scans))
            return dict(zip(scans, map(mend_misreadings, texts), strict=True))
        except Exception as exc:  # PDFium refuses some files pypdf reads
            why = f"its pages could not be rendered for OCR ({type(exc).__name__})"
    if not has_text:
        raise IngestError(source, f"scanned PDF with no text layer to read; {why}")
    pages = ", ".join(map(str, scans))
    log.warning("%s: page(s) %s have no text layer and were not read; %s", source, pages, why)
    return {}


def _html_lines(source: str, data: bytes) -> list[Line]:
    return html_lines(decode_text(source, data))


_DELIMITERS = ",;\t|"


def _csv_lines(source: str, data: bytes) -> list[Line]:
    """One line per record, its fields tab-joined (a table row), numbered by the record's first
    line in the file: a quoted field may run over several."""
    import csv

    text = decode_text(source, data)
    # Only the delimiter is sniffed: the sniffer's guesses at quoting are unreliable.
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], _DELIMITERS).delimiter
    except csv.Error:
        delimiter = "\t" if source.lower().endswith(".tsv") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines: list[Line] = []
    start = 1
    try:
        for record in reader:
            if any(field.strip() for field in record):
                fields = (" ".join(field.split()) for field in record)
                lines.append(Line(text="\t".join(fields), number=start))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise IngestError(source, f"malformed CSV at line {reader.line_num} ({exc})") from None
    return lines


def _docx_lines(source: str, data: bytes) -> list[Line]:
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(source, f"corrupt or unreadable DOCX ({type(exc).__name__})") from None
    texts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            texts.extend("\t".join(cell.text.strip() for cell in row.cells) for row in block.rows)
        else:
            style = (block.style.name or "") if block.style is not None else ""
            level = style.removeprefix("Heading ").strip()
            prefix = (
                "#" * int(level) + " " if style.startswith("Heading") and level.isdigit() else ""
            )
            texts.append(prefix + block.text)
    return [Line(text=t, number=i) for i, t in enumerate(texts, start=1)]


LOADERS: dict[str, Callable[[str, bytes], list[Line]]] = {
    ".txt": _text_lines,
    ".md": _markdown_lines,
    ".pdf": _pdf_lines,
    ".html": _html_lines,
    ".htm": _html_lines,
    ".docx": _docx_lines,
    ".csv": _csv_lines,
    ".tsv": _csv_lines,
}
