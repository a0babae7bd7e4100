"""The project's one tokenizer, stopword list and stemmer, and the sentence and table-row marks.

Every module that compares words (BM25, the composer, the register, the
question reader) uses these, so that 'burglaries' in a question meets
'burglary' in a paper the same way everywhere.
"""

from __future__ import annotations

import re

from board.records import Chunk, Section

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")

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
    # irregular past forms read as their verb: "led by" answers "who leads"
    "led": "lead",
    "held": "hold",
    "took": "take",
    "taken": "take",
    "chose": "choose",
    "chosen": "choose",
    "sought": "seek",
    "brought": "bring",
}


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content words and numbers, with the papers' synonyms folded."""
    text = (
        text.lower()
        .replace("’", "'")
        .replace("anti-social", "antisocial")
        .replace("anti social", "antisocial")
    )
    text = re.sub(r"(?<=[a-z0-9])'s\b", "", text)  # "Northtown's" is Northtown
    words = (stem(t) for t in _TOKEN.findall(text) if t not in STOPWORDS)
    return [SYNONYMS.get(w, w) for w in words]


def is_table_row(text: str) -> bool:
    """A row of a tab-separated or markdown pipe table."""
    stripped = text.strip()
    return ("\t" in text and bool(stripped)) or (
        stripped.startswith("|") and stripped.count("|") >= 2
    )


def context_line(section: Section) -> str:
    """The heading context embedded with each chunk of a section."""
    return " > ".join(section.heading_path)


def embedding_text(chunk: Chunk) -> str:
    """What is embedded and indexed for a chunk: its heading context and its text."""
    return f"{chunk.section}\n{chunk.text}"


# Words that say what kind of answer is wanted, not what it is about.
QUESTION_WORDS = frozenset(
    """board partnership paper papers meeting meetings say said discuss discussed report reported
    happen happened mention mentioned know many much number did does whom tell according
    recorded record besides roughly approximately around exactly currently usually still ever
    already yet also just actually really overall far so named called listed shown show shows
    state stated given among amongst within""".split()  # noqa: SIM905
)
