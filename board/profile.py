"""A board's particulars as data: its home area, peer areas, bodies, acronyms and page furniture.

The code reads papers by rules that hold for any board; what only one board
says (its borough's name, the neighbouring boroughs it is ranked against, its
police force's initials, the schemes it runs, a header its publisher prints on
every page) lives in ``profile.toml`` beside the corpus. Every profile extends the
domain's base profile (``base_profile.toml`` beside this module): the crime categories,
statistics, roles, bodies and minute and agenda conventions that community safety and
partnership boards share. A board with no profile of its own is read with the base
alone: no home area, no peers, only the organisations any public body's papers name.

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
# The domain's profile every board's extends: crime categories, statistics, roles, minutes.
BASE_PROFILE = Path(__file__).with_name("base_profile.toml")

_JOINERS = frozenset({"and", "for", "the", "upon", "of"})


@dataclass(frozen=True, eq=False)
class BoardProfile:
    """A board's particulars over the domain's base. Hashed by identity, so caches keyed on
    it stay valid."""

    name: str = ""
    home_area: str | None = None
    # Other ways the papers name the home area or its council ("NTC", "Northtown Borough Council").
    home_aliases: tuple[str, ...] = ()
    # Areas the home area is compared and ranked with (neighbouring boroughs, districts).
    peer_areas: tuple[str, ...] = ()
    # Totals over several areas (the force area, the region); compared with, never ranked.
    aggregate_areas: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    area_aliases: Mapping[str, str] = field(default_factory=dict)
    organisation_words: Mapping[str, str] = field(default_factory=dict)
    # Words of roles and bodies: a run of capitalised words holding one names no person.
    role_words: frozenset[str] = frozenset()
    # Who an action is given to when it names a group ("board members" -> "All Board members").
    owner_groups: Mapping[str, str] = field(default_factory=dict)
    # Acronyms a minutes title keeps in capitals ("ASB", "CCTV").
    title_acronyms: frozenset[str] = frozenset()
    # Named things every paper mentions: naming one does not identify an action's task.
    common_names: frozenset[str] = frozenset()
    # Headings of a minutes paper's attendance list ("Present", "Attendees", "Commissioners
    # Present"): a paper that opens with one records a meeting.
    attendance_words: frozenset[str] = frozenset()
    # What minutes call the person in the chair ("Chair", "Chairman", "Presiding Officer").
    chair_words: frozenset[str] = frozenset()
    # The labels a minutes head gives the place of a meeting ("Venue:", "Place").
    venue_words: frozenset[str] = frozenset()
    # What minutes call the body deciding as a whole ("the Board", "the Councillors", "All"):
    # "The Councillors resolved …" records a decision, "Ms Okafor agreed to …" an action.
    deciding_bodies: frozenset[str] = frozenset()
    # Words that only say "the main figure" of a table ("offences", "volume", "number").
    value_words: frozenset[str] = frozenset()
    # One word written several ways, folded into one ("cllr" -> "councillor").
    word_folds: Mapping[str, str] = field(default_factory=dict)
    # Acronyms the papers use without spelling out (initials -> full name).
    acronyms: Mapping[str, str] = field(default_factory=dict)
    # The statistics tables give, with the ways columns head them (a funder's target column).
    statistic_synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Measures (crime categories, the board's schemes), with the ways papers write them.
    measure_synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # What the papers call the group of peers a table ranks the home area in ("the region").
    peer_group: str | None = None
    # Towns, wards and neighbourhoods inside the home area ("Northtown Central", "Upper Vale").
    localities: tuple[str, ...] = ()
    # Lines the publisher prints on every page or above every table (regular expressions).
    page_furniture: tuple[str, ...] = ()
    # The words a publisher stamps on a paper's pages with its agenda item ("AGENDA ITEM 6").
    item_stamps: tuple[str, ...] = ()
    example_questions: tuple[str, ...] = ()
    owner_example: str = ""
    topic_example: str = ""
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
    def known_statistics(self) -> frozenset[str]:
        """Every statistic a table column can give, "value" (the figure itself) and "rank" too."""
        return frozenset(self.statistic_synonyms) | {"value", "rank"}

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

    @cached_property
    def furniture(self) -> re.Pattern[str] | None:
        """The lines printed on every page: the publisher's own and the item stamps."""
        stamps = tuple(rf"{re.escape(s)}\s+\d+" for s in self.item_stamps)
        if not self.page_furniture + stamps:
            return None
        return re.compile("|".join(f"(?:{p})" for p in self.page_furniture + stamps), re.I)

    @cached_property
    def item_stamp(self) -> re.Pattern[str] | None:
        """A line ending in an item stamp ("AGENDA ITEM 6a"); its group 1 is the item."""
        if not self.item_stamps:
            return None
        words = "|".join(re.escape(s) for s in self.item_stamps)
        return re.compile(rf"(?:^|\s)(?:{words})\s+(\d{{1,2}}[a-z]?)\s*$", re.I)


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
    "organisations": {"names", "words", "acronyms", "role_words", "groups", "title_acronyms"},
    "tables": {"statistic_synonyms", "measure_synonyms", "value_words"},
    "papers": {"page_furniture", "item_stamps"},
    "minutes": {
        "common_names",
        "attendance_words",
        "chair_words",
        "venue_words",
        "deciding_bodies",
    },
    "words": {"folds"},
    "app": {"example_questions", "owner_example", "topic_example"},
}


def _read(text: str, where: str) -> dict[str, Any]:
    """The sections of a profile file, each checked for unknown keys."""
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
    for pattern in _strings(_table(data, "papers", where), "page_furniture", where):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(
                f"{where}: page_furniture {pattern!r} is not a pattern ({exc})"
            ) from None
    return data


def _words(table: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in _table(table, key, where).items()}


def _spellings(
    base: Mapping[str, tuple[str, ...]], table: Mapping[str, Any], key: str, where: str
) -> dict[str, tuple[str, ...]]:
    """``base``'s spellings of each term with the file's added (a new term comes last)."""
    merged = dict(base)
    for k, v in _table(table, key, where).items():
        variants = tuple(v) if isinstance(v, list) else (str(v),)
        merged[str(k)] = tuple(dict.fromkeys((*merged.get(str(k), ()), *variants)))
    return merged


def parse_profile(
    text: str, where: str = PROFILE_NAME, base: BoardProfile | None = None
) -> BoardProfile:
    """A profile from the text of a profile file, extending ``base`` (the domain's base
    profile when none is given): lists are added to the base's, tables merged over them.
    ConfigError naming what is wrong."""
    base = BASE if base is None else base
    data = _read(text, where)
    board, areas = _table(data, "board", where), _table(data, "areas", where)
    orgs, tables = _table(data, "organisations", where), _table(data, "tables", where)
    papers, app = _table(data, "papers", where), _table(data, "app", where)
    minutes = _table(data, "minutes", where)
    return BoardProfile(
        name=str(board.get("name", "")),
        home_area=board.get("home_area") or None,
        home_aliases=_strings(board, "home_aliases", where),
        peer_areas=_strings(areas, "peers", where),
        aggregate_areas=base.aggregate_areas + _strings(areas, "aggregates", where),
        organisations=base.organisations + _strings(orgs, "names", where),
        area_aliases={**base.area_aliases, **_words(areas, "aliases", where)},
        organisation_words={**base.organisation_words, **_words(orgs, "words", where)},
        role_words=base.role_words | set(_strings(orgs, "role_words", where)),
        owner_groups={**base.owner_groups, **_words(orgs, "groups", where)},
        title_acronyms=base.title_acronyms | set(_strings(orgs, "title_acronyms", where)),
        common_names=base.common_names | set(_strings(minutes, "common_names", where)),
        attendance_words=base.attendance_words
        | {w.lower() for w in _strings(minutes, "attendance_words", where)},
        chair_words=base.chair_words | {w.lower() for w in _strings(minutes, "chair_words", where)},
        venue_words=base.venue_words | {w.lower() for w in _strings(minutes, "venue_words", where)},
        deciding_bodies=base.deciding_bodies
        | {w.lower() for w in _strings(minutes, "deciding_bodies", where)},
        value_words=base.value_words | set(_strings(tables, "value_words", where)),
        word_folds={**base.word_folds, **_words(_table(data, "words", where), "folds", where)},
        acronyms={str(k): str(v) for k, v in _table(orgs, "acronyms", where).items()},
        statistic_synonyms=_spellings(base.statistic_synonyms, tables, "statistic_synonyms", where),
        measure_synonyms=_spellings(base.measure_synonyms, tables, "measure_synonyms", where),
        peer_group=areas.get("peer_group") or None,
        localities=_strings(areas, "localities", where),
        page_furniture=_strings(papers, "page_furniture", where),
        item_stamps=base.item_stamps + _strings(papers, "item_stamps", where),
        example_questions=_strings(app, "example_questions", where) or base.example_questions,
        owner_example=str(app.get("owner_example", base.owner_example)),
        topic_example=str(app.get("topic_example", base.topic_example)),
        fingerprint=_fingerprint(base.fingerprint, text),
    )


def _fingerprint(base: str, text: str) -> str:
    """Changes when the file or the base it extends does: what was read under it is read again."""
    return hashlib.sha256(f"{base}\n{text}".encode()).hexdigest()[:16]


# The domain's base profile: a body with no profile of its own is read with it alone.
BASE = parse_profile(
    BASE_PROFILE.read_text(encoding="utf-8"), str(BASE_PROFILE), base=BoardProfile()
)


def load_profile(path: Path | None) -> BoardProfile:
    """The profile at ``path`` (extending the base); the base profile when there is no such file."""
    if path is None or not path.is_file():
        return BASE
    return parse_profile(path.read_text(encoding="utf-8"), str(path))
