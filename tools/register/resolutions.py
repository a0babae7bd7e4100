"""Decisions in a minutes item: what the body resolved, agreed, approved, noted or deferred,
and the motions it carried (with proposer, seconder and outcome). Pure functions.

The body must be the one deciding: "The Councillors resolved …", "It was agreed …",
"Agreed that …" (a minute's own shorthand) and "proposed by A, seconded by B and unanimously
agreed" are decisions; "Ms Vagarwal noted", "agreed by CRC" and "X agreed to …" (an action)
are not. What minutes call the deciding body is the profile's (``deciding_bodies``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from board.profile import BoardProfile
from tools.register.motions import MOTION, VOTE, read_motion
from tools.register.text import Paragraph, Sentence, strip_markup, without_bullet

# Decision words in order of precedence: "RESOLVED that … be approved" is a resolution.
DECISION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("resolved", re.compile(r"\bRESOLVED\b|^Resolved\b")),
    ("resolved", re.compile(r"\bresolved\b", re.I)),
    ("agreed", re.compile(r"\bagreed?\b", re.I)),
    ("endorsed", re.compile(r"\bendorsed?\b", re.I)),
    ("approved", re.compile(r"\bapproved?\b|\bapproval\b", re.I)),
    # "The minutes were accepted (confirmed, signed) as a true and accurate record"; "This
    # was formally accepted"
    (
        "approved",
        re.compile(
            r"\b(?:accepted|confirmed|signed)\s+as\s+an?\s+(?:true|correct)\b"
            r"|\b(?:this|it|which)\s+was\s+(?:formally\s+|duly\s+|unanimously\s+)?accepted\b",
            re.I,
        ),
    ),
    ("adopted", re.compile(r"\badopted\b", re.I)),
    ("supported", re.compile(r"\bsupportive of\b|\bsupported\b", re.I)),
    (
        "deferred",
        re.compile(r"\bdeferred\b|\bheld over\b(?!\s+(?:the|a|an)\b)|\bpostponed\b", re.I),
    ),
    ("noted", re.compile(r"\bnoted\b|\bcommended\b|\bwelcomed\b", re.I)),
)
# A minute's shorthand, the verb first: "Agreed that …", "RESOLVED: (i) …", "APPROVED – …",
# or after what it is about: "Calc subscription notice - resolved to pay £102.48".
_VERB_FIRST = re.compile(
    r"^\W*(resolved|agreed|approved|adopted|endorsed|noted|deferred)\b"
    r"|\s[-–:]\s*(resolved|agreed|approved)\s+(?:to|that)\b",
    re.I,
)
# "was agreed", "were formally approved": the meeting's own act. "has been postponed" reports
# what someone else did, or did before.
_PASSIVE_BEFORE = re.compile(
    r"(?<!\bhas )(?<!\bhave )(?<!\bhad )"
    r"\b(?:was|were|be|been|is|are)"
    r"(?:\s+(?:also|therefore|then|duly|now|unanimously|formally|further))*\s*$",
    re.I,
)
# "approved by CRC", "agreed at the committee": another's decision; not "by the Board", "by
# all", "by the Parish Council" (a local council writing of itself).
_OTHER_AGENT = re.compile(
    r"^\s+(?:by|at)\s+(?!the board\b|board\b|all\b|the (?:parish|town|community) council\b)",
    re.I,
)
_ACTION_LABEL = re.compile(r"^\W*action\s*[:;]", re.I)
_VOTE_AHEAD = 3  # sentences a motion's vote may come after it
_VOTE_OPENS = re.compile(r"^\W*(?:voice\s+|roll\s+call\s+)?vote\b.*\b(?:aye|yea|nay)\b", re.I)
_VOTE_LIST = re.compile(
    r"^\W*(?:AYES?|NOES?|NAYS?|YEAS?|ABSENT|ABSTAIN\w*|ABSTENTIONS?|For\s*\(\d+\)|"
    r"Against\s*\(\d+\))\b"
)
_GLUED = re.compile(r"[a-z]{40,}")  # a PDF line whose spaces were lost: its words unreadable


@lru_cache(maxsize=8)
def _body_first(bodies: frozenset[str]) -> re.Pattern[str]:
    """The deciding body as the sentence's subject: "The Board considered … and agreed …"."""
    names = "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True))
    # a verb after it: "All agreed", "The Board considered"; not "All classes were postponed"
    verb = r"(?=\s*[,:;]|\s+(?:[a-z]+ed|were|was|have|has|had|then|also|therefore|unanimously))"
    return re.compile(
        rf"^\W*(?:action\s*[:;]\s*)?(?:(?:the|all(?: the)?)\s+)?(?:{names})\b{verb}", re.I
    )


@lru_cache(maxsize=8)
def _body_before(bodies: frozenset[str]) -> re.Pattern[str]:
    """The deciding body just before a decision word: "… the Councillors (unanimously) ". Its
    members in the plural ("… Village Bus Councillors resolved") need no "the": they are this
    body's, where "the Planning Committee" may be another's."""
    names = "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True))
    members = "|".join(re.escape(b) for b in bodies if re.search(r"[^s]s$", b))
    return re.compile(
        rf"(?:(?:^|[^\w\s]\s*|\b(?:the|all(?: the)?)\s+)(?:{names})|\s(?:{members}))"
        r"(?:\s+(?:then|also|therefore|unanimously|duly|formally|were|was|have|has|had))*\s*$",
        re.I,
    )


def decision_kind(sentence: str, profile: BoardProfile) -> str | None:
    """The kind of decision a minute sentence records, or None when it records none."""
    text = without_bullet(strip_markup(sentence))
    if MOTION.search(text):
        kind = _word_kind(text)
        return (
            kind
            if kind in ("resolved", "agreed", "approved", "adopted")
            else ("carried" if VOTE.search(text) else "moved")
        )
    if m := _VERB_FIRST.search(text):
        verb = m.group(1) or m.group(2)
        return _word_kind(verb) or verb.lower()
    body = _body_before(profile.deciding_bodies)
    subject = bool(_body_first(profile.deciding_bodies).match(text))
    for kind, pattern in DECISION_WORDS:
        for m in pattern.finditer(text):
            if kind == "resolved" and m.group(0).isupper():
                return kind
            before, after = text[: m.start()], text[m.end() :]
            by_body = subject or bool(body.search(before))
            if _OTHER_AGENT.match(after):
                continue
            # "This was formally accepted": the pattern holds its own passive
            passive = bool(_PASSIVE_BEFORE.search(before) or re.search(r"\bwas\b", m.group(0)))
            if kind == "agreed" and re.match(r"\s+to\s+[a-z]", after) and not (by_body or passive):
                continue  # "Stuart Collins agreed to circulate …": an action, not a decision
            # "families had been supported", "the Chairman welcomed": only the Board supports
            # or welcomes.
            if kind == "supported" or m.group(0).lower() in ("commended", "welcomed"):
                passive = False
            if by_body or passive or _resolved_in_a_list(kind, before, after):
                return kind
    return None


def _resolved_in_a_list(kind: str, before: str, after: str) -> bool:
    """ "… mowing of the village green resolved to pay £1080": a finance list's shorthand,
    the body unwritten, as long as no one named is the subject ("Cllr Smith resolved to …")."""
    return (
        kind == "resolved"
        and bool(re.match(r"\s+(?:to\s+[a-z]|that\b)", after))
        and not re.search(r"\b[A-Z][\w'’-]*\s*$", before)
    )


@lru_cache(maxsize=8)
def _body_decides(bodies: frozenset[str]) -> re.Pattern[str]:
    """A body-led decision: "the Councillors resolved", "Councillors agreed"."""
    names = "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True))
    return re.compile(rf"\b(?:the\s+)?(?:{names})\s+(?:resolved|agreed|approved|decided)\b", re.I)


_CLAUSE_END = re.compile(r",\s+|\s+(?=[A-Z])")


def decision_clauses(sentence: Sentence, profile: BoardProfile) -> list[Sentence]:
    """A sentence as the decisions it records: itself, or each decision of a run-on 'sentence'
    of minutes written a line each without full stops ("… Councillors resolved to donate £65
    A letter … the Councillors resolved not to support Invoice … Councillors resolved to
    pay"), cut where the clause of the decision before ends; each keeps the sentence's lines."""
    found = list(_body_decides(profile.deciding_bodies).finditer(sentence.text))
    if len(found) < 2:
        return [sentence]
    cuts = [0]
    for before, after in zip(found, found[1:], strict=False):
        end = _CLAUSE_END.search(sentence.text, before.end(), after.start())
        cuts.append(end.start() if end else after.start())
    cuts.append(len(sentence.text))
    parts = [sentence.text[a:b].strip(" ,;") for a, b in zip(cuts, cuts[1:], strict=False)]
    return [replace(sentence, text=part) for part in parts if part]


def _word_kind(text: str) -> str | None:
    return next((kind for kind, pattern in DECISION_WORDS if pattern.search(text)), None)


def decision_text(
    paras: Sequence[Paragraph], p_index: int, sentences: Sequence[Sentence], s_index: int
) -> tuple[str, int, int]:
    """A decision's words and lines: with the sentence it needs before it, the list it opens,
    or the votes and outcome that follow its motion."""
    sentence = sentences[s_index]
    parts = [sentence.text]
    start, end = sentence.line_start, sentence.line_end
    # "ACTION: All Board members agreed" says little on its own: take the sentence before it.
    if (len(sentence.text.split()) < 6 or _ACTION_LABEL.match(sentence.text)) and s_index > 0:
        parts.insert(0, sentences[s_index - 1].text)
        start = sentences[s_index - 1].line_start
    # "… makes a motion …, B seconds the motion." is followed by its votes and outcome.
    if MOTION.search(sentence.text):
        following = list(sentences[s_index + 1 :])
        for index, later in enumerate(following):
            if not VOTE.search(later.text) or MOTION.search(later.text):
                # "… will pick it up. Gary will pay for it. Vote Dick aye, …": its vote a
                # couple of sentences on
                ahead = [
                    s for s in following[index : index + _VOTE_AHEAD] if _VOTE_OPENS.match(s.text)
                ]
                if not ahead or any(
                    MOTION.search(s.text) for s in following[index : index + _VOTE_AHEAD]
                ):
                    break
                parts.append(ahead[0].text)
                end = ahead[0].line_end
                break
            parts.append(later.text)
            end = later.line_end
        # "CARRIED BY THE FOLLOWING ROLL CALL VOTE:" then "AYES: … NOES: … ABSENT: …" below
        for para in paras[p_index + 1 :]:
            if not _VOTE_LIST.match(para.text):
                break
            parts.append(para.text)
            end = para.line_end
    # "It was agreed that:" is followed by the decisions as a list.
    if sentence.text.rstrip().endswith(":"):
        for para in paras[p_index + 1 :]:
            if not re.match(r"^\s*[-•*]", para.lines[0].text):
                break
            parts.append(para.text)
            end = para.line_end
    return " ".join(parts), start, end


def motion_of(text: str) -> tuple[str | None, str | None, str | None]:
    """(proposer, seconder, outcome) of the motion a decision's text records."""
    motion = read_motion(text)
    return (motion.proposer, motion.seconder, motion.outcome) if motion else (None, None, None)
