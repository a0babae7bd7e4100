"""Gold questions: typed records, validation, and loading ``eval/gold/*.jsonl``.

The format is described in ``eval/README.md``. Validation is strict: unknown
keys are rejected (a misspelt ``source_precison`` would otherwise be ignored
silently) and every error names the file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Self

from board.errors import BoardQAError

CATEGORIES: tuple[str, ...] = (
    "table_figure",
    "table_trap",
    "comparison",
    "ranking",
    "decision",
    "action",
    "meeting",
    "strategy",
    "people_roles",
    "timeline",
    "multi_paper",
    "unanswerable",
)
UNITS: tuple[str, ...] = (
    "count",
    "percent",
    "percentage_points",
    "gbp",
    "usd",
    "eur",
    "rate_per_1000",
    "ratio",
    "number",
    "date",
    "rank",
)
DIRECTIONS: tuple[str, ...] = ("increase", "decrease")
GOLD_DIR = Path(__file__).parent / "gold"
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class GoldFormatError(BoardQAError, ValueError):
    """A gold item is malformed; the message names the file, line and field."""


class _GoldRecord:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]


def _check_keys(data: Any, where: str, required: set[str], optional: set[str]) -> None:
    if not isinstance(data, Mapping):
        raise GoldFormatError(f"{where}: expected an object, got {type(data).__name__}")
    missing = required - data.keys()
    if missing:
        raise GoldFormatError(f"{where}: missing key(s) {', '.join(sorted(missing))}")
    unknown = data.keys() - required - optional
    if unknown:
        allowed = ", ".join(sorted(required | optional))
        raise GoldFormatError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {allowed}"
        )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _str(data: Mapping[str, Any], key: str, where: str, *, allow_empty: bool = False) -> str:
    value = data[key]
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise GoldFormatError(f"{where}: {key!r} must be a non-empty string, got {value!r}")
    return value


def _list(data: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise GoldFormatError(f"{where}: {key!r} must be a list, got {type(value).__name__}")
    return value


@dataclass(frozen=True)
class AnswerValue(_GoldRecord):
    """A figure the answer must state. Dates are ISO strings ("2013-01-15", "2013-01") or years."""

    value: float | int | str
    unit: str
    source_precision: int | None = None  # decimal places the source shows

    @classmethod
    def from_dict(cls, data: Any, where: str = "answer_value") -> Self:
        _check_keys(data, where, {"value", "unit"}, {"source_precision"})
        unit, value, precision = data["unit"], data["value"], data.get("source_precision")
        if unit not in UNITS:
            raise GoldFormatError(f"{where}: unit {unit!r} is not one of {', '.join(UNITS)}")
        if unit == "date":
            is_year = isinstance(value, int) and not isinstance(value, bool)
            if not is_year and not (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
                raise GoldFormatError(
                    f"{where}: a date value must be 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or a year, "
                    f"got {value!r}"
                )
        elif not _is_number(value):
            raise GoldFormatError(
                f"{where}: value must be a number for unit {unit!r}, got {value!r}"
            )
        if precision is not None and (
            not isinstance(precision, int) or isinstance(precision, bool) or precision < 0
        ):
            raise GoldFormatError(f"{where}: source_precision must be an integer >= 0")
        return cls(value=value, unit=unit, source_precision=precision)


@dataclass(frozen=True)
class KeyFact(_GoldRecord):
    """A short fact the answer must state; the fact or any alias counts."""

    fact: str
    aliases: tuple[str, ...] = ()

    @property
    def phrasings(self) -> tuple[str, ...]:
        return (self.fact, *self.aliases)

    @classmethod
    def from_dict(cls, data: Any, where: str = "key_fact") -> Self:
        _check_keys(data, where, {"fact"}, {"aliases"})
        aliases = _list(data, "aliases", where)
        if not all(isinstance(a, str) and a.strip() for a in aliases):
            raise GoldFormatError(f"{where}: aliases must be non-empty strings")
        return cls(fact=_str(data, "fact", where), aliases=tuple(aliases))


@dataclass(frozen=True)
class Evidence(_GoldRecord):
    """A place in the corpus that supports the answer: inclusive 1-based lines, or a page."""

    source: str
    lines: tuple[int, int] | None = None
    page: int | None = None
    table_row: str | None = None
    quote: str = ""

    @classmethod
    def from_dict(cls, data: Any, where: str = "evidence") -> Self:
        _check_keys(data, where, {"source"}, {"lines", "page", "table_row", "quote"})
        lines, page = data.get("lines"), data.get("page")
        if lines is None and page is None:
            raise GoldFormatError(f"{where}: give 'lines' [start, end] or 'page'")
        if lines is not None and not (
            isinstance(lines, list)
            and len(lines) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in lines)
            and 1 <= lines[0] <= lines[1]
        ):
            raise GoldFormatError(
                f"{where}: 'lines' must be [start, end] with 1 <= start <= end, got {lines!r}"
            )
        if page is not None and (not isinstance(page, int) or isinstance(page, bool) or page < 1):
            raise GoldFormatError(f"{where}: 'page' must be an integer >= 1, got {page!r}")
        table_row = data.get("table_row")
        if table_row is not None and not isinstance(table_row, str):
            raise GoldFormatError(f"{where}: 'table_row' must be a string")
        quote = data.get("quote", "")
        if not isinstance(quote, str):
            raise GoldFormatError(f"{where}: 'quote' must be a string")
        return cls(
            source=_str(data, "source", where),
            lines=(lines[0], lines[1]) if lines is not None else None,
            page=page,
            table_row=table_row,
            quote=quote,
        )


@dataclass(frozen=True)
class GoldItem(_GoldRecord):
    """One gold question with what a correct answer must say and where it is supported."""

    id: str
    question: str
    category: str
    answerable: bool
    answer_values: tuple[AnswerValue, ...] = ()
    key_facts: tuple[KeyFact, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    derived: bool = False
    direction: str | None = None
    notes: str = ""
    # Earlier questions of the same conversation, asked in order before this one.
    history: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Any, where: str = "gold item") -> Self:
        """Validate and build an item; raise GoldFormatError saying what is wrong and where."""
        _check_keys(
            data,
            where,
            {"id", "question", "category", "answerable"},
            {"answer_values", "key_facts", "evidence", "derived", "direction", "notes", "history"},
        )
        item_id = _str(data, "id", where)
        where = f"{where} (id {item_id!r})"
        category, answerable = data["category"], data["answerable"]
        if category not in CATEGORIES:
            raise GoldFormatError(
                f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}"
            )
        if not isinstance(answerable, bool):
            raise GoldFormatError(f"{where}: 'answerable' must be true or false")
        derived, direction = data.get("derived", False), data.get("direction")
        if not isinstance(derived, bool):
            raise GoldFormatError(f"{where}: 'derived' must be true or false")
        if direction is not None and direction not in DIRECTIONS:
            raise GoldFormatError(
                f"{where}: direction must be 'increase', 'decrease' or null, got {direction!r}"
            )
        notes = data.get("notes") or ""
        if not isinstance(notes, str):
            raise GoldFormatError(f"{where}: 'notes' must be a string")
        history = _list(data, "history", where)
        if not all(isinstance(h, str) and h.strip() for h in history):
            raise GoldFormatError(f"{where}: 'history' must be a list of earlier questions")
        values = tuple(
            AnswerValue.from_dict(v, f"{where} answer_values[{i}]")
            for i, v in enumerate(_list(data, "answer_values", where))
        )
        facts = tuple(
            KeyFact.from_dict(f, f"{where} key_facts[{i}]")
            for i, f in enumerate(_list(data, "key_facts", where))
        )
        evidence = tuple(
            Evidence.from_dict(e, f"{where} evidence[{i}]")
            for i, e in enumerate(_list(data, "evidence", where))
        )
        if not answerable and (values or facts or evidence):
            raise GoldFormatError(
                f"{where}: an unanswerable item must have empty answer_values, "
                "key_facts and evidence"
            )
        if answerable and not evidence:
            raise GoldFormatError(f"{where}: an answerable item needs at least one evidence")
        if answerable and not (values or facts):
            raise GoldFormatError(f"{where}: an answerable item needs answer_values or key_facts")
        return cls(
            id=item_id,
            question=_str(data, "question", where),
            category=category,
            answerable=answerable,
            answer_values=values,
            key_facts=facts,
            evidence=evidence,
            derived=derived,
            direction=direction,
            notes=notes,
            history=tuple(history),
        )


def parse_gold_jsonl(text: str, name: str) -> list[GoldItem]:
    """Gold items from the text of one JSONL file; ``name`` is used in error messages."""
    items: list[GoldItem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(
                f"{where}: not valid JSON ({exc.msg} at column {exc.colno})"
            ) from exc
        items.append(GoldItem.from_dict(data, where))
    return items


def check_unique_ids(files: Sequence[tuple[str, Sequence[GoldItem]]]) -> None:
    """Raise GoldFormatError if two items, in any of the files, share an id."""
    seen: dict[str, str] = {}
    for name, items in files:
        for item in items:
            if item.id in seen:
                raise GoldFormatError(
                    f"{name}: duplicate id {item.id!r} (first used in {seen[item.id]})"
                )
            seen[item.id] = name


def load_gold(directory: Path | str = GOLD_DIR) -> list[GoldItem]:
    """Every gold item in ``directory/*.jsonl``, files in name order."""
    folder = Path(directory)
    if not folder.is_dir():
        raise GoldFormatError(f"{folder}: no gold folder")
    files = [
        (str(path), parse_gold_jsonl(path.read_text(encoding="utf-8"), str(path)))
        for path in sorted(folder.glob("*.jsonl"))
    ]
    check_unique_ids(files)
    return [item for _, items in files for item in items]
