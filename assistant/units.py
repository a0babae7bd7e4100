"""A passage cut into the units an answer quotes: sentences rebuilt across the line wraps of
a PDF, a lead-in with the list under it, a labelled field ("Clerk: Joan Todd"), and table
rows shown with their header. Pure.

    units = answer_units(chunk)   # each with its text as quoted and the lines it spans
"""

from __future__ import annotations

import re

from assistant.compose import Unit, plain, row_display
from board.records import Chunk
from board.text import BULLET, is_figure_word, is_table_row, sentences

# "1.4.1 ", "18.11.7 ", "8 " before a capital: the number a paper gives a paragraph or item
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}\.?\s+(?=[A-Z])")
_LABEL = re.compile(r"^\s*([A-Z][\w ’'/&-]{1,40}?)\s*[:–]\s*(\S.*)?$")
_ENDS_SENTENCE = re.compile(r"[.!?;:]['\")\]]?\s*$")
_LIST_ITEM_WORDS = 14  # a line this short after a lead-in is one of its list's items
_MAX_ITEMS = 12  # a list this long is closed and quoted
_LABEL_WORDS = 4  # "Clerk:", "Date of next meeting:"
_WRAPPED = 0.6  # a line this share of the passage's measure ran to the margin and wrapped
_FIGURE_LINE = 0.5  # a line whose words are mostly figures is a row of a table set as text


def _measure(lines: list[str]) -> int:
    """The passage's line width: what its longer lines run to (a fifth may run longer)."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0


def _markdown_heading(line: str) -> bool:
    """ "## 5 FOCUS ON OFFENDERS": a heading a text paper marked up."""
    text = line.lstrip()
    return text.startswith("#") and text.lstrip("#").startswith(" ")


def _figure_line(text: str) -> bool:
    """A row of a table the paper set as plain text: "Murder 0 1 -100.0 4 6 -33.3"."""
    words = text.split()
    figures = sum(1 for w in words if is_figure_word(w))
    return len(words) >= 4 and figures >= 3 and figures >= _FIGURE_LINE * len(words)


def answer_units(chunk: Chunk) -> list[Unit]:
    """A passage's quotable units, in the order the passage gives them."""
    return _Cutter(chunk).cut()


class _Cutter:
    """Reads a passage line by line: the sentence being rebuilt, the table whose header rows
    are shown under, the lead-in whose list is being gathered."""

    def __init__(self, chunk: Chunk) -> None:
        self.chunk = chunk
        self.units: list[Unit] = []
        self.header: list[str] | None = None
        self.buffer: list[tuple[str, int | None]] = []
        self.lead_in: Unit | None = None
        self.items: list[Unit] = []
        self.measure = 0
        self.label: str | None = None  # a field's label waiting for its value

    def cut(self) -> list[Unit]:
        lines = self.chunk.text.split("\n")
        self.measure = _measure(lines)
        numbered = len(self.chunk.line_numbers) == len(lines)
        numbers: tuple[int | None, ...] = (
            tuple(self.chunk.line_numbers) if numbered else (None,) * len(lines)
        )
        for raw, number in zip(lines, numbers, strict=True):
            self._line(raw, number)
        self._flush()
        self._close_list()
        return self.units

    def _unit(self, text: str, first: int | None, last: int | None, raw: str | None = None) -> Unit:
        return Unit(raw or text, plain(text), first, self.chunk.page, self.chunk, last)

    def _line(self, raw: str, number: int | None) -> None:
        if not raw.strip():
            self._flush()
        elif _markdown_heading(raw):
            self._flush()  # a heading stands apart from the paragraph under it
            self.header = None
            self.buffer.append((raw.strip(), number))
            self._flush()
        elif is_table_row(raw):
            self._row(raw, number)
        else:
            self.header = None
            self._text(raw.strip(), number)

    def _row(self, raw: str, number: int | None) -> None:
        self._flush()
        cells = [c.strip() for c in raw.strip().strip("|").split("\t" if "\t" in raw else "|")]
        shown = plain(raw) if self.header is None else row_display(self.header, cells)
        self.header = self.header or cells
        self.units.append(Unit(raw, shown, number, self.chunk.page, self.chunk, number))

    def _text(self, text: str, number: int | None) -> None:
        if self.label is not None:  # the field's value, cited at the line that gives it
            field, self.label = f"{self.label} {text}", None
            self.units.append(self._unit(field, number, number))
            return
        if BULLET.match(text):
            self._flush()
            if self.lead_in is None:  # a paragraph of its own, its sentences cut as any
                self.buffer.append((text, number))
                return
            item = self._unit(text, number, number)
            self.units.append(item)
            self.items.append(item)
            return
        if self.lead_in is not None and len(text.split()) <= _LIST_ITEM_WORDS and not self.buffer:
            # a list whose items the paper set on lines of their own, without bullets
            item = self._unit(text, number, number)
            self.units.append(item)
            self.items.append(item)
            if len(self.items) >= _MAX_ITEMS:
                self._close_list()
            return
        if self.items:
            self._close_list()
        if text.endswith(":") and len(text.split()) >= 2:
            self._lead_in(text, number)
            return
        label = _LABEL.match(text)
        if label and len(label.group(1).split()) <= _LABEL_WORDS:
            # "Clerk: Joan Todd", "Venue: Village Hall": one field a line
            self._flush()
            if label.group(2) is None:
                self.label = text  # "Chairman:" with the name on the line below
            else:
                self.units.append(self._unit(text, number, number))
            return
        if _figure_line(text):
            self._flush()
            self.units.append(self._unit(text, number, number))
            return
        if self.buffer and not self._continues(text):
            self._flush()
        self.buffer.append((text, number))

    def _continues(self, text: str) -> bool:
        """Whether ``text`` carries on the sentence being rebuilt. A numbered paragraph opens
        a new one ("1.4.1 In the last 12 months ..."), and a short numbered line that ends no
        sentence is a heading that stands apart ("18.11.7 Finance")."""
        before = self.buffer[-1][0]
        if _ENDS_SENTENCE.search(before) and text[:1].isupper():
            return False
        if _PARAGRAPH_NUMBER.match(text):
            return False
        return not (
            _PARAGRAPH_NUMBER.match(before)
            and len(self.buffer) == 1
            and len(before) < _WRAPPED * self.measure
        )

    def _lead_in(self, text: str, number: int | None) -> None:
        """The sentence this line ends introduces a list: "... four areas. These are:"."""
        first = self.buffer[0][1] if self.buffer else number
        joined = " ".join([*(t.strip() for t, _ in self.buffer), text])
        self.buffer.clear()
        *before, last = sentences(joined) or [joined]
        for sentence in before:
            if len(sentence.split()) >= 2 and plain(sentence):
                self.units.append(self._unit(sentence, first, number))
        if len(joined.split()) < 3:
            return
        self.lead_in = self._unit(joined if len(last.split()) < 4 else last, first, number)
        self.units.append(self.lead_in)

    def _flush(self) -> None:
        """The sentences of the lines gathered so far, each a unit spanning its lines."""
        if not self.buffer:
            return
        text = " ".join(t.strip() for t, _ in self.buffer)
        first, last = self.buffer[0][1], self.buffer[-1][1]
        self.buffer.clear()
        for sentence in sentences(text):
            if len(sentence.split()) >= 2 and plain(sentence):
                self.units.append(self._unit(sentence, first, last))

    def _close_list(self) -> None:
        """A lead-in with its items, quoted as one unit ("These are: a; b; c")."""
        if self.lead_in is not None and self.items:
            joined = (
                self.lead_in.display.rstrip(":")
                + ": "
                + "; ".join(BULLET.sub("", i.display).rstrip(".;") for i in self.items)
            )
            self.units.append(
                self._unit(joined, self.lead_in.line, self.items[-1].line_end, raw=joined)
            )
        self.lead_in = None
        self.items.clear()
