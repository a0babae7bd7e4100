"""Whether an action was done: only a later meeting's papers can say so, else 'no later record'.

Lexical evidence is weak, so the rule is strict and anchored on named things.
A later passage (a sentence of any paper for a meeting within about a year
after the action's) records the action when it names the same thing the task
names ("Community Coaches", "Youth Justice Board", "Safer Neighbourhood
Boards"). It marks the action done only when it also says the thing happened
("now in place", "was approved", "circulated"); a passage that names a
three-word thing, or a shorter one and two more of the task's words, is noted
as a later mention and the action stays open. A miss leaves an action open, never falsely done.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from board.names import looks_like_name
from board.profile import BoardProfile
from board.records import Section
from tools.register.records import NO_LATER_RECORD, Action, lines_locator
from tools.register.reported import Reports
from tools.register.text import STOPWORDS, content_stems, paragraphs, stem, strip_markup, words

COMPLETED = re.compile(
    r"\b(?:now in place|completed|circulated|launched|appointed|received|"
    r"(?:is|are|was|were|has been|have been|had been)\s+(?:now\s+)?"
    r"(?:approved|agreed|completed|circulated|established|appointed|set up|launched|"
    r"implemented|identified|invited|amended|updated|sent|shared|signed|made)|"
    r"(?:has|have|had)\s+(?:now\s+)?(?:written|sent|signed))\b",
    re.I,
)
_THANKED = re.compile(r"\b(?:was|were)\s+thanked\s+for\s+\w+ing\b", re.I)
_DECIDED_NOW = re.compile(r"\bit\s+was\s+(?:agreed|resolved|decided)\b", re.I)
# Words any action or paper may use; sharing them says nothing about which task a passage records.
GENERIC = frozenset(
    """meeting meet next update report partnership council community safety crime action
    item member discuss agree agreed circulate present provide information further data work
    plan group would will should could ensure find include included detail future amend result
    also about board outcome more their but out some reported advised being new other she well
    after before back given need them number under over not until therefore required requested
    help develop current shortly local across approach lead identified identify explained
    following made make take place progress""".split()  # noqa: SIM905
)
_SPECIFIC = (
    3  # words in a name specific enough to identify a task on its own ("Youth Justice Board")
)
WINDOW_DAYS = 400  # a record must come from the papers of the following year
MAX_WORDS = 60  # longer "sentences" are flattened tables, where words co-occur by chance


@dataclass(frozen=True)
class Passage:
    """A sentence of a paper, dated to its meeting, as evidence about an earlier action."""

    meeting_date: str
    source: str
    title: str
    paper_type: str
    line_start: int
    line_end: int
    text: str
    stems: frozenset[str]
    tokens: tuple[str, ...]


def passages(sections: Sequence[Section]) -> list[Passage]:
    """Every dated sentence of the papers, short enough to be evidence."""
    found: list[Passage] = []
    for section in sections:
        if not section.meeting_date:
            continue
        for para in paragraphs(section.lines):
            for sentence in para.sentences():
                if len(sentence.text.split()) > MAX_WORDS:
                    continue
                stems = content_stems(sentence.text)
                found.append(
                    Passage(
                        section.meeting_date,
                        section.source,
                        section.title,
                        section.paper_type,
                        sentence.line_start,
                        sentence.line_end,
                        sentence.text,
                        frozenset(stems),
                        tuple(stem(w) for w in words(sentence.text) if w not in _ANCHOR_DROP),
                    )
                )
    return found


_TITLES = frozenset(
    """Cllr Councillor Ms Mr Mrs Miss Dr Supt CI DCI Insp""".split()  # noqa: SIM905
)
_ANCHOR_JOINERS = frozenset(["of", "and", "for", "&", "in", "on"])
_ANCHOR_DROP = frozenset(["the", "a", "an", "of", "and", "for", "&", "in", "on", "to"])


def anchors(task: str, profile: BoardProfile) -> list[tuple[str, ...]]:
    """The named things in a task ('Community Coaches', 'Youth Justice Board') as word stems.

    A run of capitalised words (joined by 'of', 'and', '&') that is not a person's
    name and not made only of words every paper uses.
    """
    found: list[tuple[str, ...]] = []
    tokens = re.findall(r"[A-Za-z][\w'’]*|&|[^\w\s]", strip_markup(task))
    run: list[str] = []

    def flush() -> None:
        while run and run[-1].lower() in _ANCHOR_JOINERS:
            run.pop()
        while run and run[0].lower() in ("the", "a", "an", "it", "this"):
            run.pop(0)
        capitalised = [t for t in run if t[:1].isupper()]
        people = [
            part
            for part in re.split(r"\s+(?:and|&)\s+", " ".join(run))
            if looks_like_name(part, profile)
        ]
        if len(capitalised) >= 2 and not people:
            stems = tuple(stem(w) for t in run for w in words(t) if w not in _ANCHOR_DROP)
            board = profile.name_words
            if stems and not all(
                s in profile.common_names or s in STOPWORDS or s in board for s in stems
            ):
                found.append(stems)
        run.clear()

    skipping_name = False
    for i, token in enumerate(tokens):
        if token in _TITLES:
            flush()
            skipping_name = True  # "Ms Okafor", "Dr Harding": a person, not a thing
        elif token[:1].isupper() and (i > 0 or token.lower() not in ("the", "a", "an")):
            if not skipping_name:
                run.append(token)
        elif token.lower() in _ANCHOR_JOINERS and run:
            run.append(token)
        else:
            skipping_name = False
            flush()
    flush()
    return found


def _contains(sequence: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return any(tuple(sequence[i : i + n]) == tuple(part) for i in range(len(sequence) - n + 1))


def task_words(task: str, named: Sequence[tuple[str, ...]], profile: BoardProfile) -> set[str]:
    """The task's distinctive words outside its named things."""
    inside = {s for anchor in named for s in anchor}
    board = profile.name_words
    return {
        s
        for s in content_stems(task)
        if s not in GENERIC
        and s not in board
        and s not in inside
        and not s.isdigit()
        and len(s) > 2
    }


def apply_status(
    actions: Sequence[Action], sections: Sequence[Section], profile: BoardProfile
) -> list[Action]:
    """Each action with its status: 'done' with the later passage that records it, else open."""
    pool = passages(sections)
    reports = Reports(pool, GENERIC)
    result: list[Action] = []
    for action in actions:
        named = anchors(action.task, profile)
        extra = task_words(action.task, named, profile)
        later = [p for p in pool if _within(action.meeting_date, p.meeting_date)]
        done: list[Passage] = []
        mention: Passage | None = None
        for passage in later if named else ():
            found = [anchor for anchor in named if _contains(passage.tokens, anchor)]
            if not found:
                continue
            if COMPLETED.search(passage.text):
                done.append(passage)
            elif max(len(a) for a in found) >= _SPECIFIC or len(extra & passage.stems) >= 2:
                mention = mention or passage
        if not (done or mention):  # no named thing: a later sentence of its body on its words
            for report in reports.about(action, later, profile):
                if report.on_the_task and _says_done(report.sentence.text):
                    done.append(report.sentence)
                else:
                    mention = mention or report.sentence
        # Of several records, the one sharing most of the task's other words says most about it.
        best = max(done, key=lambda p: len(extra & p.stems), default=None)
        result.append(_with_status(action, best, mention))
    return result


def _says_done(text: str) -> bool:
    """Whether a later sentence says something was done ("have been signed and received", "was
    thanked for clearing …"), not that the meeting decided something new ("It was agreed …")."""
    return bool(COMPLETED.search(text) or _THANKED.search(text)) and not _DECIDED_NOW.search(text)


def _within(held: str, later: str) -> bool:
    """Whether a paper's meeting came after the action's, within the window."""
    if later <= held:  # ISO dates: a string comparison first, the date arithmetic after
        return False
    return (date.fromisoformat(later) - date.fromisoformat(held)).days <= WINDOW_DAYS


def _with_status(action: Action, done: Passage | None, mention: Passage | None) -> Action:
    data = action.to_dict()
    evidence = done or mention
    if evidence is None:
        data.update(status="open", status_note=NO_LATER_RECORD)
        return Action.from_dict(data)
    locator = lines_locator(evidence.line_start, evidence.line_end)
    where = f"{evidence.title} ({evidence.meeting_date}), {locator}"
    note = f"recorded in {where}" if done else f"no record that it was done; mentioned in {where}"
    data.update(
        status="done" if done else "open",
        status_note=f"{note}: {_short(evidence.text)}",
        status_source=evidence.source,
        status_title=evidence.title,
        status_locator=locator,
        status_date=evidence.meeting_date,
    )
    return Action.from_dict(data)


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
