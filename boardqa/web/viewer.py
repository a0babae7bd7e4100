"""A cited passage opened in its paper: the text at the cited page or lines, the quote marked.

Pure functions over the index's chunks: the app shows what they return in a side
panel, so a reader sees the cited words in their place, with the lines around them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from board.records import Chunk, Citation, long_date

_PAGE = re.compile(r"\bpage (\d+)")
_LINES = re.compile(r"\blines? (\d+)(?:\s*-\s*(\d+))?")


def _place(locator: str) -> tuple[int | None, int | None, int | None]:
    page = _PAGE.search(locator)
    lines = _LINES.search(locator)
    first = int(lines.group(1)) if lines else None
    last = int(lines.group(2) or lines.group(1)) if lines else None
    return (int(page.group(1)) if page else None), first, last


def cited_chunks(chunks: Sequence[Chunk], citation: Citation) -> list[Chunk]:
    """The passages of the cited paper at the cited place, in reading order."""
    page, first, last = _place(citation.locator)
    same = [c for c in chunks if c.source == citation.source]

    def at_place(c: Chunk) -> bool:
        if page is not None and c.page is not None and c.page != page:
            return False
        if first is None or c.line_start is None:
            return page is not None
        end = c.line_end if c.line_end is not None else c.line_start
        return c.line_start <= (last or first) and end >= first

    found = [c for c in same if at_place(c)]
    words = _words(citation.quote)[:8]
    holding = [c for c in found or same if words and _contains(_words(c.text), words)]
    # Of the passages at the place (a long table comes in several), those holding the quote;
    # for a locator we cannot place, the paper's passages that hold it.
    found = holding or found
    return sorted(found, key=lambda c: (c.page or 0, c.line_start or 0))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def highlight(text: str, quote: str) -> str:
    """``text`` as HTML with the quoted words marked, however the lines wrap between them."""
    words = re.findall(r"\w+", quote)
    if not words:
        return html.escape(text)
    # The quote's words in order, anything that is not a word (spaces, line breaks,
    # punctuation, a table's column gaps) allowed between them.
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
    match = pattern.search(text)
    if match is None and len(words) > 6:  # a shortened quote: its opening words
        pattern = re.compile(r"\W+".join(re.escape(w) for w in words[:6]), re.IGNORECASE)
        match = pattern.search(text)
    if match is None:
        return html.escape(text)
    return (
        html.escape(text[: match.start()])
        + "<mark>"
        + html.escape(match.group(0))
        + "</mark>"
        + html.escape(text[match.end() :])
    )


def passage_html(chunks: Sequence[Chunk], citation: Citation, cell: str = "") -> str:
    """The side panel for one citation: the paper, the meeting, the place, the table cell it
    stands for (if a table's) and the marked text."""
    found = cited_chunks(chunks, citation)
    when = f" — meeting of {long_date(citation.meeting_date)}" if citation.meeting_date else ""
    head = (
        f"<h4>[{citation.n}] {html.escape(citation.title)}{when}</h4>"
        f"<p><code>{html.escape(citation.source)}</code>, {html.escape(citation.locator)}</p>"
    )
    if cell:
        head += f"<p><b>{html.escape(cell)}</b></p>"
    if not found:
        return head + f"<blockquote>{html.escape(citation.quote)}</blockquote>"
    body = []
    for c in found:
        section = f"<p><small>{html.escape(c.section)}</small></p>" if c.section else ""
        body.append(
            f"{section}<pre class='cited-passage'>{highlight(c.text, citation.quote)}</pre>"
        )
    return head + "".join(body)
