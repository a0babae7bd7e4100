"""Measure, statistic and area names, normalised through a synonym table.

"TNO", "Total Notifiable" and "total notifiable offences" are one measure; "VWI"
is violence with injury; "Theft/Taking Of MV" is theft of motor vehicle; "SD
rate" is the sanction detection rate. The same canonicalisation is applied to
table labels at ingest and to questions at query time, so a question matches a
row when the row's canonical measure appears in the question's canonical text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from board.profile import BoardProfile
from board.text import stem
from board.vocabulary import STOPWORDS


@lru_cache(maxsize=8)
def _variants(profile: BoardProfile) -> list[tuple[re.Pattern[str], str]]:
    return sorted(
        (
            (re.compile(rf"(?<![\w%]){re.escape(variant)}(?![\w%])"), canonical)
            for canonical, variants in profile.measure_synonyms.items()
            for variant in variants
        ),
        key=lambda pair: -len(pair[0].pattern),
    )


@lru_cache(maxsize=8)
def known_measures(profile: BoardProfile) -> tuple[str, ...]:
    """Every canonical measure, longest first."""
    return tuple(sorted(profile.measure_synonyms, key=len, reverse=True))


def normalise_text(text: str) -> str:
    """Lower case, "&" as "and", no markup or punctuation (but "%"), single spaces."""
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"per\s*1,?000\b", "per 1000", text)
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w%£.\s]|(?<!\d)\.|\.(?!\d)|_", " ", text)
    return " ".join(text.split())


def canonical_text(text: str, profile: BoardProfile) -> str:
    """``text`` normalised with every synonym replaced by its canonical phrase (the base
    profile's and the board's own, both in ``profile``)."""
    return _canonical_text(text, profile)


@lru_cache(maxsize=65536)
def _canonical_text(text: str, profile: BoardProfile) -> str:
    # twice: "anti-social behaviour calls" -> "asb calls" -> "asb incidents"
    variants = _variants(profile)
    once = _replace_synonyms(f" {normalise_text(text)} ", variants)
    return _replace_synonyms(f" {once} ", variants)


def _replace_synonyms(out: str, variants: list[tuple[re.Pattern[str], str]]) -> str:
    replaced: list[tuple[int, int, str]] = []
    for pattern, canonical in variants:
        for m in pattern.finditer(out):
            if any(s < m.end() and m.start() < e for s, e, _ in replaced):
                continue
            replaced.append((m.start(), m.end(), canonical))
    for start, end, canonical in sorted(replaced, reverse=True):
        out = out[:start] + canonical + out[end:]
    return " ".join(out.split())


@lru_cache(maxsize=8)
def _stopwords(profile: BoardProfile) -> frozenset[str]:
    """The stopwords and the home area's own names: "Northtown's burglaries" asks about burglary."""
    home = {w for name in profile.home_names for w in normalise_text(name).split()}
    return STOPWORDS | home | {f"{w}s" for w in home}


def content_tokens(text: str, profile: BoardProfile) -> list[str]:
    """The canonical words of ``text`` that carry meaning (no stopwords), crudely singular."""
    profile = profile
    words = canonical_text(text, profile).split()
    stop = _stopwords(profile)
    return [stem(w) for w in words if w not in stop]


@dataclass(frozen=True)
class MeasureWords:
    """A request's words as measure names are matched against them, read once: its canonical
    text ("anti-social behaviour calls" as "asb incidents"), its content words, and the one
    measure the whole request reads as."""

    canonical: str
    tokens: frozenset[str]
    measure: str

    def __bool__(self) -> bool:
        """Whether the request has words at all (an empty one names no measure)."""
        return bool(self.canonical)


def measure_words(text: str | MeasureWords, profile: BoardProfile) -> MeasureWords:
    """The words of ``text`` (a question, or a tool call's measure) as measures match them."""
    if isinstance(text, MeasureWords):
        return text
    profile = profile
    return MeasureWords(
        canonical_text(text, profile),
        frozenset(content_tokens(text, profile)),
        canonical_measure(text, profile),
    )


_ENUMERATOR = re.compile(r"^\s*(?:\(?[a-z0-9]{1,2}\)|\d{1,2}[.)]|[-•*])\s*", re.I)
_LEADING_NOISE = re.compile(
    r"^(?:reduction (?:of|in) |reduce |increase (?:in )?|increased |maintain |improve |headline |"
    r"total number of |number of |the )+"
)
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_FOOTNOTE = re.compile(r"(?<=\))\s*\d{1,2}\s*$")


def known_measure(text: str, profile: BoardProfile) -> str | None:
    """The longest canonical measure written in ``text`` ("residential burglary"), or None."""
    profile = profile
    haystack = f" {canonical_text(text, profile)} "
    for measure in known_measures(profile):
        if measure not in ("mins", "%", "motor vehicle", "pas") and f" {measure} " in haystack:
            return measure
    return None


def canonical_measure(label: str, profile: BoardProfile) -> str:
    """A row or column label as a measure: "3) Reduction in burglary" -> "burglary",
    "Reduction of Total Crime (TNO)" -> "total notifiable offences", "Violent crime (VWI)" ->
    "violence with injury" (an abbreviation in brackets defines the row)."""
    return _canonical_measure(label, profile)


@lru_cache(maxsize=65536)
def _canonical_measure(label: str, profile: BoardProfile) -> str:
    """canonical_measure under ``profile``: cached per profile, since its synonyms decide."""
    text = _FOOTNOTE.sub("", re.sub(r"\*+", " ", label)).strip()
    text = _ENUMERATOR.sub("", text)
    inner = [m.group(1) for m in _PARENTHESIS.finditer(text)]
    outside = _PARENTHESIS.sub(" ", text)
    for part in inner:
        defined = known_measure(part, profile)
        if (
            defined
            and canonical_text(part, profile) == defined
            and known_measure(outside, profile) != defined
        ):
            return defined
    text = canonical_text(outside if outside.strip() else text, profile)
    text = " ".join(_LEADING_NOISE.sub("", text).split()).strip()
    text = re.sub(r"\s+(?:in|during|for) (?:the |this )?period$", "", text)
    text = re.sub(r"\s*\bper (?:1000|100000|100)\b.*$", "", text).strip() or text
    if (
        text.startswith("total ")
        and text not in profile.measure_synonyms
        and known_measure(text[6:], profile)
    ):
        text = text[6:]
    return text


def canonical_statistic(label: str, profile: BoardProfile) -> str:
    """A column label as the statistic it gives: "% Chg" -> "% change", "Offences" -> "value"."""
    text = canonical_text(label, profile)
    text = re.sub(r"\bvs\b.*$", "vs", text) if "5 years ago" not in text else text
    text = " ".join(text.split())
    for statistic, variants in _statistic_variants(profile).items():
        if text in variants or text.removesuffix(" vs") in variants:
            return statistic
    words = [w for w in text.split() if w not in STOPWORDS]
    if not words or all(w in profile.value_words for w in words):
        return "value"
    if "per 1000" in text:
        return "rate per 1000"
    if "rank" in words:
        return "rank"
    if "change" in words or "chg" in words:
        return "% change"
    return text


@lru_cache(maxsize=8)
def _statistic_variants(profile: BoardProfile) -> dict[str, frozenset[str]]:
    return {
        statistic: frozenset(canonical_text(v, profile) for v in variants)
        for statistic, variants in profile.statistic_synonyms.items()
    }


@lru_cache(maxsize=8)
def _area_names(profile: BoardProfile) -> dict[str, str]:
    """Every place and organisation label the profile knows, normalised, to its name."""
    names: dict[str, str] = {}
    for name in (*profile.organisations, *profile.aggregate_areas, *ranked_areas(profile)):
        names.setdefault(name.lower().replace("&", "and"), name)
    names.update(profile.area_aliases)
    names.update(
        {word: "Council" for word, org in profile.organisation_words.items() if org == "Council"}
    )
    names.update({"the council": "Council", "council": "Council"})
    return names


def ranked_areas(profile: BoardProfile) -> tuple[str, ...]:
    """The home area and its peers: the places a table ranks."""
    profile = profile
    return ((profile.home_area,) if profile.home_area else ()) + profile.peer_areas


def area_name(label: str, profile: BoardProfile) -> str | None:
    """The place or organisation a label names ("Southtown", "Force", "Police"), or None."""
    text = " ".join(re.sub(r"\(.*?\)", " ", label).replace("&", "and").split()).strip(" :").lower()
    return _area_names(profile).get(text)


def is_borough(area: str | None, profile: BoardProfile) -> bool:
    """Whether an area is one the papers rank (the home area or a peer)."""
    return area is not None and area in ranked_areas(profile)


def is_home_area(area: str | None, profile: BoardProfile) -> bool:
    """Whether an area is the board's own (its figures are the board's figures)."""
    return profile.is_home(area)


def areas_in(text: str, profile: BoardProfile) -> list[str]:
    """Places named in a question, longest names first ("Upper Southtown", "the region")."""
    profile = profile
    found: list[tuple[int, str]] = []
    haystack = f" {normalise_text(text)} "
    aliases = profile.area_aliases
    names = sorted(
        (*ranked_areas(profile), *profile.aggregate_areas, *aliases), key=len, reverse=True
    )
    taken: list[tuple[int, int]] = []
    for name in names:
        needle = f" {normalise_text(name)} "
        start = haystack.find(needle)
        if start >= 0 and not any(s <= start < e for s, e in taken):
            taken.append((start, start + len(needle)))
            found.append((start, aliases.get(name, name)))
    return [name for _, name in sorted(found)]
