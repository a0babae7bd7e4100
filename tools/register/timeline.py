"""A topic's timeline across all the papers: what each meeting's papers say, dated and cited.

Works on the ingested passages (``Chunk``s). Each passage naming the topic is
widened to its block (the minutes item or the report section under the nearest
heading) and the block's telling sentences are kept: the ones naming the topic,
and the ones saying what happened ("were supportive", "approved", "scheduled to
go live"). A report's own request to the Board ("That the Board endorse …") is
added when it shares the block's subject. One entry per paper, in date order.
Pure functions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from board.records import Chunk, Line
from tools.register.minutes import ITEM_HEADING
from tools.register.records import TimelineEntry, lines_locator, span
from tools.register.text import (
    Sentence,
    TopicIndex,
    content_stems,
    is_bullet,
    split_sentences,
    strip_markup,
    topic_matcher,
)

HAPPENED = re.compile(
    r"\b(?:approved|agreed|endorsed?|supportive|supported|recommended|scheduled|go live|went live|"
    r"launched|in place|deferred|decided|resolved|rejected|welcomed)\b",
    re.I,
)
REQUEST = re.compile(r"^\W*(?:\(?[ivx\d]+\)\s*)?that the board\b", re.I)
PAPER_ORDER = {"minutes": 0, "report": 1, "agenda": 2, "appendix": 3, "strategy": 4}
_MAX_BLOCK = 40  # lines scanned each way for the block's heading
_MAX_SENTENCES = 3
_MAX_PER_MEETING = 3
_MAX_WORDS = 80


@dataclass(frozen=True)
class _Paper:
    """One paper's lines, rebuilt from its chunks where their text matches their line numbers."""

    source: str
    title: str
    paper_type: str
    meeting_date: str
    section: str
    lines: dict[int, str]

    @cached_property
    def requests(self) -> list[tuple[Sentence, set[str]]]:
        """The paper's requests to the Board ('That the Board endorse …') and their word stems.

        Read once per paper: every block of a report is matched against the same requests.
        """
        return [
            (sentence, set(content_stems(sentence.text)))
            for n in sorted(self.lines)
            for sentence in split_sentences([Line(self.lines[n], n)])
            if REQUEST.match(sentence.text)
        ]


def timeline(
    topic: str,
    chunks: Sequence[Chunk],
    *,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[TimelineEntry]:
    """What the papers say about ``topic``, one entry per paper, oldest first: read from the
    passages its words find in the papers' word index, not from every passage."""
    matches = topic_matcher(topic)
    papers, index = _papers(chunks)
    picked: dict[tuple[str, str, str], dict[int, tuple[int, str, int, int]]] = defaultdict(dict)
    for chunk in (chunks[i] for i in index.candidates(topic)):
        if not chunk.meeting_date or not matches(chunk.text):
            continue
        if date_from and chunk.meeting_date < date_from or date_to and chunk.meeting_date > date_to:
            continue
        paper = papers[(chunk.source, chunk.title, chunk.meeting_date)]
        key = (chunk.meeting_date, chunk.source, chunk.title)
        for score, text, start, end in _telling_sentences(paper, chunk, matches):
            picked[key].setdefault(start, (score, text, start, end))
    entries = [
        _entry(papers[(src, title, when)], list(found.values()))
        for (when, src, title), found in picked.items()
    ]
    entries.sort(
        key=lambda e: (e.meeting_date, PAPER_ORDER.get(e.paper_type, 9), span(e.locator)[0])
    )
    kept: list[TimelineEntry] = []
    per_meeting: dict[str, int] = defaultdict(int)
    for entry in entries:
        if per_meeting[entry.meeting_date] < _MAX_PER_MEETING:
            kept.append(entry)
            per_meeting[entry.meeting_date] += 1
    return kept


_Papers = dict[tuple[str, str, str | None], _Paper]
# The papers and the word index of the last chunk lists read.
_BUILT: dict[tuple[str, ...], tuple[_Papers, TopicIndex]] = {}


def _papers(chunks: Sequence[Chunk]) -> tuple[_Papers, TopicIndex]:
    """Every paper's lines, rebuilt from its chunks, and the chunks' word index: once per
    chunk list (the index's chunks change only with a re-index)."""
    key = tuple(c.id for c in chunks)
    if key not in _BUILT:
        if len(_BUILT) >= 2:
            _BUILT.clear()
        _BUILT[key] = (_build_papers(chunks), TopicIndex([c.text for c in chunks]))
    return _BUILT[key]


def _build_papers(chunks: Sequence[Chunk]) -> _Papers:
    papers: _Papers = {}
    for chunk in chunks:
        key = (chunk.source, chunk.title, chunk.meeting_date)
        paper = papers.setdefault(
            key,
            _Paper(
                chunk.source,
                chunk.title,
                chunk.paper_type,
                chunk.meeting_date or "",
                chunk.section,
                {},
            ),
        )
        paper.lines.update(_chunk_lines(chunk))
    return papers


def _chunk_lines(chunk: Chunk) -> dict[int, str]:
    """The chunk's text by file line number (pieces of one long line joined); empty if unknown."""
    texts = chunk.text.split("\n")
    numbers: Sequence[int] = chunk.line_numbers
    if len(numbers) != len(texts):
        if chunk.line_start is None or chunk.line_end is None:
            return {}
        if len(texts) != chunk.line_end - chunk.line_start + 1:
            return {}
        numbers = range(chunk.line_start, chunk.line_end + 1)
    lines: dict[int, str] = {}
    for number, text in zip(numbers, texts, strict=True):
        lines[number] = f"{lines[number]} {text}" if number in lines else text
    return lines


def _is_heading(paper: _Paper, n: int) -> bool:
    """Does line ``n`` head a block: an item or markdown heading, a 'Title:', a short lone line?"""
    text = paper.lines.get(n)
    if text is None:
        return False
    raw = text.strip()
    clean = strip_markup(raw)
    if not clean or "\t" in raw or re.match(r"\W*action\b", clean, re.I):
        return False
    if raw.startswith("#") or re.search(r"this page is intentionally left blank", clean, re.I):
        return True
    if (m := ITEM_HEADING.match(clean)) and m.group(3)[:1].isupper() and not clean.endswith("."):
        return True
    if clean.endswith(":") and len(clean) <= 80 and not raw.startswith(("-", "•", "*")):
        return True
    if is_bullet(raw):
        return False
    # Chunks drop blank lines: a missing neighbour was blank.
    alone = not paper.lines.get(n - 1, "").strip() and not paper.lines.get(n + 1, "").strip()
    return len(clean) <= 60 and not clean.endswith((".", ",", ";")) and alone


def _block(paper: _Paper, line: int) -> tuple[int, int]:
    """The lines from the heading at or above ``line`` to the line before the next heading."""
    numbers = sorted(paper.lines)
    at = numbers.index(line)
    start = at
    while (
        start > 0
        and not _is_heading(paper, numbers[start])
        and numbers[start - 1] >= line - _MAX_BLOCK
    ):
        start -= 1
    end = at
    while (
        end + 1 < len(numbers)
        and not _is_heading(paper, numbers[end + 1])
        and numbers[end + 1] <= line + _MAX_BLOCK
    ):
        end += 1
    return numbers[start], numbers[end]


def _telling_sentences(
    paper: _Paper, chunk: Chunk, matches: Callable[[str], bool]
) -> list[tuple[int, str, int, int]]:
    """(score, text, first line, last line) of sentences worth quoting around the chunk's hits."""
    if not paper.lines or chunk.line_start is None:
        return [
            (_score(s, matches), s, chunk.line_start or 0, chunk.line_end or 0)
            for s in _plain_sentences(chunk.text)
            if matches(s)
        ]
    found: list[tuple[int, str, int, int]] = []
    own = chunk.line_numbers or range(chunk.line_start, (chunk.line_end or chunk.line_start) + 1)
    hit_lines = sorted({n for n in own if n in paper.lines and matches(paper.lines[n])})
    for hit in hit_lines:
        start, end = _block(paper, hit)
        headed = hit == start and _is_heading(paper, hit)
        block = [Line(paper.lines[n], n) for n in range(start, end + 1) if n in paper.lines]
        # Chunks keep no blank lines, so each line (a paragraph, bullet or heading) is split alone.
        for sentence in (s for line in block for s in split_sentences([line])):
            words = len(sentence.text.split())
            if words < 4 or words > _MAX_WORDS or sentence.text.endswith(":"):
                continue
            score = _score(sentence.text, matches)
            on_topic = matches(sentence.text)
            # Under a heading naming the topic, what happened needs no repeat of the name.
            if on_topic or (HAPPENED.search(sentence.text) and (headed or score >= 3)):
                found.append((score, sentence.text, sentence.line_start, sentence.line_end))
        if paper.paper_type in ("report", "appendix"):
            found.extend(_requests(paper, block))
    return found


def _score(text: str, matches: Callable[[str], bool]) -> int:
    return 3 * matches(text) + 2 * bool(HAPPENED.search(text)) + bool(re.search(r"\bBoard\b", text))


def _plain_sentences(text: str) -> list[str]:
    return [
        s.text for s in split_sentences([Line(t, i) for i, t in enumerate(text.split("\n"), 1)])
    ]


def _requests(paper: _Paper, block: Sequence[Line]) -> list[tuple[int, str, int, int]]:
    """The paper's 'That the Board …' request sharing most words with the block (at least two)."""
    subject = set(content_stems(" ".join(ln.text for ln in block)))
    best: tuple[int, tuple[int, str, int, int]] | None = None
    for sentence, stems in paper.requests:
        shared = len(subject & stems - {"board", "that"})
        if shared >= 2 and (best is None or shared > best[0]):
            best = (shared, (4, sentence.text, sentence.line_start, sentence.line_end))
    return [best[1]] if best else []


def _entry(paper: _Paper, found: list[tuple[int, str, int, int]]) -> TimelineEntry:
    ranked = sorted(found, key=lambda f: (-f[0], f[2]))
    # Beyond the best sentence, an appendix or strategy contributes only what happened.
    telling = paper.paper_type in ("minutes", "report")
    best = [ranked[0], *(f for f in ranked[1:] if telling or HAPPENED.search(f[1]))][
        :_MAX_SENTENCES
    ]
    best.sort(key=lambda f: f[2])
    text = " … ".join(f[1] for f in best)
    return TimelineEntry(
        meeting_date=paper.meeting_date,
        source=paper.source,
        title=paper.title,
        paper_type=paper.paper_type,
        section=paper.section,
        text=text,
        locator=lines_locator(min(f[2] for f in best), max(f[3] for f in best)),
        quote=text,
    )
