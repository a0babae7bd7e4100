"""Register fixtures: the shipped corpus segmented and chunked once, with no embedding model."""

from __future__ import annotations

from pathlib import Path

import pytest

from board.records import Chunk, Section
from ingest.chunking import chunk_document
from ingest.loaders import load_lines
from ingest.metadata import describe, load_manifest
from ingest.segment import segment
from retrieval.embedder import FakeEmbedder
from tests.profiles import BARNET
from tools.register.records import RegisterData
from tools.register.store import Register, compile_register

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def _parse() -> tuple[list[list[Section]], list[Chunk]]:
    manifest = load_manifest(CORPUS)
    count = FakeEmbedder().count_tokens
    per_doc: list[list[Section]] = []
    chunks: list[Chunk] = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = load_lines(path)
        doc = describe(path.name, path.read_bytes(), lines, manifest.get(path.name), profile=BARNET)
        sections = segment(doc, lines, profile=BARNET)
        per_doc.append(sections)
        chunks.extend(chunk_document(doc, sections, count, 256))
    return per_doc, chunks


@pytest.fixture(scope="session")
def parsed_corpus() -> tuple[list[list[Section]], list[Chunk]]:
    return _parse()


@pytest.fixture(scope="session")
def corpus_sections(parsed_corpus: tuple[list[list[Section]], list[Chunk]]) -> list[Section]:
    return [s for doc in parsed_corpus[0] for s in doc]


@pytest.fixture(scope="session")
def corpus_chunks(parsed_corpus: tuple[list[list[Section]], list[Chunk]]) -> list[Chunk]:
    return parsed_corpus[1]


@pytest.fixture(scope="session")
def corpus_data(parsed_corpus: tuple[list[list[Section]], list[Chunk]]) -> RegisterData:
    return compile_register(parsed_corpus[0], profile=BARNET)


@pytest.fixture(scope="session")
def corpus_register(corpus_data: RegisterData) -> Register:
    return Register(corpus_data)
