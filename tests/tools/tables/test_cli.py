"""`boardqa tables` renderables: the list, one table, a clear error for an unknown id."""

from __future__ import annotations

import pytest
from rich.console import Console

from board.errors import BoardQAError
from tests.tools.tables.conftest import store_of
from tests.tools.tables.test_tools import SUMMARY
from tools.tables.cli import list_tables, show_table


def _render(renderable: object) -> str:
    console = Console(width=200, record=True)
    console.print(renderable)
    return console.export_text()


def test_list_and_show() -> None:
    store = store_of(SUMMARY, source="pack.txt", meeting_date="2013-01-15", first_line=300)
    listing = _render(list_tables(store))
    (table,) = store.tables()
    assert table.id in listing and "Crime Summary between" in listing and "4 × 4" in listing
    shown = _render(show_table(store, table.id))
    assert "Residential Burglary" in shown and "2576" in shown and "Offences / This Year" in shown


def test_unknown_id_is_a_clear_error() -> None:
    store = store_of(SUMMARY)
    with pytest.raises(BoardQAError, match="boardqa tables"):
        show_table(store, "t0000")
