"""Declarations of interest in minutes: who declared an interest in what, and why, in the
forms minutes write them ("Cllr. O. Williams declared an interest in Agenda Item 7 –
PL/00286 (land adjacent to his home)", "… again Declared in Interest …", "There were no
declarations of interest", "Register of Interests: None"), with the lines that say so. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from board.names import NAME_TOKEN, TITLE, strip_title
from board.records import Line
from tools.register.records import lines_locator
from tools.register.text import split_sentences, strip_markup

_ITEM = re.compile(
    r"\b(?:declarations?|disclosures?|register|conflicts?)\s+of\s+(?:\w+\s+)?interests?\b", re.I
)
_WHO = rf"(?:(?:{TITLE}|Cllrs?)\.?\s+)?(?:[A-Z]\.\s*){{0,2}}{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}"
# "declared an interest", "declared and interest", "Declared in Interest", "declared a
# pecuniary interest"
_DECLARED = re.compile(
    rf"(?P<who>{_WHO})\s+(?i:(?:again\s+|also\s+)?declared\s+(?:an?|and|in|his|her|their)\s+"
    r"(?:\w+\s+)?interest\s+(?:in|on|regarding|as)\s+)(?P<about>[^.(]+?)\s*"
    r"(?:\((?P<why>[^)]*)\)|(?=[.;]|\s+and\s+did\b|$))"
)
_NONE = re.compile(
    r"\b(?:no|there\s+were\s+no)\s+(?:declarations?|interests?)\b|\bnone\s+(?:were\s+)?declared\b"
    r"|^\W*none\.?\s*$|\bno\s+declarations?\s+(?:were\s+)?made\b|\bthere\s+(?:were|was)\s+none\b",
    re.I,
)


def declarations(lines: Sequence[Line]) -> dict[str, Any]:
    """The meeting's declarations of interest as Meeting fields: each "who: in what (why)",
    once per person and matter, with the lines; none declared when the minutes say so."""
    found: list[str] = []
    seen: list[tuple[str, str]] = []
    cited: list[tuple[int, int, str]] = []
    sentences = (s for ln in lines if ln.text.strip() for s in split_sentences([ln]))
    for sentence in sentences:
        for m in _DECLARED.finditer(strip_markup(sentence.text)):
            who = strip_title(re.sub(r"^Cllrs?\.?\s+", "", m.group("who")))
            about = " ".join(m.group("about").split()).strip(" –-,")
            why = f" ({m.group('why').strip()})" if m.group("why") else ""
            if not any(who == w and _same_matter(about, a) for w, a in seen):
                found.append(f"{who}: {about}{why}")
                seen.append((who, about))
            cited.append((sentence.line_start, sentence.line_end, sentence.text))
    if found:
        first = cited[0]
        # the declarations' own paragraph, not a later "again declared" under another item
        blank = next(
            (ln.number for ln in lines if ln.number > first[1] and not ln.text.strip()), None
        )
        near = [c for c in cited if blank is None or c[0] < blank]
        text = " ".join(dict.fromkeys(c[2] for c in near))
        return {
            "declarations": tuple(found),
            "declarations_locator": lines_locator(first[0], max(c[1] for c in near)),
            "declarations_text": text,
        }
    return _none_declared([ln for ln in lines if ln.text.strip()])


def _none_declared(lines: Sequence[Line]) -> dict[str, Any]:
    """ "There were no declarations of interest", "Register of Interests" then "None": the
    minutes saying no one declared an interest, with the lines."""
    for index, line in enumerate(lines):
        text = strip_markup(line.text)
        if not _ITEM.search(text):
            continue
        if _NONE.search(_ITEM.sub(" ", text)) or _NONE.search(text.split(":", 1)[-1]):
            return _said(line, line, text)
        after = lines[index + 1] if index + 1 < len(lines) else None
        if after and _NONE.search(strip_markup(after.text)):
            return _said(line, after, f"{text}: {strip_markup(after.text)}")
    return {}


def _said(first: Line, last: Line, text: str) -> dict[str, Any]:
    return {
        "declarations_locator": lines_locator(first.number, last.number),
        "declarations_text": text,
    }


def _same_matter(one: str, other: str) -> bool:
    """Whether two declarations are of one matter: the same words, or a reference in common
    ("Agenda Item 7 – PL/00286" and "Planning Application PL/00286")."""
    refs = set(re.findall(r"\b[\w/]*\d[\w/]*\b", one)) & set(
        re.findall(r"\b[\w/]*\d[\w/]*\b", other)
    )
    return one == other or any("/" in r or len(r) > 2 for r in refs)
