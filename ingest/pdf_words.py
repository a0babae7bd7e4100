"""A PDF page's words (pdfplumber's) grouped into lines by their baseline: a superscript
("th" of "30th") kept in its line, each line's words left to right and split into the
cells a wide gap sets apart. Pure.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import Any

Word = dict[str, Any]  # pdfplumber's word: text, x0, x1, top, bottom, fontname; size added

_CELL_GAP = 1.2  # a gap this many font sizes wide between words separates table cells
_SMALL_TYPE = 0.85  # type this much smaller than the body's is a superscript or subscript


@dataclass
class Line:
    words: list[Word]
    cells: list[list[Word]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return self.words[-1]["x1"]

    @property
    def size(self) -> float:
        return median(w["size"] for w in self.words)

    @property
    def font(self) -> str:
        """The line's typeface, without the subset tag a PDF gives each embedding of it
        ("BVSWUG+PTSans-Regular")."""
        name = Counter(w["fontname"] for w in self.words).most_common(1)[0][0]
        tag, plus, face = name.partition("+")
        return face if plus and len(tag) == 6 and tag.isupper() else name

    @property
    def numbered(self) -> bool:
        """Text set after a paragraph number in a cell of its own ("3.1   Mike agreed ...")."""
        return len(self.cells) == 2 and len(words_text(self.cells[0])) <= 6

    @property
    def text(self) -> str:
        return words_text(self.words)


# The widest gap, as a share of the line's height, that may still fall inside a word.
_TOUCHING = 0.1


def words_text(words: Sequence[Word]) -> str:
    """Words as text, a space where the page leaves one. A tight gap parts words, however
    narrow ("checked the" set tight), except before a comma set in another font ("ads ," is
    "ads,") and beside a fragment of a letter-spaced word ("Ch a i r m a n", "44 1 2 8")."""
    if not words:
        return ""
    text = words[0]["text"]
    spaced = False  # inside a letter-spaced word
    for before, word in itertools.pairwise(words):
        tight = word["x0"] - before["x1"] < _TOUCHING * word["size"]
        letters = tight and (
            _fragment(before["text"])
            or _fragment(word["text"])
            or (spaced and len(word["text"]) <= 2)
        )
        touching = letters or (tight and _face(before) != _face(word))
        spaced = letters
        text += word["text"] if touching else f" {word['text']}"
    return " ".join(text.split())


def _face(word: Word) -> tuple[object, object]:
    return word.get("fontname"), word.get("size")


# Words of one or two letters that stand alone, and titles that open a name.
_SHORT_WORDS = frozenset(
    [
        "a",
        "i",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
        "mr",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
    ]
)


def _fragment(text: str) -> bool:
    """A piece of a letter-spaced word: one or two characters that are no word or initial."""
    return (
        len(text) <= 2 and text.lower() not in _SHORT_WORDS and not re.fullmatch(r"[A-Z]\.", text)
    )


def lines_of(words: Iterable[Word]) -> list[Line]:
    """Words grouped into lines by their baseline, each line's words left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        line = lines[-1] if lines else None
        if line is not None and abs(word["bottom"] - line.words[-1]["bottom"]) <= max(
            2.0, 0.3 * word["size"]
        ):
            line.words.append(word)
        else:
            lines.append(Line([word]))
    lines = _superscripts(lines)
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        line.cells = _cells(line.words)
    return lines


def _superscripts(lines: list[Line]) -> list[Line]:
    """A line of small type set beside another ("th" of "30th", a footnote mark) put back
    into the line it stands beside."""
    if len(lines) < 2:
        return lines
    body = median(w["size"] for line in lines for w in line.words)
    out: list[Line] = []
    for i, line in enumerate(lines):
        small = max(w["size"] for w in line.words) < _SMALL_TYPE * body
        beside = [
            m
            for m in (out[-1] if out else None, lines[i + 1] if i + 1 < len(lines) else None)
            if m is not None and m.top < line.bottom and line.top < m.bottom
        ]
        if small and beside:
            beside[0].words.extend(line.words)
        else:
            out.append(line)
    return out


def _cells(words: list[Word]) -> list[list[Word]]:
    """A line's words split where a gap wider than a table's gutter falls between them."""
    cells: list[list[Word]] = [[words[0]]]
    for before, word in zip(words, words[1:], strict=False):
        if word["x0"] - before["x1"] > _CELL_GAP * max(before["size"], 4.0):
            cells.append([word])
        else:
            cells[-1].append(word)
    return cells


def joined(parts: Sequence[str]) -> str:
    """Lines of one paragraph as one, a word broken at the margin rejoined ("consti-" and
    "tutes")."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return text
