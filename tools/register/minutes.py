"""Minutes and agendas read into meetings: numbered items, attendance, apologies, agenda rows.

The segmenter's minutes sections are regrouped per paper and re-split into items
here, because its heading rule drops long item titles (see ``split_items``).
Pure functions over ``Section``s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from board.attendance import is_attendance_heading
from board.dates import MONTHS, first_date
from board.names import strip_title
from board.profile import BoardProfile
from board.records import Line, Section
from tools.register.people import names_in_list, names_in_run_text
from tools.register.records import lines_locator, paper_line
from tools.register.text import paragraphs, strip_markup

# "4. Finance", "4 Finance", "18.11.2 Register", "4.OFFICERS' REPORTS"
ITEM_HEADING = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?(?:\.?\s+|\.(?=[A-Z]))(\S.*)$")
# A minute number led by its meeting's year and month: "18.11.1 Apologies" is item 1.
_MEETING_REF = re.compile(r"^\d{2}\.\d{2}\.(?=\d{1,2}\s)")
_MAX_HEADING_WORDS = 10
# A numbered paragraph, not a heading: its "title" says what was done.
_RUNS_ON = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|should)\b")
_MONTH_START = re.compile(rf"^(?:{'|'.join(MONTHS)})\b", re.I)
_MAX_TITLE = 160
_MAX_JUMP = 3  # an item number this far past the last one is a date or a figure, not an item
_MONTH_NAMES = frozenset(name for name in MONTHS if len(name) > 3)


@dataclass(frozen=True)
class Paper:
    """One paper's lines, put back together from its sections."""

    source: str
    title: str
    paper_type: str
    meeting_date: str
    lines: tuple[Line, ...]

    @property
    def locator(self) -> str:
        return lines_locator(self.lines[0].number, self.lines[-1].number)


@dataclass(frozen=True)
class ItemBlock:
    """A numbered minutes item: its number, title and lines (heading included)."""

    number: str
    title: str
    lines: tuple[Line, ...]

    @property
    def body(self) -> tuple[Line, ...]:
        """The item's lines after its heading; all of them when the heading is a minute's first
        sentence ("5. It was agreed that working groups should be set up")."""
        return self.lines if _RUNS_ON.search(self.title) else self.lines[1:]


def papers_of(sections: Iterable[Section], paper_type: str) -> list[Paper]:
    """Sections of one type regrouped into papers by source, title and meeting date.

    A line two sections share is kept once; lines a loader numbers alike (an HTML element's
    lines) are all kept, in order.
    """
    grouped: dict[tuple[str, str, str], dict[tuple[int, str], Line]] = {}
    for s in sections:
        if s.paper_type != paper_type or not s.meeting_date:
            continue
        bucket = grouped.setdefault((s.source, s.title, s.meeting_date), {})
        for line in map(paper_line, s.lines):
            bucket.setdefault((line.number, line.text), line)
    papers = [
        Paper(src, title, paper_type, when, tuple(sorted(bucket.values(), key=_number)))
        for (src, title, when), bucket in grouped.items()
        if bucket
    ]
    return sorted(papers, key=lambda p: (p.meeting_date, p.source, p.lines[0].number))


def _number(line: Line) -> int:
    return line.number


def tidy_title(title: str, profile: BoardProfile) -> str:
    """An item title without markup or trailing colon; ALL-CAPS titles put in sentence case."""
    title = strip_markup(title).rstrip(":").strip()
    if title.isupper():
        words = title.split()
        title = " ".join(
            w
            if w.strip("():,-") in profile.title_acronyms or w.strip("():,-") in profile.initials
            else w.capitalize()
            if i == 0 or w.lower() in _MONTH_NAMES
            else w.lower()
            for i, w in enumerate(words)
        )
    return title


def split_items(
    lines: Sequence[Line], profile: BoardProfile
) -> tuple[tuple[Line, ...], list[ItemBlock]]:
    """A minutes paper's preamble (attendance) and its items.

    Item numbers must rise: a lower number is a list inside an item, except a
    misnumbered sub-item ('2.8' after '5.7' is item 5.8), which is renumbered.
    Minutes whose items are not numbered are split at their headings ("## CALL TO
    ORDER", "MATTERS ARISING").
    """
    preamble, items = _split(lines, lambda line, top, sub: _item_heading(line, top, sub, profile))
    if not items:
        preamble, items = _split(lines, lambda line, top, sub: _unnumbered_heading(line, profile))
    return preamble, items


def _split(
    lines: Sequence[Line], heading_of: Callable[[Line, int, int], tuple[str, str] | None]
) -> tuple[tuple[Line, ...], list[ItemBlock]]:
    preamble: list[Line] = []
    items: list[tuple[str, str, list[Line]]] = []
    top, sub = 0, 0
    for line in lines:
        heading = heading_of(line, top, sub)
        if heading:
            number, title = heading
            if number:
                top = int(number.split(".")[0])
                sub = int(number.split(".")[1]) if "." in number else 0
            items.append((number, title, [line]))
        elif items:
            items[-1][2].append(line)
        else:
            preamble.append(line)
    return tuple(preamble), [ItemBlock(n, t, tuple(ls)) for n, t, ls in items]


def _unnumbered_heading(line: Line, profile: BoardProfile) -> tuple[str, str] | None:
    """A heading of minutes without item numbers: a marked heading or a short line in capitals."""
    text = strip_markup(line.text)
    marked = line.text.lstrip().startswith("#") or text.isupper()
    if not marked or not text[:1].isalpha() or len(text.split()) > _MAX_HEADING_WORDS:
        return None
    if is_attendance_heading(text, profile) or re.search(r"\d", text):
        return None
    return "", tidy_title(text, profile)


def _item_heading(line: Line, top: int, sub: int, profile: BoardProfile) -> tuple[str, str] | None:
    if "\t" in line.text.strip():
        return None
    m = ITEM_HEADING.match(_MEETING_REF.sub("", strip_markup(line.text)))
    if not m:
        return None
    major, minor, title = int(m.group(1)), m.group(2), m.group(3).strip()
    if (
        not title[:1].isupper()
        or len(title) > _MAX_TITLE
        or title.endswith(".")
        or _MONTH_START.match(title)
    ):
        return None
    if minor is None:
        if top < major <= top + _MAX_JUMP:
            return str(major), tidy_title(title, profile)
        return None
    if major == top and int(minor) > sub:
        return f"{major}.{int(minor)}", tidy_title(title, profile)
    if major < top and int(minor) == sub + 1:
        return f"{top}.{int(minor)}", tidy_title(title, profile)
    if top < major <= top + _MAX_JUMP:
        return f"{major}.{int(minor)}", tidy_title(title, profile)
    return None


@dataclass(frozen=True)
class Attendance:
    chair: str | None
    members_present: tuple[str, ...]
    also_present: tuple[str, ...]
    venue: str | None
    line_start: int | None
    line_end: int | None
    header_start: int | None = None  # "Minutes of meeting held on …" and its venue line
    header_end: int | None = None


def read_attendance(preamble: Sequence[Line], profile: BoardProfile) -> Attendance:
    """Chair, members present, also present and venue from the lines before item 1."""
    venue = None
    chair = None
    members: list[str] = []
    also: list[str] = []
    target: list[str] | None = None
    start = end = None
    previous_name: str | None = None
    header: list[int] = []
    texts = [(ln, strip_markup(ln.text)) for ln in preamble]
    for i, (line, text) in enumerate(texts):
        if m := re.match(r"minutes of (?:the )?meeting held on\s+(.*)", text, re.I):
            header.append(line.number)
            venue = _venue_after_date(m.group(1))
            if venue is None and (found := _next_venue(texts[i + 1 :])):
                venue, number = found
                header.append(number)
            continue
        if re.match(r"board members present", text, re.I):
            target, start = members, line.number
            text = re.sub(r"^board members present:?", "", text, flags=re.I).strip()
        elif re.match(r"also present", text, re.I):
            target = also
            text = re.sub(r"^also present:?", "", text, flags=re.I).strip()
        if target is None or not text:
            continue
        end = line.number
        if text.startswith("(Chairman)") and previous_name:
            chair = chair or previous_name
        cells = [c for c in line.text.split("\t") if strip_markup(c)]
        if "\t" in line.text and cells:
            name = strip_title(re.sub(r"\(.*?\)", "", strip_markup(cells[0])))
            if name:
                if "chairman" in line.text.lower():
                    chair = chair or name
                if name not in members and name not in also:
                    target.append(name)
                previous_name = name
            continue
        parts = re.split(r"also present:?", text, maxsplit=1, flags=re.I)
        for k, part in enumerate(parts):
            group = target if k == 0 else also
            for name in names_in_run_text(part, profile):
                if name not in members and name not in also:
                    group.append(name)
                previous_name = name
        if len(parts) > 1:
            target = also
    if chair and chair in also:
        also.remove(chair)
    if chair and chair not in members:
        members.insert(0, chair)
    return Attendance(
        chair,
        tuple(members),
        tuple(also),
        venue,
        start,
        end,
        min(header) if header else None,
        max(header) if header else None,
    )


def _venue_after_date(text: str) -> str | None:
    m = re.search(r"\d{4}\s*[,-]?\s*(.+)$", text)
    venue = m.group(1).strip(" ,") if m else ""
    return venue or None


def _next_venue(rest: Sequence[tuple[Line, str]]) -> tuple[str, int] | None:
    for line, text in rest[:2]:
        if re.search(r"\b(hall|room|house|centre|center|library|offices?)\b", text, re.I):
            return text.strip(" ,"), line.number
    return None


def read_apologies(item: ItemBlock, profile: BoardProfile) -> tuple[str, ...]:
    """Names in the first paragraph of an 'Apologies for Absence' item."""
    paras = paragraphs(item.body)
    return tuple(dict.fromkeys(names_in_list(paras[0].text, profile))) if paras else ()


def next_meeting_date(text: str, after: str) -> str | None:
    """The date in 'Date of Next Meeting – Friday 19TH July', the year from ``after``."""
    found = first_date(text)
    if found:
        return found.isoformat()
    m = re.search(rf"\b(\d{{1,2}})\s*(?:st|nd|rd|th)?\s+({'|'.join(MONTHS)})\b", text, re.I)
    if not m:
        return None
    base = date.fromisoformat(after)
    month, day = MONTHS[m.group(2).lower()], int(m.group(1))
    for year in (base.year, base.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate > base:
            return candidate.isoformat()
    return None
