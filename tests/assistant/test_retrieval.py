"""Hybrid retrieval: fusion order, date and type filters, and the right passage first."""

from __future__ import annotations

import pytest

from board.records import Chunk, Locator
from board.routing import Filters
from board.text import embedding_text
from retrieval.embedder import FakeEmbedder
from retrieval.search import Retriever, passes, reciprocal_rank_fusion
from retrieval.vectorstore import MemoryStore

# --- reciprocal rank fusion ---------------------------------------------------------------------


def test_an_item_ranked_well_by_both_beats_items_ranked_first_by_only_one() -> None:
    fused = reciprocal_rank_fusion([["dense-only", "both"], ["bm25-only", "both"]], k=60)

    assert [item for item, _ in fused] == ["both", "bm25-only", "dense-only"]


def test_fused_scores_are_sums_of_reciprocal_ranks() -> None:
    fused = dict(reciprocal_rank_fusion([["a", "b", "c"], ["b"]], k=60))

    assert fused["a"] == pytest.approx(1 / 61)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["c"] == pytest.approx(1 / 63)


def test_ties_are_broken_by_id_so_results_are_repeatable() -> None:
    fused = reciprocal_rank_fusion([["z"], ["m"], ["a"]])

    assert [item for item, _ in fused] == ["a", "m", "z"]
    assert len({score for _, score in fused}) == 1


def test_smaller_k_favours_the_top_ranks_more() -> None:
    rankings = [["a", "b", "c", "d"], ["d", "c", "b", "a"], ["a"]]

    assert reciprocal_rank_fusion(rankings, k=1)[0][0] == "a"
    assert dict(reciprocal_rank_fusion(rankings, k=1))["a"] == pytest.approx(1 / 2 + 1 / 5 + 1 / 2)


def test_no_rankings_fuse_to_nothing() -> None:
    assert reciprocal_rank_fusion([[], []]) == []


# --- hand-made chunks ---------------------------------------------------------------------------


def make_chunk(
    source: str,
    text: str,
    line: int,
    meeting_date: str | None,
    paper_type: str = "minutes",
    section: str = "Minutes",
) -> Chunk:
    n = len(text.split("\n"))
    locator = Locator(None, line, line + n - 1)
    return Chunk(
        id=Chunk.make_id(source, text, locator),
        source=source,
        doc_title=source,
        title=section.split(" > ")[0],
        paper_type=paper_type,
        meeting_date=meeting_date,
        section=section,
        agenda_item=None,
        text=text,
        line_start=line,
        line_end=line + n - 1,
        line_numbers=tuple(range(line, line + n)),
    )


BURGLARY = make_chunk(
    "2013-07-19_scpb_pack.txt",
    "ACTION: James Mass agreed to find out who chairs the Police Property Crime & Burglary Group.",
    89,
    "2013-04-19",
    section="Minutes of the meeting of 19 April 2013 > 6.1 Property crime",
)
DOMESTIC_VIOLENCE = make_chunk(
    "2013-07-19_scpb_pack.txt",
    "Adrian Usher explained that Domestic Violence crimes in the borough increased by 12%.",
    101,
    "2013-04-19",
    section="Minutes of the meeting of 19 April 2013 > 6.3 Violent Crime (DV)",
)
CCTV = make_chunk(
    "2018-01-26_scpb_pack.txt",
    "The CCTV control room handled 3000 incidents and passed 400 to the police.",
    370,
    "2018-01-26",
    paper_type="report",
    section="Item 7: Barnet CCTV and ANPR Update > Number of Incidents",
)
DV_2018 = make_chunk(
    "2018-01-26_scpb_pack.txt",
    "Domestic Violence with injury offences rose by 4% in the recent 12 months.",
    306,
    "2018-01-26",
    paper_type="report",
    section="Item 6: Police Update > Domestic Violence - Violence with injury",
)
STRATEGY = make_chunk(
    "2011-2014_safer_communities_strategy.txt",
    "Priority 3: tackle violent crime with a special focus on domestic violence.",
    120,
    None,
    paper_type="strategy",
    section="Safer Communities Strategy 2011-2014 > Priority 3",
)
CHUNKS = [BURGLARY, DOMESTIC_VIOLENCE, CCTV, DV_2018, STRATEGY]


@pytest.fixture
def retriever() -> Retriever:
    embedder = FakeEmbedder()
    store = MemoryStore()
    store.add(
        [c.id for c in CHUNKS],
        embedder.embed([embedding_text(c) for c in CHUNKS], "passage"),
        [{} for _ in CHUNKS],
    )
    return Retriever(CHUNKS, embedder, store)


def test_passes_keeps_chunks_inside_the_date_range_inclusive() -> None:
    assert passes(BURGLARY, Filters(date_from="2013-04-19", date_to="2013-04-19"))
    assert not passes(BURGLARY, Filters(date_from="2013-04-20"))
    assert not passes(BURGLARY, Filters(date_to="2013-04-18"))
    assert passes(CCTV, Filters(date_from="2018-01-01"))


def test_an_undated_paper_is_outside_any_date_range_but_inside_no_range() -> None:
    assert passes(STRATEGY, Filters())
    assert passes(STRATEGY, Filters(paper_type="strategy"))
    assert not passes(STRATEGY, Filters(date_from="2000-01-01"))
    assert not passes(STRATEGY, Filters(date_to="2030-12-31"))


def test_passes_filters_by_paper_type() -> None:
    assert passes(CCTV, Filters(paper_type="report"))
    assert not passes(CCTV, Filters(paper_type="minutes"))
    assert not passes(CCTV, Filters(date_from="2018-01-01", paper_type="minutes"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who chairs the Police Property Crime and Burglary Group?", BURGLARY),
        ("How many incidents did the CCTV control room handle?", CCTV),
        ("What was the priority for violent crime in the strategy?", STRATEGY),
    ],
)
def test_retriever_puts_the_passage_that_answers_first(
    retriever: Retriever, question: str, expected: Chunk
) -> None:
    hits = retriever.search(question)

    assert hits[0].chunk == expected
    assert hits[0].lexical is not None and hits[0].dense is not None
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_retriever_respects_from_and_to(retriever: Retriever) -> None:
    question = "Did domestic violence increase?"

    unfiltered = {h.chunk.id for h in retriever.search(question)}
    in_2013 = retriever.search(question, Filters(date_from="2013-01-01", date_to="2013-12-31"))
    in_2018 = retriever.search(question, Filters(date_from="2018-01-01"))

    assert {DOMESTIC_VIOLENCE.id, DV_2018.id} <= unfiltered
    assert in_2013[0].chunk == DOMESTIC_VIOLENCE
    assert {h.chunk.meeting_date for h in in_2013} == {"2013-04-19"}
    assert in_2018[0].chunk == DV_2018
    assert {h.chunk.meeting_date for h in in_2018} == {"2018-01-26"}


def test_retriever_respects_paper_type(retriever: Retriever) -> None:
    hits = retriever.search("domestic violence", Filters(paper_type="strategy"))

    assert [h.chunk for h in hits] == [STRATEGY]


def test_retriever_returns_at_most_k_and_records_timings(retriever: Retriever) -> None:
    timings: dict[str, float] = {}

    hits = retriever.search("crime in the borough", k=2, timings=timings)

    assert len(hits) == 2
    assert set(timings) == {"embed_query", "dense", "bm25"}


def test_a_range_with_no_papers_finds_nothing(retriever: Retriever) -> None:
    assert retriever.search("burglary", Filters(date_from="2021-04-01", date_to="2022-03-31")) == []


def test_a_word_no_passage_contains_weighs_most(retriever: Retriever) -> None:
    assert retriever.idf("edgware") > retriever.idf("cctv") > retriever.idf("domestic")
