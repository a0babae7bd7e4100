"""What a paper is: from the corpus manifest, or inferred from its text when it has no entry.

A meeting date is trusted in this order: the paper's own heading ("DATE AND TIME",
"Meeting Date:", "Minutes of the meeting held on …", else the first date near the
title that is not another meeting's), the front matter's ``date``, a date in the
file name.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from board.attendance import is_attendance_heading, unbulleted
from board.dates import first_date
from board.errors import ConfigError
from board.profile import BoardProfile
from board.records import PAPER_TYPES, Document, Line, iso
from ingest.front_matter import front_matter, front_matter_date
from ingest.titles import reads_as_title

MANIFEST_NAME = "manifest.toml"
_HEAD_LINES = 60
_TITLE_LINES = 8  # a date this near the top is the heading's
_TITLE_SEARCH = 20  # a title is among a paper's first lines, not deep in its text
# A date in these phrases is another meeting's: "the minutes of the last meeting held on the
# 14th October", "Previous Minutes – 19th April 2013", "date of next meeting: 9 December".
_OTHER_MEETING = re.compile(
    r"\b(?:previous|last|prior|preceding|earlier|next|following|future)\s+"
    r"(?:meetings?|minutes)\b[^.;\n]{0,60}",
    re.I,
)
# Year first, so not ambiguous: "minutes_2021-01-26_.pdf", "Notice-001-2023.06.01-closed.pdf".
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?!\d)")


def load_manifest(corpus: Path) -> dict[str, dict[str, Any]]:
    """The manifest's entries by file name; an absent manifest is an empty one."""
    path = corpus / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        papers = tomllib.loads(path.read_text(encoding="utf-8")).get("papers", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    for name, entry in papers.items():
        kind = entry.get("paper_type")
        if kind is not None and kind not in PAPER_TYPES:
            raise ConfigError(f"{path}: {name}: paper_type must be one of {', '.join(PAPER_TYPES)}")
    return dict(papers)


def describe(
    source: str,
    data: bytes,
    lines: Sequence[Line],
    entry: dict[str, Any] | None,
    profile: BoardProfile,
) -> Document:
    """The Document for a file: manifest fields win; anything missing is inferred from the text
    (its title by the rule every title is chosen by, under the board's ``profile``)."""
    entry = entry or {}
    inferred = infer_metadata(lines, profile)
    meeting_date = entry.get("meeting_date", inferred["meeting_date"] or iso(name_date(source)))
    return Document(
        source=source,
        title=entry.get("title") or inferred["title"] or name_title(source),
        paper_type=entry.get("paper_type") or inferred["paper_type"],
        meeting_date=str(meeting_date) if meeting_date else None,
        sha256=hashlib.sha256(data).hexdigest(),
        body=entry.get("body", inferred["body"]),
        period=entry.get("period"),
        ocr=any(line.ocr for line in lines),
    )


def _clean(text: str) -> str:
    return re.sub(r"[*#_]+", "", text).strip()


MINUTES_TITLE = re.compile(
    r"^(?:draft |confirmed |unconfirmed )?minutes\b(?! of the previous)", re.I
)


def name_title(source: str) -> str:
    """A title from a file name: "anti-social_behaviour.csv" -> "Anti-social behaviour"."""
    title = " ".join(Path(source).stem.replace("_", " ").split()) or source
    return title[0].upper() + title[1:]


def name_date(source: str) -> date | None:
    """A full year-first date in a file name, or None."""
    for m in _NAME_DATE.finditer(Path(source).stem):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


def heading_date(head: Sequence[str]) -> date | None:
    """The first date near the title that is not another meeting's."""
    return first_date(_OTHER_MEETING.sub(" ", "\n".join(head[:_TITLE_LINES])))


def infer_metadata(lines: Sequence[Line], profile: BoardProfile) -> dict[str, Any]:
    """Title, paper type, body and meeting date read from the head of a paper."""
    fields, skip = front_matter(lines)
    head = [_clean(line.text) for line in lines[skip : skip + _HEAD_LINES]]
    nonblank = [t for t in head if t]
    text = "\n".join(nonblank)
    meeting_date = None
    title = None
    body = ""
    paper_type = "report"

    for i, t in enumerate(nonblank):
        upper = t.upper()
        if upper == "DATE AND TIME" and i + 1 < len(nonblank):
            meeting_date = first_date(nonblank[i + 1])
        elif upper == "MEETING" and i + 1 < len(nonblank):
            body = nonblank[i + 1].title()
        elif upper.startswith("MEETING DATE:"):
            meeting_date = meeting_date or first_date(t)
        elif upper.startswith("REPORT NAME:"):
            title = t.split(":", 1)[1].strip()
        elif upper.startswith("MEETING:") and not body:
            body = t.split(":", 1)[1].strip()
        if i < _TITLE_LINES and MINUTES_TITLE.match(t):
            # "Minutes of the meeting held on …", "Minutes of the meeting of the X Forum
            # held on …", "MINUTES – Parish Council, 4 March 2024": minutes, whoever wrote them.
            paper_type = "minutes"
            held = re.search(r"\bheld\b.*", t, re.I)
            meeting_date = meeting_date or first_date(held.group(0) if held else t)

    agenda = re.search(r"ORDER OF BUSINESS|^AGENDA\b", text, re.M | re.I)
    if paper_type != "minutes" and not agenda and records_meeting(nonblank, profile):
        paper_type = "minutes"
    if agenda and paper_type != "minutes":
        paper_type = "pack"
    elif re.search(r"\bstrategy\b", nonblank[0] if nonblank else "", re.I) and not title:
        paper_type = "strategy"
    if meeting_date is None:
        meeting_date = heading_date(nonblank) or front_matter_date(fields)
    title = title or fields.get("title")
    if title is None:
        title = _infer_title(nonblank, body, paper_type, iso(meeting_date), profile)
    return {
        "title": title,
        "paper_type": paper_type,
        "body": body,
        "meeting_date": iso(meeting_date),
    }


_MINUTES_WORD = re.compile(r"\bminutes\b(?! of the (?:previous|last)\b)", re.I)


def records_meeting(head: Sequence[str], profile: BoardProfile) -> bool:
    """Whether a paper's head is a meeting's record: a title line that calls it minutes
    ("OPEN BOARD MEETING MINUTES", "Commission Meeting Minutes"), or an attendance list's
    heading ("Present", "Attendees:", "Commissioners Present:") near the top."""
    for i, line in enumerate(head[: 2 * _TITLE_LINES]):
        text = unbulleted(line)
        if i < _TITLE_LINES and not text[:1].isdigit() and _MINUTES_WORD.search(text):
            return True
        if is_attendance_heading(line, profile):
            return True
    return False


def _infer_title(
    nonblank: list[str], body: str, paper_type: str, meeting_date: str | None, profile: BoardProfile
) -> str | None:
    if paper_type == "pack" and body:
        return f"{body} agenda pack" + (f", {meeting_date}" if meeting_date else "")
    for t in (" ".join(t.split()) for t in nonblank[:_TITLE_SEARCH] if "\t" not in t):
        if t.upper() not in {"MEETING", "MINUTES"} and reads_as_title(t, profile):
            return t
    return None
