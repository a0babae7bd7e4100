"""BM25 over the same chunks as the vector store, with a tokenizer tuned to board papers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rank_bm25 import BM25Okapi

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "tell",
        "give",
        "show",
        "list",
        "please",
    ]
)
_TOKEN = re.compile(r"[a-z0-9]+(?:[/'][a-z0-9]+)*")


def stem(word: str) -> str:
    """A light English stemmer: enough to match 'burglaries'/'burglary', 'panels'/'panel'."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


# The papers' own variants of one word.
SYNONYMS = {
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "cllr": "councillor",
    "antisocial": "asb",
    "burglarie": "burglary",
    "wrote": "author",
    "written": "author",
    "authored": "author",
}


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content words and numbers, with the papers' synonyms folded."""
    text = (
        text.lower()
        .replace("’", "'")
        .replace("anti-social", "antisocial")
        .replace("anti social", "antisocial")
    )
    text = re.sub(r"(?<=[a-z])'s\b", "", text)  # "Barnet's" is Barnet
    words = (stem(t) for t in _TOKEN.findall(text) if t not in STOPWORDS)
    return [SYNONYMS.get(w, w) for w in words]


class LexicalIndex:
    """BM25Okapi over chunk texts; ``search`` returns (position, score) best first."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._docs = [tokenize(t) for t in texts]
        self._bm25 = BM25Okapi(self._docs) if self._docs else None

    def search(
        self, query: str, k: int, allowed: Sequence[bool] | None = None
    ) -> list[tuple[int, float]]:
        terms = tokenize(query)
        if self._bm25 is None or not terms:
            return []
        scores = self._bm25.get_scores(terms)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        hits = [
            (i, float(scores[i]))
            for i in order
            if scores[i] > 0 and (allowed is None or allowed[i])
        ]
        return hits[:k]
