"""Reading a figure question: what kind (a lookup, a comparison, a ranking, a trend),
which periods, which place, which statistic, and which paper it points at. Pure.

"In the January 2018 dashboard, how many burglaries in the rolling 12 months to November
2017?" asks for the twelve months to November 2017; "January 2018 dashboard" names the
paper, not a period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from board.dates import MONTHS, find_dates
from board.measures import (
    areas_in,
    content_tokens,
    is_home_area,
)
from board.metrics import Period
from board.profile import BoardProfile
from board.question_periods import CURRENT_WORDS, R12_WORDS, TO_DATE, question_periods, unread_dates
from board.table_ask import TableAsk, read_table_ask

FIGURE_CUES = re.compile(
    r"\bhow many\b|\bhow much\b|\bwhat (?:was|is|were|are) the (?:number|total|rate|level|figure|"
    r"percentage|"
    r"proportion|share|count|volume|value|target|baseline|change|rank)|\bwhat (?:percentage|"
    r"proportion|share|rate|"
    r"number|total)\b|\bby (?:how much|how many|what percentage)\b|\bhow did\b.*\b(?:change|"
    r"compare)|"
    r"\bwhich (?:borough|crime|crime type|category|agency|week|area|month|year|offence|"
    r"organisation|partner)\b|"
    r"\b(?:above or below|below or above|higher or lower|lower or higher)\b|"
    r"\bwhere did\b.*\brank\b|\brank(?:ed|ing)?\b|\btrend\b|\bover time\b|\bhighest\b|\blowest\b|"
    r"\b(?:increase|decrease|rise|fall|reduction)\b.*\b(?:in|of)\b|\bwhat (?:was|were) the\b|"
    r"\bwhat (?:does|did|do)\b.*\b(?:show|give|record|report)\b|"
    r"\bwhat\b.*\b(?:rate|number|total|percentage|proportion|spend|impact|saving|cost|budget|"
    r"figure|volume|satisfaction|confidence|caseload|"
    r"target|baseline|count|share|rank)\b",
    re.I,
)


_COMPARE = re.compile(
    r"\bchange[ds]?\b|\bcompare[ds]?\b|\bcomparison\b|\bdifference\b|\bhow many (?:more|fewer|"
    r"less)\b|"
    r"\bby how (?:much|many)\b|\bby what percentage\b|\b(?:rise|fall|increase|decrease|grow|"
    r"drop)\b|\bhigher\b|\blower\b|"
    r"\bthe same (?:point|stage|time|period) (?:in|of|last)\b",  # a year to date beside another
    re.I,
)


_RANK = re.compile(
    r"\bwhich\b.*\b(?:highest|lowest|most|least|fewest|largest|smallest|biggest|best|worst|"
    r"fell the most|"
    r"rose the most)\b|"
    r"\b(?:highest|lowest|largest|biggest)\b.*\b(?:which|what)\b|\bwhere did\b.*\brank(?:ed)?\b|"
    r"\bhow did\b.*\brank\b.*\bchange\b",
    re.I,
)


_BY_AREA = re.compile(
    r"\bwhich (?:[a-z]+ )?(?:borough|district|ward)\b|\bwhich area\b|"
    r"\bamong (?:the )?(?:[a-z]+ )?(?:\d+|boroughs|districts|areas)\b|\bboroughs\b",
    re.I,
)


_TREND = re.compile(
    r"\btrend\b|\bover time\b|\bover the (?:years|months|weeks|quarters)\b|\bweek by week\b|"
    r"\bmonth by month\b|\bseries\b",
    re.I,
)


_ASCENDING = re.compile(
    r"\blowest\b|\bleast\b|\bsmallest\b|\bfewest\b|\bfell the most\b|\bbiggest (?:fall|drop|"
    r"decrease|reduction)\b|"
    r"\blargest (?:fall|drop|decrease|reduction)\b|\bbest\b",
    re.I,
)


_PAPER_WORDS = (
    r"(?:pack|dashboard|update|assessment|report|paper|papers|meeting|minutes|table|agenda|"
    r"strategy|summary|figures)"
)


_PAPER_REF = re.compile(
    rf"\b((?:{'|'.join(MONTHS)})\w*\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}|Q[1-4]\s+(?:19|20)\d{{2}}|"
    rf"Qrt\s*[1-4]\s+(?:19|20)\d{{2}})"
    # the words between name no other date: "Q4 2012 in the July 2013 pack" is the July pack
    rf"(?:\s+(?!(?:19|20)\d{{2}}\b|(?:{'|'.join(MONTHS)})\b)[\w'-]+){{0,4}}?\s+{_PAPER_WORDS}\b",
    re.I,
)


_STATISTIC_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bsanction(?:ed)? detection (?:rate )?target|\bsd target\b", re.I), "sd target"),
    (re.compile(r"\bsanction(?:ed)? detection rate|\bsd rate\b", re.I), "sanction detection rate"),
    (re.compile(r"\bsanction(?:ed)? detections?\b|\bsds\b", re.I), "sanction detections"),
    (re.compile(r"\btarget\b", re.I), "target"),
    (re.compile(r"\bper 1,?000\b|\brate per\b", re.I), "rate per 1000"),
    (re.compile(r"\bgroup rank\b|\brank among (?:the )?(?:\d+|[a-z]+)\b", re.I), "group rank"),
    (
        re.compile(r"\bsimilar group rank\b|\bpeer (?:group|comparison) rank\b", re.I),
        "similar group rank",
    ),
    (re.compile(r"\bconfidence interval\b", re.I), "confidence interval"),
    (re.compile(r"\bbase\b|\bsample size\b", re.I), "base"),
    # "the ASB rate": a rate, not the count beside it (a table whose figures are themselves
    # a rate, "custody rate", is read when no rate-per-1,000 column has it)
    (re.compile(r"\brates?\b(?!\s+of\s+(?:change|increase|decrease))", re.I), "rate per 1000"),
)


_PERCENT_CHANGE = re.compile(
    r"\bby what percentage\b|\bpercentage (?:change|increase|decrease|fall|rise)\b|"
    r"\b% change\b|\bper cent change\b",
    re.I,
)


@dataclass(frozen=True)
class FigureQuestion:
    """What a figure question asks, as far as the tables are concerned."""

    text: str
    intent: str  # "lookup" | "compare" | "rank" | "trend"
    table: TableAsk  # what it says of the table that answers it
    periods: tuple[Period, ...] = ()
    area: str | None = None
    areas: tuple[str, ...] = ()
    statistic: str | None = None
    percent_change: bool = False
    descending: bool = True
    by_area: bool = False
    also_previous: bool = False  # "... this year, and how many in the same period last year?"
    paper_year: int | None = None
    paper_month: int | None = None
    tokens: frozenset[str] = field(default_factory=frozenset)
    topic: frozenset[str] = frozenset()  # its words that name what is asked about: not the
    #                                      asking, the places of the profile, or numbers
    unread: tuple[str, ...] = ()  # dates and years named but not read as any period
    names: tuple[str, ...] = ()  # proper names it asks about ("Alameda"), as the papers' words
    unsupported: bool = False  # a total across minutes: not a table's figure
    ratio: bool = False  # "how many times larger": only between two cells of one ledger
    checked: tuple[FigureQuestion, ...] = ()  # "X, and does it match Y?": X and Y, read


# A question about a table's figures the tables cannot answer: a total across minutes.
_UNSUPPORTED = re.compile(
    r"\bin total across\b|\b(?:the|its|pack's) minutes\b|\bminutes of\b", re.I
)


# "What is it, and does it match the robbery count in the crime summary?": two figures.
_MATCH_CHECK = re.compile(
    r",?\s*(?:and\s+)?(?:does|do|did) (?:it|this|that|they) (?:match|agree with|tally with)\s+",
    re.I,
)


# A ratio is computed only between two cells of one named ledger table.
_RATIO = re.compile(r"\bhow many times\b|\bratio\b", re.I)


def read_figure(text: str, profile: BoardProfile) -> FigureQuestion | None:
    """What a question asks of the tables' figures; None when it asks for no figure."""
    if not is_figure_question(text):
        return None
    asked = read_question(text, profile)
    checked: tuple[FigureQuestion, ...] = ()
    if m := _MATCH_CHECK.search(text):
        checked = (
            read_question(text[: m.start()], profile),
            read_question(f"What is {text[m.end() :]}", profile),
        )
    return replace(
        asked,
        unsupported=bool(_UNSUPPORTED.search(text)),
        ratio=bool(_RATIO.search(text)),
        checked=checked,
    )


def is_figure_question(text: str) -> bool:
    return bool(FIGURE_CUES.search(text))


def without_paper_refs(text: str) -> str:
    """The question without the papers it cites ("... than the figure used in the July 2013
    performance table"): what it asks about, not where one figure of it is printed."""
    return _PAPER_REF.sub(" ", text)


def _paper_hint(text: str) -> tuple[int | None, int | None, str]:
    """The paper a question points at ("the July 2013 pack") and the text without any such
    reference (so "July 2013" is not read as a period)."""
    refs = list(_PAPER_REF.finditer(text))
    if not refs:
        return None, None, text
    ref = refs[0].group(1)
    year = int(re.search(r"(?:19|20)\d{2}", ref).group())  # type: ignore[union-attr]
    month = next((n for name, n in MONTHS.items() if ref.lower().startswith(name)), None)
    for m in reversed(refs):
        text = text[: m.start(1)] + " " + text[m.end(1) :]
    return year, month, text


# The words of a figure question that ask rather than name what is asked about.
_ASKING_WORDS = frozenset(
    """many much what which how did does was were is are give gives given show shows showing
    recorded record change changed compare compared comparison rise rose fall fell
    increase decrease reduction higher lower above below average averages according year
    years month months week weeks quarter period latest current previous last this same
    earlier ago later full financial rolling figure figures number total value rate
    percentage percent share proportion % highest lowest largest smallest most least rank
    ranked borough boroughs area areas set up modelled model expect expected fewer more
    less before after between since than during to by from so far""".split()  # noqa: SIM905
) | frozenset(MONTHS)


def _topic(tokens: list[str], profile: BoardProfile) -> frozenset[str]:
    """The words that name what is asked about: not the asking, a place, or a number."""
    return frozenset(
        w
        for w in tokens
        if w not in _ASKING_WORDS and w not in profile.place_words and not w[:1].isdigit()
    )


def read_question(text: str, profile: BoardProfile, today: date | None = None) -> FigureQuestion:
    """A figure question's intent, periods, place, statistic and the paper it points at."""
    profile = profile
    year, month, rest = _paper_hint(text)
    periods, previous = question_periods(rest, today)
    if not periods:
        relation = "previous" if previous and not CURRENT_WORDS.search(rest) else None
        if CURRENT_WORDS.search(rest) or relation:
            kind = "r12" if R12_WORDS.search(rest) else "relative"
            label = "this year" if relation is None else "last year"
            periods = (Period(label, label, kind, None, None, relation or "current"),)
    to = TO_DATE.search(rest)
    if to and not any(p.end for p in periods):
        dates = find_dates(to.group(1))
        if dates:
            end = dates[0]
            asks_change = bool(_COMPARE.search(rest))
            relation = (
                "previous"
                if previous and not CURRENT_WORDS.search(rest) and not asks_change
                else "current"
            )
            kept = tuple(p for p in periods if p.kind not in ("relative",))
            to_date = Period(
                f"to {end.isoformat()}",
                f"to {end.day} {end:%B %Y}",
                "relative",
                None,
                end.isoformat(),
                relation,
            )
            periods = (*kept, to_date)
    statistic = next((stat for pattern, stat in _STATISTIC_CUES if pattern.search(text)), None)
    group = profile.peer_group
    if statistic is None and group and re.search(rf"\b{re.escape(group)} rank\b", text, re.I):
        statistic = "group rank"  # the table's own name for its rank among the peers
    if _RANK.search(text):
        intent = "rank"
    elif _TREND.search(text):
        intent = "trend"
    elif len(periods) >= 2 or (  # two periods of one figure asked: the one beside the other
        _COMPARE.search(text)
        and (previous or _PERCENT_CHANGE.search(text) or "same period" in text.lower())
    ):
        intent = "compare"
    else:
        intent = "lookup"
    group = (profile.peer_group or "").lower()
    # "peer areas" names the peers, not the the region-wide figure.
    areas = tuple(
        a
        for a in areas_in(text, profile)
        if a.lower() != group or f"{group} borough" not in text.lower()
    )
    place = next((a for a in areas if not is_home_area(a, profile)), None)
    tokens = content_tokens(rest, profile)
    return FigureQuestion(
        text=text,
        intent=intent,
        table=read_table_ask(text, profile),
        periods=periods,
        area=place,
        areas=areas,
        statistic=statistic,
        percent_change=bool(_PERCENT_CHANGE.search(text)),
        descending=not _ASCENDING.search(text),
        by_area=bool(_BY_AREA.search(text)),
        also_previous=previous,
        paper_year=year,
        paper_month=month,
        tokens=frozenset(tokens),
        topic=_topic(tokens, profile),
        unread=unread_dates(rest, periods),
    )
