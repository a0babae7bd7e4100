"""The register's tools: decisions, actions, meeting, timeline; plain functions and LangChain tools.

Every result carries its provenance (source file, meeting date, 'lines A-B'),
so an answer can cite the minute it came from. No LLM is needed to call them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
from pydantic import BaseModel, Field

from board.dates import meeting_dates
from board.names import strip_title
from board.records import Chunk
from board.text import coverage, sentences, tokenize
from tools.register.people import surname_close
from tools.register.records import Action, Decision, Meeting, TimelineEntry, span
from tools.register.store import Register
from tools.register.text import topic_matcher, topic_share, topic_terms
from tools.register.timeline import timeline as _timeline

ChunkSource = Sequence[Chunk] | Callable[[], Sequence[Chunk]]
_LONG_PARAGRAPH = 80  # words: a paragraph this long holds several minutes
ALSO_WEIGHT = 0.5  # of the share of the question's other words a record's own text uses
RELAXED = 0.5  # share of a topic's words a record must use when no record names the topic


def _in_range(dates: pd.Series, date_from: str | None, date_to: str | None) -> pd.Series:
    mask = pd.Series(True, index=dates.index)
    if date_from:
        mask &= dates >= date_from
    if date_to:
        mask &= dates <= date_to
    return mask


def _joined(frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    return frame[list(columns)].fillna("").astype(str).agg(" \n ".join, axis=1)


def _about(
    frame: pd.DataFrame,
    topic: str,
    own: Sequence[str],
    context: str,
    within: pd.Series,
    also: Sequence[str] = (),
) -> pd.Series:
    """Rows about a topic, strictest reading first.

    1. the record's own words (and item title) name the topic;
    2. else its own paragraph (of its minute item) names it;
    3. else the rows sharing most of the topic's words (the rarer weighing more) in their own
       words and the paragraph leading to them, if their minute uses half of them.
    """
    matches = topic_matcher(topic)
    own_text = _joined(frame, own)
    contexts = frame[context].fillna("").astype(str)
    records = frame[own[0]].fillna("").astype(str)

    def paragraph(lead: bool) -> pd.Series:
        """Each record's own paragraph of its context, with the one leading to it or not."""
        said = [_paragraph_of(c, t, lead) for c, t in zip(contexts, records, strict=True)]
        return pd.Series(said, index=frame.index)

    # 2. the record's own paragraph: a long item's other minutes are other business
    for text in (own_text, paragraph(lead=False)):
        found = text.map(matches).astype(bool) & within
        if found.any():
            return found
    everything = own_text + " \n " + contexts
    near = own_text + " \n " + paragraph(lead=True)
    shared = everything.map(lambda t: topic_share(topic, t))
    # ranked by the rarer words ("notice" over "new") of the record and the paragraph leading
    # to it; kept when its minute uses half the topic's words
    rarity = _rarity(topic_terms(topic), everything)
    score = near.map(lambda t: topic_share(topic, t, rarity)) + 0.5 * own_text.map(
        lambda t: topic_share(topic, t, rarity)
    )
    if also:  # what the rest of the question asks of it ("who proposed and seconded …")
        score = score + ALSO_WEIGHT * own_text.map(lambda t: coverage(list(also), t))
    eligible = within & (shared >= RELAXED)
    if not eligible.any():
        return pd.Series(False, index=frame.index)
    best = score[eligible].max()
    return eligible & (score >= best - 1e-9)


def _paragraph_of(context: str, own: str, lead: bool = True) -> str:
    """The paragraph of a record's context holding the record's own words, with the one
    before it, which says what it is about (a long minute item's other paragraphs are about
    other things); the whole context if none holds them."""
    start = " ".join(own.split()[:15])
    paras = context.split("\n")
    at = next((i for i, p in enumerate(paras) if start and start in " ".join(p.split())), None)
    if at is None:
        return context
    back = 1 if lead else 0
    if len(paras[at].split()) <= _LONG_PARAGRAPH:
        return "\n".join(paras[max(0, at - back) : at + 1])
    said = sentences(paras[at])  # a paragraph of many minutes: the record and what leads to it
    here = next((i for i, t in enumerate(said) if start in " ".join(t.split())), None)
    return paras[at] if here is None else " ".join(said[max(0, here - back) : here + 1])


def _rarity(terms: Sequence[str], texts: pd.Series) -> Callable[[str], float]:
    """Each term's weight by how few of the texts use it: "notice" tells more than "new"."""
    held = [set(tokenize(t)) for t in texts]
    total = len(held) or 1
    weights = {
        term: math.log((total + 1) / (1 + sum(term in words for words in held))) + 1.0
        for term in terms
    }
    return lambda term: weights.get(term, 1.0)


def decisions(
    register: Register,
    topic: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    also: Sequence[str] = (),
) -> list[Decision]:
    """Decisions, oldest first; on a topic, those about it (see ``_about``)."""
    frame = register.frame("decisions")
    if frame.empty:
        return []
    mask = _in_range(frame["meeting_date"], date_from, date_to)
    if topic:
        # An item by its number and title: items the minutes do not number ("## Maintenance")
        # are told apart by their headings.
        keys = ["source", "meeting_date", "agenda_item", "item_title"]
        items = (
            register.frame("items")
            .groupby(keys, as_index=False, dropna=False)["text"]
            .agg(" ".join)
        )
        context = frame.merge(
            items.rename(columns={"text": "item_text"}),
            on=keys,
            how="left",
        )
        context.index = frame.index
        # a recorded vote answers "how did they vote" whether or not the minute says "vote"
        context["voted"] = frame["votes_for"].notna().map({True: "vote", False: ""})
        mask = _about(context, topic, ["text", "item_title", "voted"], "item_text", mask, also)
    chosen = set(frame.loc[mask, "id"])
    return _ordered([d for d in register.decisions if d.id in chosen])


def owner_matches(name: str, owners: Sequence[str]) -> bool:
    """Does a name ('Jane Smith', 'Smith', 'Jane' or 'Ms Okafor') name one of the owners?"""
    wanted = strip_title(name).lower().split()
    if not wanted:
        return False
    for owner in owners:
        have = owner.lower().split()
        if wanted == have:
            return True
        if len(wanted) == 1 and (wanted[0] == have[0] or surname_close(wanted[0], have[-1])):
            return True
        if len(wanted) >= 2 and wanted[0] == have[0] and surname_close(wanted[-1], have[-1]):
            return True
    return False


def actions(
    register: Register,
    owner: str | None = None,
    topic: str | None = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[Action]:
    """Actions from the minutes, oldest first, by owner, topic and status ('open' or 'done')."""
    frame = register.frame("actions")
    if frame.empty:
        return []
    mask = _in_range(frame["meeting_date"], date_from, date_to)
    if owner:
        mask &= frame["owners"].map(lambda owners: owner_matches(owner, owners)).astype(bool)
    if status:
        mask &= frame["status"].str.lower() == status.lower()
    if topic:
        mask = _about(frame, topic, ["task", "item_title"], "context", mask)
    chosen = set(frame.loc[mask, "id"])
    return _ordered([a for a in register.actions if a.id in chosen])


def _ordered(records: list[Any]) -> list[Any]:
    return sorted(records, key=lambda r: (r.meeting_date, span(r.locator)[0]))


def meeting(register: Register, date: str) -> Meeting | None:
    """The meeting held on a date ('2013-04-19', '19 April 2013', 'October 2017'), or None."""
    exact, month = meeting_dates(date)
    for m in register.meetings:
        if exact and m.meeting_date == exact:
            return m
        if month and m.meeting_date.startswith(month):
            return m
    return None


def timeline(
    topic: str, chunks: Sequence[Chunk], date_from: str | None = None, date_to: str | None = None
) -> list[TimelineEntry]:
    """What all the papers (not only minutes) say about a topic, meeting by meeting, cited."""
    return _timeline(topic, chunks, date_from=date_from, date_to=date_to)


# --- LangChain ---------------------------------------------------------------------


class DecisionsArgs(BaseModel):
    topic: str | None = Field(
        None,
        description="What the decision is about, e.g. 'CCTV' or 'the youth offending service'.",
    )
    date_from: str | None = Field(None, description="Earliest meeting date, ISO (YYYY-MM-DD).")
    date_to: str | None = Field(None, description="Latest meeting date, ISO (YYYY-MM-DD).")


class ActionsArgs(BaseModel):
    owner: str | None = Field(
        None, description="Who owns the action, e.g. 'Jane Smith', 'Ms Okafor' or 'the Clerk'."
    )
    topic: str | None = Field(None, description="What the action is about.")
    status: str | None = Field(None, description="'open' or 'done'.")


class MeetingArgs(BaseModel):
    date: str = Field(
        ..., description="The meeting's date: '2013-04-19', '19 April 2013' or 'October 2017'."
    )


class TimelineArgs(BaseModel):
    topic: str = Field(
        ...,
        description="The subject to follow across meetings, e.g. 'CCTV' or 'the youth offending service'.",
    )


def as_langchain_tools(register: Register, chunks: ChunkSource = ()) -> list[Any]:
    """The four tools as LangChain ``StructuredTool``s returning JSON rows with provenance."""
    from langchain_core.tools import StructuredTool

    def _chunks() -> Sequence[Chunk]:
        return chunks() if callable(chunks) else chunks

    def decisions_tool(
        topic: str | None = None, date_from: str | None = None, date_to: str | None = None
    ) -> list[dict[str, Any]]:
        return [d.to_dict() for d in decisions(register, topic, date_from, date_to)]

    def actions_tool(
        owner: str | None = None, topic: str | None = None, status: str | None = None
    ) -> list[dict[str, Any]]:
        return [a.to_dict() for a in actions(register, owner, topic, status)]

    def meeting_tool(date: str) -> dict[str, Any] | None:
        found = meeting(register, date)
        return found.to_dict() if found else None

    def timeline_tool(topic: str) -> list[dict[str, Any]]:
        return [e.to_dict() for e in timeline(topic, _chunks())]

    return [
        StructuredTool.from_function(
            decisions_tool,
            name="decisions",
            description="Decisions the board recorded in its minutes (RESOLVED, agreed, endorsed, "
            "approved, supported, noted, deferred), oldest first, with meeting, item and lines.",
            args_schema=DecisionsArgs,
        ),
        StructuredTool.from_function(
            actions_tool,
            name="actions",
            description="Actions from the minutes: owners, task, due, status ('open'/'done'), "
            "and where each is minuted.",
            args_schema=ActionsArgs,
        ),
        StructuredTool.from_function(
            meeting_tool,
            name="meeting",
            description="One meeting: date, venue, chair, members present, also present, "
            "apologies, agenda items.",
            args_schema=MeetingArgs,
        ),
        StructuredTool.from_function(
            timeline_tool,
            name="timeline",
            description="What all the papers say about a topic, meeting by meeting, oldest "
            "first, with citations.",
            args_schema=TimelineArgs,
        ),
    ]
