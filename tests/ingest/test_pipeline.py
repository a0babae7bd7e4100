"""Incremental ingest: unchanged papers cost nothing, edits replace passages, failures lose none."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from ingest.pipeline import IngestReport, ingest
from retrieval.embedder import FakeEmbedder, TextKind
from retrieval.index import read_chunks, read_state
from retrieval.search import Retriever
from retrieval.vectorstore import ChromaStore, MemoryStore, VectorStore
from tests.profiles import BARNET

MINUTES = """Minutes of meeting held on 16 October 2012

5 Safer Communities Strategy - review of progress against objectives

5.1 Acquisitive crime

Adrian Usher reported that burglary fell by 6 per cent across Barnet during the quarter, \
with the largest falls in Hendon and Golders Green after the winter burglary campaign.

5.2 Antisocial behaviour

Pam Wharfe reported that litter complaints rose by 10 per cent compared with the Residents \
Survey and that grounds maintenance staff will work with street cleaners to take ownership.

5.3 Violent crime

Domestic violence offences rose by 12 per cent, but repeat victims fell thanks to the Victim \
Care Package run with the Domestic Violence Intervention Project in the borough.
"""

CCTV = """# CCTV update

The CCTV control room handled 3000 incidents in 2017 and passed 400 of them to the police \
for arrests, most of them in town centres on Friday and Saturday nights.

# ANPR cameras

More than 500 convicted thieves and burglars have been uploaded onto the ANPR system, and \
new cameras help deter and prevent crime involving vehicles across the borough.
"""


class CountingEmbedder(FakeEmbedder):
    """The fake embedder, recording every passage it embeds; can be told to crash."""

    def __init__(self) -> None:
        super().__init__(max_tokens=64)
        self.passages: list[str] = []
        self.crash = False

    def embed(self, texts: Sequence[str], kind: TextKind) -> np.ndarray:
        if kind == "passage":
            if self.crash:
                raise RuntimeError("embedding model ran out of memory")
            self.passages.extend(texts)
        return super().embed(texts, kind)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "cctv.md").write_text(CCTV, encoding="utf-8")
    return folder


@pytest.fixture
def index(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def embedder() -> CountingEmbedder:
    return CountingEmbedder()


@pytest.fixture(params=["memory", "chroma"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> VectorStore:
    return (
        MemoryStore() if request.param == "memory" else ChromaStore(tmp_path / "index" / "chroma")
    )


def run(corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore) -> IngestReport:
    embedder.passages.clear()
    return ingest([corpus], index, embedder, store, corpus=corpus, profile=BARNET)


def chunk_ids(index: Path) -> list[str]:
    return [c.id for c in read_chunks(index)]


def assert_index_consistent(index: Path, store: VectorStore) -> None:
    ids = chunk_ids(index)
    assert len(ids) == len(set(ids)), "duplicate chunks"
    assert set(ids) == store.ids(), "the vector store and chunks.jsonl disagree"
    state_ids = [i for f in read_state(index).files.values() for i in f.chunk_ids]
    assert sorted(state_ids) == sorted(ids)


def sources(index: Path) -> set[str]:
    return {c.source for c in read_chunks(index)}


def test_first_ingest_embeds_every_chunk(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    report = run(corpus, index, embedder, store)

    assert report.ok
    assert report.files == 2
    assert report.chunks == len(chunk_ids(index)) >= 4
    assert report.embedded == report.chunks == len(embedder.passages)
    assert sources(index) == {"minutes.txt", "cctv.md"}
    assert_index_consistent(index, store)


def test_second_ingest_with_nothing_changed_embeds_nothing(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    first = run(corpus, index, embedder, store)
    ids = chunk_ids(index)

    second = run(corpus, index, embedder, store)

    assert embedder.passages == []
    assert (second.embedded, second.unchanged, second.removed) == (0, 2, 0)
    assert second.chunks == first.chunks
    assert chunk_ids(index) == ids
    assert "0 embedded, 2 unchanged" in second.summary()


def test_editing_one_file_re_embeds_only_its_changed_chunks(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    run(corpus, index, embedder, store)
    before = {c.id: c for c in read_chunks(index)}
    (corpus / "minutes.txt").write_text(
        MINUTES.replace("rose by 12 per cent", "rose by 15 per cent")
    )

    report = run(corpus, index, embedder, store)

    assert report.embedded == len(embedder.passages) == 1
    assert "rose by 15 per cent" in embedder.passages[0]
    assert report.unchanged == 1  # cctv.md
    after = {c.id: c for c in read_chunks(index)}
    assert len(after) == len(before)
    assert not any("rose by 12 per cent" in c.text for c in after.values())  # no stale chunk
    assert len(set(before) - set(after)) == 1
    assert_index_consistent(index, store)


def test_removing_a_file_removes_its_chunks(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    run(corpus, index, embedder, store)
    (corpus / "cctv.md").unlink()

    report = run(corpus, index, embedder, store)

    assert report.removed == 1
    assert report.files == 1
    assert sources(index) == {"minutes.txt"}
    assert set(read_state(index).files) == {"minutes.txt"}
    assert_index_consistent(index, store)


def test_a_bad_file_is_skipped_with_a_reason_and_the_rest_ingest(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    (corpus / "scan.txt").write_bytes(b"caf\xe9 \xff\xfe not utf-8")
    (corpus / "figures.xlsx").write_bytes(b"PK\x03\x04")

    report = run(corpus, index, embedder, store)

    assert not report.ok
    assert sorted(str(f) for f in report.failures) == [
        "figures.xlsx: unsupported file type '.xlsx'",
        "scan.txt: not UTF-8 text (undecodable byte at offset 3); save it as UTF-8",
    ]
    assert "2 failed" in report.summary()
    assert sources(index) == {"minutes.txt", "cctv.md"}
    assert_index_consistent(index, store)


def test_a_good_file_that_gets_corrupted_keeps_its_previous_chunks(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    run(corpus, index, embedder, store)
    cctv_before = [c for c in read_chunks(index) if c.source == "cctv.md"]
    (corpus / "cctv.md").write_bytes(b"\x00\x01\x02 binary junk")

    report = run(corpus, index, embedder, store)

    assert [f.source for f in report.failures] == ["cctv.md"]
    assert [c for c in read_chunks(index) if c.source == "cctv.md"] == cctv_before
    assert_index_consistent(index, store)
    # ...and it stays that way on the next run, while the file is still broken.
    run(corpus, index, embedder, store)
    assert [c for c in read_chunks(index) if c.source == "cctv.md"] == cctv_before


def test_a_crash_mid_ingest_leaves_the_previous_index_searchable(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    run(corpus, index, embedder, store)
    chunks_file = (index / "chunks.jsonl").read_text()
    state_file = (index / "state.json").read_text()
    (corpus / "cctv.md").write_text(CCTV.replace("3000 incidents", "4000 incidents"))
    embedder.crash = True

    with pytest.raises(RuntimeError):
        run(corpus, index, embedder, store)

    assert (index / "chunks.jsonl").read_text() == chunks_file
    assert (index / "state.json").read_text() == state_file
    embedder.crash = False
    retriever = Retriever(read_chunks(index), embedder, store)
    hits = retriever.search("How many incidents did the CCTV control room handle?")
    assert "3000 incidents" in hits[0].chunk.text
    assert hits[0].dense is not None  # the vectors are still there
    # The next run picks the edit up.
    report = run(corpus, index, embedder, store)
    assert report.ok and report.embedded == 1
    assert any("4000 incidents" in c.text for c in read_chunks(index))
    assert_index_consistent(index, store)


def test_a_changed_embedder_rebuilds_everything(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    run(corpus, index, embedder, store)
    wider = CountingEmbedder()
    wider.max_tokens = 128

    report = run(corpus, index, wider, store)

    assert report.embedded == report.chunks == len(wider.passages)
    assert json.loads((index / "state.json").read_text())["chunker"].endswith("/128")
    assert_index_consistent(index, store)


def test_junk_with_a_utf16_bom_is_skipped_not_fatal(
    corpus: Path, index: Path, embedder: CountingEmbedder
) -> None:
    (corpus / "junk.txt").write_bytes(b"\xff\xfe" + bytes(range(256)) * 4)

    report = run(corpus, index, embedder, MemoryStore())

    assert [f.source for f in report.failures] == ["junk.txt"]
    assert sources(index) == {"minutes.txt", "cctv.md"}


def test_derived_stores_are_built_from_every_paper_and_rebuilt_when_their_code_changes(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    from ingest.pipeline import DerivedStore

    builds: list[set[str]] = []

    def build(parsed, chunks, index_dir):  # type: ignore[no-untyped-def]
        builds.append({doc.source for doc, _ in parsed})
        (index_dir / "derived.txt").write_text("built", encoding="utf-8")
        return "derived: built"

    everything = {p.name for p in corpus.iterdir() if p.name != "manifest.toml"}
    v1 = DerivedStore("test store", "derived.txt", build, "v1")
    report = ingest([corpus], index, embedder, store, corpus=corpus, derived=[v1], profile=BARNET)
    assert "derived: built" in report.summary()
    assert builds == [everything]
    ingest([corpus], index, embedder, store, corpus=corpus, derived=[v1], profile=BARNET)
    assert len(builds) == 1  # nothing changed: not rebuilt
    v2 = DerivedStore("test store", "derived.txt", build, "v2")
    ingest([corpus], index, embedder, store, corpus=corpus, derived=[v2], profile=BARNET)
    assert builds[-1] == everything and len(builds) == 2  # new extractor code: rebuilt, whole
    (index / "derived.txt").unlink()
    ingest([corpus], index, embedder, store, corpus=corpus, derived=[v2], profile=BARNET)
    assert len(builds) == 3  # its file went missing: rebuilt


def test_a_csv_paper_is_ingested_as_passages_and_a_metric_table(
    corpus: Path, index: Path, embedder: CountingEmbedder, store: VectorStore
) -> None:
    from assistant.derived import tables_builder
    from ingest.pipeline import DerivedStore
    from tools.tables import STORE_NAME, TableStore

    (corpus / "anti-social_behaviour.csv").write_text(
        "area_code,area_name,indicator,period,measure,unit,value\n"
        "E05000819,Altrincham,Anti-social behaviour,2017-10 to 2018-11,Rate,Incidents,16.2\n"
        "E05000829,Gorse Hill,Anti-social behaviour,2017-10 to 2018-11,Rate,Incidents,26.7\n",
        encoding="utf-8",
    )
    tables = DerivedStore(
        "metric tables", STORE_NAME, partial(tables_builder, profile=BARNET), "v1"
    )

    report = ingest(
        [corpus], index, embedder, store, corpus=corpus, derived=[tables], profile=BARNET
    )

    assert report.ok, report.failures  # not skipped as an unsupported type
    passages = [c for c in read_chunks(index) if c.source == "anti-social_behaviour.csv"]
    assert passages and all(c.doc_title == "Anti-social behaviour" for c in passages)
    assert any("Gorse Hill" in c.text and "26.7" in c.text for c in passages)
    (table,) = [
        t for t in TableStore(index / STORE_NAME, profile=BARNET).tables() if t.form == "csv"
    ]
    cells = TableStore(index / STORE_NAME, profile=BARNET).cells_of(table.id)
    gorse_hill = next(c for c in cells if c.row_label == "Gorse Hill")
    assert (table.caption, gorse_hill.value, gorse_hill.line) == ("Anti-social behaviour", 26.7, 3)


@pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Tesseract is not installed (apt-get install tesseract-ocr)",
)
def test_a_scanned_paper_is_ocrd_once_searchable_and_recorded_as_ocrd(
    corpus: Path, index: Path, embedder: CountingEmbedder
) -> None:
    from tests.ingest.pdfs import make_scan

    make_scan(corpus / "scan.pdf", [["Balances carried forward 1654"]])

    report = ingest([corpus], index, embedder, MemoryStore(), corpus=corpus, profile=BARNET)

    assert report.ok, report.failures
    (passage,) = [c for c in read_chunks(index) if c.source == "scan.pdf"]
    assert "Balances carried forward 1654" in passage.text and passage.page == 1
    assert read_state(index).files["scan.pdf"].document.ocr is True
    assert read_state(index).files["minutes.txt"].document.ocr is False
    assert len(list((index / "ocr").iterdir())) == 1  # read once; later ingests take it from here
