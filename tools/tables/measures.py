"""Measure, statistic and area names, normalised through a synonym table.

"TNO", "Total Notifiable" and "total notifiable offences" are one measure; "VWI"
is violence with injury; "Theft/Taking Of MV" is theft of motor vehicle; "SD
rate" is the sanction detection rate. The same canonicalisation is applied to
table labels at ingest and to questions at query time, so a question matches a
row when the row's canonical measure appears in the question's canonical text.
"""

from __future__ import annotations

import re
from functools import cache

# Canonical phrase -> the ways the papers and people write it (before canonicalisation,
# lower case, "&" already "and"). Longer variants win over shorter ones.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "total notifiable offences": (
        "tno", "total notifiable offences", "total notifiable offence", "total notifiable",
        "notifiable offences", "total crime", "all crime", "total recorded crime", "total offences",
    ),
    "mopac 7": ("mopac 7", "mopac7", "mopac seven", "mopac 7 crime types", "mopac7 crime types"),
    "residential burglary": (
        "residential burglary", "residential burglaries", "burglary in a dwelling", "burglaries in a dwelling",
        "domestic burglary", "domestic burglaries", "dwelling burglary", "burglary residential",
        "burglary dwelling", "residential burglary performance",
    ),
    "non residential burglary": (
        "non residential burglary", "non residential burglaries", "non res burglary", "non res burglaries",
        "burglary in other buildings", "burglary business and community", "business and community burglary",
        "non residential burglary performance",
    ),
    "burglary": ("burglary", "burglaries"),
    "personal robbery": ("personal robbery", "personal robberies"),
    "business robbery": ("business robbery", "business robberies"),
    "robbery": ("robbery", "robberies"),
    "theft from motor vehicle": (
        "theft from mv", "theft from motor vehicle", "theft from motor vehicles", "thefts from motor vehicles",
        "thefts from motor vehicle", "tfmv", "theft from vehicles", "theft from a motor vehicle",
    ),
    "theft of motor vehicle": (
        "theft taking of mv", "theft taking of motor vehicle", "theft of motor vehicle", "theft of motor vehicles",
        "thefts of motor vehicles", "theft of mv", "tomv", "motor vehicle theft", "motor vehicle thefts",
        "theft or taking of motor vehicle", "theft of a motor vehicle",
    ),
    "vehicle crime": ("vehicle crime", "theft of from mv", "motor vehicle crime", "theft of and from motor vehicles"),
    "theft from person": ("theft from person", "theft from the person", "theft from a person", "thefts from the person"),
    "domestic violence violence with injury": (
        "dv vwi", "domestic violence vwi", "domestic violence violence with injury", "dv violence with injury",
        "domestic violence with injury", "domestic violence violence-with-injury",
    ),
    "non dv violence with injury": ("non dv vwi", "non domestic violence vwi", "non dv violence with injury"),
    "violence with injury": ("violence with injury", "vwi", "violent crime with injury"),
    "domestic violence": ("domestic violence", "dv", "dva", "domestic violence and abuse"),
    "criminal damage": ("criminal damage",),
    "asb incidents": ("asb incidents", "asb incident", "asb calls", "asb reports"),
    "asb": ("asb", "anti social behaviour", "antisocial behaviour", "anti social behavior", "anti-social behaviour"),
    "sanction detection rate": ("sd rate", "sanction detection rate", "sanctioned detection rate", "sanction detection rates"),
    "sanction detections": ("sds", "sanction detections", "sanction detection", "sanctioned detections"),
    "racist and religious hate crime": (
        "racist and religious", "racist and religious hate crime", "racist and religious hate crimes",
        "racist and religious crime",
    ),
    "homophobic hate crime": ("homophobic", "homophobic hate crime", "homophobic crime"),
    "serious youth violence": ("serious youth violence",),
    "youth violence": ("youth violence",),
    "gun crime": ("gun crime", "gun crimes"),
    "knife crime": ("knife crime", "knife crimes"),
    "first time entrants": ("fte", "first time entrants", "first time entrant", "first time entrant rate"),
    "yot": ("yot", "youth offending team", "youth offending service", "yos"),
    "pas": ("pas", "public attitude survey", "public attitudes survey"),
    "iom": ("iom", "integrated offender management"),
    "marac": ("marac", "multi agency risk assessment conference"),
    "rape": ("rape", "rapes"),
    "mins": ("minutes", "mins", "min"),
    "%": ("per cent", "percent", "percentage", "proportion", "share"),
    "motor vehicle": ("mv", "motor vehicles"),
}

_VARIANTS: list[tuple[re.Pattern[str], str]] = sorted(
    (
        (re.compile(rf"(?<![\w%]){re.escape(variant)}(?![\w%])"), canonical)
        for canonical, variants in SYNONYMS.items()
        for variant in variants
    ),
    key=lambda pair: -len(pair[0].pattern),
)

STOPWORDS = frozenset(
    "a an the of in on at to for by and or with from as is was were be been being are this that these those "
    "what which who whom how many much did does do has have had there their its it into per vs versus "
    "according recorded record records reported report reports shown show shows give given set figure figures "
    "number numbers total totals barnet barnets s latest same period year years compared compare than "
    "table tables pack papers paper over during between up so far whole borough you your about "
    "area there their any all".split()
)  # fmt: skip

# Words that only say "the main figure": Offences / Volume / Number are the value itself.
_VALUE_WORDS = frozenset({"offences", "offence", "volume", "number", "count", "crimes", "incidents", "%", "value"})

STATISTICS: dict[str, tuple[str, ...]] = {
    "% change": (
        "% change", "% chg", "change", "percentage change", "actual reduction increase %", "actual reduction increase",
        "change vs prev year", "change vs previous yr", "change vs previous year", "change in points",
        "% change vs", "difference",
    ),
    "% change vs 5 years ago": ("% change vs 5 years ago",),
    "sanction detection rate": ("sanction detection rate", "primary sd rate", "barnet sd rate"),
    "sanction detections": ("sanction detections",),
    "sds short": ("sds short", "short"),
    "sd target": ("sd target",),
    "target": ("target", "offence target", "target reduction", "target reduction %", "mopac target %", "mopac target"),
    "rate per 1000": ("rate per 1000", "per 1000", "per 1000 population"),
    "similar group rank": ("similar group rank",),
    "london rank": ("london rank",),
    "base": ("base",),
    "confidence interval": ("confidence interval",),
    "average": ("average",),
}

KNOWN_STATISTICS = frozenset(STATISTICS) | {"value", "rank"}

# Places and organisations a row can be about (lower case). Boroughs are ranked; the rest are not.
LONDON_BOROUGHS = (
    "Barking & Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon", "Ealing", "Enfield",
    "Greenwich", "Hackney", "Hammersmith & Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
    "Hounslow", "Islington", "Kensington & Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham",
    "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets",
    "Waltham Forest", "Wandsworth", "Westminster", "City of London",
)  # fmt: skip
AGGREGATE_AREAS = (
    "MPS", "London", "London PCC Area", "England", "England and Wales", "National", "North Total",
    "South East Total", "South West Total", "East Total", "London average",
)  # fmt: skip
ORGANISATIONS = (
    "Police", "CPS", "Probation", "Court", "Prison", "Council", "LBB", "Total", "All", "Barnet Council",
    "NHS", "London Fire Brigade", "LFB",
)  # fmt: skip
_AREA_ALIASES = {"mps": "MPS", "national": "England", "nationally": "England", "london average": "London",
                 "national average": "England"}  # fmt: skip
_ORGANISATION_WORDS = {"police": "Police", "cps": "CPS", "crown prosecution service": "CPS", "probation": "Probation",
                       "court": "Court", "courts": "Court", "prison": "Prison", "council": "Council", "lbb": "LBB",
                       "across all agencies": "Total", "all agencies": "Total", "in total": "Total"}  # fmt: skip


def normalise_text(text: str) -> str:
    """Lower case, "&" as "and", no markup or punctuation (but "%"), single spaces."""
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"per\s*1,?000\b", "per 1000", text)
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w%£.\s]|(?<!\d)\.|\.(?!\d)|_", " ", text)
    return " ".join(text.split())


def canonical_text(text: str) -> str:
    """``text`` normalised with every synonym replaced by its canonical phrase."""
    out = f" {normalise_text(text)} "
    replaced: list[tuple[int, int, str]] = []
    for pattern, canonical in _VARIANTS:
        for m in pattern.finditer(out):
            if any(s < m.end() and m.start() < e for s, e, _ in replaced):
                continue
            replaced.append((m.start(), m.end(), canonical))
    for start, end, canonical in sorted(replaced, reverse=True):
        out = out[:start] + canonical + out[end:]
    return " ".join(out.split())


def content_tokens(text: str) -> list[str]:
    """The canonical words of ``text`` that carry meaning (no stopwords), crudely singular."""
    words = canonical_text(text).split()
    return [_singular(w) for w in words if w not in STOPWORDS]


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_ENUMERATOR = re.compile(r"^\s*(?:\(?[a-z0-9]{1,2}\)|\d{1,2}[.)]|[-•*])\s*", re.I)
_LEADING_NOISE = re.compile(
    r"^(?:reduction (?:of|in) |reduce |increase (?:in )?|increased |maintain |improve |headline |"
    r"total number of |number of |the )+"
)
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_FOOTNOTE = re.compile(r"(?<=\))\s*\d{1,2}\s*$")
KNOWN_MEASURES: tuple[str, ...] = tuple(sorted(SYNONYMS, key=len, reverse=True))


def known_measure(text: str) -> str | None:
    """The longest canonical measure phrase written in ``text`` ("residential burglary"), or None."""
    haystack = f" {canonical_text(text)} "
    for measure in KNOWN_MEASURES:
        if measure not in ("mins", "%", "motor vehicle", "pas") and f" {measure} " in haystack:
            return measure
    return None


def canonical_measure(label: str) -> str:
    """A row or column label as a measure: "3) Reduction in burglary" -> "burglary",
    "Reduction of Total Crime (TNO)" -> "total notifiable offences", "Violent crime (VWI)" ->
    "violence with injury" (an abbreviation in brackets defines the row)."""
    text = _FOOTNOTE.sub("", re.sub(r"\*+", " ", label)).strip()
    text = _ENUMERATOR.sub("", text)
    inner = [m.group(1) for m in _PARENTHESIS.finditer(text)]
    outside = _PARENTHESIS.sub(" ", text)
    for part in inner:
        defined = known_measure(part)
        if defined and canonical_text(part) == defined and known_measure(outside) != defined:
            return defined
    text = canonical_text(outside if outside.strip() else text)
    text = " ".join(_LEADING_NOISE.sub("", text).split()).strip()
    if text.startswith("total ") and known_measure(text[6:]) == text[6:]:
        text = text[6:]
    return text


def canonical_statistic(label: str) -> str:
    """A column label as the statistic it gives: "% Chg" -> "% change", "Offences" -> "value"."""
    text = canonical_text(label)
    text = re.sub(r"\bvs\b.*$", "vs", text) if "5 years ago" not in text else text
    text = " ".join(text.split())
    for statistic, variants in _statistic_variants().items():
        if text in variants or text.removesuffix(" vs") in variants:
            return statistic
    words = [w for w in text.split() if w not in STOPWORDS]
    if not words or all(w in _VALUE_WORDS for w in words):
        return "value"
    if "per 1000" in text:
        return "rate per 1000"
    if "rank" in words:
        return "rank"
    if "change" in words or "chg" in words:
        return "% change"
    return text


@cache
def _statistic_variants() -> dict[str, frozenset[str]]:
    return {statistic: frozenset(canonical_text(v) for v in variants) for statistic, variants in STATISTICS.items()}


def area_name(label: str) -> str | None:
    """The place or organisation a label names ("Westminster", "MPS", "Police"), or None."""
    text = " ".join(label.replace("&", "and").split()).strip(" :").lower()
    if text in _AREA_ALIASES:
        return _AREA_ALIASES[text]
    for name in (*LONDON_BOROUGHS, *AGGREGATE_AREAS, *ORGANISATIONS):
        if text == name.lower().replace("&", "and"):
            return name
    return None


def is_borough(area: str | None) -> bool:
    return area is not None and area in LONDON_BOROUGHS


def areas_in(text: str) -> list[str]:
    """Places named in a question, longest names first ("Kingston upon Thames", "London")."""
    found: list[str] = []
    haystack = f" {normalise_text(text)} "
    names = sorted((*LONDON_BOROUGHS, *AGGREGATE_AREAS, *_AREA_ALIASES), key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    for name in names:
        needle = f" {normalise_text(name)} "
        start = haystack.find(needle)
        if start >= 0 and not any(s <= start < e for s, e in taken):
            taken.append((start, start + len(needle)))
            found.append(_AREA_ALIASES.get(name, name))
    return found


def organisations_in(text: str) -> list[str]:
    """Organisations a question names ("the Police", "the Council"), and "Total" for "across all agencies"."""
    haystack = f" {normalise_text(text)} "
    return [name for word, name in _ORGANISATION_WORDS.items() if f" {word} " in haystack]
