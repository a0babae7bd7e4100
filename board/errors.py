"""The one errors module. Every message here is safe to show a user.

BoardQAError
 ├── ConfigError          a setting is wrong or a backend's extra is missing
 ├── IngestError          a file could not be read (one file; others go on)
 │    └── UnsupportedFile an extension no loader handles
 ├── IndexMissing         asked a question before anything was ingested
 ├── QuestionError        a question that cannot be read (too long); the message says why
 └── BackendError         the embedding model, vector store or chat model failed
"""

from __future__ import annotations


class BoardQAError(Exception):
    """Base class: a problem the user can act on, with a message that says how."""


class ConfigError(BoardQAError):
    """A setting is invalid, or the package for a chosen backend is not installed."""


class IngestError(BoardQAError):
    """One file could not be ingested; the message names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFile(IngestError):
    """The file's extension has no loader."""


class IndexMissing(BoardQAError):
    """There is no index yet: run `boardqa ingest` first."""


class QuestionError(BoardQAError):
    """A question that cannot be read as asked; the message gives the reason in one line."""


class BackendError(BoardQAError):
    """A backend (embedding model, vector store, chat model) failed."""
