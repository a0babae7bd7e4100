"""Structure-aware segmentation: a file into papers (agenda, minutes, reports, appendices), papers into sections.

A board pack holds several papers. The minutes inside a pack are of the
*previous* meeting, so they are dated from "Minutes of meeting held on …" or
the agenda's "Previous Minutes – 19th April 2013", never from the pack.
Pure functions over lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from board.dates import first_date
from board.profile import BoardProfile
from board.records import Document, Line, Section, iso, long_date
from ingest.titles import BLANK_PAGE, MAX_TITLE_WORDS, reads_as_title

MINUTES_HELD = re.compile(r"minutes of (?:the )?meeting held on\s+(.*)", re.I)
# "MINUTES OF THE REGULAR MEETING", "Minutes of the Annual Meeting held on …": a minutes
# paper's header, not "Minutes of the previous meeting" (an item)
MINUTES_OF = re.compile(
    r"^minutes of (?:the )?(?!previous\b|last\b)(?:[\w-]+\s+){0,3}?meeting\b"
    r"[\s,:–-]*(?:held\s+)?(?:on\s+)?(?P<rest>.*)$",
    re.I,
)
ITEM_HEADER = re.compile(r"^Item\s+(\d{1,2}[a-z]?)\s*:\s*(.+)$", re.I)
REPORT_NAME = re.compile(r"^Report Name:\s*(.+?)\s*$", re.I)
# "6.1 Property crime", "### 3 MINUTES OF PREVIOUS MEETING", "2. Details"
NUMBERED_HEADING = re.compile(r"^(#{1,6}\s*)?(\d{1,2}(?:\.\d{1,2})?)\.?\s+(\S.{1,200})$")
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+)$")
# Agenda rows: "5.\tSafer Communities Strategy ...\t7 - 56" or "2\tPrevious Minutes – 19th April 2013\t1 – 6\t..."
AGENDA_ROW = re.compile(r"^(\d{1,2})\.?\t+([^\t]+)")
MAJOR_HEADING = re.compile(r"^(Priority|Appendix|Section|Part|Chapter)\s+[\dA-Z]{1,3}\b")
PREVIOUS_MINUTES = re.compile(
    r"(?:previous minutes|minutes of (?:the )?previous meeting)\s*[-–—:]?\s*(.*)", re.I
)

_PAPER_HEAD = 4  # a marker within this many text lines of a paper's start names that paper


def clean(text: str) -> str:
    """Line text without markdown emphasis or heading marks."""
    return re.sub(r"\*\*|__|<[^>]+>", "", text).strip().lstrip("#").strip()


@dataclass
class Paper:
    """One paper inside a file, before it is cut into sections."""

    kind: str
    title: str | None = None
    meeting_date: date | str | None = None
    agenda_item: str | None = None
    lines: list[Line] = field(default_factory=list)

    def text_lines(self) -> int:
        return sum(1 for ln in self.lines if ln.text.strip())


@dataclass(frozen=True)
class AgendaInfo:
    """What a pack's agenda says: item titles and the date of the previous minutes."""

    items: dict[str, str]
    previous_minutes: date | None


def read_agenda(lines: Sequence[Line]) -> AgendaInfo:
    """Item numbers and titles from the agenda table, and the previous meeting's date."""
    items: dict[str, str] = {}
    previous: date | None = None
    for line in lines:
        if BLANK_PAGE.search(line.text) or clean(line.text).upper() == "MINUTES":
            break
        m = AGENDA_ROW.match(line.text.strip("* "))
        if m:
            title = re.sub(r"<[^>]+>|•", " ", m.group(2))
            items.setdefault(m.group(1), " ".join(title.split()).strip(" -–"))
            if previous is None and (pm := PREVIOUS_MINUTES.search(m.group(2))):
                previous = first_date(pm.group(1))
    return AgendaInfo(items, previous)


def _before_notice(text: str) -> str:
    """What a line holds before a blank-page notice; a table row the notice lands in is kept
    whole, since a row cut at it quotes a cell the paper never wrote ("Version <tab> D")."""
    return text if "\t" in text else BLANK_PAGE.split(text)[0].strip()


def split_papers(doc: Document, lines: Sequence[Line], profile: BoardProfile) -> list[Paper]:
    """Cut a file into its papers at blank-page markers, minutes headers and agenda-item marks."""
    is_pack = doc.paper_type == "pack"
    pack_date = date.fromisoformat(doc.meeting_date) if doc.meeting_date else None
    if not is_pack:
        return [
            Paper(kind=doc.paper_type, title=doc.title, meeting_date=pack_date, lines=list(lines))
        ]

    agenda = read_agenda(lines)
    papers = [Paper(kind="agenda", meeting_date=pack_date)]
    last_item: str | None = None
    undated: Paper | None = None  # minutes whose header has no date: their next lines give it

    def start(kind: str, **kw: object) -> Paper:
        paper = Paper(kind=kind, meeting_date=pack_date, **kw)  # type: ignore[arg-type]
        papers.append(paper)
        return paper

    for line in lines:
        text = clean(line.text)
        current = papers[-1]
        fresh = current.text_lines() < _PAPER_HEAD and current.kind != "agenda"
        if BLANK_PAGE.search(line.text):
            if before := _before_notice(line.text):
                current.lines.append(Line(before, line.number, line.page))
            start("appendix", agenda_item=last_item)
            continue
        if undated is current and current.text_lines() <= _PAPER_HEAD and first_date(text):
            current.meeting_date, undated = first_date(text), None  # "OCTOBER 18, 2022"
        if (m := MINUTES_HELD.match(text) or MINUTES_OF.match(text)) or text.upper() == "MINUTES":
            undated = _open_minutes(m, current, fresh, start, agenda) or undated
        elif profile.item_stamp and (m := profile.item_stamp.search(text)):
            item = m.group(1)
            if current.kind != "minutes":
                before = text[: m.start()].strip()
                title_page = [] if fresh else _title_page(current)
                if title_page is None:  # the current paper is the new paper's title page
                    fresh = True
                target = current if fresh else start("report")
                if target is not current:
                    target.lines.extend(title_page or [])
                target.kind = "report"
                target.agenda_item = last_item = item
                target.title = target.title or _item_title(item, agenda)
                if before and target is current:
                    current.lines.append(line)
                    continue
                if before:
                    target.lines.append(Line(before, line.number, line.page))
                    continue
            # An "AGENDA ITEM 3" mark under the minutes header names the minutes' own slot.
        elif (
            item := _next_item_heading(line.text, last_item, agenda)
        ) and current.kind == "report":
            # "# Family Services" opens item 8 ("Update from Family Services") in a pack
            # that has no "AGENDA ITEM 8" mark: the paper is cut at its own first heading.
            target = start("report")
            target.agenda_item = last_item = item
            target.title = _item_title(item, agenda)
        elif (m := ITEM_HEADER.match(text)) or (m := REPORT_NAME.match(text)):
            item = m.group(1) if m.re is ITEM_HEADER else last_item
            target = current if fresh else start("report")
            target.kind = "report"
            target.agenda_item = last_item = item
            target.title = target.title or (
                f"Item {item}: {m.group(2)}" if m.re is ITEM_HEADER else m.group(1)
            )
        current = papers[-1]
        current.lines.append(line)

    for paper in papers:
        paper.title = paper.title or _paper_title(paper, agenda, profile)
    return [p for p in papers if p.text_lines()]


def _open_minutes(
    m: re.Match[str] | None,
    current: Paper,
    fresh: bool,
    start: Callable[[str], Paper],
    agenda: AgendaInfo,
) -> Paper | None:
    """Start (or date) the minutes a header opens; the minutes still to be dated by their
    next lines when the header gives no date."""
    held = first_date(m.group(m.lastindex or 0)) if m else None
    if current.kind == "minutes":
        if m and current.meeting_date is None:
            current.meeting_date = held
        return None
    target = current if fresh else start("minutes")
    target.kind = "minutes"
    target.meeting_date = held or agenda.previous_minutes
    target.agenda_item = None
    return None if held else target


_TITLE_PAGE_LINES = 8
_H1 = re.compile(r"^#\s+\S")


def _title_page(paper: Paper) -> list[Line] | None:
    """Take the title page a new paper's "AGENDA ITEM n" mark follows off the end of the previous paper.

    A paper's title ("# Community Safety CCTV update", its board and date) often
    precedes the mark by a few lines; those lines belong to the new paper. None
    when the whole of ``paper`` is that title page.
    """
    texts = [i for i, ln in enumerate(paper.lines) if ln.text.strip()]
    window = texts[-_TITLE_PAGE_LINES:]
    start = next((i for i in window if _H1.match(paper.lines[i].text.strip())), None)
    if start is None:
        return []
    if start == texts[0]:
        return None
    moved = paper.lines[start:]
    del paper.lines[start:]
    return moved


def _next_item_heading(raw: str, last_item: str | None, agenda: AgendaInfo) -> str | None:
    """The next agenda item's number when ``raw`` is a top-level heading made of words of
    that item's title (at least two of them), else None."""
    if last_item is None or not last_item.isdigit() or not _H1.match(raw.strip()):
        return None
    following = str(int(last_item) + 1)
    title = agenda.items.get(following)
    if title is None:
        return None
    words = _title_words(clean(raw))
    return following if len(words) >= 2 and words <= _title_words(title) else None


def _title_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}


def _item_title(item: str, agenda: AgendaInfo) -> str | None:
    # "6a" is a paper tabled under item 6, not item 6's own report: title it from its text.
    title = agenda.items.get(item)
    return f"Item {item}: {title}" if title else None


def _paper_title(paper: Paper, agenda: AgendaInfo, profile: BoardProfile) -> str:
    when = long_date(paper.meeting_date) if paper.meeting_date is not None else None
    if paper.kind == "agenda":
        return f"Agenda for the meeting of {when}" if when else "Agenda"
    if paper.kind == "minutes":
        return f"Minutes of the meeting of {when}" if when else "Minutes"
    if paper.agenda_item and paper.agenda_item in agenda.items and paper.kind == "report":
        return f"Item {paper.agenda_item}: {agenda.items[paper.agenda_item]}"
    opening = [ln for ln in paper.lines if clean(ln.text)][:_TITLE_HEAD]
    for line in opening:  # a title opens a paper: one found further in is another's
        text = clean(line.text)
        if reads_as_title(text, profile) and "\t" not in line.text:
            return text
    return paper.kind.title()


_TITLE_HEAD = 6


def heading_of(
    line: Line, prev_blank: bool, next_blank: bool, minutes: bool
) -> tuple[int, str, str | None] | None:
    """(level, heading text, item number) when ``line`` is a heading, else None."""
    raw = line.text.strip()
    if not raw or "\t" in raw:
        return None
    text = clean(raw)
    if not text or len(text.split()) > MAX_TITLE_WORDS + (8 if minutes else 0):
        return None
    if m := NUMBERED_HEADING.match(re.sub(r"\*\*", "", raw)):
        number, title = m.group(2), clean(m.group(3))
        if title[:1].isalpha() and title[:1].isupper() and not title.endswith((".", ",", ";")):
            return (number.count(".") + 1, f"{number} {title}", number)
        return None
    if minutes:
        return None
    if m := MARKDOWN_HEADING.match(raw):
        return (min(len(m.group(1)), 3), clean(m.group(2)), None)
    if (
        prev_blank
        and next_blank
        and len(text) <= 80
        and text[:1].isupper()
        and not text.endswith((".", ",", ";", ":"))
        and ": " not in text  # "Chairman: Councillor Jane Smith" is a label and its value
        and sum(ch.isalpha() for ch in text) >= 0.6 * len(text)
    ):
        return (1 if MAJOR_HEADING.match(text) else 2, text.rstrip(":"), None)
    return None


def split_sections(doc: Document, paper: Paper) -> list[Section]:
    """Cut a paper into sections at its headings; each keeps its heading path and agenda item."""
    title = paper.title or doc.title
    minutes = paper.kind == "minutes"
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    item: str | None = paper.agenda_item
    top_number = 0
    current: list[Line] = []

    def flush() -> None:
        if any(ln.text.strip() for ln in current):
            sections.append(
                Section(
                    source=doc.source,
                    title=title,
                    paper_type=paper.kind,
                    meeting_date=iso(paper.meeting_date)
                    if isinstance(paper.meeting_date, date)
                    else paper.meeting_date,
                    heading_path=(title, *(h for _, h in path)),
                    agenda_item=item,
                    lines=tuple(current),
                )
            )
        current.clear()

    lines = paper.lines
    for i, line in enumerate(lines):
        prev_blank = i == 0 or not lines[i - 1].text.strip()
        next_blank = i + 1 >= len(lines) or not lines[i + 1].text.strip()
        heading = heading_of(line, prev_blank, next_blank, minutes)
        if heading and heading[2] is not None and minutes:
            top = int(heading[2].split(".")[0])
            if top < top_number:  # numbering went backwards: a list inside an item, not a new item
                heading = None
            else:
                top_number = top
        elif heading and heading[2] is not None and "." not in heading[2]:
            top = int(heading[2])
            if (
                top <= top_number
            ):  # "5 Based on ... evaluation" under "5 Recommendations": a footnote
                heading = None
            else:
                top_number = top
        only_heading = sum(1 for ln in current if ln.text.strip()) == 1
        if (
            heading
            and heading[2] is None
            and path
            and only_heading
            and path[-1][0] == 1
            and MAJOR_HEADING.match(path[-1][1])
            and len(path[-1][1].split()) <= 3
        ):
            # "Priority 8" followed by "Building Reassurance and Confidence": one heading.
            path[-1] = (1, f"{path[-1][1]} – {heading[1]}")
            current.append(line)
            continue
        if heading:
            flush()
            level, text, number = heading
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, text))
            if minutes and number:
                item = number
        current.append(line)
    flush()
    return sections


def segment(doc: Document, lines: Sequence[Line], profile: BoardProfile) -> list[Section]:
    """All sections of a file, in order, each dated to the meeting its content belongs to."""
    return [s for paper in split_papers(doc, lines, profile) for s in split_sections(doc, paper)]
