"""Who a minute's sentence binds: an item's sentences read in order, each with the subjects
known when it was read, so that "She would forward …", "JN and AC would …", "The Clerk will
…", "Clerk to write" and "It was agreed for Ali to …" resolve to the meeting's people (their
names, initials and roles). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from board.names import NAME_TOKEN, TITLE, is_org_word, looks_like_name, strip_title
from tools.register.minutes import ItemBlock
from tools.register.people import PRONOUNS, Mention, People, group_owner, mentions, pick_subject
from tools.register.text import Sentence, paragraphs, strip_markup, without_bullet

# "Ms Okafor", "Cllr. J. Davies", "Alun Davies": a title, initials, then one to three names.
_PERSON = rf"(?:(?:{TITLE})\s+)?(?:[A-Z]\.\s?){{0,2}}{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}"
_GROUP = (
    r"(?:[Tt]he [Pp]olice|[Pp]olice|[Oo]rganisations|[Aa]ll [Bb]oard [Mm]embers|"
    r"[Bb]oard [Mm]embers|[Pp]artners)"
)
_SUBJECT_AT_END = re.compile(rf"(?:{_GROUP}|{_PERSON}|\b[Hh]e|\b[Ss]he)\s*$")
_LEADING = re.compile(rf"^(?:{_GROUP}|{_PERSON}|[Hh]e\b|[Ss]he\b)")
COMMIT = re.compile(
    r"\b(agreed to|offered to|volunteered to|promised to|undertook to|(?:was|were) asked to|would|should|will)\s+"
    r"(?:(?:also|further|then|now|shortly)\s+)?([a-z]+)",
    re.I,
)
# Initials an attendance list gives ("AC", "JN", "AHop"), standing for a name.
_INITIALS = r"(?:[A-Z]{2,4}|[A-Z]{2}[a-z]{1,3})\b"
_OWNER = rf"(?:{_INITIALS}|{_PERSON}|\b[Hh]e\b|\b[Ss]he\b)"
_OWNERS = rf"(?:{_OWNER})(?:\s*(?:,\s*and|,|and|/|&)\s*{_OWNER})*"
# "JN to send …", "Z. Maiorca, P. Bader and T. Feinberg need to submit …"
_START_TO = re.compile(rf"^({_OWNERS})\s+(?:needs?\s+)?to\s+[a-z]+")
# "…, Councillor Healey to order Scalpings", "… and JN to send …", "Dick Dillon requests that
# Clerks Carrie and Linda bring …": owners and a task inside a sentence; the owners must be
# among the meeting's people.
_CLAUSE_TO = re.compile(
    rf"(?:[,;]\s+(?:and\s+)?|\band\s+)({_OWNERS})\s+to\s+[a-z]+"
    rf"|\b(?:requests?|requested)\s+(?:that\s+)?({_OWNERS})\s+(?!if\b|whether\b|about\b)[a-z]+"
    rf"|\b(?:asks?|asked)\s+that\s+({_OWNERS})\s+[a-z]+"
    rf"|(?<![\w.])(?<!\bwith )(?<!\bby )(?<!\bfor )(?<!\bfrom )(?<!\bof )(?<!\bto )({_INITIALS}(?:\s*[/&]\s*{_INITIALS})*)\s+to\s+[a-z]+"
)
# "JN and AC would …": the owners just before a commitment.
_OWNERS_AT_END = re.compile(rf"(?:^|[,;]\s*|\b(?:that|and)\s+)({_OWNERS})\s*$")
# "It was agreed for Ali to liaise …"
_AGREED_FOR = re.compile(rf"\bagreed\s+for\s+({_OWNER})\s+to\s+[a-z]+", re.I)
# Where a list of duties moves to its next owner: ", Gary Mantay to have …", ", Rory write …",
# ", Janet will contact …".
_DUTY_CUT = re.compile(rf",\s+(?:and\s+)?(?=({_OWNERS})\s+(?:to\s+|will\s+)?[a-z]+\b)")
_DUTY_LEAD = re.compile(rf"^({_OWNERS})\s+(?:will\s+)?[a-z]+\b")
# "The Clerk will produce …" opening a line after one with no full stop: a new sentence.
_OPENS = re.compile(rf"^(?:[Tt]he\s+)?({_OWNERS})\s+(?:will|would|agreed to|to)\s+[a-z]")
# Words a line ends with when its sentence runs on to the next line.
_RUNS_ON = re.compile(
    r"(?:[,;:(\-–]|\b(?:and|or|but|that|the|a|an|to|by|of|for|with|from|as|whether|if))$", re.I
)
_SENTENCE_END = re.compile(r"[.!?)\]”\"]$")
_PREPOSITION_END = re.compile(r"\b(?:by|to|from|with|and|of|for|on|at|thanked)$", re.I)
_INITIALS_ONLY = re.compile(rf"{_INITIALS}(?:\s*[/&+,]\s*{_INITIALS})*")
# "The three Councillors attending", "the members present"
_ATTENDING = re.compile(
    r"\b[Tt]he\s+(?:(\w+)\s+)?([A-Za-z]+?)s\s+(?:attending|present|in\s+attendance)$"
)
_COUNTS = {
    w: n for n, w in enumerate(["two", "three", "four", "five", "six", "seven", "eight", "nine"], 2)
}
_NOT_A_DEED = frozenset(
    ["be", "like", "have", "not", "need", "appear", "seem", "expect", "come", "happen", "remain"]
)
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whether|if|when|because|how)\b", re.I)
_OWNER_COLUMN_WORDS = 6


@dataclass(frozen=True)
class ReadSentence:
    """A sentence of an item, its paragraph, and the subjects known when it was read."""

    sentence: Sentence
    paragraph: int
    subjects: tuple[Mention, ...]


class ItemReader:
    """Reads an item's sentences in order, tracking who the subject is for pronouns."""

    def __init__(self, item: ItemBlock, people: People) -> None:
        self.item = item
        self.people = people
        self.sentences: list[ReadSentence] = []
        self.lead: str | None = None
        subjects: list[Mention] = []
        for p_index, para in enumerate(paragraphs(item.body)):
            for sentence in para.sentences(self.line_breaks):
                leading = _LEADING.match(sentence.text)
                if leading and leading.group(0).lower() not in PRONOUNS:
                    found = mentions(leading.group(0), people)
                    if found:
                        subjects.append(found[0])
                        if self.lead is None and found[0].name in people.names:
                            self.lead = found[0].name
                self.sentences.append(ReadSentence(sentence, p_index, tuple(subjects)))
        if self.lead is None:
            for read in self.sentences:
                named = [
                    m.name for m in mentions(read.sentence.text, people) if m.name in people.names
                ]
                if named:
                    self.lead = named[0]
                    break

    def line_breaks(self, previous: str, line: str, following: str) -> tuple[bool, int]:
        """Where the minutes' lines end sentences without full stops (see ``split_sentences``):
        a line opening with one of the meeting's people and a commitment, after a line that
        does not run on; an owner column ("AC/JN", "Cllr. Alun Davies") at a line's end,
        unless the next line runs on from it ("… Dr Harding" + "recommended …")."""
        opens = bool(
            previous
            and not _RUNS_ON.search(previous)
            and (m := _OPENS.match(line))
            and self._listed(m.group(1), [])
        )
        runs_on = following[:1].islower()
        return opens, 0 if runs_on else self._column_length(line)

    def _column_length(self, line: str) -> int:
        """The length of the owner column a line ends with, 0 for none: the longest run of
        the meeting's people after a full stop or a bracket, or of their initials after a
        word ("… with minutes AC/JN")."""
        if line.endswith("."):
            return 0
        tokens = line.split()
        for size in range(min(_OWNER_COLUMN_WORDS, len(tokens) - 1), 0, -1):
            column = " ".join(tokens[-size:])
            before = " ".join(tokens[:-size])
            if before.endswith(":"):  # "ACTION: MS/SF": a label, read as one
                return 0
            after_stop = bool(_SENTENCE_END.search(before))
            initials = bool(_INITIALS_ONLY.fullmatch(column)) and not _PREPOSITION_END.search(
                before
            )
            if (after_stop or initials) and self.names_only(column, []):
                return len(column)
        return 0

    def group(self, text: str) -> str | None:
        """The group an owner's words name ("all board members"), by the board's profile."""
        return group_owner(text, self.people.profile)

    def resolve(self, text: str, subjects: Sequence[Mention]) -> str | None:
        """The owner a subject names: a pronoun's referent, a group, a person, a full name."""
        text = text.strip(" ,.;:")
        if text.lower() in PRONOUNS:
            return pick_subject(subjects, text)
        if (alias := re.sub(r"^the\s+", "", text, flags=re.I).lower()) in self.people.aliases:
            return self.people.aliases[alias]
        if group := self.group(text):
            return group
        if name := self.people.resolve(text, self.lead):
            return name
        return strip_title(text) if looks_like_name(text, self.people.profile) else None

    def owners_of_label(self, label: str, subjects: Sequence[Mention]) -> tuple[str, ...]:
        """'Ruth Murphy/Andrew Nathan' or 'Supt Neil Seabridge' as resolved owners."""
        alias = re.sub(r"^the\s+", "", label.strip(" ."), flags=re.I).lower()
        if alias in self.people.aliases:  # "the Clerk" the minutes name: "Clerk J Connelly"
            return (self.people.aliases[alias],)
        if group := self.group(label):
            return (group,)
        owners: list[str] = []
        for part in re.split(r"/|,|&|\band\b", label):
            part = part.strip(" .")
            if part:
                owner = self.resolve(part, subjects) or strip_title(part)
                if owner not in owners:
                    owners.append(owner)
        return tuple(owners)

    def subject_of(self, read: ReadSentence, marked: bool = False) -> tuple[str, ...]:
        """Who a commitment sentence binds: 'Ms Okafor agreed to …', 'He would …', 'X and Y to …'.

        Under an explicit marker "should" binds too ("Organisations should contact …").
        """
        text = read.sentence.text
        subjects = list(read.subjects)
        if (m := _START_TO.match(without_bullet(text))) and self._all_named(m.group(1), subjects):
            return self.owners_of_label(m.group(1), subjects)
        if (m := _CLAUSE_TO.search(text) or _AGREED_FOR.search(text)) and (
            owners := self._listed(next(g for g in m.groups() if g), subjects)
        ):
            return owners
        matches = list(COMMIT.finditer(text))
        for index, m in enumerate(matches):
            if owners := self._commitment_owners(m, text, subjects, marked):
                return owners + self._joined_owners(matches[index + 1 :], text, owners)
        return ()

    def _commitment_owners(
        self, m: re.Match[str], text: str, subjects: Sequence[Mention], marked: bool
    ) -> tuple[str, ...]:
        """Who one commitment ("… agreed to …", "… will …") of a sentence binds."""
        aux, verb = m.group(1).lower(), m.group(2).lower()
        doing = re.match(r"\s*[a-z]+ing\b", text[m.end() :])  # "will be doing the W2's"
        if (
            aux in ("would", "should", "will")
            and verb in _NOT_A_DEED
            and not (aux == "will" and verb == "be" and doing)
        ):
            return ()
        if aux == "should" and not marked:
            return ()
        prefix = text[: m.start()].rstrip(" ,")
        if (run := _OWNERS_AT_END.search(prefix)) and len(
            owners := self._listed(run.group(1), subjects)
        ) > 1:
            return owners  # "he and Gary will pick it up", "JN and AC would investigate"
        if aux == "will":  # "The Clerk will …" binds the meeting's people, not "the police"
            owner = (
                self._role_at_end(prefix)
                or self._listed_at_end(prefix, subjects)
                or self._office_at_end(prefix)
                or self._named_at_end(prefix)
                or self._and_will(text, prefix, subjects)
            )
            return (owner,) if owner else ()
        if attending := self._attending(prefix):
            return attending
        for candidate in [self._role_at_end(prefix), *self._subject_candidates(text, prefix)]:
            owner = candidate and self.resolve(candidate, subjects)
            if owner:
                return (owner,)
        office = self._office_at_end(prefix)  # "Our minute Secretary would try to …"
        return (office,) if office else ()

    def _joined_owners(
        self, later: Sequence[re.Match[str]], text: str, owners: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The meeting's people of further commitments joined on by "and": "The Chair will
        raise this … and the Chief Executive will contact …"."""
        more: list[str] = []
        for m in later:
            if m.group(1).lower() not in ("will", "would") or m.group(2).lower() in _NOT_A_DEED:
                continue
            prefix = text[: m.start()].rstrip(" ,")
            joined = re.search(r"\band\s+(?:the\s+)?((?:\S+\s+){0,3}\S+)$", prefix)
            owner = joined and (self._role_at_end(prefix) or self._listed_at_end(prefix, ()))
            if owner and owner not in owners and owner not in more:
                more.append(owner)
        return tuple(more)

    def duties(self, read: ReadSentence) -> list[tuple[ReadSentence, tuple[str, ...]]]:
        """A list of duties written as one sentence ("Carrie Landman & Towanna Rovenko to
        complete MAT training, Gary Mantay to have the sign fixed", "…, Rory write the thank
        you, Jan finish the report"): each clause with the owners it opens with. [] when the
        sentence is no such list."""
        text = read.sentence.text
        first = _START_TO.match(without_bullet(text))
        if not first or not self._all_named(first.group(1), read.subjects):
            return []
        # after the first clause's verb: "A, B and C to meet" is one clause
        after = len(text) - len(without_bullet(text)) + first.end()
        cuts = [
            m for m in _DUTY_CUT.finditer(text, after) if self._listed(m.group(1), read.subjects)
        ]
        if not cuts:
            return []
        starts = [0, *(m.end() for m in cuts)]
        ends = [*(m.start() for m in cuts), len(text)]
        found = []
        for start, end in zip(starts, ends, strict=True):
            clause = text[start:end].strip(" ,.")
            lead = _START_TO.match(without_bullet(clause)) or _DUTY_LEAD.match(clause)
            owners = self.owners_of_label(lead.group(1), read.subjects) if lead else ()
            if owners:
                part = ReadSentence(
                    replace(read.sentence, text=clause), read.paragraph, read.subjects
                )
                found.append((part, owners))
        return found

    def names_only(self, text: str, subjects: Sequence[Mention]) -> bool:
        """Whether a 'sentence' is only owners ("Clerk", "Cllr. O. Williams/Clerk"): the
        minutes' owner column, run into the text after the minute it belongs to."""
        text = strip_markup(text).strip(" .")
        if not text or len(text.split()) > _OWNER_COLUMN_WORDS or re.search(r"\b[a-z]", text):
            return False
        parts = [p.strip(" .") for p in re.split(r"/|,|&", text) if p.strip(" .")]
        return all(self._listed(part, subjects) or self.group(part) for part in parts)

    def _all_named(self, label: str, subjects: Sequence[Mention]) -> bool:
        """Whether every part of "X and Y to …" names someone: not "Resolved to pay …",
        "WGs to comprise …"."""
        if self.group(label):
            return True
        parts = [p.strip(" .") for p in re.split(r"/|,|&|\band\b", label) if p.strip(" .")]
        return all(self.resolve(part, subjects) for part in parts)

    def _listed(self, label: str, subjects: Sequence[Mention]) -> tuple[str, ...]:
        """The owners a label names, when every one is among the meeting's people (or an
        office the profile names: "Clerk to contact …" where no clerk is named)."""
        owners = self.owners_of_label(label, subjects)
        known = all(o in self.people.names or self.group(o) for o in owners)
        return owners if owners and known else ()

    def _office_at_end(self, prefix: str) -> str | None:
        """An office the text before "will" ends with, its holder named or not: "Our minute
        Secretary" (the minute taker), "The Chair" of minutes naming no chair."""
        words = prefix.split()
        for size in (3, 2, 1):
            tail = " ".join(words[-size:])
            if (
                len(words) >= size
                and is_org_word(words[-1], self.people.profile)
                and ((office := self.group(tail)) or (office := self.people.resolve(tail)))
            ):
                return office
        return None

    def _named_at_end(self, prefix: str) -> str | None:
        """A person's full name the text before "will" ends with, listed or not ("Mike
        Siers will work to update …")."""
        m = re.search(rf"(?:^|[,;]\s*|\band\s+)({_PERSON})$", prefix)
        if (
            m
            and len(strip_title(m.group(1)).split()) >= 2
            and looks_like_name(m.group(1), self.people.profile)
        ):
            return self.people.resolve(m.group(1)) or strip_title(m.group(1))
        return None

    def _and_will(self, text: str, prefix: str, subjects: Sequence[Mention]) -> str | None:
        """ "Carrie Landman reported that she is working with Linda … and will coordinate":
        the sentence's subject, when the commitment is joined on by "and"."""
        if not re.search(r"\band$", prefix):
            return None
        leading = _LEADING.match(text)
        owner = leading and self.resolve(leading.group(0), subjects)
        return owner if owner in self.people.names else None

    def _attending(self, prefix: str) -> tuple[str, ...]:
        """The people "the three Councillors attending" names: those on the meeting's lists
        who hold that office, as many as the minutes count."""
        m = _ATTENDING.search(prefix)
        if not m:
            return ()
        office = m.group(2).lower()
        holders = tuple(
            name
            for name in self.people.names
            if name not in self.people.away
            and (re.search(rf"\b{office}\b", name, re.I) or self.people.aliases.get(office) == name)
        )
        count = m.group(1) and _COUNTS.get(m.group(1).lower())
        return holders if holders and (not count or count == len(holders)) else ()

    def _role_at_end(self, prefix: str) -> str | None:
        """A role or initials of the meeting's people that the text before a verb ends with:
        "The Chair", "the DH Community Team Lead", "JN"."""
        lowered = prefix.lower()
        for alias in sorted(self.people.aliases, key=len, reverse=True):
            if re.search(rf"(?:^|\W){re.escape(alias)}$", lowered):
                return self.people.aliases[alias]
        return None

    def _listed_at_end(self, prefix: str, subjects: Sequence[Mention]) -> str | None:
        m = _SUBJECT_AT_END.search(prefix)
        owner = m and self.resolve(m.group(0), subjects)
        return owner if owner in self.people.names else None

    def _subject_candidates(self, text: str, prefix: str) -> list[str]:
        candidates: list[str] = []
        if m := _SUBJECT_AT_END.search(prefix):
            candidates.append(m.group(0))
        leading = _LEADING.match(text)
        if leading:
            between = prefix[leading.end() :]
            if re.search(r"(?:,|\s)(?:and|but)\s*$", prefix + " ") or not _SUBORDINATE.search(
                between
            ):
                candidates.append(leading.group(0))
        return candidates


def is_commitment(text: str) -> bool:
    """Does a sentence promise something (of anyone): 'agreed to', 'would', 'should', 'X to …'?"""
    return bool(
        COMMIT.search(text)
        or _START_TO.match(without_bullet(text))
        or _CLAUSE_TO.search(text)
        or _AGREED_FOR.search(text)
    )
