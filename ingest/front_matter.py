"""Front matter: the ``---`` block of ``key: value`` lines a web page's source file opens with.

Only the top-level scalar keys are read (``title``, ``date``); lists and nested keys
are passed over. Pure functions over lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from board.dates import first_date
from board.records import Line

_FENCE = re.compile(r"^---\s*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)\s*$")
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_ISO_DATE = re.compile(r"^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b")
_MAX_LINES = 60


def front_matter(lines: Sequence[Line]) -> tuple[dict[str, str], int]:
    """The front matter's scalar fields, and how many lines (fences included) it takes."""
    if not lines or not _FENCE.match(lines[0].text):
        return {}, 0
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[1:_MAX_LINES], start=1):
        if _CLOSE.match(line.text):
            return fields, i + 1
        if (m := _KEY.match(line.text)) and m.group(2):
            fields.setdefault(m.group(1).lower(), m.group(2).strip("'\""))
    return {}, 0  # no closing fence: a rule in the text, not front matter


def front_matter_date(fields: dict[str, str]) -> date | None:
    """The ``date`` field: ISO ("2020-11-16", "2020-11-16 18:30") or as the papers write dates."""
    value = fields.get("date", "")
    if m := _ISO_DATE.match(value):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return first_date(value)
