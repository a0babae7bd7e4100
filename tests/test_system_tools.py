"""The system tools the gates and the users' papers depend on are installed (`make test` and
`make run` install them): a missing one fails here, named, not as a threshold far away."""

from __future__ import annotations

from ingest.ocr import Tesseract


def tesseract_missing() -> str | None:
    """Why scanned pages can't be read here, naming the Debian package; None when they can."""
    why = Tesseract().unavailable()
    if why is None:
        return None
    return (
        f"{why}. The development set's gate asks about scanned pages (norwalk_agenda_1.pdf, "
        "pages 7-15), and users' scans are skipped without it: `make test` installs "
        "tesseract-ocr and tesseract-ocr-eng, unless the machine refused (see its warning)."
    )


def test_tesseract_reads_english_scans() -> None:
    why = tesseract_missing()
    assert why is None, why
