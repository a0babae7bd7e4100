"""A caption for a table printed without one, from the pack's own list of appendices.

A covering report lists its appendices ("Appendix C- Residential Burglary weekly figures",
"Appendix D- Robbery weekly figures", "Appendix E- Hotspot Maps- NW4 and N12"), and the
appendices follow in that order. Where an appendix's title words show up again further on
("Weekly Residential Burglary Performance - Northtown", "Overall figures for NW4 and N12"),
that place anchors it. A table lying between two anchored appendices belongs to the one
listed between them, and only when exactly one is: otherwise no caption is given. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board.measures import content_tokens
from board.profile import BoardProfile
from board.records import Line

_ENTRY = re.compile(
    r"^\s*(?:\*\*)?appendix\s+([A-Z]|\d{1,2})\s*(?:[-–—:.]\s*|\s+)(?P<title>\S.*?)\s*(?:\*\*)?$",
    re.I,
)
# Words an appendix title shares with any other: they anchor nothing.
_GENERIC = {
    "appendix",
    "weekly",
    "week",
    "figure",
    "figures",
    "priority",
    "priorities",
    "update",
    "all",
    "overall",
    "follow",
    "performance",
    "report",
    "plan",
    "data",
}
_MAX_GAP = 4  # lines between entries of one list (blank lines between them)


@dataclass(frozen=True)
class Appendix:
    """One entry of a report's list of appendices, and the line where it is anchored."""

    key: str
    title: str
    listed_at: int  # index of the entry in the lines
    anchor: int | None = None  # index of a later line naming it


def appendix_list(lines: Sequence[Line]) -> list[Appendix]:
    """The first list of appendices in ``lines`` (two or more entries close together)."""
    found: list[Appendix] = []
    for i, line in enumerate(lines):
        if "\t" in line.text:
            continue
        m = _ENTRY.match(line.text)
        if not m:
            continue
        if found and i - found[-1].listed_at > _MAX_GAP:
            if len(found) >= 2:
                break
            found = []
        found.append(Appendix(m.group(1).upper(), m.group("title").strip(), i))
    return found if len(found) >= 2 else []


def _words(text: str, profile: BoardProfile) -> set[str]:
    return {w for w in content_tokens(text, profile) if w not in _GENERIC and not w.isdigit()}


def _names(words: set[str], tokens: set[str]) -> bool:
    """A line names an appendix: its one distinctive word, or at least two and half of them."""
    hits = words & tokens
    if len(words) == 1:
        return hits == words
    return len(hits) >= 2 and 2 * len(hits) >= len(words)


def anchored(
    lines: Sequence[Line], entries: Sequence[Appendix], profile: BoardProfile
) -> list[Appendix]:
    """``entries`` with the first line after the list (not a table row) that names each,
    taken in the list's order."""
    out: list[Appendix] = []
    start = entries[-1].listed_at + 1 if entries else 0
    for entry in entries:
        words = _words(entry.title, profile)
        anchor = None
        if len(words) >= 1:
            for i in range(start, len(lines)):
                text = lines[i].text
                if "\t" in text or _ENTRY.match(text) or len(text) > 200:
                    continue
                if _names(words, set(content_tokens(text, profile))):
                    anchor = i
                    break
        if anchor is not None:
            start = anchor + 1
        out.append(Appendix(entry.key, entry.title, entry.listed_at, anchor))
    return out


def appendix_title(lines: Sequence[Line], index: int, profile: BoardProfile) -> str | None:
    """The list entry ("Appendix D- Robbery weekly figures") of the one appendix that a table
    at ``lines[index]`` can belong to, or None."""
    entries = anchored(lines, appendix_list(lines), profile)
    if not entries or index <= entries[-1].listed_at:
        return None
    before = [k for k, e in enumerate(entries) if e.anchor is not None and e.anchor < index]
    after = [k for k, e in enumerate(entries) if e.anchor is not None and e.anchor > index]
    if not before or not after:
        return None
    between = [e for e in entries[before[-1] + 1 : after[0]] if e.anchor is None]
    if len(between) != 1 or after[0] - before[-1] != 2:
        return None
    return " ".join(lines[between[0].listed_at].text.replace("*", "").split())
