"""Whether a line heads a minutes paper's attendance list: one rule for the ingest (paper types
and titles) and the register (where the minutes' items begin). Pure."""

from __future__ import annotations

import re

from board.profile import BoardProfile

_LEAD = re.compile(r"^[\s#*o•\uf0b7-]*")


def unbulleted(line: str) -> str:
    """A line without the markup and bullet it opens with."""
    return _LEAD.sub("", line)


def is_attendance_heading(line: str, profile: BoardProfile) -> bool:
    """Whether a line heads a minutes paper's attendance list ("PRESENT", "Attendees:",
    "Commissioners Present: ..."), by the profile's words."""
    text = unbulleted(line)
    label = (text.split(":", 1)[0] if ":" in text else text).strip(" #*\t").lower()
    words = label.split()
    return 0 < len(words) <= 3 and any(
        label == w or label.endswith(f" {w}") for w in profile.attendance_words
    )
