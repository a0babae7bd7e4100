"""On disk: built at ingest into ``<index>/register.json``, read lazily by ``Register``."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from board.errors import IndexMissing
from board.files import atomic_write_text
from board.profile import BoardProfile
from board.records import Section
from tools.register.extract import (
    extract_actions,
    extract_decisions,
    extract_items,
    extract_meetings,
)
from tools.register.records import Action, Decision, Meeting, MinuteItem, RegisterData

log = logging.getLogger(__name__)

REGISTER_FILE = "register.json"
KINDS = ("meetings", "items", "decisions", "actions")


def compile_register(
    sections: Iterable[Section | Sequence[Section]], profile: BoardProfile
) -> RegisterData:
    """The register of every meeting, decision and action in the papers' sections (pure)."""
    flat = _flatten(sections)
    meetings = extract_meetings(flat, profile)
    return RegisterData(
        meetings=tuple(meetings),
        items=tuple(extract_items(flat, profile)),
        decisions=tuple(extract_decisions(flat, profile)),
        actions=tuple(extract_actions(flat, profile, meetings)),
        sources=tuple(sorted({s.source for s in flat})),
    )


def _flatten(sections: Iterable[Section | Sequence[Section]]) -> list[Section]:
    flat: list[Section] = []
    for entry in sections:
        if isinstance(entry, Section):
            flat.append(entry)
        else:
            flat.extend(entry)
    return flat


def register_path(path: Path) -> Path:
    """The register file for an index folder (or the file itself)."""
    return path / REGISTER_FILE if path.suffix != ".json" else path


def build_register(
    path: Path, sections: Iterable[Section | Sequence[Section]], profile: BoardProfile
) -> Path:
    """Compile the register from all documents' sections, write it atomically, return its path."""
    target = register_path(path)
    write_register(target, compile_register(sections, profile))
    return target


def write_register(target: Path, data: RegisterData) -> None:
    """Write the register so readers see the old file or the new one, never half."""
    atomic_write_text(target, json.dumps(data.to_dict(), ensure_ascii=False, indent=1))
    log.info(
        "register: %d meetings, %d decisions, %d actions -> %s",
        len(data.meetings),
        len(data.decisions),
        len(data.actions),
        target,
    )


class Register:
    """The register of an index folder: loaded on first use, once, then filtered with pandas."""

    def __init__(self, path: Path | RegisterData) -> None:
        self._path = None if isinstance(path, RegisterData) else register_path(path)
        self._data: RegisterData | None = path if isinstance(path, RegisterData) else None
        self._frames: dict[str, pd.DataFrame] = {}
        self._lock = threading.Lock()

    @property
    def data(self) -> RegisterData:
        if self._data is None:
            with self._lock:
                if self._data is None:
                    self._data = self._load()
        return self._data

    def _load(self) -> RegisterData:
        assert self._path is not None
        if not self._path.exists():
            raise IndexMissing(
                f"No decisions and actions register at {self._path}: run `boardqa ingest` first."
            )
        with self._path.open(encoding="utf-8") as handle:
            return RegisterData.from_dict(json.load(handle))

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return self.data.meetings

    @property
    def items(self) -> tuple[MinuteItem, ...]:
        return self.data.items

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return self.data.decisions

    @property
    def actions(self) -> tuple[Action, ...]:
        return self.data.actions

    def frame(self, kind: str) -> pd.DataFrame:
        """One table as a cached DataFrame: meetings, items, decisions or actions."""
        if kind not in KINDS:
            raise ValueError(f"unknown register table {kind!r}; expected one of {', '.join(KINDS)}")
        if kind not in self._frames:
            records: Sequence[Any] = getattr(self, kind)
            rows = [r.to_dict() for r in records]
            frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=_columns(kind))
            self._frames[kind] = frame
        return self._frames[kind]


def _columns(kind: str) -> list[str]:
    from dataclasses import fields

    record = {"meetings": Meeting, "items": MinuteItem, "decisions": Decision, "actions": Action}[
        kind
    ]
    return [f.name for f in fields(record)]
