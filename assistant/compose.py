"""The pieces answers are made of: quotable units of a passage, the kinds of figure a text
states, coverage of the question's words, and units rendered as cited answer lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from board.dates import MONTH_NAME
from board.question import YEAR
from board.records import Chunk, Citation, Locator, long_date
from board.text import is_table_row, tokenize

NOT_FOUND = "Not in the papers: I found nothing in the board papers that answers this question."
_BULLET = re.compile(r"^(?:[-*•\uf0b7\uf0a7]\s+)+")
_MARKUP = re.compile(r"\*\*|__|</?(?:b|i|u|mark|sup|sub|strong|em)>|<[^>]+>")


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a passage: a sentence, a line, or a table row with its header."""

    text: str  # raw, as in the paper (the citation's quote)
    display: str  # as shown in the answer
    line: int | None
    page: int | None
    chunk: Chunk
    line_end: int | None = None  # the last line, when a unit runs over several


def plain(text: str) -> str:
    """Text without markdown/HTML emphasis, whitespace collapsed."""
    return " ".join(_MARKUP.sub("", text).replace("\t", " ").split()).strip(" #")


def row_display(header: list[str], cells: list[str]) -> str:
    if len(header) == len(cells) and any(header):
        pairs = [f"{plain(h)}: {plain(c)}" for h, c in zip(header, cells, strict=True) if plain(c)]
        label = plain(cells[0]) if not plain(header[0]) else None
        body = "; ".join(pairs[1:] if label else pairs)
        return f"{label} ({body})" if label else body
    return plain("\t".join(cells))


PERCENT = re.compile(r"\d(?:[\d,]*\.?\d*)\s*(?:%|per ?cent|percentage points|pp\b)", re.I)
MONEY = re.compile(
    r"[£$€]\s?\d|\d\s?(?:million|m|k|bn)\b.*[£$€]|\b(?:pounds|dollars|euros)\b", re.I
)
COUNT = re.compile(
    r"(?<![\d/.£])\b\d{1,3}(?:,\d{3})+\b|(?<![\d/.£-])\b\d+\b(?![/.]\d|\s*(?:%|per ?cent|am|pm|th|st|nd|rd)\b)"
)
RATE = re.compile(r"\d[\d,.]*\s+(?:[a-z-]+\s+){0,2}?per\s+(?:1|10|100)(?:,?000)+\b", re.I)
# Dates, times and page or footnote references are not figures.
NOT_FIGURES = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}[a-z]*\b"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|\bp\d+\b"
    # a month of a short year ("Jul 16") and the base of a rate ("per 1,000") are not counts
    rf"|\b{MONTH_NAME}[a-z]*\s*[-']?\d{{2}}\b(?!\d|,\d)"
    r"|\bper\s+1(?:,?000|00|0,000|00,000)\b"
    r"|\bq(?:rt\s*)?[1-4]\s*[-']?(?:\d{4}|\d{2})\b",  # quarter labels: "Q4 11", "Qrt 1 2013"
    re.I,
)


def has_quantity(text: str, kind: str, noun: str | None = None) -> bool:
    """Whether ``text`` states a figure of the wanted kind: 'count', 'percent', 'money' or 'rate'
    ("293 per 100,000"); years, dates and times don't count;
    for a count of ``noun``, the number must stand next to that word."""
    if kind == "percent":
        return bool(PERCENT.search(text))
    if kind == "money":
        return bool(MONEY.search(text))
    if kind == "rate":
        return bool(RATE.search(text))
    stripped = YEAR.sub(" ", PERCENT.sub(" ", NOT_FIGURES.sub(" ", text)))
    if noun is None:
        return bool(COUNT.search(stripped))
    words = tokenize(stripped)
    for i, word in enumerate(words):
        if word.replace(",", "").isdigit():
            # "46 cameras", "46 new ANPR cameras", "cameras: 46"
            near = words[i + 1 : i + 4] + words[max(0, i - 1) : i]
            if any(t.startswith(noun[:5]) for t in near):
                return True
    return False


def says_months(text: str, months: Sequence[tuple[str, str]]) -> bool:
    """Whether ``text`` names every (month, year) a question asks figures for ("in January
    2018" as "January 2018", "Jan-18" or "Jan 18"): a paper's own date does not date its
    figures."""
    for month, year in months:
        pattern = rf"\b{month[:3]}[a-z]*\.?[\s'-]*(?:{year}|{year[2:]})\b"
        if not re.search(pattern, text, re.I):
            return False
    return True


_PER_THOUSAND = re.compile(r"\bper\s*1,?000\b", re.I)


def states_quantity(unit: Unit, kind: str, noun: str | None) -> bool:
    """Whether a unit states the kind of figure asked for; a table row's count need not sit
    next to the counted word, and a rate may be written per 1,000 or as a percentage."""
    if has_quantity(unit.display, kind, None if is_table_row(unit.text) else noun):
        return True
    if kind != "rate":
        return False
    # a table row's rate sits under its column's "per 1000 population", not after "per"
    per_thousand = is_table_row(unit.text) and bool(_PER_THOUSAND.search(unit.display))
    return has_quantity(unit.display, "percent") or (
        per_thousand and bool(re.search(r"\d", unit.text))
    )


def names_years(chunk: Chunk, years: Sequence[str]) -> bool:
    """Whether a passage (its text, headings or meeting date) mentions every year the question names."""
    return mentions_years(f"{chunk.section} {chunk.text} {chunk.meeting_date or ''}", years)


def mentions_years(text: str, years: Sequence[str]) -> bool:
    """Whether ``text`` mentions every one of ``years``, however the papers write it."""
    for year in years:
        if "/" in year:
            short = year[-5:]  # "2017/18" is also written "17/18"
            ok = year in text or short in text or f"20{short}" in text
        else:
            ok = year in text or f"{year[2:]}/" in text or f"/{year[2:]}" in text
        if not ok:
            return False
    return True


def passage_context(chunk: Chunk) -> str:
    """What a passage is about beyond its words: its headings, paper and meeting date."""
    when = long_date(chunk.meeting_date) if chunk.meeting_date else ""
    return f"{chunk.section} {chunk.title} {when}"


def render_units(units: Sequence[Unit]) -> tuple[str, tuple[Citation, ...]]:
    """One answer line per unit, each with its ``[n]``; units on one line share a citation,
    whose quote holds them all."""
    citations: list[Citation] = []
    index: dict[tuple[str, int | None, int | None], int] = {}
    lines: list[str] = []
    for unit in units:
        key = (unit.chunk.source, unit.line, unit.page)
        if key in index:
            shared = citations[index[key] - 1]
            if unit.text.strip() not in shared.quote:
                quote = f"{shared.quote} {unit.text.strip()}"
                citations[index[key] - 1] = replace(shared, quote=quote)
        else:
            index[key] = len(citations) + 1
            locator = Locator(
                page=unit.page, line_start=unit.line, line_end=unit.line_end or unit.line
            )
            citations.append(
                Citation(
                    n=index[key],
                    source=unit.chunk.source,
                    title=unit.chunk.title,
                    meeting_date=unit.chunk.meeting_date,
                    locator=str(locator),
                    quote=unit.text.strip(),
                )
            )
        when = long_date(unit.chunk.meeting_date) if unit.chunk.meeting_date else None
        where = ", ".join(
            p
            for p in (
                unit.chunk.title,
                when if when and when not in unit.chunk.title else None,
                f"item {unit.chunk.agenda_item}" if unit.chunk.agenda_item else None,
            )
            if p
        )
        text = _BULLET.sub("", unit.display.rstrip())
        if text and text[-1] not in ".!?:":
            text += "."
        lines.append(f"- {text} [{index[key]}] ({where})")
    return "\n".join(lines), tuple(citations)
