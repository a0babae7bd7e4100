"""How papers and questions write a person's name: a title, then capitalised words."""

from __future__ import annotations

TITLE = (
    r"(?:Chief\s+Superintendent|Chief\s+Inspector|Councillor|Cllr|Supt|Superintendent|DCI|CI|Dr|"
    r"Mrs|Mr|Ms|Miss|Cdr|Commander|Insp|Inspector|Sgt|Professor|Prof)\.?"
)
# "Okafor", "McDonald", "O'Neill", "Smith-Jones"
NAME_TOKEN = r"(?:[A-Z](?:[a-z]*[A-Z][a-z]+|['’][A-Z][a-z]+|[a-z]+)(?:-[A-Z][a-z]+)?)"
