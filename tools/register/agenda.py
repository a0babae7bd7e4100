"""A pack's agenda read into a meeting: date line, time, venue, chair, members listed, agenda rows.

Pure functions over the agenda paper's lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board.dates import first_date
from board.names import strip_title
from board.profile import BoardProfile
from board.records import Line
from tools.register.minutes import Paper, next_meeting_date
from tools.register.people import names_in_run_text
from tools.register.records import AgendaItem, lines_locator
from tools.register.text import strip_markup


@dataclass(frozen=True)
class AgendaInfo:
    venue: str | None
    chair: str | None
    members_listed: tuple[str, ...]
    items: tuple[AgendaItem, ...]
    next_meeting: str | None
    time: str | None = None
    header_locator: str | None = None  # the lines giving the date, time and venue
    next_meeting_locator: str | None = None
    next_meeting_text: str = ""


_MIN_LISTED = 3  # numbered lines that make an agenda's list, not a stray number
_TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:[–-]\s*\d{1,2}[.:]\d{2}\s*)?(?:am|pm)\b", re.I)
_NEXT_MEETING = r"date of next meeting\s*[:–-]?\s*(.*)|\bnext (?:{names})\b\W*(.*)"


def _next_pattern(profile: BoardProfile) -> re.Pattern[str]:
    """'Date of next meeting: …', 'next meeting …', or 'next' and the board's initials ('next SPB: …')."""
    names = "|".join(["meeting", *(re.escape(i) for i in sorted(profile.initials))])
    return re.compile(_NEXT_MEETING.format(names=names), re.I)


def read_agenda(paper: Paper, profile: BoardProfile) -> AgendaInfo:
    """Venue, time, chair, members listed and agenda rows (number, title, lead, pages)."""
    nonblank = [(ln, strip_markup(ln.text)) for ln in paper.lines if strip_markup(ln.text)]
    venue = chair = time = None
    header: list[int] = []
    members: list[str] = []
    in_members = False
    for i, (line, text) in enumerate(nonblank):
        upper = text.upper()
        following = nonblank[i + 1] if i + 1 < len(nonblank) else None
        if i < 12 and "\t" not in line.text and (first_date(text) or _TIME.search(text)):
            header.append(line.number)
            time = time or _time(text)
        if upper == "VENUE" and following:
            venue = _tidy_venue(following[1])
            header.append(following[0].number)
        elif (
            venue is None
            and first_date(text)  # "Thursday 15 March 2013, Hendon Town Hall": the date line's
            and (m := re.search(r"\d{4},\s*(.+?),?\s*$", text))
        ):
            venue = _tidy_venue(m.group(1))
        if upper.startswith("CHAIRMAN"):
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            rest = rest or (following[1] if following else "")
            chair = strip_title(rest.split(",")[0])
            continue
        if re.match(r"^(councillors|board members:?)$", text, re.I):
            in_members = True
            continue
        if in_members:
            if re.match(r"you are requested|order of business|agenda", text, re.I):
                in_members = False
            elif "\t" in line.text:
                name = strip_title(strip_markup(line.text.split("\t")[0]))
                if name and name not in members:
                    members.append(name)
            else:
                members.extend(n for n in names_in_run_text(text, profile) if n not in members)
    next_meeting, next_line, next_text = _next_meeting(nonblank, paper.meeting_date, profile)
    return AgendaInfo(
        venue=venue,
        chair=chair,
        members_listed=tuple(members),
        items=tuple(_agenda_rows(paper.lines) or _agenda_list(paper.lines)),
        next_meeting=next_meeting,
        time=time,
        header_locator=lines_locator(min(header), max(header)) if header else None,
        next_meeting_locator=lines_locator(next_line, next_line) if next_line else None,
        next_meeting_text=next_text,
    )


def _time(text: str) -> str | None:
    m = _TIME.search(text)
    return " ".join(m.group(0).lower().split()) if m else None


def _next_meeting(
    nonblank: Sequence[tuple[Line, str]], held: str, profile: BoardProfile
) -> tuple[str | None, int | None, str]:
    """The next meeting's date, line and words: a 'Date of Next Meeting' row, or 'next SPB: …'."""
    pattern = _next_pattern(profile)
    for line, text in nonblank:
        m = pattern.search(text)
        when = (m.group(1) or m.group(2) or "") if m else ""
        found = next_meeting_date(when, held) if when else None
        if found and found > held:
            return found, line.number, text
    return None, None, ""


def _tidy_venue(text: str) -> str:
    text = text.strip(" ,")
    if text.isupper():
        text = " ".join(w if any(c.isdigit() for c in w) else w.capitalize() for w in text.split())
    return text


def _agenda_rows(lines: Sequence[Line]) -> list[AgendaItem]:
    columns: dict[str, int] | None = None
    rows: list[AgendaItem] = []
    for line in lines:
        cells = line.text.split("\t")
        heads = [strip_markup(c).lower() for c in cells]
        if columns is None:
            if any("title" in h for h in heads) and len(cells) >= 2:
                columns = {
                    "title": next(i for i, h in enumerate(heads) if "title" in h),
                    "pages": next((i for i, h in enumerate(heads) if "page" in h), -1),
                    "lead": next((i for i, h in enumerate(heads) if "lead" in h), -1),
                }
            continue
        first = strip_markup(cells[0])
        if re.fullmatch(r"\d{1,2}\.?", first) and len(cells) > columns["title"]:
            parts = _agenda_parts(cells[columns["title"]]) or [""]
            rows.append(
                AgendaItem(
                    number=first.rstrip("."),
                    title=parts[0] + (": " + "; ".join(parts[1:]) if len(parts) > 1 else ""),
                    lead=_cell(cells, columns["lead"]),
                    pages=_pages(_cell(cells, columns["pages"])),
                )
            )
        elif (
            not first and rows and len(cells) > 1 and (extra := _agenda_parts("\t".join(cells[1:])))
        ):
            last = rows[-1]
            rows[-1] = AgendaItem(
                last.number, "; ".join((last.title, *extra)), last.lead, last.pages
            )
    return rows


# "7 Planning - Chavenage Dairy Proposed Development Presentation", "3. Declarations of Interest"
_LISTED = re.compile(r"^(\d{1,2})\.?\s+([A-Z‘'\"].{0,158})$")


def _agenda_list(lines: Sequence[Line]) -> list[AgendaItem]:
    """An agenda written as a numbered list, not a table: its lines numbered 1, 2, 3, … in
    turn (a date or a figure starting a line breaks no count)."""
    rows: list[AgendaItem] = []
    for line in lines:
        m = _LISTED.match(strip_markup(line.text).strip())
        if m and int(m.group(1)) == len(rows) + 1:
            title = re.sub(r"\s*—[\s—–-]*|\s+[–-][\s—–-]*", " – ", m.group(2)).strip(" .–")
            rows.append(AgendaItem(number=m.group(1), title=title))
    return rows if len(rows) >= _MIN_LISTED else []


def _agenda_parts(cell: str) -> list[str]:
    """An agenda title cell's parts: its title, then any bulleted sub-topics."""
    parts = [p.strip(" -–:") for p in strip_markup(cell).split("•")]
    return [p for p in parts if p]


def _cell(cells: Sequence[str], index: int) -> str | None:
    if index < 0 or index >= len(cells):
        return None
    return strip_markup(cells[index]) or None


def _pages(text: str | None) -> str | None:
    if not text:
        return None
    m = re.search(r"\d+\s*[-–]\s*\d+|\d+", text)
    return re.sub(r"\s*[-–]\s*", "-", m.group(0)) if m else None
