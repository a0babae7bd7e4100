"""People in minutes: names in attendance lists; "Ms Okafor", "James" or "She" as a full name.

Pure functions. A meeting's people are the names its minutes list (present, also
present, apologies) and its agenda lists; owners are resolved against them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from board.names import (
    MENTION,
    NAME_TOKEN,
    TITLE,
    TITLE_PREFIX,
    is_org_word,
    looks_like_name,
    strip_title,
)
from board.profile import BoardProfile

FEMALE_TITLES = ("Ms", "Mrs", "Miss")

PRONOUNS = {"he": "m", "she": "f"}


def names_in_run_text(text: str, profile: BoardProfile) -> list[str]:
    """Names in a flattened attendance table ('Neil Seabridge Deputy Borough Commander, Met …').

    Runs of capitalised non-role words are names; a run of four is two names.
    """
    text = re.sub(r"\([^)]*\)", " , ", text.replace("*", " "))
    text = TITLE_PREFIX.sub("", text)
    text = re.sub(rf"\b{TITLE}\s+", " ", text)
    names: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 4 and len(run) % 2 == 0:
            names.extend(" ".join(run[i : i + 2]) for i in range(0, len(run), 2))
        elif 2 <= len(run) <= 3:
            names.append(" ".join(run))
        run.clear()

    for raw in re.findall(r"[\w'’&-]+|[,;:]", text):
        token = raw.strip("'’")
        if re.fullmatch(NAME_TOKEN, token) and not is_org_word(token, profile):
            run.append(token)
        else:
            flush()
    flush()
    return names


def names_in_list(text: str, profile: BoardProfile) -> list[str]:
    """Names in a written list: 'Ann Shaw (Police), Steve Leader … and Jo Reed of the Council'."""
    text = re.sub(r"\([^)]*\)", "", text)
    text = re.sub(r"^.*?\b(?:received|were)\s+from\s+", "", text, flags=re.I)
    names: list[str] = []
    for piece in re.split(r",|;|\band\b|&", text):
        piece = strip_title(piece.strip())
        m = re.match(rf"^({NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,2}})\b", piece)
        if m and looks_like_name(m.group(1), profile):
            names.append(m.group(1))
    return names


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, for 'McAllister'/'McAlister' and 'Pall'/'Pal'."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@dataclass
class People:
    """The people of one meeting, in order of preference for resolving a mention."""

    names: list[str]
    chair: str | None
    profile: BoardProfile  # the board's names of places and bodies are not people
    # What the minutes call a person instead of their name: initials, a role ("jn", "clerk").
    aliases: dict[str, str] = field(default_factory=dict)
    away: frozenset[str] = frozenset()  # sent apologies or were absent

    @classmethod
    def of(
        cls,
        *groups: Iterable[str],
        chair: str | None = None,
        profile: BoardProfile,
        aliases: dict[str, str] | None = None,
        away: Iterable[str] = (),
    ) -> People:
        names: list[str] = []
        for group in groups:
            for name in group:
                if name and name not in names:
                    names.append(name)
        if chair and chair not in names:
            names.insert(0, chair)
        return cls(names, chair, profile, dict(aliases or {}), frozenset(away))

    def resolve(self, mention: str, lead: str | None = None) -> str | None:
        """The full name a mention refers to, or None when it names nobody on the lists."""
        text = " ".join(mention.replace("*", " ").split()).strip(" .,;:")
        if re.fullmatch(r"(?:the\s+)?chair(?:man|woman|person)?", text, re.I):
            return self.chair
        alias = re.sub(r"^the\s+", "", text, flags=re.I).lower()
        if alias in self.aliases:
            return self.aliases[alias]
        if role := self._role_like(alias):
            return role
        bare = strip_title(text)
        titled = bare != text
        # "Supervisor Gary Mantay", "Clerks Carrie": an office written before the name
        while len(bare.split()) > 1 and is_org_word(bare.split()[0], self.profile):
            bare = bare.split(maxsplit=1)[1]
        if not bare:
            return None
        lowered = bare.lower()
        for name in self.names:
            if name.lower() == lowered:
                return name
        tokens = bare.split()
        if len(tokens) >= 2:
            # A full name not on the lists, or a slightly misspelt one.
            same_last = [n for n in self.names if surname_close(n.split()[-1], tokens[-1])]
            first = tokens[0].lower()
            same_first = [
                n
                for n in same_last
                if n.split()[0].lower() == first
                or (re.fullmatch(r"[a-z]\.?", first) and n.lower().startswith(first[0]))
            ]
            return same_first[0] if len(same_first) == 1 else None
        token = tokens[0]
        by_surname = [n for n in self.names if surname_close(n.split()[-1], token)]
        exact = [n for n in by_surname if n.split()[-1].lower() == token.lower()]
        by_surname = exact or by_surname
        if len(by_surname) == 1:
            return by_surname[0]
        if titled:
            return lead if lead in by_surname else None
        by_first = [n for n in self.names if n.split()[0].lower() == token.lower()]
        if not by_first and len(token) >= 3 and not titled and not is_org_word(token, self.profile):
            # "Jan" for Janet Keough, when she is the one it can be ("Ali" of two Alisons is
            # no one)
            begun = [
                n
                for n in self.names
                if n.split()[0].lower().startswith(token.lower()) and not TITLE_PREFIX.match(n)
            ]
            return begun[0] if len(begun) == 1 else None
        if len(by_first) == 1:
            return by_first[0]
        if lead and lead in by_first:
            return lead
        return by_first[0] if by_first else None

    def _role_like(self, alias: str) -> str | None:
        """The one person whose role opens with the same word: "Minute Secretary" is the
        "Minute taker"; "Head of IT" is not the "Head of HR"."""
        first = alias.split()[0] if len(alias.split()) > 1 else ""
        like = {n for a, n in self.aliases.items() if first and a.split()[0] == first}
        return like.pop() if len(like) == 1 and is_org_word(first, self.profile) else None


def surname_close(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 3:
        return False
    return _distance(a, b) <= 1


def group_owner(text: str, profile: BoardProfile) -> str | None:
    """'All Board members', 'The Police', 'Organisations' as a canonical group owner (the
    groups the profile names)."""
    return profile.owner_groups.get(" ".join(text.replace("*", " ").split()).strip(" .,;:").lower())


@dataclass(frozen=True)
class Mention:
    """A person mentioned in a sentence: the text, its resolution, a gender hint from the title."""

    text: str
    name: str | None
    gender: str | None
    start: int


def mentions(sentence: str, people: People, lead: str | None = None) -> list[Mention]:
    """People (not pronouns) mentioned in a sentence, resolved where possible."""
    found: list[Mention] = []
    for m in MENTION.finditer(sentence):
        text = m.group(0)
        if text.lower() in PRONOUNS:
            continue
        name = people.resolve(text, lead)
        title = text.split()[0].rstrip(".") if text.split() else ""
        gender = "f" if title in FEMALE_TITLES else "m" if title == "Mr" else None
        if name is None and not (
            looks_like_name(text, people.profile) and not text.startswith(("The", "A "))
        ):
            continue
        found.append(Mention(text, name or strip_title(text), gender, m.start()))
    return found


def pick_subject(subjects: Sequence[Mention], pronoun: str) -> str | None:
    """The referent of 'he'/'she': the latest subject of matching (or unknown, for 'he') gender."""
    want = PRONOUNS.get(pronoun.lower())
    for mention in reversed(subjects):
        if want == "f" and mention.gender == "f":
            return mention.name
        if want == "m" and mention.gender != "f":
            return mention.name
    return subjects[-1].name if subjects else None
