"""Whether a line can be a paper's title: the rule every title is chosen by, a whole file's
(its metadata) and a paper's inside a pack (segmenting) alike. Pure."""

from __future__ import annotations

import re
import unicodedata

from board.attendance import is_attendance_heading
from board.dates import DAY_NAME, MONTH_NAME
from board.profile import BoardProfile

BLANK_PAGE = re.compile(r"this page is intentionally left blank", re.I)
MAX_TITLE_WORDS = 14
_LIST_MARK = re.compile(r"^(?:[-•*–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
# "NB:", "Document owner:", "DOCUMENT AIMS:", "Clerk : Joan Todd", "Public Comment: See above."
_LABEL = re.compile(r"^\S+(?:\s\S+){0,2}?\s?:")
# What is left of a date line once its dates go: "January 2021", "Monday 4 November 2024".
_DATE_PARTS = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?|{MONTH_NAME}[a-z]*\.?|(?:19|20)\d{{2}}|{DAY_NAME})\b|[,./-]",
    re.I,
)


def reads_as_title(text: str, profile: BoardProfile) -> bool:
    """A short run of words that opens with a capital or a number: not a label ("DOCUMENT
    AIMS:"), a list item, a page number, a date line, a sentence or its tail, a chart
    legend's symbols, or just the name of the body that publishes the papers (a letterhead)."""
    words = text.split()
    if not 1 <= len(words) <= MAX_TITLE_WORDS or len(text) > 100:
        return False
    if not re.search(r"[^\W\d_]{3}", text) or text.endswith((".", ",", ";", ":")):
        return False
    if _LIST_MARK.match(text) or _LABEL.match(text) or is_page_number(text):
        return False
    if BLANK_PAGE.search(text) or not re.search(r"\b[^\W\d_]{3,}\b", text):
        return False
    if any(unicodedata.category(ch) == "So" for ch in text):  # 📥, 🔶: a legend, not a title
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    if first.islower() or not _DATE_PARTS.sub("", text).strip():
        return False  # "days before the meeting date", "January 2021"
    if is_attendance_heading(text, profile):
        return False  # "PRESENT": the heading of an attendance list
    return text.lower().strip() not in {*profile.home_names, profile.name.lower()}


def is_page_number(text: str) -> bool:
    """A page number however printed: "3", "- 3 -", "Page 3", "Page 3 of 54", "3/54"."""
    words = text.lower().replace("-", " ").replace("/", " of ").split()
    return any(w.isdigit() for w in words) and all(
        w.isdigit() or w in {"page", "of", "p.", "pg"} for w in words
    )
