"""What a question asks of the minutes' record: who attended, what was decided, whose
actions, what became of a topic, when it was last discussed, where and when a meeting was
held, which meetings there were. Read once, as part of the `Question` (board/question.py);
the register's handlers take this record and never the question's text. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from board.dates import MONTH_NAMES, meeting_dates
from board.names import NAME_TOKEN, TITLE
from board.text import FRAMING_WORDS, MINUTES_ASKING, QUESTION_WORDS, STOPWORDS, tokenize

ATTENDANCE = re.compile(
    r"\bwho (?:attended|was (?:at|present)|were (?:at|present)|came|chaired|was (?:the )?chair)\b"
    r"|\bwho (?:chairs|is (?:the )?chair(?:man|person)?)\b"
    r"|\b(?:which|what) (?:board )?members (?:attended|were (?:at|present))\b"
    r"|\battendance\b|\bapologies\b|\bmembers present\b|\battendees\b"
    r"|\b(?:listed|recorded) as present\b|\b(?:who|how many)\b.{0,40}\b(?:was|were) present\b",
    re.I,
)
LAST_DISCUSSED = re.compile(
    # any body: "the board", "the parish council", "the scrutiny committee", "they"
    r"\bwhen (?:did|was|were|has|have) (?:the )?(?:[\w'’-]+\s+){0,3}?"
    r"(?:last|most recently)\s+(?:discuss|consider|talk about|look at|review|debate)\w*\s+"
    r"(?P<topic>.+)"
    r"|\bwhen was (?P<topic2>.+?) (?:last|most recently) "
    r"(?:discussed|considered|raised|reviewed)\b",
    re.I,
)
DECIDED = re.compile(
    r"\bwhat (?:did|has|have|had) (?:the )?board "
    r"(?:decide|agree|resolve|approve|endorse|conclude)d?\b"
    r"|\bdecisions?\b(?!\s+(?:sought|requested|required))|\bwhat was (?:decided|agreed|resolved)\b"
    r"|\bhow did the board (?:respond|react)\b|\bthe board'?s (?:view|position|response|decision)\b"
    r"|\bdid the board (?:decide|agree|approve|endorse)\b"
    # any body ("What did Milburn decide …", "Which consultants did Horsley agree to hire")
    r"|\bwhat did (?:the )?(?:[\w'’-]+\s+){0,4}?(?:decide|resolve|approve|endorse|conclude)\b"
    r"|\b(?:which|what) (?:[\w'’-]+\s+){1,5}?did (?:the )?(?:[\w'’-]+\s+){0,4}?"
    r"(?:decide|agree|resolve|approve|choose|appoint|hire|elect)\b"
    r"|\bdid (?:the )?(?:[\w'’-]+\s+){0,3}?(?:back|approve|reject|support|endorse|oppose)\b"
    # motions and votes
    r"|\bwho (?:moved|proposed|seconded)\b|\b(?:moved|proposed) and seconded\b"
    r"|\bhow did (?:the )?(?:[\w'’-]+\s+){0,5}?vote\b|\bvoted? (?:for|against)\b",
    re.I,
)
HAPPENED = re.compile(
    r"\bwhat (?:has |had )?happened (?:to|with|about|on)\s+(?P<topic>.+)"
    r"|\bwhat became of\s+(?P<topic2>.+)"
    r"|\b(?:history|timeline) of\s+(?P<topic3>.+)"
    r"|\bhow (?:did|has|have) (?:the )?(?:plans? for |work on )?(?P<topic4>.+?) "
    r"(?:progress|develop|evolve)(?:ed)?\b",
    re.I,
)
ACTIONS = re.compile(
    r"\bactions?\b(?!\s+(?:plans?|planning|group))"
    r"|\bwho (?:must|should|has to|needs to|was asked to|agreed to)\b|\bactioned\b"
    r"|\bwhat did .+? (?:agree|undertake|offer|volunteer|promise) to\b"
    r"|\bwho (?:was|were) (?:asked|actioned|tasked|given)\b"
    r"|\b(?:say|said) (?:she|he|they) would\b"
    r"|\btake away\b|\bfollow[- ]ups?\b"
    r"|\bwho (?:is|are|was|were) (?:to|going to)\b"
    r"|\bwho (?:is|are|was|were) (?:taking|chasing|following|handling|contacting|writing)\b"
    r"|\bwho (?:will|promised|offered|volunteered|undertook)\b"
    r"|\b(?:was|were) asked to\b|\b(?:told|instructed|directed) to\b",
    re.I,
)
# "What was Stuart Collins asked to present", "What were the Police going to bring", "What is
# Carrie Landman to research": a named owner.
ASKED_OF = re.compile(
    r"\b(?:is|are|was|were) (?:the )?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+"
    r"(?:(?:asked|going|due|expected|tasked|actioned)\s+)?to\b"
)
# When a meeting opened and closed: "when did it start and finish", "who called it to order".
_TIMES = (
    r"\bcalled (?:the |[\w'’-]+\s+){0,6}?(?:meeting )?to order\b"
    r"|\bwhen did (?:it|the meeting|[\w'’-]+(?:\s+[\w'’-]+){0,5}? meeting) "
    r"(?:start|begin|open|finish|end|close)\b"
    r"|\b(?:start|finish|end|close|closing|opening) time\b|\bwhat time did\b"
    r"|\b(?:start|started|begin|began|open|opened) and (?:finish|finished|end|ended|close|closed)\b"
    r"|\b(?:when|what time)\b.{0,80}\bmeeting\b.{0,60}"
    r"\b(?:start|begin|began|open|finish|end|close)(?:ed|ed|s)?\b\W*$"
)
TIMES = re.compile(_TIMES, re.I)
# "Who declared an interest?", "were there any declarations of interest?"
_DECLARATIONS = (
    r"\bdeclar\w*\s+(?:an?\s+|any\s+|of\s+)?(?:\w+\s+)?interests?\b|\bconflicts?\s+of\s+interest\b"
)
DECLARATIONS = re.compile(_DECLARATIONS, re.I)
# What is on a meeting's agenda: "How many items are on the agenda …?", "What presentation is
# scheduled under planning on the April 2014 agenda?"
_AGENDA = (
    r"\bhow many items\b|\bitems? (?:is |are |was |were )?on (?:the |its |[\w'’-]+\s+){1,4}agenda\b"
    r"|\bwhat (?:is|was|are|were) on (?:the |its |[\w'’-]+\s+){1,4}agenda\b"
    r"|\b(?:scheduled|listed)\b[^?]{0,60}\bagenda\b"
)
AGENDA = re.compile(_AGENDA, re.I)
MEETING_DETAILS = re.compile(
    _DECLARATIONS
    + "|"
    + _AGENDA
    + "|"
    + _TIMES
    + r"|\bwhere (?:was|is|will|did)\b.*\b(?:meeting|held|meet)\b"
    r"|\bwhen and where\b|\bwhere and when\b"
    r"|\bnext meeting\b|\bmeeting after\b|\bwhat time\b",
    re.I,
)
MEETINGS = re.compile(
    r"\b(?:which|what) meetings\b|\bwhen did the board meet\b|\blist (?:of )?(?:the )?meetings\b",
    re.I,
)
# What the register does not record about a meeting: leave such questions to the passages.
_NOT_RECORDED = re.compile(r"\bquorum\b|\blast\b\W*$|\bhow long\b", re.I)
_BOARD_ASKED = re.compile(
    r"\b(?:was|were) the (?:partnership )?board asked\b|\bboard (?:was|were) asked\b"
    r"|\basked to (?:decide|make a decision)\b",
    re.I,
)
# What a meeting did, which only its minutes (or a later paper) can say, never its agenda.
OUTCOME = re.compile(
    r"\b(?:what|how|which)\b.{0,80}?\bdid\b.{0,60}?\b(?:report(?:ed)? out|decide|agree|approve"
    r"|resolve|vote|adopt|reject)\b"
    r"|\bwhat was (?:decided|agreed|resolved|reported out)\b"
    r"|\b(?:was|were)\b.{1,60}?\b(?:approved|adopted|passed|carried|rejected)\b",
    re.I,
)
# "What did Milburn decide …", "Which consultants did Horsley agree to hire": who decided.
_DECIDER = re.compile(
    r"\b(?:what|which(?: [\w'’-]+){1,5}) did (?:the )?(?P<who>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+"
    r"(?:decide|agree|resolve|approve|endorse|conclude|choose|appoint|hire|elect)\b",
    re.I,
)
_QUESTION_WORDS = re.compile(
    r"^\W*(?:how (?:much|many)|who|what|which|when|where|why|how)\b"
    r"(?:\s+(?:did|does|do|is|was|were|are|has|have|had|will))?",
    re.I,
)
_MIN_TOPIC_WORDS = 2
_TOPIC_AFTER = re.compile(
    r"\b(?:about|on|regarding|concerning|over|for|to|of|with)\s+(?P<topic>.+)$", re.I
)
_OPEN = re.compile(r"\b(?:open|outstanding|pending|not (?:yet )?done)\b", re.I)
_DONE = re.compile(r"\b(?:done|completed|closed|finished)\b", re.I)
_ALL_DECISIONS = re.compile(r"\b(?:all|list|every|which|what)\b.{0,20}\bdecisions\b", re.I)
_ABOUT_A_MEETING = re.compile(r"\bmeetings?\b|\bboard\b", re.I)
_WHICH_MEETING = re.compile(
    r"\b(?:last|latest|previous|most recent|first|earliest) meeting\b", re.I
)
_FIRST = re.compile(r"\bfirst\b|\bearliest\b", re.I)
_NEXT_MEETING = re.compile(r"\bnext meeting\b|\bmeeting after\b", re.I)
# Where or when a meeting was (to be) held: "when and where did … meet", "where was it held"
_HELD = re.compile(
    r"\bwhen and where\b|\bwhere and when\b|\bwhere (?:was|is|will|did)\b"
    r"|\bwhen (?:was|is|will|did)\b[^,?]*\b(?:held|meet|met)\b",
    re.I,
)
_CHAIR = re.compile(r"\bchair", re.I)
_NAME = re.compile(rf"(?:(?:{TITLE})\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN})*")
# Words that open a question or only frame it ("What", "Did", "The Board"): not a name's.
_OPENERS = STOPWORDS | FRAMING_WORDS
_TRAILING = re.compile(
    r"\s*(?:\?|\.|!)+\s*$"
    r"|\s+(?:at|in|from|during) (?:the )?(?:last|latest|previous|\w+ \d{4}|\d{4})"
    r"\s*(?:meeting)?\s*$",
    re.I,
)
_DATE_WORDS = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}|\b\d{4}-\d{2}(?:-\d{2})?\b"
    rf"|\b(?:{'|'.join(name.capitalize() for name in MONTH_NAMES)})"
    r"\w*\.?,?\s+\d{4}",
    re.I,
)

# The kinds, in the order they are told apart: the first that the question fits is its kind.
_KINDS = (
    ("attendance", ATTENDANCE),
    ("last_discussed", LAST_DISCUSSED),
    ("happened", HAPPENED),
    ("decided", DECIDED),
    ("actions", ACTIONS),
    ("meeting_details", MEETING_DETAILS),
    ("meetings", MEETINGS),
)


@dataclass(frozen=True)
class RecordAsk:
    """What a question asks of the minutes' record (``kind`` None: nothing)."""

    kind: str | None = None  # attendance, last_discussed, happened, decided, actions,
    #                          meeting_details or meetings
    topic: str | None = None  # what it is about ("the youth diversion scheme")
    status: str | None = None  # of actions: "open" or "done"
    names: tuple[str, ...] = ()  # runs of capitalised words that may name an action's owner
    date: tuple[str | None, str | None] = (None, None)  # (ISO date, month) the question names
    dates: tuple[tuple[str | None, str | None], ...] = ()  # every date or month, in order
    which_meeting: str | None = None  # "first" or "last" ("at the last meeting")
    first: bool = False  # "first" or "earliest" is asked
    board_asked: bool = False  # what a report asked the board to decide: in the report
    all_decisions: bool = False  # "list every decision"
    about_a_meeting: bool = False  # names a meeting or the board
    not_recorded: bool = False  # what minutes don't record: a quorum, how long it lasted
    next_meeting: bool = False
    chair: bool = False
    apologies: bool = False  # who sent apologies, not who attended
    times: bool = False  # when the meeting opened and closed
    held: bool = False  # where or when the meeting was held
    declarations: bool = False  # who declared an interest
    agenda: bool = False  # what is on the meeting's agenda
    decider: str | None = None  # who the question says decided ("Milburn", "the steering group")
    outcome: bool = False  # what a meeting did (decided, voted, reported out): not in an agenda
    also: tuple[str, ...] = ()  # what its other clauses ask ("…, and what do they cost?": cost)
    asks_who: bool = False  # "Who is to …?", "Who was asked to …?": the owner is the answer
    due: str | None = None  # the month of the meeting an action is due at ("for the December
    #                         2020 meeting": '2020-12'), not the meeting it was set at


_APOLOGIES = re.compile(r"\bapolog", re.I)
# "to research for North Star's December 2020 meeting", "by the January 2021 meeting"
_DUE_AT = re.compile(
    r"\b(?:for|by|before|ahead of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}?"
    rf"(?P<date>(?:{'|'.join(name.capitalize() for name in MONTH_NAMES)})\s+\d{{4}})\s+meeting\b"
)


def read_record_ask(text: str) -> RecordAsk:
    """What ``text`` asks of the minutes' record."""
    kind = next(
        (
            name
            for name, pattern in _KINDS
            if pattern.search(text) or (name == "actions" and ASKED_OF.search(text))
        ),
        None,
    )
    if kind is None:
        return RecordAsk(outcome=bool(OUTCOME.search(text)))
    first = bool(_FIRST.search(text))
    due = _DUE_AT.search(text) if kind == "actions" else None
    if due:  # the meeting it is due at is no meeting it was set at
        text = f"{text[: due.start('date')]} {text[due.end('date') :]}"
    topic = _topic(kind, text)
    return RecordAsk(
        kind=kind,
        topic=topic,
        status="done" if _DONE.search(text) else "open" if _OPEN.search(text) else None,
        names=tuple(_names(text)),
        date=meeting_dates(text),
        dates=tuple(meeting_dates(m.group(0)) for m in _DATE_WORDS.finditer(text)),
        which_meeting=("first" if first else "last") if _WHICH_MEETING.search(text) else None,
        first=first,
        board_asked=bool(_BOARD_ASKED.search(text)),
        all_decisions=bool(_ALL_DECISIONS.search(text)),
        about_a_meeting=bool(_ABOUT_A_MEETING.search(text)),
        not_recorded=bool(_NOT_RECORDED.search(text)),
        next_meeting=bool(_NEXT_MEETING.search(text)),
        chair=bool(_CHAIR.search(text)),
        apologies=bool(_APOLOGIES.search(text)),
        times=bool(TIMES.search(text)),
        held=bool(_HELD.search(text)),
        declarations=bool(DECLARATIONS.search(text)),
        agenda=bool(AGENDA.search(text)),
        decider=m.group("who") if (m := _DECIDER.search(text)) else None,
        outcome=bool(OUTCOME.search(text)),
        also=_also(text, topic),
        asks_who=bool(
            re.match(r"\s*who\b(?!\s+(?:else|attended|chaired|was present))", text, re.I)
        ),
        due=meeting_dates(due.group("date"))[1] if due else None,
    )


# Where a question's clauses part: "…, and what do they cost?", "… work, who proposed it".
_CLAUSES = re.compile(
    r",\s*(?:and|or)\b|;|\?|,\s*(?=(?:who|what|when|where|which|how|did|does)\b)"
    r"|\band\s+(?=(?:who|what|when|where|which|how|did|does)\b)",
    re.I,
)


def _also(text: str, topic: str | None) -> tuple[str, ...]:
    """The content words of the clauses that do not hold the topic: what else is asked."""
    if not topic:
        return ()
    topic_words = set(tokenize(topic))
    words: list[str] = []
    for clause in _CLAUSES.split(text):
        clause_words = [w for w in tokenize(clause) if w not in QUESTION_WORDS | MINUTES_ASKING]
        if clause_words and not topic_words & set(clause_words):
            words.extend(w for w in clause_words if w not in words)
    return tuple(words)


def _topic(kind: str, text: str) -> str | None:
    if kind == "decided":
        return _topic_after(text, DECIDED) or _topic_beside(text, DECIDED)
    if kind == "actions":
        key = ACTIONS if ACTIONS.search(text) else ASKED_OF
        return _topic_after(text, key, rest_is_topic=True) or _topic_beside(text, key)
    if kind == "happened":
        return _topic_in(text, HAPPENED)
    if kind == "last_discussed":
        return _topic_in(text, LAST_DISCUSSED)
    return None


def _names(text: str) -> list[str]:
    runs = (
        " ".join(w for w in m.group(0).split() if w.lower() not in _OPENERS)
        for m in _NAME.finditer(text)
    )
    return [run for run in runs if run]


def clean_topic(text: str) -> str:
    """'the draft strategic priorities at the last meeting?' -> 'draft strategic priorities'."""
    text = re.split(
        r",\s*(?:(?:and|or)\s+)?(?:(?:with|to|from|for|by|at|in|on)\s+)?"
        r"(?:whom|when|where|who|which|what|how)\b|,\s*(?:and|or)?\s*(?:at|on|in)\b",
        text,
    )[0]
    text = re.sub(r",?\s*according to\b.*$", "", text, flags=re.I).strip()
    for _ in range(3):
        text = _TRAILING.sub("", text).strip()
    # "taking the new notice board forward" is about the notice board
    text = re.sub(
        r"^(?:tak(?:e|es|ing)|took|carry(?:ing)?|mov(?:e|ing))\s+(.+?)\s+(?:forward|on)$",
        r"\1",
        text,
        flags=re.I,
    )
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return text.strip(" ,;:'\"")


def _topic_after(text: str, pattern: re.Pattern[str], rest_is_topic: bool = False) -> str | None:
    """The topic after the question's key phrase ('… decide about X'); none if it is a meeting.

    With ``rest_is_topic`` the words after the key phrase are the topic when no 'about',
    'on' … introduces one ("who was asked to investigate the decline in satisfaction").
    """
    rest = re.split(pattern, text, maxsplit=1)[-1]
    m = _TOPIC_AFTER.search(rest)
    topic = clean_topic(m.group("topic")) if m else None
    key = pattern.search(text)
    if (
        rest_is_topic
        and key
        and re.search(r"\b(?:to|will)\s*$", key.group(0))
        and not re.match(r"\s*do\b", rest)
        and not (m and re.match(r"(?:about|regarding|concerning)\b", m.group(0), re.I))
    ):
        topic = None  # "was asked to check the lines to all libraries": the task is the topic
    if topic is None and rest_is_topic:
        # as written: a capitalised month ("in April 2013"), not "may" the verb
        undated = re.sub(rf"(?:at |after |in |on )?(?:the )?(?:{_DATE_WORDS.pattern})", " ", rest)
        bare = clean_topic(undated)
        topic = bare if len(bare.split()) >= 2 else None
    if not topic or meeting_dates(topic) != (None, None):
        return None
    if re.search(r"\bmeeting\b", topic, re.I) and len(topic.split()) <= 4:
        return None
    return topic


def _topic_beside(text: str, pattern: re.Pattern[str]) -> str | None:
    """The topic of a question that names it beside its key phrase, not after it ("How much
    did North Star move from savings to checking, and who moved and seconded it?"): the
    longest of its other clauses, without its question words and dates."""
    parts = re.split(r",\s*(?:and|or)\b|;|\?|\band (?=(?:who|what|when|where|which|how)\b)", text)
    clauses = [pattern.sub(" ", c) for c in parts if c.strip()]
    if len(clauses) < 2:
        return None  # one clause, and no topic after its key phrase: it names none
    others = [c for c in clauses if c.strip()]
    if not others:
        return None
    best = max(others, key=lambda c: len(c.split()))
    best = _QUESTION_WORDS.sub(" ", best)
    best = re.sub(rf"(?:at |after |in |on |for )?(?:the )?(?:{_DATE_WORDS.pattern})", " ", best)
    topic = clean_topic(best)
    return topic if len(topic.split()) >= _MIN_TOPIC_WORDS else None


def _topic_in(text: str, pattern: re.Pattern[str]) -> str | None:
    """The topic a pattern with named groups ('topic', 'topic2', …) captured."""
    m = pattern.search(text)
    if not m:
        return None
    found = next((g for g in m.groups() if g), None)
    return clean_topic(found) if found else None
