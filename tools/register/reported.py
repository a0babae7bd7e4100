"""What a body's later minutes report of an action that names no thing ("Linda Britton will be
doing the W2's", "he would follow up with Centaframe", "to update the plowing contract for
Jimmy Taft"): a sentence of a later paper of the same body (one that names the action's
owner) sharing the task's distinctive words, the rarer ones ("W2's", "Centaframe") counting
on their own; and whether it says the thing was done ("have been completed including the
2020 W2's", "contracts have been signed and received", "details … received from
Centaframe"): done only when what they share is more than people's names. A compound of a
task's word ("snowplowing" for "plowing") and a name spelled one letter apart ("Townanna",
"Towanna") are the same word. Pure functions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from board.dates import MONTHS
from board.names import looks_like_name
from board.profile import BoardProfile
from tools.register.item_reader import is_commitment
from tools.register.records import Action
from tools.register.text import content_stems, strip_markup

_RARE = 4  # sentences of all the papers a named thing may be in and tell a task apart alone
_COMMON = 12  # sentences a word may be in and still count towards telling a task apart
_SHARED = 2  # such words a sentence must share with the task, unless one is a rare name
_COMPOUND = 4  # letters of each word of a compound ("snow" + "plow")
_LIST_WORDS, _LIST_SHARE = 6, 0.6  # a sentence this long, this capitalised, lists names
_NAME_LENGTH = 6  # letters a word needs to match one a letter apart ("townanna", "towanna")


class Sentence(Protocol):
    """A sentence of a paper: which paper, and its words as stems."""

    @property
    def source(self) -> str: ...

    @property
    def paper_type(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def stems(self) -> frozenset[str]: ...


S = TypeVar("S", bound=Sentence)


def same_word(tasked: str, said: str) -> bool:
    """Whether a later sentence's stem ``said`` is the task's ``tasked``: alike, a compound
    ending in it ("snowplow" for "plow"), or a name spelled a letter apart."""
    if tasked == said:
        return True
    if len(tasked) >= _COMPOUND and len(said) - len(tasked) >= _COMPOUND and said.endswith(tasked):
        return True  # "snow" + "plow", not "de" + "sign"
    short, long = sorted((tasked, said), key=len)
    return len(short) >= _NAME_LENGTH and len(long) - len(short) <= 1 and _one_apart(short, long)


def _one_apart(short: str, long: str) -> bool:
    """One letter left out, or one changed."""
    if len(short) == len(long):
        return sum(a != b for a, b in zip(short, long, strict=True)) == 1
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# a name as a task writes it: capitalised ("Centaframe") or with a figure ("W2's")
_NAMED = re.compile(r"(?<![.!?]\s)\b(?:[A-Z][\w'’]*|[A-Za-z]*\d[\w'’]*)")


@dataclass(frozen=True)
class Report(Generic[S]):
    """A later sentence on an action, and whether it shares more than people's names with it
    (only then may it say the action was done)."""

    sentence: S
    on_the_task: bool


class Reports:
    """The sentences of the papers that may report on earlier actions, with how many of them
    use each word (a word in few of them tells a task apart)."""

    def __init__(self, sentences: Sequence[S], generic: frozenset[str]) -> None:
        self.generic = generic
        self.used = Counter(s for sentence in sentences for s in sentence.stems)
        self.by_source: dict[str, set[str]] = {}
        for sentence in sentences:
            self.by_source.setdefault(sentence.source, set()).update(sentence.stems)

    def about(self, action: Action, later: Sequence[S], profile: BoardProfile) -> list[Report[S]]:
        """The later minutes of the action's body (those naming its owners, people by name)
        that share its distinctive words, save those setting new actions."""
        surnames = {
            content_stems(o)[-1]
            for o in action.owners
            if looks_like_name(o, profile) and content_stems(o)
        }
        if not surnames:
            return []  # an owner by role ("the Clerk") tells no body's minutes from another's
        distinctive = self._distinctive(action, profile)
        named = {s for m in _NAMED.finditer(action.task) for s in content_stems(m.group(0))}
        people = {s for name in _people(action.task, profile) for s in content_stems(name)}
        found: list[Report[S]] = []
        for sentence in later:
            if sentence.paper_type != "minutes" or not surnames <= self.by_source.get(
                sentence.source, set()
            ):
                continue  # another body's papers: its people are not the action's
            if is_commitment(sentence.text) or _listing(sentence.text):
                continue  # a new action, or who attended: not a report of this one
            shared = {s for s in distinctive if any(same_word(s, t) for t in sentence.stems)}
            rare = any(self.used[s] <= _RARE for s in shared & named)
            if len(shared) >= _SHARED or rare:
                found.append(Report(sentence, bool(shared - people)))
        return found

    def _distinctive(self, action: Action, profile: BoardProfile) -> set[str]:
        """The task's words that tell it apart: not its owners', not every paper's, no date."""
        owners = {s for owner in action.owners for s in content_stems(owner)}
        return {
            s
            for s in set(content_stems(strip_markup(action.task))) - owners
            if s not in self.generic
            and s not in profile.name_words
            and s not in MONTHS
            and (len(s) > 2 or not s.isalpha())  # "W2's"
            and not s.isdigit()
            and self.used[s] <= _COMMON
        }


def _listing(text: str) -> bool:
    """Whether a sentence is a list of names ("Present: Esme Clark, Danny O'Neill, …"), not
    something said: most of its words capitalised."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= _LIST_WORDS and capitalised / len(words) >= _LIST_SHARE


def _people(task: str, profile: BoardProfile) -> list[str]:
    """The people a task names ("Willie Jones"): runs of capitalised words read as a name."""
    runs = re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", task)
    return [run for run in runs if looks_like_name(run, profile)]
