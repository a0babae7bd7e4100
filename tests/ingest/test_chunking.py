"""Chunking: passages that fit the model, keep table rows whole and point at the right lines."""

from __future__ import annotations

from board.records import Chunk, Document, Line, Section
from board.text import embedding_text, is_table_row
from ingest.chunking import chunk_document, chunk_section
from ingest.segment import segment
from retrieval.embedder import FakeEmbedder
from tests.profiles import BARNET

count = FakeEmbedder().count_tokens
MAX_TOKENS = 60
DOC = Document(
    source="pack.txt",
    title="Board pack",
    paper_type="report",
    meeting_date="2013-07-19",
    sha256="0",
)


def lines_of(text: str, first: int = 1, page: int | None = None) -> list[Line]:
    return [Line(t, i, page) for i, t in enumerate(text.split("\n"), start=first)]


def section_of(lines: list[Line], heading: str = "Crime figures") -> Section:
    return Section(
        source=DOC.source,
        title="Item 9: Partnership Performance",
        paper_type="report",
        meeting_date="2013-07-19",
        heading_path=("Item 9: Partnership Performance", heading),
        agenda_item="9",
        lines=tuple(lines),
    )


def chunks_of(text: str, max_tokens: int = MAX_TOKENS) -> list[Chunk]:
    return chunk_section(DOC, section_of(lines_of(text)), count, max_tokens)


SENTENCES = " ".join(
    f"Officers from ward {n} reported {n} fewer burglaries than last quarter." for n in range(1, 9)
)
ONE_LONG_SENTENCE = "The board " + " ".join(f"noted item {n}" for n in range(1, 40)) + "."
HEADER = "Crime\tBaseline\tThis year\tChange"
ROWS = [f"Crime type {n}\t{100 + n}\t{90 + n}\t-{n}%" for n in range(1, 13)]
LONG_ROW = "Notes\t" + "\t".join(f"remark {n} on the data" for n in range(1, 25))
PAPER = "\n".join(
    [
        "The Board noted the quarterly figures.",
        "",
        SENTENCES,
        "",
        ONE_LONG_SENTENCE,
        "",
        HEADER,
        *ROWS,
        "",
        LONG_ROW,
        "",
        "The Chairman thanked officers for the report.",
    ]
)
SOURCE = {line.number: line.text for line in lines_of(PAPER)}


def model_tokens(chunk: Chunk) -> int:
    return count(embedding_text(chunk)) + 2  # [CLS] and [SEP]


def test_no_chunk_exceeds_the_budget_with_its_heading_context_except_a_lone_table_row() -> None:
    chunks = chunks_of(PAPER)

    over = [c for c in chunks if model_tokens(c) > MAX_TOKENS]
    assert over, "the fixture should hold one table row longer than the budget"
    assert [c.text for c in over] == [LONG_ROW]  # stands alone, whole
    assert len(chunks) > 5


def test_every_word_of_the_paper_is_in_some_chunk() -> None:
    words = " ".join(c.text for c in chunks_of(PAPER)).split()

    assert set(PAPER.split()) <= set(words)


def test_a_table_row_is_never_split_across_chunks() -> None:
    chunks = chunks_of(PAPER)
    table_lines = [ln for c in chunks for ln in c.text.split("\n") if is_table_row(ln)]

    # Every row whole, nothing cut; each data row once, in order.
    assert set(table_lines) == {HEADER, *ROWS, LONG_ROW}
    assert [ln for ln in table_lines if ln != HEADER] == [*ROWS, LONG_ROW]


def test_a_table_running_over_chunks_repeats_its_header_row() -> None:
    table_chunks = [c for c in chunks_of(PAPER) if any(row in c.text for row in ROWS)]

    assert len(table_chunks) >= 2, "the fixture table should span chunks"
    for chunk in table_chunks:
        first_row = next(ln for ln in chunk.text.split("\n") if is_table_row(ln))
        assert chunk.is_table
        assert first_row == HEADER


def test_chunks_carry_their_section_paper_and_date() -> None:
    chunk = chunks_of(PAPER)[0]

    assert chunk.section == "Item 9: Partnership Performance > Crime figures"
    assert chunk.title == "Item 9: Partnership Performance"
    assert chunk.doc_title == "Board pack"
    assert (chunk.paper_type, chunk.meeting_date, chunk.agenda_item) == (
        "report",
        "2013-07-19",
        "9",
    )
    assert embedding_text(chunk).startswith("Item 9: Partnership Performance > Crime figures\n")


def test_chunk_ids_are_stable_across_runs() -> None:
    assert [c.id for c in chunks_of(PAPER)] == [c.id for c in chunks_of(PAPER)]


def test_editing_one_line_changes_only_the_id_of_the_chunk_holding_it() -> None:
    before = chunks_of(PAPER)
    after = chunks_of(PAPER.replace("The Chairman thanked officers", "The Chair thanked officers"))

    changed = [(b.text, a.text) for b, a in zip(before, after, strict=True) if b.id != a.id]
    assert len(changed) == 1
    assert "The Chair thanked officers" in changed[0][1]


def test_same_text_in_another_file_has_another_id() -> None:
    other = Document(
        source="other.txt", title="Board pack", paper_type="report", meeting_date=None, sha256="1"
    )
    section = section_of(lines_of(PAPER))

    ids = {c.id for c in chunk_section(DOC, section, count, MAX_TOKENS)}
    other_ids = {c.id for c in chunk_section(other, section, count, MAX_TOKENS)}

    assert ids.isdisjoint(other_ids)


def test_line_numbers_point_at_the_lines_of_the_file() -> None:
    for chunk in chunks_of(PAPER):
        texts = chunk.text.split("\n")
        assert len(chunk.line_numbers) == len(texts)
        assert chunk.line_start == chunk.line_numbers[0]
        assert chunk.line_end == chunk.line_numbers[-1]
        for text, number in zip(texts, chunk.line_numbers, strict=True):
            assert text in SOURCE[number]  # the line itself, or one sentence of a long line


def test_a_repeated_header_row_keeps_its_own_line_number() -> None:
    header_line = next(n for n, text in SOURCE.items() if text == HEADER)

    for chunk in chunks_of(PAPER):
        for text, number in zip(chunk.text.split("\n"), chunk.line_numbers, strict=True):
            if text == HEADER:
                assert number == header_line


def test_pdf_chunks_never_cross_a_page() -> None:
    page_one = lines_of("Burglary fell by 6 per cent.\nRobbery was stable.", page=1)
    page_two = lines_of("Knife crime rose.\nThe board asked for a report.", page=2)

    chunks = chunk_section(DOC, section_of(page_one + page_two), count, 256)

    assert [(c.page, c.text) for c in chunks] == [
        (1, "Burglary fell by 6 per cent.\nRobbery was stable."),
        (2, "Knife crime rose.\nThe board asked for a report."),
    ]
    assert all(c.line_start is None and c.line_end is None for c in chunks)
    assert str(chunks[1].locator) == "page 2"


# --- small sections -----------------------------------------------------------------------------

MINUTES = """Minutes of meeting held on 19 April 2013

3 Minutes of 15 January 2013

The minutes of the meeting held on 15 January 2013 were agreed as a correct record.

4 Matters Arising

None

5 Board Membership Proposition

The Chairman asked all attendees for their approval of Dr Simon Harding becoming a Board Member. \
Dr Harding leads criminology research at Middlesex University and has worked with the police on \
gangs, youth violence and the night time economy in the borough for several years.

6 Partnership Performance – Action Plan Update and End of Year Summary

6.1 Property crime

Adrian Usher reported that overall there had been a 1% overall reduction in burglary during 12/13.
"""


def minutes_chunks() -> list[Chunk]:
    doc = Document(
        source="minutes.txt",
        title="Minutes",
        paper_type="minutes",
        meeting_date="2013-04-19",
        sha256="0",
    )
    return chunk_document(doc, segment(doc, lines_of(MINUTES), profile=BARNET), count, 256)


def chunk_holding(chunks: list[Chunk], text: str) -> Chunk:
    return next(c for c in chunks if text in c.text)


def test_a_bare_heading_is_carried_into_the_next_section() -> None:
    chunk = chunk_holding(minutes_chunks(), "1% overall reduction in burglary")

    assert "6 Partnership Performance – Action Plan Update" in chunk.text
    assert chunk.agenda_item == "6.1"
    assert chunk.section.endswith("End of Year Summary > 6.1 Property crime")


def test_a_short_minutes_item_keeps_its_own_agenda_item() -> None:
    chunk = chunk_holding(minutes_chunks(), "were agreed as a correct record")

    assert chunk.agenda_item == "3"
    assert chunk.section.endswith("3 Minutes of 15 January 2013")
