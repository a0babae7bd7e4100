"""Seeds and mutations for the fuzz tests: the real papers' lines and gold questions, read once
per session, and hypothesis strategies that mutate them the way damaged extractions do."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

from board.errors import IngestError
from board.records import Line
from ingest.loaders import LOADERS, load_lines

ROOT = Path(__file__).resolve().parents[1]
PAPER_FOLDERS = (ROOT / "corpus", ROOT / "eval" / "devcorpus" / "papers")
GOLD_FILES = (
    *sorted((ROOT / "eval" / "gold").glob("*.jsonl")),
    *sorted((ROOT / "eval" / "devcorpus" / "gold").glob("*.jsonl")),
    *sorted((ROOT / "eval" / "conversations").glob("*.jsonl")),
)

# Pieces the papers' own structure and figures are made of, and pieces no paper should hold.
TOKENS = (
    "\t", "|", " | ", "  ", "   ", "%", "£", "$", "€", "(", ")", "-", "–", "−", "+", "/", ".",
    ",", ":", "*", "**", "#", "# ", "### ", "±", " pts", " pp", " per 1,000", " per cent",
    "AGENDA ITEM 3", "AGENDA ITEM 12b", "Item 4: ", "Report Name: ", "MINUTES",
    "Minutes of meeting held on ", "Previous Minutes – ", "this page is intentionally left blank",
    "Appendix 2", "Priority 8", "6.1 ", "12. ", "FY ", "Q3 ", "Quarter 4 ", "2013/14", "12/13",
    "1999/00", "31st", " January ", "Sept ", "29 February 2013", "31/02/2013", "00/00/0000",
    "99/99/99", "Apr 13 - Mar 14", "Dec 2012 to Feb 2011", "w/e ", "R12", "YTD", "FYTD",
    "This Year", "Last Year", "previous", "Total", "Base: all", "Spring 2016", "15/15", "0/0",
    "n/a", "<table>", "</table>", "<tr><td>", "</td><td>", "</td></tr>", "<th>", "<ul><li>",
    "&amp;", "&#49;&#50;", "\x00", "\x07", "\x1b[31m", "\r", "\f", "\u202e", "\ufeff", "\u00a0",
    "\u200b", "😀", "🚓", "٣", "١٢", "Ⅻ", "²", "9" * 40, "0.000001", "1e400", "1,2,3,4",
)  # fmt: skip

_OPS = ("insert_token", "insert_text", "delete", "digits", "duplicate", "case", "truncate")


@lru_cache(maxsize=1)
def paper_files() -> tuple[tuple[str, tuple[Line, ...]], ...]:
    """Every readable paper in the corpus and the development set, as its numbered lines."""
    files: list[tuple[str, tuple[Line, ...]]] = []
    for folder in PAPER_FOLDERS:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in LOADERS:
                continue
            try:
                files.append((path.name, tuple(load_lines(path))))
            except IngestError:
                continue  # an image-only PDF has no lines to seed from
    return tuple(files)


@lru_cache(maxsize=1)
def paper_lines() -> tuple[str, ...]:
    """The papers' distinct non-blank lines."""
    return tuple(dict.fromkeys(ln.text for _, lines in paper_files() for ln in lines if ln.text))


@lru_cache(maxsize=1)
def gold_questions() -> tuple[str, ...]:
    """Every question of the gold sets, conversations' earlier turns included."""
    found: list[str] = []
    for path in GOLD_FILES:
        for row in path.read_text(encoding="utf-8").splitlines():
            if row.strip():
                item = json.loads(row)
                found.append(item["question"])
                found.extend(
                    h if isinstance(h, str) else h["question"] for h in item.get("history", ())
                )
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _table_starts() -> tuple[tuple[int, int], ...]:
    """(file, line) of every line that looks like part of a table: tabs, pipes, aligned columns."""
    starts = []
    for f, (_, lines) in enumerate(paper_files()):
        for i, ln in enumerate(lines):
            if "\t" in ln.text or "|" in ln.text or "<table" in ln.text or "   " in ln.text.strip():
                starts.append((f, i))
    return tuple(starts)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` after a few random edits: tokens and text put in, pieces cut, figures changed."""
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(_OPS))
        at = draw(st.integers(0, len(text)))
        if op == "insert_token":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif op == "insert_text":
            text = text[:at] + draw(st.text(max_size=12)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 12)) :]
        elif op == "digits":
            text = text[:at] + str(draw(st.integers(-(10**12), 10**12))) + text[at:]
        elif op == "duplicate":
            text = text[:at] + text[at : at + draw(st.integers(1, 30))] * 2 + text[at + 30 :]
        elif op == "case":
            text = text.upper() if draw(st.booleans()) else text.lower()
        else:
            text = text[:at]
    return text


def _deferred_sample(source):  # type: ignore[no-untyped-def]
    return st.deferred(lambda: st.sampled_from(source()))


real_line = _deferred_sample(paper_lines)
gold_question = _deferred_sample(gold_questions)


@st.composite
def line_text(draw: st.DrawFn) -> str:
    """A real line, mostly mutated; now and then any text at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text(max_size=200))
    return draw(mutated(draw(real_line)))


@st.composite
def question_text(draw: st.DrawFn) -> str:
    """A gold question or a real line, mutated; a gold question joined to a line; any text."""
    pick = draw(st.integers(0, 9))
    if pick == 0:
        return draw(st.text(max_size=300))
    if pick <= 2:
        return draw(mutated(draw(real_line)))
    if pick == 3:
        return draw(gold_question) + " " + draw(real_line)
    return draw(mutated(draw(gold_question)))


@st.composite
def paper_window(draw: st.DrawFn, *, tables: bool = False, max_lines: int = 60) -> list[Line]:
    """Consecutive lines of one real paper (around a table when ``tables``), a few of them
    mutated, dropped, blanked or replaced by another paper's line, renumbered from 1."""
    files = paper_files()
    if tables and draw(st.booleans()):
        f, at = draw(st.sampled_from(_table_starts()))
        start = max(0, at - draw(st.integers(0, 10)))
    else:
        f = draw(st.integers(0, len(files) - 1))
        start = draw(st.integers(0, max(0, len(files[f][1]) - 1)))
    window = list(files[f][1][start : start + draw(st.integers(1, max_lines))])
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(window) - 1)) if window else 0
        op = draw(st.sampled_from(("mutate", "mutate", "drop", "blank", "foreign")))
        if not window:
            break
        if op == "mutate":
            window[i] = Line(draw(mutated(window[i].text)), 0, window[i].page)
        elif op == "drop":
            del window[i]
        elif op == "blank":
            window.insert(i, Line("", 0, window[i].page))
        else:
            window.insert(i, Line(draw(real_line), 0, window[i].page))
    return [Line(ln.text, n, ln.page) for n, ln in enumerate(window, start=1)]
