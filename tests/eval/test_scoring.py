"""The scorer's verdicts on answers a user would judge right or wrong."""

from __future__ import annotations

from typing import Any

import pytest

from eval.answer_checks import (
    date_matches,
    direction_agrees,
    key_fact_recall,
    normalise,
    value_matches,
)
from eval.citation_checks import (
    citation_scores,
    parse_locator,
    uncited_number_rate,
    uncited_numbers,
)
from eval.gold import AnswerValue, Evidence, GoldItem, KeyFact
from eval.numbers import parse_dates, parse_numbers
from eval.retrieval_metrics import mrr_at_k, ndcg_at_k, recall_at_k, retrieval_scores
from eval.scoring import ItemScore, aggregate, bootstrap_interval, score_item

PACK = "2013-01-15_scpb_pack.txt"
ROW = "Residential Burglary\t-6 %\t12%\t2550\t2576"


def matches(value: float, unit: str, answer: str, precision: int | None = None, **kw: Any) -> bool:
    return value_matches(AnswerValue(value, unit, precision), parse_numbers(answer), **kw)


def burglary_gold(**changes: Any) -> GoldItem:
    data: dict[str, Any] = {
        "id": "p13a-017",
        "question": "How many residential burglaries were recorded?",
        "category": "table_figure",
        "answerable": True,
        "answer_values": [{"value": 2576, "unit": "count", "source_precision": 0}],
        "key_facts": [{"fact": "2,576", "aliases": ["2576"]}],
        "evidence": [{"source": PACK, "lines": [313, 313], "quote": ROW}],
    }
    data.update(changes)
    return GoldItem.from_dict(data)


UNANSWERABLE = GoldItem(
    id="u-1", question="How many burglaries in 2025?", category="unanswerable", answerable=False
)


def answer(text: str, status: str = "answered", locator: str = "lines 313-313", **kw: Any) -> dict:
    cites = [{"n": 1, "source": PACK, "title": "Pack", "meeting_date": "2013-01-15",
              "locator": locator, "quote": ROW}]  # fmt: skip
    return {"status": status, "answer": text, "citations": cites if locator else [], **kw}


# ------------------------------------------------------------ value_matches


def test_count_with_thousands_comma_matches() -> None:
    assert matches(4912, "count", "There were 4,912 offences [1].")
    assert not matches(4912, "count", "There were 4,913 offences [1].")


def test_citation_marker_is_not_read_as_the_value() -> None:
    assert not matches(3, "count", "Robbery fell [3].")


def test_percent_is_not_percentage_points_and_vice_versa() -> None:
    assert not matches(6.5, "percentage_points", "Rape rose 6.5% [1].")
    assert matches(6.5, "percentage_points", "The rate rose 6.5 percentage points [1].")
    assert matches(6.5, "percentage_points", "The rate rose 6.5% points [1].")
    assert not matches(6.5, "percent", "The rate rose 6.5 percentage points [1].")
    assert matches(6.5, "percent", "Rape rose 6.5% [1].")


def test_table_value_is_compared_at_the_source_precision() -> None:
    assert matches(18.9, "percent", "The rate was 18.94%.", precision=1)
    assert not matches(18.9, "percent", "The rate was 19%.", precision=1)
    assert not matches(18.9, "percent", "The rate was 18.8%.", precision=1)


def test_derived_value_tolerance_is_0_15_percent() -> None:
    assert matches(3.3, "percent", "a rise of 3.304%", derived=True)  # 0.12% off
    assert not matches(3.3, "percent", "a rise of 3.31%", derived=True)  # 0.30% off


def test_counts_are_exact_even_when_derived() -> None:
    assert matches(26, "count", "26 more burglaries", derived=True)
    assert not matches(2000, "count", "2,002 more burglaries", derived=True)  # 0.1% off


def test_money_needs_a_money_or_plain_figure() -> None:
    assert matches(28_000_000, "gbp", "It will save about £28 million [2].", precision=0)
    assert not matches(28, "gbp", "It will save 28% [2].")


def test_sign_is_left_to_direction_words() -> None:
    assert matches(-4.6, "percent", "Most serious violence fell by 4.6% [1].", precision=1)


def test_date_matches_at_gold_granularity() -> None:
    dates = parse_dates("The board met on 15 January 2013.")
    assert date_matches("2013-01-15", dates)
    assert date_matches("2013-01", dates)
    assert date_matches(2013, dates)
    assert not date_matches("2013-01-16", dates)
    assert not date_matches("2012", dates)


# ------------------------------------------------------------ direction


def test_fell_disagrees_with_gold_increase() -> None:
    assert not direction_agrees("increase", "Robbery fell by 3.3% [1].")
    assert direction_agrees("decrease", "Robbery fell by 3.3% [1].")


def test_negative_figure_signals_decrease() -> None:
    assert direction_agrees("decrease", "Change: -3.3% [1].")
    assert not direction_agrees("increase", "Change: -3.3% [1].")


def test_set_up_and_up_to_are_not_rises() -> None:
    assert not direction_agrees("increase", "Set up costs of £15,000, up to 27% savings [1].")
    assert direction_agrees("increase", "Burglary was up 1.0% on last year [1].")


def test_no_gold_direction_always_agrees() -> None:
    assert direction_agrees(None, "Robbery fell.")


def test_mixed_answer_agrees_when_gold_direction_is_not_outnumbered() -> None:
    text = "Residential burglary rose by 1.0%, although robbery fell [1]."
    assert direction_agrees("increase", text)
    assert not direction_agrees("increase", "Robbery fell and vehicle crime decreased.")


# ------------------------------------------------------------ key facts


def test_key_fact_recall_normalises_titles_quotes_and_ampersand() -> None:
    facts = [
        KeyFact("Councillor David Longstaff"),
        KeyFact("Safer Communities & Partnership Board"),
        KeyFact("“Reducing re-offending”"),
        KeyFact("Dr Who"),
    ]
    text = (
        "Cllr David Longstaff chaired the Safer Communities and Partnership Board: "
        "'reducing re offending'."
    )
    assert key_fact_recall(facts, text) == 0.75


def test_key_fact_alias_counts_and_whole_words_only() -> None:
    assert key_fact_recall([KeyFact("2,576", ("2576",))], "2576 burglaries") == 1.0
    assert key_fact_recall([KeyFact("12")], "In 2012 there were none.") == 0.0
    assert key_fact_recall([], "anything") is None


def test_normalise_keeps_decimals_and_percent() -> None:
    assert normalise("Rape rose 6.5 per cent, to 2,576!") == "rape rose 6.5 % to 2576"


# ------------------------------------------------------------ citations


def test_parse_locator_reads_first_lines_and_page() -> None:
    place = parse_locator(PACK, 'lines 301-305, table t3f9a row "Residential Burglary"')
    assert (place.line_start, place.line_end, place.page) == (301, 305, None)
    assert parse_locator("a.pdf", "page 4").page == 4
    assert (parse_locator(PACK, "line 97").line_start, parse_locator(PACK, "line 97").line_end) == (
        97,
        97,
    )


def test_citation_scores_document_and_locator_level() -> None:
    evidence = [Evidence(PACK, (313, 313)), Evidence(PACK, (331, 331)), Evidence("b.txt", (5, 9))]
    citations = [
        {"source": PACK, "locator": "lines 310-314"},  # hits 313
        {"source": PACK, "locator": "line 500"},  # right paper, wrong place
        {"source": "c.txt", "locator": "lines 1-2"},  # wrong paper
    ]
    scores = citation_scores(citations, evidence)
    assert scores.doc_precision == pytest.approx(1 / 2)
    assert scores.doc_recall == pytest.approx(1 / 2)
    assert scores.locator_precision == pytest.approx(1 / 3)
    assert scores.locator_recall == pytest.approx(1 / 3)
    assert scores.locator_hit


def test_citation_on_the_same_page_hits() -> None:
    scores = citation_scores(
        [{"source": "a.pdf", "locator": "page 4"}], [Evidence("a.pdf", page=4)]
    )
    assert scores.locator_hit and scores.locator_precision == 1.0


def test_no_citations_means_no_hit_and_zero_recall() -> None:
    scores = citation_scores([], [Evidence(PACK, (313, 313))])
    assert (scores.locator_hit, scores.doc_recall, scores.doc_precision) == (False, 0.0, None)


# ------------------------------------------------------------ uncited numbers


def test_figure_missing_from_every_quote_is_uncited() -> None:
    text = "Residential burglary rose 1.5% to 2,576 from 2,550 [1]."
    citations = [{"quote": ROW}]  # holds 2550 and 2576; 1.5% is neither quoted nor computed
    assert [n.text for n in uncited_numbers(text, citations)] == ["1.5%"]
    assert uncited_number_rate(text, citations) == pytest.approx(1 / 3)


def test_figures_computed_from_two_cited_figures_are_not_uncited() -> None:
    citations = [{"quote": "This Year\t771"}, {"quote": "Last Year\t807"}]
    assert uncited_numbers("771 against 807, down 36 (down 4.5%) [1][2]", citations) == []
    assert [n.text for n in uncited_numbers("down 37 (down 4.6%)", citations)] == ["37", "4.6%"]
    spend = [{"quote": "Police\t£38,690,000"}, {"quote": "Council\t£ 4,781,825"}]
    assert uncited_numbers("£38,690,000 ÷ £4,781,825 = 8.09", spend) == []
    assert uncited_numbers("8.1 times", spend) == []  # 8.09 at the precision shown
    assert [n.text for n in uncited_numbers("8.5 times", spend)] == ["8.5"]
    # a figure that only happens to equal a difference of two quoted ones is still uncited
    assert [n.text for n in uncited_numbers("There were 36 [1][2].", citations)] == ["36"]
    rates = [{"quote": "DV SD rate\t44.1%\t51.9%"}]
    assert uncited_numbers("down 7.8 percentage points", rates) == []
    assert [n.text for n in uncited_numbers("7.8", rates)] == ["7.8"]  # a count is not points


def test_quoted_figure_matches_at_the_precision_the_answer_shows() -> None:
    assert uncited_number_rate("about £2.4 million [1]", [{"quote": "£2,352,000"}]) == 0.0
    assert uncited_number_rate("£2.35 million [1]", [{"quote": "£2,352,000"}]) == 0.0
    assert uncited_number_rate("£2.36 million [1]", [{"quote": "£2,352,000"}]) == 1.0


def test_answer_without_figures_has_no_uncited_rate() -> None:
    assert uncited_number_rate("The board agreed the strategy [1].", [{"quote": ROW}]) is None


# ------------------------------------------------------------ retrieval


def passage(source: str, start: int, end: int) -> dict[str, Any]:
    return {"source": source, "line_start": start, "line_end": end, "page": None}


def test_retrieval_metrics_on_a_ranked_list() -> None:
    evidence = [Evidence(PACK, (313, 313)), Evidence(PACK, (331, 331))]
    ranked = [passage(PACK, 1, 20), passage(PACK, 300, 320), passage(PACK, 310, 315)]
    ranked += [passage(PACK, 330, 340)]
    assert recall_at_k(ranked, evidence, 1) == 0.0
    assert recall_at_k(ranked, evidence, 5) == 1.0
    assert mrr_at_k(ranked, evidence, 10) == 0.5
    # gains at ranks 2 and 4 (rank 3 repeats 313); ideal has them at ranks 1 and 2
    expected = (1 / 1.584962500721156 + 1 / 2.321928094887362) / (1 + 1 / 1.584962500721156)
    assert ndcg_at_k(ranked, evidence, 10) == pytest.approx(expected)
    scores = retrieval_scores(ranked, evidence)
    assert set(scores) == {"recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10"}


def test_retrieval_finds_nothing_outside_the_top_k() -> None:
    evidence = [Evidence(PACK, (313, 313))]
    ranked = [passage("other.txt", 313, 313)] * 10 + [passage(PACK, 313, 313)]
    assert recall_at_k(ranked, evidence, 10) == 0.0
    assert mrr_at_k(ranked, evidence, 10) == 0.0


# ------------------------------------------------------------ score_item


def test_right_value_with_a_hitting_citation_is_strictly_correct() -> None:
    score = score_item(burglary_gold(), answer("There were 2,576 residential burglaries [1]."))
    assert score.answer_correct and score.locator_hit and score.strict_correct
    assert score.values_matched == 1 and score.missing_values == ()


def test_right_value_cited_in_the_wrong_place_is_not_strictly_correct() -> None:
    score = score_item(burglary_gold(), answer("There were 2,576 [1].", locator="lines 900-901"))
    assert score.answer_correct and not score.strict_correct


def test_wrong_value_is_wrong_and_named() -> None:
    score = score_item(burglary_gold(), answer("There were 2,550 residential burglaries [1]."))
    assert not score.answer_correct
    assert score.missing_values == ("2576 count",)


def test_direction_gates_correctness() -> None:
    gold = burglary_gold(
        answer_values=[{"value": 1.0, "unit": "percent", "source_precision": 1}],
        direction="increase",
    )
    assert score_item(gold, answer("Burglary rose 1.0% [1].")).answer_correct
    wrong = score_item(gold, answer("Burglary fell 1.0% [1]."))
    assert not wrong.answer_correct and wrong.direction_ok is False


def test_key_facts_gate_only_items_without_values() -> None:
    facts = [{"fact": "Hendon Town Hall"}, {"fact": "David Longstaff"}, {"fact": "quorum"}]
    gold = burglary_gold(answer_values=[], key_facts=facts, category="meeting")
    assert score_item(
        gold, answer("At Hendon Town Hall, chaired by Cllr David Longstaff [1].")
    ).answer_correct
    assert not score_item(gold, answer("At Hendon Town Hall [1].")).answer_correct  # 1/3 < 0.5


def test_unanswerable_answered_is_a_hallucination() -> None:
    score = score_item(UNANSWERABLE, answer("There were 12 burglaries [1]."))
    assert score.hallucination and not score.answer_correct and not score.strict_correct


def test_unanswerable_declined_is_correct_without_citations() -> None:
    score = score_item(UNANSWERABLE, answer("Not found in the papers.", "not_found", locator=""))
    assert score.answer_correct and score.strict_correct and not score.hallucination


def test_answerable_declined_is_a_false_refusal() -> None:
    score = score_item(burglary_gold(), answer("Not found.", "not_found", locator=""))
    assert score.false_refusal and not score.answer_correct


def test_latency_comes_from_timings_when_not_given() -> None:
    score = score_item(burglary_gold(), answer("2,576 [1]", timings_ms={"total": 40.1}))
    assert score.latency_ms == 40.1
    assert score_item(burglary_gold(), answer("2,576 [1]"), latency_ms=7.0).latency_ms == 7.0


def test_item_score_to_dict_is_json_ready() -> None:
    data = score_item(
        burglary_gold(), answer("2,576 [1]"), retrieved=[passage(PACK, 313, 313)]
    ).to_dict()
    assert data["item_id"] == "p13a-017" and data["retrieval"]["recall@1"] == 1.0


# ------------------------------------------------------------ aggregate


def scored(category: str, strict: bool, **kw: Any) -> ItemScore:
    base: dict[str, Any] = dict(
        item_id=f"{category}-{strict}", category=category, answerable=True, status="answered",
        answer_correct=strict, strict_correct=strict, locator_hit=strict, values_matched=0,
        values_total=0, missing_values=(), direction_ok=None, key_fact_recall=None,
        doc_precision=1.0, doc_recall=1.0, locator_precision=None, locator_recall=None,
        figures=2, uncited_figures=1, uncited_number_rate=0.5, hallucination=False,
        false_refusal=False, retrieval=None, latency_ms=None,
    )  # fmt: skip
    base.update(kw)
    return ItemScore(**base)


def test_bootstrap_interval_contains_the_mean_and_is_repeatable() -> None:
    outcomes = [1.0] * 7 + [0.0] * 3
    low, high = bootstrap_interval(outcomes)  # type: ignore[misc]
    assert low < 0.7 < high
    assert bootstrap_interval(outcomes) == (low, high)
    assert bootstrap_interval([1.0, 1.0]) == (1.0, 1.0)
    assert bootstrap_interval([]) is None


def test_aggregate_counts_by_category_and_headline() -> None:
    scores = [
        scored("table_figure", True, latency_ms=10.0),
        scored("table_figure", False, answer_correct=True, latency_ms=20.0),
        scored("table_figure", False, status="not_found", false_refusal=True, latency_ms=30.0),
        scored("unanswerable", True, answerable=False, status="not_found"),
        scored("unanswerable", False, answerable=False, hallucination=True),
    ]
    report = aggregate(scores, categories=["table_figure", "unanswerable", "timeline"])
    rows = {row["category"]: row for row in report["by_category"]}
    assert rows["table_figure"]["n"] == 3 and rows["table_figure"]["strict_correct"] == 1
    assert rows["table_figure"]["answer_accuracy"] == pytest.approx(2 / 3)
    assert rows["timeline"]["n"] == 0 and rows["timeline"]["strict_accuracy"] is None
    head = report["headline"]
    assert head["strict_accuracy"] == pytest.approx(2 / 5)
    assert head["answer_accuracy"] == pytest.approx(3 / 5)
    low, high = head["strict_accuracy_ci95"]
    assert low <= 0.4 <= high
    assert report["abstention"]["hallucination_rate"] == 0.5
    assert report["abstention"]["false_refusal_rate"] == pytest.approx(1 / 3)
    assert report["numbers"]["uncited_number_rate"] == 0.5
    assert report["latency_ms"]["p50"] == 20.0 and report["retrieval"]["n"] == 0
