"""Text helpers: markup, paragraphs and sentences with their line numbers, topic matching.

Pure functions; nothing here knows about meetings or the register.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from board.records import Line
from board.text import MINUTES_ASKING, coverage, sentence_spans, stem, tokenize
from board.text import STOPWORDS as TEXT_STOPWORDS

_QUOTED = re.compile(r"^\s*(?:>\s*)+")  # a markdown block quote's marks
_MARKUP = re.compile(r"\*\*|__|<[^>]+>|</?\w+[^>]*>")
# Abbreviations after which a full stop does not end a sentence.
# A bullet glyph (a word processor's private-use one too, "\uf0b7"), a list number, or the "o"
# of a second-level bullet whose glyph was lost ("o Commissioners Present: …").
_BULLET = re.compile(
    r"^\s*(?:[-•*\uf0b7\uf0a7▪●◦]|\(?[ivx]{1,4}[).]|\d{1,2}\)|o(?=\s+[A-Z0-9£$]))\s+"
)


def strip_markup(text: str) -> str:
    """Text without markdown emphasis, HTML tags or heading marks, whitespace collapsed."""
    text = _MARKUP.sub(" ", text.replace("\t", " "))
    text = _QUOTED.sub("", text)
    return " ".join(text.split()).lstrip("#").strip()


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def without_bullet(text: str) -> str:
    """A list item's text without its bullet ("o APPROVED – …" -> "APPROVED – …")."""
    return _BULLET.sub("", text, count=1)


# Where a line ends a sentence without punctuation, given the lines before and after it:
# (opens a new sentence, length of an owner column at its end, 0 for none).
LineBreaks = Callable[[str, str, str], tuple[bool, int]]


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph and the file lines it spans."""

    text: str
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Paragraph:
    """Consecutive non-blank lines (joined across page breaks when a sentence runs on)."""

    lines: tuple[Line, ...]

    @property
    def line_start(self) -> int:
        return self.lines[0].number

    @property
    def line_end(self) -> int:
        return self.lines[-1].number

    @property
    def text(self) -> str:
        return " ".join(strip_markup(ln.text) for ln in self.lines).strip()

    def sentences(self, breaks: LineBreaks | None = None) -> list[Sentence]:
        return split_sentences(self.lines, breaks)


def paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    """Lines grouped into paragraphs; a paragraph cut by a page break mid-sentence is rejoined."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            # A bullet starts its own paragraph even without a blank line before it.
            if current and is_bullet(line.text):
                groups.append(current)
                current = []
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    merged: list[list[Line]] = []
    for group in groups:
        first = strip_markup(group[0].text)
        if (
            merged
            and first[:1].islower()
            and not is_bullet(group[0].text)
            and not strip_markup(merged[-1][-1].text).endswith((".", ":", ";", "!", "?"))
        ):
            merged[-1].extend(group)
        else:
            merged.append(list(group))
    return [Paragraph(tuple(g)) for g in merged]


def split_sentences(lines: Sequence[Line], breaks: LineBreaks | None = None) -> list[Sentence]:
    """Sentences of consecutive lines, each with the first and last line it touches.

    ``breaks`` says where the lines themselves end a sentence that has no full stop: a line
    that opens a new one, and an owner column at a line's end (its own sentence).
    """
    found: list[Sentence] = []
    for run in _runs(lines, breaks):
        found.extend(_run_sentences(run))
    return found


def _runs(lines: Sequence[Line], breaks: LineBreaks | None) -> list[list[tuple[str, int]]]:
    """The lines' clean texts cut where ``breaks`` ends a sentence regardless of punctuation."""
    read = [(line, clean) for line in lines if (clean := strip_markup(line.text))]
    runs: list[list[tuple[str, int]]] = [[]]
    for i, (line, clean) in enumerate(read):
        number = line.number
        previous = read[i - 1][1] if i else ""
        following = read[i + 1][1] if i + 1 < len(read) else ""
        opens, column = breaks(previous, clean, following) if breaks else (False, 0)
        opens = opens or (i > 0 and _laid_out_paragraph(read[i - 1][0], line, clean))
        if opens and runs[-1]:
            runs.append([])
        if 0 < column < len(clean):
            runs[-1].append((clean[:-column].rstrip(), number))
            runs.append([(clean[-column:].strip(), number)])
            runs.append([])
        else:
            runs[-1].append((clean, number))
    return [run for run in runs if run]


def _laid_out_paragraph(before: Line, line: Line, clean: str) -> bool:
    """Whether a PDF line opens a sentence of its own: the layout reader joined the lines that
    wrap, so a line of the same page opening with a capital, a figure or a bullet is a new
    paragraph ("Calc subscription notice - resolved to pay £102.48" under "Audit of
    Accounts …"), full stop or none. Scanned pages are read line by line, as wrapped."""
    return (
        line.page is not None
        and line.page == before.page
        and not (line.ocr or before.ocr)
        and bool(re.match(r"[A-Z0-9£$•\-]", clean))
    )


def _run_sentences(run: Sequence[tuple[str, int]]) -> list[Sentence]:
    text = ""
    starts: list[tuple[int, int]] = []  # (offset, line number)
    for clean, number in run:
        if text:
            text += " "
        starts.append((len(text), number))
        text += clean

    def line_at(offset: int) -> int:
        number = starts[0][1]
        for start, n in starts:
            if start <= offset:
                number = n
        return number

    return [
        Sentence(text[start:end], line_at(start), line_at(end - 1))
        for start, end in sentence_spans(text)
    ]


# --- topic matching ---------------------------------------------------------------

# The one stopword list, and the words a register question uses to ask rather than name
# its topic ("what was decided", "what happened", "last").
STOPWORDS = TEXT_STOPWORDS | frozenset(
    """decide decided decision decisions discuss discussed happen happened last whose x""".split()  # noqa: SIM905
)


def words(text: str) -> list[str]:
    """Lower-case word tokens; hyphens and slashes separate words."""
    text = (
        strip_markup(text).replace("antisocial", "anti social").replace("Antisocial", "anti social")
    )
    return re.findall(r"[a-z0-9]+", text.lower().replace("'s", ""))


def content_stems(text: str, extra_stop: Iterable[str] = ()) -> list[str]:
    stop = STOPWORDS | set(extra_stop)
    return [stem(w) for w in words(text) if w not in stop]


def acronym_of(topic: str) -> str | None:
    """'Youth Offending Service' -> 'YOS'; a topic that is an acronym comes back as is."""
    tokens = [t for t in re.findall(r"[A-Za-z][A-Za-z']*", topic) if t.lower() not in STOPWORDS]
    if len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) >= 2:
        return tokens[0].rstrip("s")
    if len(tokens) >= 3:  # two-letter acronyms ("CC") are too ambiguous to match on
        return "".join(t[0].upper() for t in tokens)
    return None


@lru_cache(maxsize=8192)
def _stemmed(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A text's words stemmed, in order and as a set: read once however many topics look."""
    tokens = tuple(stem(w) for w in words(text))
    return tokens, frozenset(tokens)


class TopicIndex:
    """Which texts hold which word stems, built once: a topic's candidates are found from its
    words (or its acronym) rather than by reading every text, and every text the topic's
    matcher accepts is among them."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.postings: dict[str, set[int]] = {}
        for i, text in enumerate(texts):
            for s in _stemmed(text)[1]:
                self.postings.setdefault(s, set()).add(i)

    def candidates(self, topic: str) -> list[int]:
        """The texts holding every content word of ``topic``, or its acronym, in order."""
        stems = list(dict.fromkeys(content_stems(topic)))
        found = set.intersection(*(self.postings.get(s, set()) for s in stems)) if stems else set()
        if acronym := acronym_of(topic):
            found |= self.postings.get(stem(acronym.lower()), set())
        return sorted(found)


def topic_matcher(topic: str) -> Callable[[str], bool]:
    """Does a text talk about ``topic``: all its content words near each other, or its acronym?"""
    stems = list(dict.fromkeys(content_stems(topic)))
    acronym = acronym_of(topic)
    acronym_re = re.compile(rf"\b{re.escape(acronym)}s?\b") if acronym else None
    window = max(8, 3 * len(stems))

    def matches(text: str) -> bool:
        if not stems and acronym_re is None:
            return False
        if acronym_re is not None and acronym_re.search(text):
            return True
        if not stems:
            return False
        tokens, held = _stemmed(text)
        if not held.issuperset(stems):
            return False
        positions = {s: [i for i, t in enumerate(tokens) if t == s] for s in stems}
        if any(not p for p in positions.values()):
            return False
        if len(stems) == 1:
            return True
        first = positions[stems[0]]
        return any(
            all(any(abs(q - p) <= window for q in positions[s]) for s in stems[1:]) for p in first
        )

    return matches


_SCAFFOLD = STOPWORDS | MINUTES_ASKING
_SCAFFOLD_STEMS = _SCAFFOLD | {stem(w) for w in _SCAFFOLD}


def topic_terms(topic: str) -> list[str]:
    """The topic's content words, question scaffolding aside."""
    return [t for t in dict.fromkeys(tokenize(topic)) if t not in _SCAFFOLD_STEMS]


def topic_share(topic: str, text: str, weight: Callable[[str], float] = lambda term: 1.0) -> float:
    """The ``weight``-ed share of the topic's content words that the text uses."""
    return coverage(topic_terms(topic), text, weight)
