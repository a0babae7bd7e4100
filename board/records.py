"""Typed records shared by ingest, retrieval, tools and the answer composer.

Every record is a frozen dataclass with ``to_dict``/``from_dict`` for JSON.
Ids are derived from content, so re-ingesting the same paper gives the same
ids and citations stay stable.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any, Literal, Self

PAPER_TYPES: tuple[str, ...] = ("pack", "agenda", "minutes", "report", "appendix", "strategy")


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id: the hex sha256 of the parts joined, cut to ``length``."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


class Record:
    """``to_dict``/``from_dict`` for frozen dataclasses (these, and the register's)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        # JSON has lists where the records keep tuples.
        return cls(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names}
        )


@dataclass(frozen=True)
class Locator(Record):
    """Where a passage sits in its file: a page for PDFs, a line range for text."""

    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line_start is not None:
            end = self.line_end if self.line_end is not None else self.line_start
            parts.append(
                f"line {self.line_start}"
                if end == self.line_start
                else f"lines {self.line_start}-{end}"
            )
        return ", ".join(parts)


@dataclass(frozen=True)
class Document(Record):
    """One file in the corpus, with what the manifest or its text says about it."""

    source: str  # file name inside the corpus folder
    title: str
    paper_type: str
    meeting_date: str | None  # ISO date of the meeting the paper was written for
    sha256: str
    body: str = ""
    period: str | None = None  # e.g. "2011-2014" for a strategy
    ocr: bool = False  # some of its text was read from page images (a scan), not a text layer


@dataclass(frozen=True)
class Line(Record):
    """One line of extracted text with its page (PDF) and 1-based line number (text)."""

    text: str
    number: int  # 1-based line number in the file, or in the page's text for PDFs
    page: int | None = None
    ocr: bool = False  # read from a page image by OCR


@dataclass(frozen=True)
class Section(Record):
    """A part of a paper: a minutes item, a report section, an appendix."""

    source: str
    title: str  # the paper this section belongs to (e.g. "Minutes of 19 April 2013")
    paper_type: str
    meeting_date: str | None
    heading_path: tuple[str, ...]
    agenda_item: str | None
    lines: tuple[Line, ...]

    @property
    def locator(self) -> Locator:
        return locator_for(self.lines)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def locator_for(lines: tuple[Line, ...] | list[Line]) -> Locator:
    """The locator covering ``lines``: their page (if any) and line range."""
    if not lines:
        return Locator()
    pages = [ln.page for ln in lines if ln.page is not None]
    return Locator(
        page=pages[0] if pages else None,
        line_start=lines[0].number if not pages else None,
        line_end=lines[-1].number if not pages else None,
    )


@dataclass(frozen=True)
class Chunk(Record):
    """A retrievable passage, sized for the embedding model."""

    id: str
    source: str
    doc_title: str
    title: str  # the paper inside the file (agenda, minutes of a meeting, a report)
    paper_type: str
    meeting_date: str | None
    section: str  # heading path joined with " > "
    agenda_item: str | None
    text: str
    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    is_table: bool = False
    line_numbers: tuple[int, ...] = ()  # the paper's line number of each line of ``text``

    @property
    def locator(self) -> Locator:
        return Locator(self.page, self.line_start, self.line_end)

    @staticmethod
    def make_id(source: str, text: str, locator: Locator) -> str:
        return content_id(source, str(locator), text)


@dataclass(frozen=True)
class Citation(Record):
    """A numbered source for an answer: the file, its paper, the place and the quote."""

    n: int
    source: str
    title: str
    meeting_date: str | None
    locator: str
    quote: str


@dataclass(frozen=True)
class ToolCall(Record):
    """A deterministic tool the assistant called, with its arguments and a short result."""

    name: str
    arguments: dict[str, Any] = field(default_factory=dict)
    result: str = ""


AnswerStatus = Literal["answered", "not_found"]


@dataclass(frozen=True)
class Answer(Record):
    """The assistant's reply. ``to_dict`` is the stable JSON contract."""

    question: str
    status: AnswerStatus
    answer: str
    citations: tuple[Citation, ...] = ()
    tool_calls: tuple[ToolCall, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    # For the app: rows of any table used (not part of the JSON contract).
    table_rows: tuple[dict[str, Any], ...] = ()
    chart: dict[str, Any] | None = None
    # The question as understood when the conversation was needed to read it (a follow-up).
    understood: str | None = None

    @property
    def asked(self) -> str:
        """What the next follow-up builds on: the question as understood."""
        return self.understood or self.question

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "citations": [c.to_dict() for c in self.citations],
            "tool_calls": [t.to_dict() for t in self.tool_calls],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        return cls(
            question=data["question"],
            status=data["status"],
            answer=data["answer"],
            citations=tuple(Citation.from_dict(c) for c in data.get("citations", [])),
            tool_calls=tuple(ToolCall.from_dict(t) for t in data.get("tool_calls", [])),
            timings_ms=dict(data.get("timings_ms", {})),
        )


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def long_date(d: date | str) -> str:
    """A date (or ISO date) as the answers and paper titles write it: '19 July 2013'."""
    d = date.fromisoformat(d) if isinstance(d, str) else d
    return f"{d.day} {d:%B %Y}"


@dataclass(frozen=True)
class ToolAnswer(Record):
    """What a deterministic tool router returns: answer text whose ``[n]`` markers
    number ``citations`` from 1, the calls it made, and any table rows or series
    the app should show."""

    answer: str
    citations: tuple[Citation, ...]
    tool_calls: tuple[ToolCall, ...] = ()
    table_rows: tuple[dict[str, Any], ...] = ()
    # {"title", "x_label", "y_label", "points": [{"period", "value"}]} for trend answers
    chart: dict[str, Any] | None = None
    # "not_found" when the tool can show, with sources, that the papers do not record the answer.
    status: str = "answered"
