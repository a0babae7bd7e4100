"""Who chaired a meeting and where it was held, as minutes of any house style write them at
their head: "D Richardson (Chair)" in the attendance list, "Cllr. O. Williams took the
Chair", "Chair: …", "IN THE CHAIR: …", "… presided", "… called the meeting to order";
"Venue: …", "Place <tab> …", "Held in the Pearce Institute at 7 p.m.", "held their meeting
via Zoom", "Minutes from Monday, January 29, 2018 – 9:00am at Carbon Arc Bar & Board".
The words for a chair and a venue are the profile's. Pure functions over the lines' texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from board.names import TITLE, strip_title
from board.profile import BoardProfile

_NAME = r"(?:[A-Z][a-z'’-]+|[A-Z]\.?)(?: +(?:[A-Z][a-z'’-]+|[A-Z]\.?)){0,3}"
_OFFICES = r"Supervisor|Commissioner|Mayor|(?:Vice )?Chair(?:man|woman|person)?"
_TITLE = rf"(?:(?:{TITLE}|{_OFFICES})s?\.? +)?"
# a list's heading before a name ("Councillors D Richardson (Chair)"): not part of it
_LEADING = re.compile(rf"^(?:(?:{TITLE}|Cllr|{_OFFICES})s?\.? +)+")
_ONLINE = re.compile(
    r"\b(?:via|by|on)\s+(Zoom|Microsoft Teams|Teams|Skype)\b|\b(zoom) meeting\b", re.I
)
_HELD = re.compile(  # "Held in the ... at 7 p.m.", "the meeting held at ...": not another event
    r"(?:^|\bmeeting\s+(?:was\s+)?)[Hh]eld\s+(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][^.;]*?)(?=,?\s+(?:at|on|from)\s+\d|[.;]|$)"
    # "The Parish Council held the meeting outside the Village School at 7pm"
    r"|\bheld\s+(?:the|its|their)\s+meeting\s+(?P<out>(?:outside|in|at)\s+the\s+[A-Z][^.;]*?)"
    r"(?=,?\s+(?:at|on|from)\s+\d|[.;,]|$)"
)
# "… 2014 at 7.30pm in the Village Hall", "… 10:00 am at City Hall"
_MINUTES_AT = re.compile(
    r"\d(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)\s+(?:at|in)\s+(?:the\s+)?(?P<place>[A-Z][^,.;]+)"
)


def chair_named(texts: Sequence[str], profile: BoardProfile) -> str | None:
    """The chair the head of the minutes names, in any of the forms above."""
    found = chair_line(texts, profile)
    return found[0] if found else None


def chair_line(texts: Sequence[str], profile: BoardProfile) -> tuple[str, int] | None:
    """The chair the head of the minutes names and the index of the text naming them."""
    words = "|".join(sorted(map(re.escape, profile.chair_words), key=len, reverse=True))
    chair = rf"(?i:{words})"
    forms = (
        rf"(?P<name>{_NAME}) *,? *\((?:{chair}|(?i:in the chair))\)",
        rf"^(?i:in the chair|{words})\s*[:\t-]\s*{_TITLE}(?P<name>{_NAME})",
        rf"{_TITLE}(?P<name>{_NAME}) +(?:took|was in) the {chair}\b",
        rf"{_TITLE}(?P<name>{_NAME})\s+presided\b",
        rf"{_TITLE}(?P<name>{_NAME})\s+(?:[^.]{{0,120}}?\band\s+)?called the (?:\w+\s+)?meeting to order\b",
    )
    for pattern in forms:
        for index, text in enumerate(texts):
            if m := re.search(pattern, text):
                name = strip_title(_LEADING.sub("", _unlabelled(m.group("name"), profile)))
                if name and name.lower() not in profile.chair_words:
                    return name, index
    return None


def _unlabelled(name: str, profile: BoardProfile) -> str:
    """A name without the attendance list's heading before it ("Attendees Tony Brown")."""
    words = name.split()
    while words and words[0].lower() in profile.attendance_words:
        words.pop(0)
    return " ".join(words).strip(" .,")


def venue_named(texts: Sequence[str], profile: BoardProfile) -> str | None:
    """Where the head of the minutes says the meeting was held."""
    found = venue_line(texts, profile)
    return found[0] if found else None


def venue_line(texts: Sequence[str], profile: BoardProfile) -> tuple[str, int] | None:
    """Where the head of the minutes says the meeting was held, and the index of the text."""
    labels = "|".join(map(re.escape, profile.venue_words))
    for index, text in enumerate(texts):
        if m := re.match(rf"^(?:{labels})\s*[:\t]\s*(?P<place>\S.*)$", text, re.I):
            return m.group("place").strip(" .,"), index
    for index, text in enumerate(texts):
        if m := _ONLINE.search(text):
            return (m.group(1) or m.group(2)).capitalize(), index
        for pattern in (_HELD, _MINUTES_AT):
            if m := pattern.search(text):
                place = m.groupdict().get("place") or m.group("out")
                return re.sub(r"^(?:in|at)\s+the\s+", "", place).strip(" .,"), index
    return None


# "Time: 3.00 p.m.", "Time\t11.15am – 12.45pm": the time a minutes head gives under its label.
_TIME_LABEL = re.compile(
    r"^\s*time\s*[:\t]\s*(?P<time>\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*[–-]\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)?)",
    re.I,
)


def time_named(texts: Sequence[str]) -> str | None:
    """The time the head of the minutes gives the meeting under a "Time:" label."""
    for text in texts:
        if m := _TIME_LABEL.match(text):
            return m.group("time").strip()
    return None
