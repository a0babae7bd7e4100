"""What a paper is: from the corpus manifest, or inferred from its text when it has no entry."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from board.dates import first_date
from board.errors import ConfigError
from board.records import PAPER_TYPES, Document, Line, iso

MANIFEST_NAME = "manifest.toml"
_HEAD_LINES = 60


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
    source: str, data: bytes, lines: Sequence[Line], entry: dict[str, Any] | None
) -> Document:
    """The Document for a file: manifest fields win; anything missing is inferred from the text."""
    entry = entry or {}
    inferred = infer_metadata(lines)
    meeting_date = entry.get("meeting_date", inferred["meeting_date"])
    return Document(
        source=source,
        title=entry.get("title") or inferred["title"] or Path(source).stem,
        paper_type=entry.get("paper_type") or inferred["paper_type"],
        meeting_date=str(meeting_date) if meeting_date else None,
        sha256=hashlib.sha256(data).hexdigest(),
        body=entry.get("body", inferred["body"]),
        period=entry.get("period"),
    )


def _clean(text: str) -> str:
    return re.sub(r"[*#_]+", "", text).strip()


MINUTES_TITLE = re.compile(
    r"^(?:draft |confirmed |unconfirmed )?minutes\b(?! of the previous)", re.I
)
_TITLE_LINES = 5  # a paper's title is among its first lines


def infer_metadata(lines: Sequence[Line]) -> dict[str, Any]:
    """Title, paper type, body and meeting date read from the head of a paper."""
    head = [_clean(line.text) for line in lines[:_HEAD_LINES]]
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

    if re.search(r"ORDER OF BUSINESS|^AGENDA\b", text, re.M | re.I) and paper_type != "minutes":
        paper_type = "pack"
    elif re.search(r"\bstrategy\b", nonblank[0] if nonblank else "", re.I) and not title:
        paper_type = "strategy"
    if meeting_date is None:
        meeting_date = first_date("\n".join(nonblank[:8]))
    if title is None:
        title = _infer_title(nonblank, body, paper_type, iso(meeting_date))
    return {
        "title": title,
        "paper_type": paper_type,
        "body": body,
        "meeting_date": iso(meeting_date),
    }


def _infer_title(
    nonblank: list[str], body: str, paper_type: str, meeting_date: str | None
) -> str | None:
    if paper_type == "pack" and body:
        return f"{body} agenda pack" + (f", {meeting_date}" if meeting_date else "")
    for t in nonblank:
        if len(t) <= 120 and "\t" not in t and t.upper() not in {"MEETING", "MINUTES"}:
            return t
    return None
