"""The project's one sentence segmenter, tokenizer, stemmer (and the root built on it),
stopword list, question words and coverage measure, and the table-row mark.

Every module that compares words (BM25, the composer, the register, the
question reader) uses these, so that 'burglaries' in a question meets
'burglary' in a paper the same way everywhere. The domain's word folds
('cllr', 'antisocial') come from the base profile.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from board.names import TITLE
from board.profile import BASE
from board.records import Chunk, Section

# A title or an initial, which pysbd may take for a sentence's end ("Cllr.", "J.").
# A title or initial ("Cllr.", "S."), or a bare list number opening the sentence ("iii.", "4.").
_NOT_AN_END = re.compile(rf"(?:^|[\s(])(?:{TITLE}|[A-Z])\.$|^(?:[ivx]{{1,4}}|\d{{1,2}})\.$")
_MAY_END = re.compile(r"(\S*?)([.!?]['\")\]]*)\s+(?=\S)")


def _clear_ends(text: str) -> list[int] | None:
    """Where sentences end when every candidate end is unmistakable (a word of four or more
    lower-case letters, or a year or figure, then a capital): None when any could be an
    initial, a title or an abbreviation ("S.", "Cllr.", "approx.", "No."), for pysbd."""
    ends: list[int] = []
    for m in _MAY_END.finditer(text):
        word, after = m.group(1).lstrip("(\"'"), text[m.end()]
        if m.group(2)[0] == "." and not after.isupper() and not after.isdigit():
            if after.islower():
                continue  # "approx. one in five": no end
            return None
        plain_word = (word.isalpha() and word.islower() and len(word) >= 4) or (
            word.isdigit() and len(word) >= 3
        )
        if m.group(2)[0] == "." and not plain_word:
            return None
        ends.append(m.end())
    return ends


def _spans(text: str, ends: list[int]) -> tuple[tuple[int, int], ...]:
    spans = []
    for start, end in zip([0, *ends], [*ends, len(text)], strict=True):
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append((start + lead, start + len(piece.rstrip())))
    return tuple(spans)


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


@lru_cache(maxsize=65536)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where each sentence of ``text`` starts and ends: the project's one sentence segmenter
    (pysbd), which does not end a sentence at initials, titles or abbreviations
    ("Councillor S. Keary", "Mr. J. Smith", "approx. 88%", "No. 5") nor inside a decimal."""
    clear = _clear_ends(text)
    if clear is not None:  # every end unmistakable ("... agreed. The"): no need to weigh them
        return _spans(text, clear)
    spans: list[tuple[int, int]] = []
    for span in _segmenter().segment(text):
        start = span.start + len(span.sent) - len(span.sent.lstrip())
        end = span.start + len(span.sent.rstrip())
        if end <= start:
            continue
        if spans and _NOT_AN_END.search(text[spans[-1][0] : spans[-1][1]]):
            spans[-1] = (spans[-1][0], end)  # "… by Cllr." + "J. Davies …": one sentence
        else:
            spans.append((start, end))
    return tuple(spans)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, as written (see ``sentence_spans``)."""
    return [text[start:end] for start, end in sentence_spans(text)]


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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The project's one light English stemmer: plurals and long '-ing' forms ('Panels' is
    'panel', 'priorities' 'priority', 'witnesses' 'witness', 'commissioning' 'commission');
    'focus', 'analysis' and 'address' stay as they are."""
    w = word.lower()
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes")):
        return w[:-2]
    if w.endswith("ing") and len(w) >= 7:
        return w[:-3]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def root(word: str) -> str:
    """A word's root, its stem without a derivational ending, for meeting words of one family:
    'tarmacking' and 'tarmac', 'resolved' and 'resolve', 'saving' and 'save'."""
    word = stem(word)
    endings: tuple[str, ...] = ("ion", "ment", "er", "al", "e")
    for suffix in ("ing", "ed", "s"):  # the inflection first: 'offered' is 'offer' …
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word, endings = word[: -len(suffix)], endings[:-1]  # ('agreed' is 'agre', as 'agree')
            break
    for suffix in endings:  # … then as 'offer' is
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=8192)
def words_of(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A text's tokens and their roots, read once however many questions weigh the text."""
    tokens = frozenset(tokenize(text))
    return tokens, frozenset(root(t) for t in tokens)


def coverage(
    terms: Sequence[str], text: str, weight: Callable[[str], float] = lambda term: 1.0
) -> float:
    """The project's one coverage measure: the ``weight``-ed share (rarity, by default each
    alike) of ``terms`` that ``text`` uses, a term meeting its word or a word of its family."""
    if not terms:
        return 0.0
    tokens, roots = words_of(text)
    total = sum(weight(t) for t in terms)
    got = sum(weight(t) for t in terms if t in tokens or root(t) in roots)
    return got / total if total else 0.0


# The papers' own variants of one word.
# One word of the domain written several ways ("cllr", "chairman", "antisocial"): the base
# profile's, as one index serves every board's questions. Then English's irregular forms.
SYNONYMS = {
    **BASE.word_folds,
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


# a bullet glyph, a list letter or number ("a)", "(iv)", "2."), or the "o" word processors set
# for a second-level bullet when its glyph is lost ("o In 2017, the SSA received ...")
BULLET = re.compile(r"^\s*(?:[-*•\uf0b7\uf0a7▪●◦]|\(?[a-z0-9]{1,3}[.)]|o(?=\s+[A-Z0-9£$]))\s+")


def is_figure_word(word: str) -> bool:
    """A word that is a figure as a table or a list of figures sets it: "-100.0", "1,124",
    "£45.00", "(12)", "-33.3%"."""
    digits = word.strip("-+(£$€%)").replace(",", "").replace(".", "", 1)
    return digits.isdigit()


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
# The one question-word list. Its first part frames any question about the papers; a
# figure's subject keeps the rest ("so far", "recorded", "shown" are words its sentence shares).
_FRAMING = """board partnership paper papers meeting meetings say said discuss discussed report
    reported happen happened mention mentioned know many much number did does whom""".split()  # noqa: SIM905
FRAMING_WORDS = frozenset(_FRAMING) | frozenset(stem(w) for w in _FRAMING)
_ASKING = FRAMING_WORDS | frozenset(
    """tell according recorded record besides roughly approximately around exactly currently
    usually still ever already yet also just actually really overall far so named called listed
    shown show shows state stated given among amongst within""".split()  # noqa: SIM905
)
# As written and as stemmed: tokens are compared with it ("meetings" is "meet").
QUESTION_WORDS = _ASKING | frozenset(stem(w) for w in _ASKING)
# The words a question about the minutes asks with, not its topic ("on what basis", "who was
# asked to take it away", "according to the minutes"): the register's scaffolding.
MINUTES_ASKING = frozenset(
    """according basis where which who when whom agree agreed ask asked act acting bring do did
    given going say said minute minutes following take taken away get got give""".split()  # noqa: SIM905
)
