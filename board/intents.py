"""What kind of answer a question asks for: its intent (a figure, a change, a ranking, a
decision, an action, a meeting, people, a list, a timeline or a passage), the answer type
wanted, the kind of figure and what a "how many" counts, and which way it looks. Part of the
question reader (board/question.py). Pure."""

from __future__ import annotations

import re

from board.text import tokenize

MONEY_WORDS = re.compile(
    r"\b(funding|fund|grant|cost|costs|budget|spend|spent|value|worth|saving|savings|price|paid"
    r"|pay|income|precept|fee|fees|quote|quoted|donat\w*|salary|balance|invoice\w*|amount)\b",
    re.I,
)
_PERSON = re.compile(
    r"^\s*(?:and\s+)?who\b|\bwhich (?:councillors?|members?|officers?|person|people|trustees?)\b"
    r"|\b(?:name|names) of\b|\bwho(?:m)?\b",
    re.I,
)
_WHEN = re.compile(r"^\s*(?:and\s+)?when\b|\bwhat (?:date|time|day)\b|\bon what date\b", re.I)
_WHERE = re.compile(r"^\s*(?:and\s+)?where\b(?!.*\brank)|\bwhat (?:venue|place|location)\b", re.I)
_DECISION = re.compile(
    r"\b(?:decide[ds]?|decisions?|resolve[ds]?|resolution|agree[ds]?|approve[ds]?|approval"
    r"|vote[ds]?|adopt(?:ed)?|reject(?:ed)?|back(?:ed)?|support(?:ed)?)\b",
    re.I,
)
_ACTION = re.compile(
    r"\b(?:actions?|asked to|was to|were to|tasked|take away|took away|will|agreed to|chase"
    r"|follow(?:ing)? up|responsible for)\b",
    re.I,
)
_LIST = re.compile(
    r"\b(?:what (?:are|were) the|which|list|name the|what \w+ (?:are|were))\b.*\b(?:priorities"
    r"|items|aims|objectives|areas|themes|goals|outcomes|members|recommendations|actions"
    r"|decisions|dates|plans|projects|councillors|options|concerns)\b",
    re.I,
)
_TREND = re.compile(r"\btrend|\bover (?:the|these) years\b|\bhow has\b.*\bchanged\b", re.I)
_CHANGE = re.compile(
    r"\b(?:change[ds]?|increase[ds]?|decrease[ds]?|rise|rose|risen|fall|fell|fallen|drop(?:ped)?"
    r"|grow|grew|up or down|compared? (?:with|to)|difference)\b",
    re.I,
)
_RANK = re.compile(
    r"\b(?:highest|lowest|most|least|largest|smallest|biggest|top|worst|best|rank(?:ed|ing)?)\b",
    re.I,
)
_TIMELINE = re.compile(
    r"\bhistory of\b|\bover time\b|\bacross (?:the )?meetings\b|\btimeline\b"
    r"|\bhow did\b.*\bdevelop|\bwhat became of\b",
    re.I,
)
_MEETING = re.compile(
    r"\b(?:chair(?:ed|s)?|attend(?:ed|ance)?|present|apologies|venue|held|next meeting"
    r"|agenda)\b",
    re.I,
)
_UP = re.compile(r"\b(?:highest|most|largest|biggest|top|increase[ds]?|rise|rose|grew|up)\b", re.I)
_DOWN = re.compile(
    r"\b(?:lowest|least|smallest|fewest|decrease[ds]?|fall|fell|drop\w*|down)\b", re.I
)


def wanted_quantity(question: str) -> str | None:
    """The kind of figure a question asks for: 'percent', 'money', 'count', 'rate', or None."""
    q = question.lower()
    if re.search(
        r"\b(what|which) (percentage|proportion|share)\b|\bwhat per ?cent\b|\bhow many per ?cent\b"
        r"|\bwhat share\b",
        q,
    ):
        return "percent"
    if re.search(r"\bwhat (?:do|does|did|will|would) (?:it|they|this|that|these|\w+) cost\b", q):
        return "money"
    if re.search(r"\bhow much (?:time|longer|later|earlier|sooner)\b", q):
        return None  # a duration, not a figure the papers count
    if re.search(r"\bhow much\b", q) or (
        re.search(r"\bwhat (?:was|is|were|are) the\b|\bwhat (?:rough )?(?:price|amount)\b", q)
        and MONEY_WORDS.search(q)
    ):
        return "money" if MONEY_WORDS.search(q) else "count"
    if re.search(r"\bwhat (?:was|is|were|are)\b", q) and re.search(
        r"\b(?:balances?|precepts?|budgets?|totals?|income|expenditure|spend|costs?|salary|fees?)\b",
        q,
    ):
        return "money"
    if re.search(r"\bhow many\b", q):
        return "count"
    if re.search(r"\bwhat (?:was|is|were|are)\b[^?]*\brates?\b", q):
        return "rate"
    return None


# Words that end the noun phrase after "how many": "how many live incidents DID ...".
_PHRASE_END = frozenset(
    """a an are at be by did do does for from had has have how in is of on that the to was were
    what which who will would""".split()  # noqa: SIM905
)
_IRREGULAR_PLURALS = frozenset(["people", "children", "staff", "police", "women", "men"])


def counted_noun(question: str) -> str | None:
    """The thing a 'how many' question counts ("cameras" in "how many ANPR cameras ...")."""
    m = re.search(
        r"\bhow many\s+(?:of (?:the|these|those)\s+)?((?:[a-z-]+[,?;]?\s*){1,5})", question, re.I
    )
    if not m:
        return None
    phrase: list[str] = []
    for word in m.group(1).lower().split():
        if word in _PHRASE_END:
            break
        phrase.append(word.strip(",?;"))
        if word[-1] in ",?;":
            break
    plurals = [w for w in phrase if w.endswith("s") or w in _IRREGULAR_PLURALS]
    noun = plurals[-1] if plurals else None
    return tokenize(noun)[0] if noun and tokenize(noun) else None


def intent_of(text: str, quantity: str | None) -> str:
    """What the question asks for, from the kind of figure it wants (None: no figure)."""
    if _TIMELINE.search(text):
        return "timeline"
    if quantity is not None:
        if _TREND.search(text):
            return "trend"
        if _RANK.search(text) and not re.search(r"\bat most\b|\bthe most recent\b", text, re.I):
            return "rank"
        if _CHANGE.search(text):
            return "change"
        return "figure"
    if _DECISION.search(text):
        return "decision"
    if _PERSON.search(text) and _ACTION.search(text):
        return "action"
    if _MEETING.search(text) and (
        _PERSON.search(text) or _WHEN.search(text) or _WHERE.search(text)
    ):
        return "meeting"
    if _PERSON.search(text):
        return "people"
    if _LIST.search(text):
        return "list"
    if _ACTION.search(text):
        return "action"
    return "passage"


def answer_type_of(text: str, intent: str, quantity: str | None) -> str:
    """The kind of thing the answer must contain (one of ANSWER_TYPES in board/question.py)."""
    if quantity is not None:
        return "number"
    if re.search(
        r"^\s*(?i:who) (?i:is|was|are|were) (?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.? )?[A-Z]", text
    ):
        return "passage"  # "Who is Jane Smith?" asks for her role, not a name
    if _PERSON.search(text):
        return "person"
    if _WHEN.search(text):
        return "date"
    if _WHERE.search(text):
        return "place"
    if intent in ("decision", "action", "list"):
        return intent
    return "passage"


def direction_of(text: str) -> int:
    """+1 when the question looks for the highest or a rise, -1 the lowest or a fall, else 0."""
    return 1 if _UP.search(text) else -1 if _DOWN.search(text) else 0


# What the minutes' record and the tables' figures are asked, as the intent a plan keys on.
_RECORD_INTENTS = {
    "attendance": "meeting",
    "meeting_details": "meeting",
    "meetings": "meeting",
    "decided": "decision",
    "actions": "action",
    "happened": "timeline",
    "last_discussed": "timeline",
}
_FIGURE_INTENTS = {"lookup": "figure", "compare": "compare", "rank": "rank", "trend": "trend"}


def plan_intent(
    worded: str, record_kind: str | None, figure_intent: str | None, prose_change: bool | None
) -> str:
    """The one intent a question is planned by: what it asks of the minutes' record (who
    attended, what was decided, whose actions, what became of a topic), else what it asks of
    the figures (a lookup, a comparison, a ranking, a trend; ``figure_intent`` from the
    tables' reading, ``prose_change`` None when no figure stated in a sentence is asked for),
    else what its words ask for (``worded``, from intent_of)."""
    if record_kind is not None:
        return _RECORD_INTENTS[record_kind]
    if figure_intent is not None:
        return _FIGURE_INTENTS.get(figure_intent, "figure")
    if prose_change is not None:
        return "change" if prose_change else "figure"
    return worded
