"""The DuckDB store: written atomically, read back read-only with pandas, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from board.errors import IndexMissing
from tests.profiles import BARNET
from tests.tools.tables.conftest import make_sections
from tools.tables.extract import extract_tables
from tools.tables.store import STORE_NAME, TableStore, build_table_store

TEXT = (
    "Crime type\t2011/12\t2016/17\t% change\n"
    "Robbery\t1199\t463\t-61.4%\n"
    "Burglary\t4912\t3297\t-32.9%"
)


def test_store_round_trip(tmp_path: Path) -> None:
    tables = extract_tables(make_sections(TEXT, meeting_date="2017-10-27"), profile=BARNET)
    path = build_table_store(tmp_path, tables)
    assert path == tmp_path / STORE_NAME
    assert [p.name for p in tmp_path.iterdir()] == [STORE_NAME]  # no temporary file left behind
    store = TableStore(tmp_path, profile=BARNET)
    (table,) = store.tables()
    assert table.caption == tables[0].caption and table.n_rows == 2 and table.n_cols == 3
    again = store.table(table.id)
    assert again is not None
    assert [c.to_dict() for c in again.cells] == [c.to_dict() for c in tables[0].cells]
    assert store.table("nope") is None


def test_rebuild_replaces_the_store(tmp_path: Path) -> None:
    build_table_store(tmp_path, extract_tables(make_sections(TEXT), profile=BARNET))
    build_table_store(tmp_path, [])
    assert TableStore(tmp_path, profile=BARNET).tables() == []


def test_store_is_read_only_and_loaded_once(tmp_path: Path) -> None:
    build_table_store(tmp_path, extract_tables(make_sections(TEXT), profile=BARNET))
    store = TableStore(tmp_path / STORE_NAME, profile=BARNET)
    first = store.cells
    (tmp_path / STORE_NAME).unlink()  # already in memory: later reads do not touch the file
    assert store.cells is first


def test_missing_store_says_to_ingest(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="boardqa ingest"):
        _ = TableStore(tmp_path / STORE_NAME, profile=BARNET).cells
