"""Crime metric tables: every table in the papers extracted into a queryable store and
answered by deterministic tools.

At ingest::

    tables = extract_tables(sections)                  # all files' sections
    build_table_store(index_dir / STORE_NAME, tables)  # index/tables.duckdb
    log.info("tables: %s", tables_summary(tables))

At question time, one handler per way of answering (lookup, compare, rank ...), which the
plan orders by the question's intent::

    handlers = table_handlers(TableStore(index_dir / STORE_NAME), chunks)
    answer = TableRouter(store).route(question, filters)   # the tables' answer, or None
"""

from board.metrics import MetricCell, MetricTable, Period
from tools.tables.extract import extract_tables, tables_summary
from tools.tables.router import TableRouter
from tools.tables.store import STORE_NAME, TableStore, build_table_store

__all__ = [
    "STORE_NAME",
    "MetricCell",
    "MetricTable",
    "Period",
    "TableRouter",
    "TableStore",
    "build_table_store",
    "extract_tables",
    "tables_summary",
]
