"""HTML to numbered lines: every visible piece of text, in reading order, at its source line.

Headings become markdown headings ("## Item"), each table row one tab-joined line
and each list item, paragraph or other block a line of its own; text written
straight after a heading or between blocks (``<h2>Item</h2>Some text<br>more``)
is kept too, broken where the page breaks it (a block's edge, ``<br>``, ``<hr>``).
Pure: text in, lines out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from board.records import Line

# Not text a reader sees: code, metadata and form controls (a page's "Close" button).
_HIDDEN = frozenset(
    {"script", "style", "head", "title", "template", "noscript", "button", "select", "textarea"}
)
# Elements that end the line before them and start a new one after them.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "header", "hgroup", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
        "section", "summary", "table", "tbody", "tfoot", "thead", "ul",
    }
)  # fmt: skip
_BREAKS = frozenset({"br", "hr"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLANK_LINE = re.compile(r"(\n[ \t\r\f]*\n\s*)")


@dataclass
class _Reader:
    """Walks the tree in document order, tracking the source line it has reached."""

    lines: list[Line] = field(default_factory=list)
    line: int = 1  # the source line the walk has reached
    pieces: list[str] = field(default_factory=list)
    start: int | None = None  # source line of the first visible text in ``pieces``

    def flush(self) -> None:
        text = " ".join("".join(self.pieces).split())
        if text and self.start is not None:
            self.lines.append(Line(text=text, number=self.start))
        self.pieces, self.start = [], None

    def emit(self, text: str, number: int) -> None:
        self.flush()
        if text.strip():
            self.lines.append(Line(text=text, number=number))

    def text(self, node: NavigableString) -> None:
        if isinstance(node, PreformattedString):  # comments and doctypes are not shown
            self.line += str(node).count("\n")
            return
        # A blank source line inside running text is the author's paragraph break.
        for i, part in enumerate(_BLANK_LINE.split(str(node))):
            if i % 2:
                self.flush()
            else:
                stripped = part.lstrip()
                if stripped and self.start is None:
                    self.start = self.line + part[: len(part) - len(stripped)].count("\n")
                self.pieces.append(part)
            self.line += part.count("\n")

    def skip(self, tag: Tag) -> None:
        """Move the line past ``tag`` without reading it (its text was taken whole)."""
        for node in tag.descendants:
            if isinstance(node, Tag):
                self.line = node.sourceline or self.line
            elif isinstance(node, NavigableString):
                self.line += str(node).count("\n")

    def walk(self, tag: Tag) -> None:
        for node in tag.children:
            if isinstance(node, NavigableString):
                self.text(node)
                continue
            if not isinstance(node, Tag):
                continue
            self.line = node.sourceline or self.line
            name = node.name
            if name in _HIDDEN:
                self.skip(node)
            elif name == "tr":
                cells = node.find_all(["td", "th"], recursive=False)
                self.emit("\t".join(c.get_text(" ", strip=True) for c in cells), self.line)
                self.skip(node)
            elif name in _HEADINGS:
                heading = " ".join(node.get_text(" ", strip=True).split())
                if heading:
                    self.emit("#" * _HEADINGS[name] + " " + heading, self.line)
                self.skip(node)
            elif name == "pre":
                self.flush()
                for i, text in enumerate(node.get_text().split("\n")):
                    if text.strip():
                        self.lines.append(Line(text=text.rstrip(), number=self.line + i))
                self.skip(node)
            elif name in _BREAKS:
                self.flush()
            elif name in _BLOCKS:
                self.flush()
                self.walk(node)
                self.flush()
            else:  # inline: <span>, <em>, <a>, <time>, ...
                self.walk(node)


def html_lines(text: str) -> list[Line]:
    """The visible text of an HTML page or fragment as lines numbered by their source line."""
    reader = _Reader()
    reader.walk(BeautifulSoup(text, "html.parser"))
    reader.flush()
    return reader.lines
