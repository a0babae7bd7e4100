"""A board's particulars as data: its home area, peer areas, bodies, acronyms and page furniture.

The code reads papers by rules that hold for any board; what only one board
says (its borough's name, the neighbouring boroughs it is ranked against, its
police force's initials, the schemes it runs, a header its publisher prints on
every page) lives in ``profile.toml`` beside the corpus. A board with no
profile gets the generic behaviour: no home area, no peers, only the
organisations any public body's papers name.

The profile is a frozen parameter, never a process-wide setting: ingest reads
every paper under the one it is given, the question reader takes it
(``board.reading.read(text, profile, history)``), a table store carries the one its
tables were read under, and the handlers' context holds it. Caches that depend on
it are keyed by it, so two boards can be read in one process.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from board.errors import ConfigError

PROFILE_NAME = "profile.toml"

# Bodies and groupings any public body's papers can name: not one board's.
GENERIC_ORGANISATIONS = (
    "Police",
    "CPS",
    "Probation",
    "Court",
    "Prison",
    "Council",
    "NHS",
    "Fire Service",
    "Total",
    "All",
)
GENERIC_ORGANISATION_WORDS = {
    "police": "Police",
    "cps": "CPS",
    "crown prosecution service": "CPS",
    "probation": "Probation",
    "court": "Court",
    "courts": "Court",
    "prison": "Prison",
    "council": "Council",
    "across all agencies": "Total",
    "all agencies": "Total",
    "in total": "Total",
}
GENERIC_AGGREGATES = ("England", "England and Wales", "National", "National average")
GENERIC_AREA_ALIASES = {
    "national": "England",
    "nationally": "England",
    "national average": "England",
}


_JOINERS = frozenset({"and", "for", "the", "upon", "of"})


@dataclass(frozen=True, eq=False)
class BoardProfile:
    """What is particular to one board. Hashed by identity, so caches keyed on it stay valid."""

    name: str = ""
    home_area: str | None = None
    # Other ways the papers name the home area or its council ("NTC", "Northtown Borough Council").
    home_aliases: tuple[str, ...] = ()
    # Areas the home area is compared and ranked with (neighbouring boroughs, districts).
    peer_areas: tuple[str, ...] = ()
    # Totals over several areas (the force area, the region); compared with, never ranked.
    aggregate_areas: tuple[str, ...] = GENERIC_AGGREGATES
    organisations: tuple[str, ...] = GENERIC_ORGANISATIONS
    area_aliases: Mapping[str, str] = field(default_factory=lambda: dict(GENERIC_AREA_ALIASES))
    organisation_words: Mapping[str, str] = field(
        default_factory=lambda: dict(GENERIC_ORGANISATION_WORDS)
    )
    # Acronyms the papers use without spelling out (initials -> full name).
    acronyms: Mapping[str, str] = field(default_factory=dict)
    # Extra spellings of a table statistic (a funder's target column for "target").
    statistic_synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The board's own measures and schemes, with the ways its papers write them.
    measure_synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # What the papers call the group of peers a table ranks the home area in ("the region").
    peer_group: str | None = None
    # Towns, wards and neighbourhoods inside the home area ("Northtown Central", "Upper Vale").
    localities: tuple[str, ...] = ()
    # Lines the publisher prints on every page or above every table (regular expressions).
    page_furniture: tuple[str, ...] = ()
    example_questions: tuple[str, ...] = (
        "What did the board decide at its last meeting?",
        "Who chairs the board?",
        "What are the board's priorities?",
        "Which actions are still open?",
    )
    owner_example: str = "the Clerk"
    topic_example: str = "the budget"
    fingerprint: str = ""

    @property
    def home_names(self) -> tuple[str, ...]:
        """Every name of the home area, lower case ("northtown", "ntc", "northtown borough council")."""
        names = ((self.home_area,) if self.home_area else ()) + self.home_aliases
        return tuple(n.lower() for n in names)

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Words naming the home area, its peer group and the aggregates, lower case: in a
        question they say where, not what is asked about."""
        names = (*self.home_names, self.peer_group or "", *self.aggregate_areas)
        return frozenset(w.strip("'") for n in names for w in re.findall(r"[a-z']+", n.lower()))

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word of the board's own names of places, bodies and schemes, lower case: a run
        of capitalised words made of them names a place or a body, never a person or a task."""
        names = (
            *self.home_names,
            self.peer_group or "",
            *self.peer_areas,
            *self.aggregate_areas,
            *self.localities,
            *self.organisations,
            *self.acronyms,
            *self.acronyms.values(),
            self.name,
        )
        found = (w.strip("'") for n in names for w in re.findall(r"[a-z']+", n.lower()))
        return frozenset(w for w in found if len(w) > 2 and w not in _JOINERS)

    @cached_property
    def initials(self) -> frozenset[str]:
        """The acronyms the papers use, as written ("NTC", "SPB")."""
        return frozenset(self.acronyms)

    @cached_property
    def board_words(self) -> frozenset[str]:
        """The board's own name and its initials, lower case ("partnership" and the initials "SPB")."""
        initials = {
            short.lower()
            for short, full in self.acronyms.items()
            if full.lower() in self.name.lower()
        }
        return frozenset(re.findall(r"[a-z]+", self.name.lower())) | initials

    def is_home(self, area: str | None) -> bool:
        """Whether an area label names the home area (a figure about the board's own area)."""
        return isinstance(area, str) and area.lower() in self.home_names

    def furniture_pattern(self) -> re.Pattern[str] | None:
        if not self.page_furniture:
            return None
        return re.compile("|".join(f"(?:{p})" for p in self.page_furniture), re.I)


GENERIC = BoardProfile()


def _strings(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _table(data: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] must be a table")
    return value


_KNOWN = {
    "board": {"name", "home_area", "home_aliases"},
    "areas": {"peers", "aggregates", "aliases", "peer_group", "localities"},
    "organisations": {"names", "words", "acronyms"},
    "tables": {"statistic_synonyms", "measure_synonyms"},
    "papers": {"page_furniture"},
    "app": {"example_questions", "owner_example", "topic_example"},
}


def parse_profile(text: str, where: str = PROFILE_NAME) -> BoardProfile:
    """A profile from the text of a profile file; ConfigError naming what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    for section, value in data.items():
        if section not in _KNOWN or not isinstance(value, dict):
            raise ConfigError(f"{where}: unknown section [{section}]")
        unknown = set(value) - _KNOWN[section]
        if unknown:
            raise ConfigError(
                f"{where}: unknown key(s) in [{section}]: {', '.join(sorted(unknown))}"
            )
    board, areas = _table(data, "board", where), _table(data, "areas", where)
    orgs, tables = _table(data, "organisations", where), _table(data, "tables", where)
    papers, app = _table(data, "papers", where), _table(data, "app", where)
    for pattern in _strings(papers, "page_furniture", where):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(
                f"{where}: page_furniture {pattern!r} is not a pattern ({exc})"
            ) from None
    synonyms, measures = (
        {
            str(k): tuple(v) if isinstance(v, list) else (str(v),)
            for k, v in _table(tables, key, where).items()
        }
        for key in ("statistic_synonyms", "measure_synonyms")
    )
    return BoardProfile(
        name=str(board.get("name", "")),
        home_area=board.get("home_area") or None,
        home_aliases=_strings(board, "home_aliases", where),
        peer_areas=_strings(areas, "peers", where),
        aggregate_areas=GENERIC_AGGREGATES + _strings(areas, "aggregates", where),
        organisations=GENERIC_ORGANISATIONS + _strings(orgs, "names", where),
        area_aliases={
            **GENERIC_AREA_ALIASES,
            **{str(k).lower(): str(v) for k, v in _table(areas, "aliases", where).items()},
        },
        organisation_words={
            **GENERIC_ORGANISATION_WORDS,
            **{str(k).lower(): str(v) for k, v in _table(orgs, "words", where).items()},
        },
        acronyms={str(k): str(v) for k, v in _table(orgs, "acronyms", where).items()},
        statistic_synonyms=synonyms,
        measure_synonyms=measures,
        peer_group=areas.get("peer_group") or None,
        localities=_strings(areas, "localities", where),
        page_furniture=_strings(papers, "page_furniture", where),
        example_questions=_strings(app, "example_questions", where) or GENERIC.example_questions,
        owner_example=str(app.get("owner_example", GENERIC.owner_example)),
        topic_example=str(app.get("topic_example", GENERIC.topic_example)),
        fingerprint=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    )


def load_profile(path: Path | None) -> BoardProfile:
    """The profile at ``path``; the generic profile when there is no such file."""
    if path is None or not path.is_file():
        return GENERIC
    return parse_profile(path.read_text(encoding="utf-8"), str(path))
