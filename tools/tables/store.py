"""The metric table store: one DuckDB file in the index folder, read with pandas.

``build_table_store`` writes it at ingest (to a temporary file, then renamed over the
old one, so a reader never sees half a store); ``TableStore`` opens it read-only and
loads both tables into pandas once, on first use.

    metric_tables  one row per table: id, source, title, section, caption, meeting_date,
                   locator, line_start, line_end, page, form, header, columns, stub,
                   n_rows, n_cols, notes (lists as JSON text)
    metric_cells   one row per cell, long form: table_id, row_index, col_index, row_label,
                   row_group, column_labels (JSON), raw, value, unit, sign, measure,
                   statistic, area, period (+ label, kind, start, end, relation), line,
                   line_end, page, row_text
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import pandas as pd

from board.errors import IndexMissing
from board.metrics import MetricCell, MetricTable
from board.profile import BoardProfile

STORE_NAME = "tables.duckdb"
_TABLE_JSON = ("header", "columns", "notes")
_CELL_JSON = ("column_labels",)
_TABLE_FIELDS = [f.name for f in fields(MetricTable) if f.name != "cells"]
_CELL_FIELDS = [f.name for f in fields(MetricCell)]


def tables_frame(tables: Sequence[MetricTable]) -> pd.DataFrame:
    rows = []
    for table in tables:
        row = {name: getattr(table, name) for name in _TABLE_FIELDS}
        for name in _TABLE_JSON:
            row[name] = json.dumps(row[name])
        rows.append(row)
    return pd.DataFrame(rows, columns=_TABLE_FIELDS)


def cells_frame(tables: Sequence[MetricTable]) -> pd.DataFrame:
    rows = []
    for table in tables:
        for cell in table.cells:
            row = {name: getattr(cell, name) for name in _CELL_FIELDS}
            row["column_labels"] = json.dumps(list(cell.column_labels))
            rows.append(row)
    frame = pd.DataFrame(rows, columns=_CELL_FIELDS)
    return frame.astype(
        {"value": "float64", "row_index": "int64", "col_index": "int64", "sign": "int64"}
    )


def build_table_store(path: Path, tables: Sequence[MetricTable]) -> Path:
    """Write ``tables`` and their cells to the DuckDB file ``path`` (a folder: tables.duckdb)."""
    import duckdb

    path = path / STORE_NAME if path.is_dir() else path
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=".tables-", suffix=".duckdb", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    tmp.unlink()  # duckdb creates the file itself
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name, frame in (
                ("metric_tables", tables_frame(tables)),
                ("metric_cells", cells_frame(tables)),
            ):
                con.register("frame", frame)
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
                con.unregister("frame")
        finally:
            con.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _decode(row: dict[str, Any], json_fields: Sequence[str]) -> dict[str, Any]:
    out = {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()}
    for name in json_fields:
        if isinstance(out.get(name), str):
            out[name] = json.loads(str(out[name]))
    return out


class TableStore:
    """The extracted tables, read-only: cheap to construct, loaded once on first use; with the
    board profile they were read under, whose places, agencies and words answer from them."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        tables: Sequence[MetricTable] | None = None,
        profile: BoardProfile,
    ) -> None:
        self.path = path / STORE_NAME if path is not None and path.is_dir() else path
        self.profile = profile
        self._given = list(tables) if tables is not None else None
        self._tables: pd.DataFrame | None = None
        self._cells: pd.DataFrame | None = None
        self._by_column: dict[tuple[str, int], list[MetricCell]] | None = None

    @classmethod
    def from_tables(cls, tables: Sequence[MetricTable], profile: BoardProfile) -> TableStore:
        """An in-memory store (tests, or answering right after extraction)."""
        return cls(tables=tables, profile=profile)

    def subset(self, table_ids: set[str]) -> TableStore:
        """A view of this store holding only ``table_ids`` (for a user's date or paper filters)."""
        view = TableStore(self.path, profile=self.profile)
        view._tables = self.tables_frame[self.tables_frame["id"].isin(table_ids)]
        view._cells = self.cells[self.cells["table_id"].isin(table_ids)]
        return view

    def _load(self) -> None:
        if self._tables is not None:
            return
        if self._given is not None:
            self._tables, self._cells = tables_frame(self._given), cells_frame(self._given)
            return
        if self.path is None or not self.path.exists():
            raise IndexMissing("No table store yet: run `boardqa ingest` first.")
        import duckdb

        con = duckdb.connect(str(self.path), read_only=True)
        try:
            self._tables = con.execute("SELECT * FROM metric_tables").df()
            self._cells = con.execute("SELECT * FROM metric_cells").df()
        finally:
            con.close()

    @property
    def tables_frame(self) -> pd.DataFrame:
        self._load()
        assert self._tables is not None
        return self._tables

    @property
    def cells(self) -> pd.DataFrame:
        self._load()
        assert self._cells is not None
        return self._cells

    @property
    def cells_by_column(self) -> dict[tuple[str, int], list[MetricCell]]:
        """Cells with a figure, as records, by (table id, column index); built once per store."""
        if self._by_column is None:
            by_column: dict[tuple[str, int], list[MetricCell]] = {}
            figures = self.cells[self.cells["value"].notna()]
            for row in figures.to_dict("records"):
                cell = cell_from_row(row)
                by_column.setdefault((cell.table_id, cell.col_index), []).append(cell)
            self._by_column = by_column
        return self._by_column

    def tables(self) -> list[MetricTable]:
        """Every table, without cells, in source and line order."""
        frame = self.tables_frame.sort_values(["source", "line_start"])
        return [MetricTable.from_dict(_decode(r, _TABLE_JSON)) for r in frame.to_dict("records")]

    def table(self, table_id: str) -> MetricTable | None:
        """One table with its cells, or None for an unknown id."""
        rows = self.tables_frame[self.tables_frame["id"] == table_id]
        if rows.empty:
            return None
        data = _decode(rows.iloc[0].to_dict(), _TABLE_JSON)
        data["cells"] = tuple(self.cells_of(table_id))
        return MetricTable.from_dict(data)

    def cells_of(self, table_id: str) -> list[MetricCell]:
        frame = self.cells[self.cells["table_id"] == table_id].sort_values(
            ["row_index", "col_index"]
        )
        return [cell_from_row(r) for r in frame.to_dict("records")]

    def table_info(self, table_id: str) -> dict[str, Any]:
        rows = self.tables_frame[self.tables_frame["id"] == table_id]
        return _decode(rows.iloc[0].to_dict(), _TABLE_JSON) if not rows.empty else {}


def cell_from_row(row: dict[str, Any]) -> MetricCell:
    data = _decode(row, _CELL_JSON)
    for name in ("row_index", "col_index", "sign", "line", "line_end"):
        if data.get(name) is not None:
            data[name] = int(data[name])
    if data.get("page") is not None:
        data["page"] = int(data["page"])
    return MetricCell.from_dict(data)
