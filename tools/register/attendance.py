"""Who attended a meeting, as the head of its minutes lists them, in any house style:
"Present: A (Chair), B", "Attendees <tab> …", "Councillors D Richardson (Chair) R Healey and
P Moran Clerk J Connelly", "Jane Archer (JA) <tab> Alan Caudwell (AC)", "Commissioners Absent:
…", "Board members present were …", "Minute taker: John Foster". Each person comes with the
role and initials the list gives them, so that "AC", "the Clerk" or "the Head of IT" in an
action resolves to a name. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import takewhile

from board.attendance import is_attendance_heading, unbulleted
from board.names import NAME_TOKEN, TITLE, TITLE_PREFIX, is_org_word
from board.profile import BoardProfile
from board.records import Line
from board.text import sentences
from tools.register.text import strip_markup

PRESENT, ATTENDING, APOLOGIES, ABSENT = "present", "in attendance", "apologies", "absent"
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z' ]{1,40}?)\s*(?:[:;\t]|\s+(?:were|was)\b|$)\s*")
_OTHERS = re.compile(r"^(?:also|others?|officers?|invited|guests?|in attendance)\b", re.I)
# A name as an attendance list writes it: "D Richardson", "Cllr. W. Loynton", "Jane Archer",
# "Councillor Alam", then what it says of them in brackets: "(Chair)", "(JA)", "(SCC)".
_INITIAL_FORM = rf"(?:[A-Z]\.?\s*){{1,2}}\s{NAME_TOKEN}"
_PERSON = re.compile(
    rf"(?P<title>\b{TITLE}\s+)?"
    rf"(?P<name>(?:{NAME_TOKEN}\s+){{0,2}}(?:{_INITIAL_FORM}|{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}))"
    r"(?:\s*\((?P<note>[^)]*)\)?)?(?:\s*\((?P<more>[^)]*)\))?"
)
_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,4}$")
# A lower-case word a list does not write (outside its brackets): the line is a sentence,
# and the lists have ended ("Councillor Richardson welcomed …").
_SENTENCE_WORD = re.compile(
    r"\b(?!(?:plus|guests|members|public|attendance|present|apologies|others|also|from)\b)"
    r"[a-z]{4,}\b"
)
# A second list's label inside a line: "… Councillor Hutchison In attendance Dr Eldridge".
_ROLL_CALL_VOTE = re.compile(
    r"\b(?:roll\s+call\s+)?vote\s*:\s*$|\bfollowing\s+(?:roll\s+call\s+)?vote\b", re.I
)
_INLINE_LABEL = re.compile(r"\s(?=(?:In attendance|Also present|Apologies)\b)")


@dataclass(frozen=True)
class Attendee:
    name: str
    group: str  # PRESENT, ATTENDING, APOLOGIES or ABSENT
    role: str | None = None  # "Chair", "Clerk", "Head of IT", "Minute taker"
    initials: str | None = None  # "JA", "AHop"
    line: int = 0  # the line listing them


@dataclass(frozen=True)
class AttendanceLists:
    attendees: tuple[Attendee, ...]
    line_start: int | None
    line_end: int | None

    def named(self, group: str) -> tuple[str, ...]:
        return tuple(a.name for a in self.attendees if a.group == group)

    def lines_of(self, group: str) -> tuple[int, int] | None:
        """The first and last lines listing a group ("apologies"), for citing it."""
        numbers = [a.line for a in self.attendees if a.group == group]
        return (min(numbers), max(numbers)) if numbers else None

    def roles(self) -> tuple[str, ...]:
        """'John Foster (Minute taker)': each person the lists give a role."""
        return tuple(f"{a.name} ({a.role})" for a in self.attendees if a.role)

    def chair(self, profile: BoardProfile) -> str | None:
        chairs = [a.name for a in self.attendees if a.role and _is_chair(a.role, profile)]
        return chairs[0] if chairs else None

    def aliases(self) -> dict[str, str]:
        """What the minutes may call each person instead: their initials, their role."""
        found: dict[str, str] = {}
        for a in self.attendees:
            for alias in (a.initials, a.role):
                if alias and alias.lower() not in found:
                    found[alias.lower()] = a.name
        return found


def read_lists(lines: Sequence[Line], profile: BoardProfile) -> AttendanceLists:
    """The attendance lists among a minutes paper's head lines. A list runs on from its label
    over the lines after it ("Councillor Dornan, Che" / "Campbell") until a blank line, a
    sentence or the next label."""
    attendees: list[Attendee] = []
    lists: list[_List] = []
    voting = False  # after "CARRIED BY THE FOLLOWING ROLL CALL VOTE:": a vote's lists
    for number, piece in _pieces(lines):
        label = _label(piece, profile) if piece else None
        if piece and _ROLL_CALL_VOTE.search(piece):
            voting = True
        elif piece and not label:
            voting = False
        if label and voting:
            continue
        if label:
            lists.append(_List(label[0], label[1], [(number, label[2])]))
        elif not lists or lists[-1].closed:
            continue
        elif not piece or _SENTENCE_WORD.search(re.sub(r"\([^)]*\)?", "", piece)):
            lists[-1].closed = lists[-1].closed or bool(piece) or lists[-1].has_text
        else:
            lists[-1].parts.append((number, piece))
    first = last = None
    for found in lists:
        people = found.people(profile)
        attendees = _merged(attendees, people)
        numbers = [n for n, _ in found.parts]
        first = min(first or numbers[0], numbers[0])
        last = max(last or numbers[-1], max(a.line for a in people) if people else numbers[0])
    return AttendanceLists(tuple(attendees), first, last)


def _pieces(lines: Sequence[Line]) -> Iterator[tuple[int, str]]:
    """Each line's sentences and inline labels as (line number, text); '' for a blank line."""
    for line in lines:
        text = strip_markup(line.text.replace("\t", " ; "))
        text = unbulleted(re.sub(r"^[\d.]+\s+", "", text)).strip(" ;")
        if not text:
            yield line.number, ""
            continue
        for sentence in sentences(text):
            for piece in _INLINE_LABEL.split(sentence):
                yield line.number, piece


@dataclass
class _List:
    """One labelled list ("Apologies: …") and the lines it runs over."""

    group: str
    role: str | None
    parts: list[tuple[int, str]]
    closed: bool = False

    @property
    def has_text(self) -> bool:
        return any(text.strip() for _, text in self.parts)

    def people(self, profile: BoardProfile) -> list[Attendee]:
        text, starts = "", []
        for number, part in self.parts:
            starts.append((len(text), number))
            text += f"{part} "
        found = _people(text, self.group, self.role, profile)
        return [replace(a, line=_line_at(starts, text.find(a.name))) for a in found]


def _line_at(starts: Sequence[tuple[int, int]], offset: int) -> int:
    return max((n for start, n in starts if start <= max(offset, 0)), default=starts[0][1])


def _merged(attendees: list[Attendee], found: Sequence[Attendee]) -> list[Attendee]:
    """The lists with the people found added; a person listed twice keeps the role given, and
    is among the apologies (or the absent) when a list says so."""
    merged = list(attendees)
    for person in found:
        same = [i for i, a in enumerate(merged) if a.name == person.name]
        if not same:
            merged.append(person)
        else:  # listed as a member, then as sending apologies: they sent apologies
            known = merged[same[0]]
            group = person.group if person.group in (APOLOGIES, ABSENT) else known.group
            line = person.line if group != known.group else known.line
            merged[same[0]] = replace(known, group=group, role=known.role or person.role, line=line)
    return merged


def _label(sentence: str, profile: BoardProfile) -> tuple[str, str | None, str] | None:
    """(group, role, the rest) of a sentence opening with a list's label, else None."""
    m = _LABEL.match(sentence)
    if not m:
        return None
    label, rest = m.group("label").strip().lower(), sentence[m.end() :]
    if re.search(r"\bapolog", label):
        return APOLOGIES, None, rest
    if re.search(r"\babsent\b", label):
        return ABSENT, None, rest
    if _OTHERS.match(label) or label in ("in attendance", "invited"):
        return ATTENDING, None, rest
    if is_attendance_heading(label, profile) or label.endswith(" present"):
        return PRESENT, None, rest
    if rest and re.search(r"\b(?:minute|clerk|secretary|chair\w*|recorder)\b", label):
        return PRESENT, label.capitalize(), rest  # "Minute taker: John Foster"
    return None


def _people(text: str, group: str, role: str | None, profile: BoardProfile) -> list[Attendee]:
    found: list[Attendee] = []
    before = 0
    for m in _PERSON.finditer(text):
        name = _name(m, profile)
        if name is None:
            continue
        notes = [n.strip() for n in (m.group("note"), m.group("more")) if n and n.strip()]
        initials = next((n for n in notes if _are_initials(n, name)), None)  # "(JA) (Chair)"
        note = next((n for n in notes if n != initials), "")
        said = _role_before(text[before : m.start()], m.group("name"), profile)
        found.append(Attendee(name, group, role or note or said, initials))
        before = m.end()
    return found


def _are_initials(note: str, name: str) -> bool:
    """'JA' for Jane Archer, 'AHop' for Alison Hopkins; not 'SCC' for Stephen Taylor."""
    capitals = "".join(w[0] for w in name.split())
    return bool(_INITIALS.match(note)) and re.sub(r"[^A-Z]", "", note) == capitals


def _name(m: re.Match[str], profile: BoardProfile) -> str | None:
    """The person a match names, after any role words it opens with ("Supervisors Janet
    Keough", "Clerk Mrs J Todd"), or None when its words are a role or a body's."""
    words = m.group("name").split()
    title = (m.group("title") or "").strip()
    while words and (is_org_word(words[0], profile) or TITLE_PREFIX.match(words[0] + " ")):
        if TITLE_PREFIX.match(words[0] + " "):
            title = words[0]
        words.pop(0)
    if not words or any(is_org_word(w, profile) for w in words):
        return None
    if len(words) == 1 and not title:
        return None
    name = " ".join(words)
    return f"{title} {name}" if len(words) == 1 else name


def _role_before(text: str, name: str, profile: BoardProfile) -> str | None:
    """'Clerk' in "… P Moran Clerk J Connelly": role words written just before a name (or
    opening its run of capitalised words), in its own part of the list."""
    words = re.findall(r"[A-Za-z']+", re.split(r"[,;]", text)[-1])
    words += list(takewhile(lambda w: is_org_word(w, profile), name.split()))
    tail: list[str] = []
    for word in reversed(words):
        if not (word[0].isupper() and is_org_word(word, profile)):
            break
        tail.insert(0, word)
    if tail and re.search(r"[^s]s$", tail[-1]):
        return None  # "Councillors A, B and C": the role of the whole list, no one's own
    return " ".join(tail) or None


def _is_chair(role: str, profile: BoardProfile) -> bool:
    return role.lower() in profile.chair_words
