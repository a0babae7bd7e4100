"""Actions in a minutes item: ACTION markers, "[ACTION]", "X agreed to …", "X would …", "X to …".

An owner-only marker ("ACTION: Ruth Murphy" on its own line) takes its task from
the paragraph before it; "[ACTION]" takes its owner from the commitment it ends.
Pronouns resolve to the latest subject of the item ("She would forward …" after
"Ms Vagarwal proposed …"). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tools.register.due import due_of
from tools.register.item_reader import COMMIT, ItemReader, ReadSentence, is_commitment
from tools.register.resolutions import decision_kind
from tools.register.text import Sentence, is_bullet, strip_markup

ACTION_LABEL = re.compile(r"^\W*action\s*[:;]\s*(.*?)\W*$", re.I)
ACTION_BRACKET = re.compile(r"^\W*\[\s*action\s*\]\W*$", re.I)
_SHORT_TASK = 8  # words; a shorter commitment names no object on its own
_PASSIVE_TASK = re.compile(r"\bto\s+be\s+[a-z]{2,}(?:ed|en|wn|nt|up)\b", re.I)
_DEMONSTRATIVE_END = re.compile(r"\b(?:this|these|it|them)\W*$|:\s*$", re.I)


@dataclass(frozen=True)
class ActionDraft:
    owners: tuple[str, ...]
    task: str
    due: str | None
    marker: str
    line_start: int
    line_end: int
    context: str = ""  # the paragraph before the action and its own, for finding it by topic


def find_actions(
    reader: ItemReader, meeting_date: str, next_meeting: str | None
) -> list[ActionDraft]:
    """The item's actions: marked ones first claim their sentences, then unmarked commitments."""
    reads = reader.sentences
    dates = (meeting_date, next_meeting)
    claimed: set[int] = set()
    drafts: list[tuple[int, ActionDraft]] = []
    for index in range(len(reads)):
        drafts.extend(_marked(reader, index, claimed, dates))
    for index, read in enumerate(reads):
        if index in claimed or not is_commitment(read.sentence.text):
            continue
        for part, owners in reader.duties(read) or [(read, reader.subject_of(read))]:
            if owners:
                verb = COMMIT.search(part.sentence.text)
                marker = verb.group(1).lower() if verb else "to"
                text = part.sentence.text
                drafts.append(
                    (index, _draft(owners, text, dates, marker, part.sentence, part.sentence))
                )
    ordered = [d for _, d in sorted(drafts, key=lambda pair: pair[0])]
    return [replace(d, context=_context(reads, d.line_start, d.line_end)) for d in ordered]


def _marked(
    reader: ItemReader, index: int, claimed: set[int], dates: tuple[str, str | None]
) -> list[tuple[int, ActionDraft]]:
    """The action a marker sentence makes ("ACTION: Ruth Murphy", "[ACTION]", an owner column's
    "Clerk"), claiming the sentences it is for; [] when the sentence is no marker."""
    reads = reader.sentences
    read = reads[index]
    text = read.sentence.text
    label = ACTION_LABEL.match(text)
    bracket = ACTION_BRACKET.match(text)
    column = (
        not (label or bracket)
        and index > 0
        and reads[index - 1].paragraph == read.paragraph
        and reader.names_only(text, read.subjects)
    )
    if not label and not bracket and not column:
        return []
    claimed.add(index)
    content = label.group(1).strip() if label else strip_markup(text) if column else ""
    if re.fullmatch(r".+?\s+agreed", content, re.I) and reader.group(content.rsplit(" ", 1)[0]):
        return []  # "ACTION: All Board Members agreed" records a decision
    inline = re.match(r"^(.+?)\s+(?:agreed\s+)?to\s+([a-z].*)$", content)
    if inline and (owners := reader.owners_of_label(inline.group(1), read.subjects)):
        task = strip_markup(content)
        return [(index, _draft(owners, task, dates, text, read.sentence, read.sentence))]
    target = (
        _column_target(reader, index, claimed)
        if column
        else _target_sentences(reads, index, claimed)
    )
    if not target:
        return []
    claimed.update(target)
    chosen = [reads[i] for i in target]
    owners = reader.owners_of_label(content, read.subjects) if content else ()
    if not owners:
        for r in chosen:
            owners += tuple(o for o in reader.subject_of(r, marked=True) if o not in owners)
    task = " ".join(r.sentence.text for r in chosen)
    marker = strip_markup(text) if label or column else "[ACTION]"
    return [(target[0], _draft(owners, task, dates, marker, chosen[0].sentence, read.sentence))]


def _context(reads: Sequence[ReadSentence], start: int, end: int) -> str:
    """The action's paragraphs and the one before: what it is about, in the minutes' words."""
    touching = [
        r.paragraph for r in reads if r.sentence.line_start <= end and start <= r.sentence.line_end
    ]
    if not touching:
        return ""
    low, high = min(touching) - 1, max(touching)
    return " ".join(r.sentence.text for r in reads if low <= r.paragraph <= high)


def _line_target(reads: Sequence[ReadSentence], index: int, claimed: set[int]) -> list[int]:
    """What an owner column's entry is for: the sentences of its own line, else the one before."""
    line = reads[index].sentence.line_start
    same = [i for i in range(index) if reads[i].sentence.line_end == line and i not in claimed]
    if same:
        return same
    return [index - 1] if index and index - 1 not in claimed else []


def _column_target(reader: ItemReader, index: int, claimed: set[int]) -> list[int]:
    """What an owner column's entry is for: its line's sentences (else the one before) when
    they ask or decide something; a list item's whole list when the list's lead-in does
    ("Working Group to be set up to coordinate: i. Website … AC/JN"); nothing for a table of
    names beside topics ("Housing  AC & JN")."""
    reads = reader.sentences
    target = _line_target(reads, index, claimed)
    if any(_minuted_deed(reader, reads[i].sentence.text) for i in target):
        return target
    if not target or not is_bullet(reads[target[0]].sentence.text):
        return []
    lead = target[0] - 1
    while lead >= 0 and lead not in claimed and not reads[lead].sentence.text.endswith(":"):
        lead -= 1
    if lead >= 0 and lead not in claimed and _minuted_deed(reader, reads[lead].sentence.text):
        return list(range(lead, target[-1] + 1))
    return []


def _minuted_deed(reader: ItemReader, text: str) -> bool:
    """Whether a sentence asks someone to do something ("to be posted on the website")
    or records a decision."""
    return (
        is_commitment(text)
        or bool(_PASSIVE_TASK.search(text))
        or decision_kind(text, reader.people.profile) is not None
    )


def _target_sentences(reads: Sequence[ReadSentence], index: int, claimed: set[int]) -> list[int]:
    """What an owner-only marker means: its paragraph's earlier sentences, else the last one's."""
    paragraph = reads[index].paragraph
    same = [i for i in range(index) if reads[i].paragraph == paragraph and i not in claimed]
    if not same:
        before = [i for i in range(index) if reads[i].paragraph < paragraph]
        if not before:
            return []
        last_para = reads[before[-1]].paragraph
        same = [i for i in before if reads[i].paragraph == last_para and i not in claimed]
        if same and is_bullet(reads[same[0]].sentence.text):
            # A marker after a list ("It was agreed that: - … - …") covers the whole list.
            return _whole_list(reads, same[0], claimed)
    if not same:
        return []
    committed = [i for i in same if is_commitment(reads[i].sentence.text)]
    chosen = committed or [same[-1]]
    first = chosen[0]
    # "he would request this", "James to discuss and update the Board.": the sentence before
    # says what.
    if (
        _DEMONSTRATIVE_END.search(reads[chosen[-1]].sentence.text)
        or _DEMONSTRATIVE_END.search(reads[first].sentence.text)
        or len(reads[first].sentence.text.split()) < _SHORT_TASK
    ):
        earlier = [i for i in same if i < first]
        if earlier:
            chosen = [earlier[-1], *chosen]
    return sorted(set(chosen))


def _whole_list(reads: Sequence[ReadSentence], last_item: int, claimed: set[int]) -> list[int]:
    """A list's sentences, from its lead-in ('It was agreed that:') to its last item's end."""
    start = last_item
    while start > 0 and start - 1 not in claimed:
        previous = reads[start - 1]
        if previous.paragraph == reads[start].paragraph or is_bullet(previous.sentence.text):
            start -= 1
            continue
        if previous.sentence.text.rstrip().endswith(":"):
            start -= 1
        break
    end = last_item
    while end + 1 < len(reads) and reads[end + 1].paragraph == reads[last_item].paragraph:
        end += 1
    return list(range(start, end + 1))


def _draft(
    owners: tuple[str, ...],
    task: str,
    dates: tuple[str, str | None],
    marker: str,
    first: Sentence,
    last: Sentence,
) -> ActionDraft:
    task = re.sub(r"^\s*[-•*]\s+", "", task)  # a bullet's dash is not part of the task
    return ActionDraft(
        owners=owners,
        task=task,
        due=due_of(task, *dates),
        marker=marker,
        line_start=min(first.line_start, last.line_start),
        line_end=max(first.line_end, last.line_end),
    )
