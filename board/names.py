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

# a title, or a list's plural one ("Cllrs Howells, Mrs Kay and Ms McDonagh")
TITLE_PREFIX = re.compile(rf"^(?:(?:Councillors|Cllrs)\.?\s+|{TITLE}\s+)+")
MENTION = re.compile(
    rf"(?:\b(?:{TITLE})\s+)?\b{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}\b"
    r"|\b[Tt]he Chairman\b|\b[Hh]e\b|\b[Ss]he\b"
)


def strip_title(name: str) -> str:
    """'Supt Neil Seabridge' -> 'Neil Seabridge'."""
    return " ".join(TITLE_PREFIX.sub("", " ".join(name.replace("*", " ").split())).split()).strip(
        " .,;:"
    )


def is_org_word(token: str, profile: BoardProfile) -> bool:
    word = token.lower().strip(".,;:()'’")
    singular = word[:-1] if word.endswith("s") and len(word) > 3 else word  # "Treasurers"
    return (
        word in profile.role_words or word in profile.name_words or singular in profile.role_words
    )


def looks_like_name(text: str, profile: BoardProfile) -> bool:
    """Two or three capitalised words, none of them a role or organisation word."""
    tokens = strip_title(text).split()
    return (
        2 <= len(tokens) <= 3
        and all(re.fullmatch(NAME_TOKEN, t) for t in tokens)
        and not any(is_org_word(t, profile) for t in tokens)
    )
