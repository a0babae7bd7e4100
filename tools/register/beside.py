"""What a minute says beside one of its decisions or actions: the sentence that answers the
rest of a question ("…, and what do they cost?" is the item's sentence giving the cost), and
the sentence an action's short task points back to ("The Clerk to respond accordingly").
Pure functions over the register's items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board.dates import MONTH_NAMES
from board.text import STOPWORDS, coverage, tokenize
from tools.register.records import Action, Decision, MinuteItem, lines_locator, span

_SHORT_TASK = 6  # words: a task this short says what only with the sentence before it
_POINTED_SENTENCES, _POINTED_CHARS = 2, 700  # what a short task points back to, at most
_SAYS_LITTLE = 2  # words of a task, besides who and when: "to research"
# the words of when a task is due ("for December 2020 meeting"), said of any task
_WHEN_WORDS = frozenset(tokenize(" ".join(("meeting next by before for", *MONTH_NAMES))))
_POINTS_BACK = re.compile(r"\b(?:accordingly|this|these|that|it|them)\W*$", re.I)


@dataclass(frozen=True)
class Beside:
    """A sentence of the item, with its lines."""

    text: str
    locator: str


def item_of(items: Sequence[MinuteItem], record: Decision | Action) -> MinuteItem | None:
    """The minute item a decision or action was read from."""
    start, _ = span(record.locator)
    for item in items:
        if (
            item.source == record.source
            and item.meeting_date == record.meeting_date
            and item.line_start <= start <= item.line_end
        ):
            return item
    return None


def _sentences(item: MinuteItem) -> list[tuple[str, int, int]]:
    return list(zip(item.sentences, item.sentence_starts, item.sentence_ends, strict=True))


def answering(item: MinuteItem, record: Decision | Action, asked: Sequence[str]) -> Beside | None:
    """The item's sentence, outside the record's own lines, that uses most of the words the
    question also asks with (``asked``: stems); the nearest of equals; None if none uses any."""
    if not asked:
        return None
    start, end = span(record.locator)
    best: tuple[float, int, str, int, int] | None = None
    for text, first, last in _sentences(item):
        if first <= end and start <= last:
            continue
        share = coverage(asked, text)
        distance = min(abs(first - end), abs(start - last))
        if share > 0 and (best is None or (share, -distance) > (best[0], -best[1])):
            best = (share, distance, text, first, last)
    return Beside(best[2], lines_locator(best[3], best[4])) if best else None


def pointed_back_to(item: MinuteItem, action: Action) -> Beside | None:
    """The sentence before an action whose task is too short to say what on its own."""
    task = action.task.strip()
    if not (_says_little(action) or _POINTS_BACK.search(task)):
        return None
    sentences = _sentences(item)
    own = next(
        (i for i, (text, _, _) in enumerate(sentences) if _same_words(text, task)),
        None,
    )
    if not own:
        return None  # not found, or the item's first sentence
    before = sentences[max(0, own - _POINTED_SENTENCES) : own]
    while len(before) > 1 and sum(len(t) for t, _, _ in before) > _POINTED_CHARS:
        before = before[1:]
    text = " ".join(t for t, _, _ in before)
    return Beside(text, lines_locator(before[0][1], before[-1][2]))


def _says_little(action: Action) -> bool:
    """Whether a task is short, or says little but who and when ("Carrie Landman to research
    for December 2020 meeting"): what to do is in the sentence before it."""
    if len(action.task.split()) <= _SHORT_TASK:
        return True
    known = set(tokenize(" ".join((*action.owners, action.due or "")))) | _WHEN_WORDS
    what = [w for w in tokenize(action.task) if w not in known and w not in STOPWORDS]
    return len([w for w in what if not w.isdigit()]) <= _SAYS_LITTLE


def _same_words(sentence: str, task: str) -> bool:
    """Whether a sentence is (or holds) the task, whatever the markup and spacing."""
    flat = " ".join(re.findall(r"\w+", sentence.lower()))
    return " ".join(re.findall(r"\w+", task.lower())) in flat
