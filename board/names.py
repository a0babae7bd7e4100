"""How papers and questions write a person's name: a title, then capitalised words; and the
words of roles and organisations that make a capitalised run something other than a name."""

from __future__ import annotations

import re

from board.profile import BoardProfile

TITLE = (
    r"(?:Chief\s+Superintendent|Chief\s+Inspector|Councillor|Cllr|Supt|Superintendent|DCI|CI|Dr|"
    r"Mrs|Mr|Ms|Miss|Cdr|Commander|Insp|Inspector|Sgt|Professor|Prof)\.?"
)
# "Okafor", "McDonald", "O'Neill", "Smith-Jones"
NAME_TOKEN = r"(?:[A-Z](?:[a-z]*[A-Z][a-z]+|['’][A-Z][a-z]+|[a-z]+)(?:-[A-Z][a-z]+)?)"

TITLE_PREFIX = re.compile(rf"^(?:{TITLE}\s+)+")
MENTION = re.compile(
    rf"(?:\b(?:{TITLE})\s+)?\b{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}\b"
    r"|\b[Tt]he Chairman\b|\b[Hh]e\b|\b[Ss]he\b"
)

# Words of roles and organisations: a run of capitalised words containing one is not a person.
ORG_WORDS = frozenset(
    """chairman chair deputy borough commander met police north west east south magistrates
    magistrate probation community also present chief inspector interim director
    environment planning regeneration assistant regulation safety children's childrens
    safeguarding board mayor's office policing crime engagement group co-ordinator coordinator
    iom project lead protection executive's executive service services commercial adult social
    care health strategic policy adviser advisor cabinet member resident domestic violence
    intervention manager council court nhs central metropolitan fire brigade university
    department criminology public watch victim support family well-being commissioner
    head governance clinical commissioning company rehabilitation national work pensions homes
    re crc nps cpr cpseg cseg lfb dwp ofsted unit team trust partnership strategy plan
    report minutes meeting agenda item action update apologies absence the welcome introductions
    matters arising any other business date next safer communities superintendent county
    jobcentre plus officer senior programme area
    residents survey surveys perception assessment review consultation census performance
    annual quarterly""".split()  # noqa: SIM905 (the last two lines: words naming an exercise or a document)
)


def strip_title(name: str) -> str:
    """'Supt Neil Seabridge' -> 'Neil Seabridge'."""
    return " ".join(TITLE_PREFIX.sub("", " ".join(name.replace("*", " ").split())).split()).strip(
        " .,;:"
    )


def is_org_word(token: str, profile: BoardProfile) -> bool:
    word = token.lower().strip(".,;:()'’")
    return word in ORG_WORDS or word in profile.name_words


def looks_like_name(text: str, profile: BoardProfile) -> bool:
    """Two or three capitalised words, none of them a role or organisation word."""
    tokens = strip_title(text).split()
    return (
        2 <= len(tokens) <= 3
        and all(re.fullmatch(NAME_TOKEN, t) for t in tokens)
        and not any(is_org_word(t, profile) for t in tokens)
    )
