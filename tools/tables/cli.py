"""Rich renderables for ``boardqa tables`` (every table) and ``boardqa tables --show ID`` (one)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from board.errors import BoardQAError
from tools.tables.store import TableStore


def list_tables(store: TableStore) -> Table:
    """One line per extracted table: id, caption, source, locator, rows x columns, figures."""
    figures = store.cells[store.cells["value"].notna()].groupby("table_id").size()
    out = Table(title=f"{len(store.tables_frame)} tables", show_lines=False)
    for name in ("ID", "Caption", "Source", "Locator", "Rows × Cols", "Figures"):
        out.add_column(name, overflow="fold", justify="right" if name == "Figures" else "left")
    for table in store.tables():
        out.add_row(
            table.id,
            table.caption,
            table.source,
            table.locator,
            f"{table.n_rows} × {table.n_cols}",
            str(int(figures.get(table.id, 0))),
        )
    return out


def show_table(store: TableStore, table_id: str) -> RenderableType:
    """One table as written (labels and raw cell text), with its caption, place and notes."""
    table = store.table(table_id)
    if table is None:
        raise BoardQAError(
            f"No table with id '{table_id}'. Run `boardqa tables` to list the table ids."
        )
    grid = Table(title=table.caption, caption=f"{table.source}, {table.locator}", show_lines=False)
    grid.add_column(table.stub or "", overflow="fold")
    for column in table.columns:
        grid.add_column(column, overflow="fold")
    rows: dict[int, dict[int, str]] = {}
    labels: dict[int, str] = {}
    for cell in table.cells:
        labels.setdefault(cell.row_index, cell.row_label)
        rows.setdefault(cell.row_index, {}).setdefault(cell.col_index, cell.raw)
    group: str | None = None
    groups = {c.row_index: c.row_group for c in table.cells}
    for index in sorted(rows):
        if groups.get(index) and groups[index] != group:
            group = groups[index]
            grid.add_row(Text(group or "", style="bold"))
        grid.add_row(labels[index], *(rows[index].get(j, "") for j in range(table.n_cols)))
    parts: list[RenderableType] = [
        Text(f"{table.title} — {table.section}" if table.section else table.title, style="dim"),
        grid,
    ]
    parts.extend(Text(f"Note: {note}", style="italic") for note in table.notes)
    return Group(*parts)
