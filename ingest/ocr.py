"""OCR for PDF pages that have no text layer (scans): optional, with Tesseract when installed.

A page is rendered with PDFium and its image read by the ``tesseract`` command
(Debian's ``tesseract-ocr``). Without the command the page is not read and the paper
says why in one line; nothing else needs it. What Tesseract read is cached by the
page image's hash, so an unchanged scan is read once, not on every ingest.

    ocr = Tesseract(cache=index / "ocr")   # or a fake with the same two methods in tests
    texts = ocr.read(render_pages(data, [7, 8]))
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from board.files import atomic_write_text

log = logging.getLogger(__name__)

INSTALL_HINT = "install Tesseract to read scans (Debian: apt-get install tesseract-ocr)"
_DPI = 300  # what Tesseract reads best
_PAGE_TIMEOUT_S = 180
# What OCR misreads in the papers: "Cllr" read as "Clir" or "CIlr", a list number's space lost.
_MISREAD = (
    (re.compile(r"\bC[Il1][il1]r(s?)\b"), r"Cllr\1"),
    # a list's number set against its item: "7Planning" is "7 Planning"
    (re.compile(r"^(\d{1,2})(?=[A-Z][a-z])", re.M), r"\1 "),
)


def mend_misreadings(text: str) -> str:
    """OCR'd text with the papers' abbreviations OCR commonly misreads set right."""
    for wrong, right in _MISREAD:
        text = wrong.sub(right, text)
    return text


class PageOcr(Protocol):
    """Reads the text in page images."""

    def unavailable(self) -> str | None:
        """None when pages can be read; otherwise why not, as a hint a person can act on."""
        ...

    def read(self, images: Sequence[bytes]) -> list[str]:
        """The text of each PNG page image, in order ("" for a page it could not read)."""
        ...


class Tesseract:
    """The ``tesseract`` command, one page per process and one thread per page (Tesseract's
    own threads fight each other on a small machine: four times slower here)."""

    def __init__(
        self, *, cache: Path | None = None, language: str = "eng", command: str = "tesseract"
    ) -> None:
        self.cache = cache
        self.language = language
        self.command = command
        self._version: str | None = None

    def unavailable(self) -> str | None:
        if shutil.which(self.command) is None:
            return f"no OCR engine: {INSTALL_HINT}"
        if self.language not in self._languages():
            return (
                f"Tesseract has no '{self.language}' language data: install it to read scans "
                f"(Debian: apt-get install tesseract-ocr-{self.language})"
            )
        return None

    def _languages(self) -> set[str]:
        """The languages Tesseract has data for (``--list-langs`` prints one a line after a
        heading)."""
        try:
            done = subprocess.run(
                [self.command, "--list-langs"], capture_output=True, timeout=30, check=False
            )
        except (subprocess.SubprocessError, OSError):
            return set()
        listed = (done.stdout or done.stderr).decode(errors="replace").splitlines()
        return {line.strip() for line in listed if line.strip() and ":" not in line}

    def read(self, images: Sequence[bytes]) -> list[str]:
        workers = max(1, min(len(images), os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(self._read_one, images))

    def _read_one(self, image: bytes) -> str:
        cached = self._cached(image)
        if cached is not None and cached.exists():
            return cached.read_text(encoding="utf-8")
        try:
            done = subprocess.run(
                [self.command, "stdin", "stdout", "-l", self.language],
                input=image,
                capture_output=True,
                timeout=_PAGE_TIMEOUT_S,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                check=True,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            log.warning("OCR of a page failed (%s)", type(exc).__name__)
            return ""
        text = done.stdout.decode("utf-8", errors="replace")
        if cached is not None:
            atomic_write_text(cached, text)
        return text

    def _cached(self, image: bytes) -> Path | None:
        if self.cache is None:
            return None
        if self._version is None:
            done = subprocess.run([self.command, "--version"], capture_output=True, check=False)
            self._version = (done.stdout or done.stderr).decode(errors="replace").split("\n")[0]
        key = hashlib.sha256(f"{self._version}\0{self.language}\0".encode() + image).hexdigest()
        return self.cache / f"{key[:32]}.txt"


def render_pages(data: bytes, pages: Sequence[int]) -> list[bytes]:
    """PNG images of the given 1-based pages of a PDF, at the resolution OCR reads best."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        images = []
        for number in pages:
            bitmap = document[number - 1].render(scale=_DPI / 72, grayscale=True)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG")
            images.append(buffer.getvalue())
        return images
    finally:
        document.close()
