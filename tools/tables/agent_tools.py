"""The table tools as LangChain tools with typed arguments, for an agent or a chat model.

Each wraps a plain function of ``tools.tables.tools`` over one TableStore and returns a
JSON-ready dict, so the same figures (with their provenance) reach a model as reach the
deterministic router.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from langchain_core.tools import StructuredTool
from pydantic import BaseModel, Field

from tools.tables import tools as table_tools
from tools.tables.store import TableStore


class MetricLookupArgs(BaseModel):
    measure: str = Field(
        description="What is counted, e.g. 'residential burglary', 'TNO', 'ASB incidents'."
    )
    period: str | None = Field(
        None,
        description="e.g. '2011/12', 'FY 11/12', 'current rolling 12 months', "
        "'week ending 14 April 2013'.",
    )
    area: str | None = Field(
        None,
        description="A borough or body ('a neighbouring district', 'the force', 'Police'); none for the board's own area.",
    )
    table: str | None = Field(
        None, description="A table id from find_tables, or words of its caption."
    )
    statistic: str = Field(
        "value", description="'value', '% change', 'sanction detection rate', 'target', ..."
    )


class CompareArgs(BaseModel):
    measure: str = Field(description="What is counted, e.g. 'robbery'.")
    period_a: str = Field(
        description="The later period, e.g. '2016/17' or 'current rolling 12 months'."
    )
    period_b: str | None = Field(
        None, description="The earlier period; default: the table's previous period."
    )
    area: str | None = Field(None, description="A borough or body; none for the board's own area.")
    table: str | None = Field(None, description="A table id or caption words.")


class RankArgs(BaseModel):
    measure: str | None = Field(None, description="The measure ranked, e.g. 'ASB incidents'.")
    column: str | None = Field(
        None, description="Words of the column to rank by, e.g. 'per 1000 population'."
    )
    period: str | None = Field(
        None, description="The period of the column, if the table has several."
    )
    table: str | None = Field(None, description="A table id.")
    descending: bool = Field(True, description="True for highest first.")
    statistic: str | None = Field(None, description="'value', 'rate per 1000', '% change', ...")
    areas_only: bool = Field(False, description="Rank the home area's peers only.")


class TrendArgs(BaseModel):
    measure: str = Field(description="What is counted, e.g. 'custody rate'.")
    area: str | None = Field(None, description="A borough or body; none for the board's own area.")
    table: str | None = Field(None, description="A table id.")


class FindTablesArgs(BaseModel):
    words: str = Field(
        description="Words describing the table, e.g. 'weekly residential burglary'."
    )
    limit: int = Field(5, description="How many tables to return.")


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value


def as_langchain_tools(store: TableStore) -> list[StructuredTool]:
    """metric_lookup, compare, rank, trend and find_tables bound to ``store``."""
    return [
        StructuredTool.from_function(
            func=func,
            name=func.__name__,
            args_schema=_DESCRIBED[func.__name__][0],
            description=_DESCRIBED[func.__name__][1],
        )
        for func in _bound(store)
    ]


_DESCRIBED: dict[str, tuple[type[BaseModel], str]] = {
    "metric_lookup": (
        MetricLookupArgs,
        "Read one figure from the papers' tables, with the cell it came from.",
    ),
    "compare": (
        CompareArgs,
        "Compare a measure between two periods: difference and % change, checked "
        "against the table's own % change column.",
    ),
    "rank": (RankArgs, "Order a table's rows (boroughs, crime types, agencies) by one column."),
    "trend": (TrendArgs, "The series of a measure over a table's periods, oldest first."),
    "find_tables": (
        FindTablesArgs,
        "Find tables by caption, section and row words; gives ids for the tools.",
    ),
}


def _bound(store: TableStore) -> list[Callable[..., Any]]:
    """The table tools over one store, each taking the arguments its schema describes."""

    def metric_lookup(
        measure: str,
        period: str | None = None,
        area: str | None = None,
        table: str | None = None,
        statistic: str = "value",
    ) -> dict[str, Any]:
        return _plain(
            table_tools.metric_lookup(store, measure, period, area, table, statistic=statistic)
        )

    def compare(
        measure: str,
        period_a: str,
        period_b: str | None = None,
        area: str | None = None,
        table: str | None = None,
    ) -> list[dict[str, Any]]:
        return _plain(
            table_tools.compare(store, measure, period_a, period_b, area=area, table=table)
        )

    def rank(
        measure: str | None = None,
        column: str | None = None,
        period: str | None = None,
        table: str | None = None,
        descending: bool = True,
        statistic: str | None = None,
        areas_only: bool = False,
    ) -> dict[str, Any] | None:
        found = table_tools.rank(
            store,
            measure,
            column,
            period=period,
            table=table,
            descending=descending,
            statistic=statistic,
            areas_only=areas_only,
        )
        return _plain(found)

    def trend(
        measure: str, area: str | None = None, table: str | None = None
    ) -> dict[str, Any] | None:
        return _plain(table_tools.trend(store, measure, area=area, table=table))

    def find_tables(words: str, limit: int = 5) -> list[dict[str, Any]]:
        return _plain(table_tools.find_tables(store, words, limit))

    return [metric_lookup, compare, rank, trend, find_tables]
