"""The Tesseract adapter: one process per page image, readings cached by the image's hash, and
a clear reason when the command is not installed. Run against a stand-in command."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from ingest.ocr import Tesseract, render_pages
from tests.ingest.pdfs import make_scan

STAND_IN = """#!/bin/sh
if [ "$1" = "--version" ]; then echo "tesseract 5.3.0 (stand-in)"; exit 0; fi
if [ "$1" = "--list-langs" ]; then echo 'List of languages available in "/usr/share" (2):'; echo eng; echo osd; exit 0; fi
# Called as: tesseract stdin stdout -l LANG
echo "$@" >> "{log}"
echo "$(wc -c | tr -d ' ') bytes"
echo "Balances carried forward 1654"
"""


@pytest.fixture
def stand_in(tmp_path: Path) -> tuple[Path, Path]:
    log = tmp_path / "calls.log"
    command = tmp_path / "tesseract"
    command.write_text(STAND_IN.format(log=log), encoding="utf-8")
    command.chmod(command.stat().st_mode | stat.S_IEXEC)
    return command, log


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_each_page_image_is_read_once_and_the_reading_cached(
    tmp_path: Path, stand_in: tuple[Path, Path]
) -> None:
    command, log = stand_in
    ocr = Tesseract(cache=tmp_path / "cache", command=str(command))
    pages = [b"\x89PNG one", b"\x89PNG page two"]

    first = ocr.read(pages)
    again = Tesseract(cache=tmp_path / "cache", command=str(command)).read(pages)

    assert [t.splitlines()[-1] for t in first] == ["Balances carried forward 1654"] * 2
    assert [t.splitlines()[0] for t in first] == ["8 bytes", "13 bytes"]  # each image, in order
    assert again == first
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls == ["stdin stdout -l eng"] * 2  # the second reader took both from the cache


def test_a_missing_command_is_reported_with_how_to_install_it() -> None:
    why = Tesseract(command="no-such-tesseract-here").unavailable()

    assert why is not None and "apt-get install tesseract-ocr" in why


def test_a_stand_in_with_english_data_is_available(stand_in: tuple[Path, Path]) -> None:
    assert Tesseract(command=str(stand_in[0])).unavailable() is None


def test_missing_language_data_is_reported_with_the_package_that_brings_it(
    stand_in: tuple[Path, Path],
) -> None:
    why = Tesseract(command=str(stand_in[0]), language="fra").unavailable()

    assert why is not None and "apt-get install tesseract-ocr-fra" in why


def test_a_page_that_fails_to_read_gives_no_text_not_a_crash(tmp_path: Path) -> None:
    failing = tmp_path / "tesseract"
    failing.write_text("#!/bin/sh\necho 'Error: bad image' >&2\nexit 1\n", encoding="utf-8")
    failing.chmod(failing.stat().st_mode | stat.S_IEXEC)

    assert Tesseract(command=str(failing)).read([b"\x89PNG broken"]) == [""]


def test_pages_are_rendered_as_png_images(tmp_path: Path) -> None:
    scan = make_scan(tmp_path / "scan.pdf", [["one"], ["two"], ["three"]])

    images = render_pages(scan.read_bytes(), [1, 3])

    assert len(images) == 2
    assert all(image.startswith(b"\x89PNG") for image in images)
