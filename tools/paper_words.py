"""Which papers a question's words point at: the words each paper writes, read from its
passages on first use. Shared by the handlers that answer from one body's papers among
several (tables, the register)."""

from __future__ import annotations

from collections.abc import Sequence

from board.records import Chunk
from board.text import tokenize


class PaperWords:
    """The words each paper writes, by file, read from its passages on first use: which papers
    a question's proper names point at."""

    def __init__(self, passages: Sequence[Chunk]) -> None:
        self._passages = passages
        self._words: dict[str, set[str]] | None = None

    @property
    def words(self) -> dict[str, set[str]]:
        if self._words is None:
            words: dict[str, set[str]] = {}
            for chunk in self._passages:
                text = f"{chunk.doc_title} {chunk.title} {chunk.text}"
                words.setdefault(chunk.source, set()).update(tokenize(text))
            self._words = words
        return self._words

    def naming(self, names: Sequence[str]) -> set[str] | None:
        """The papers that write each of ``names`` that some papers write and others do not
        ("Alameda" of a question about one police department among several); None when no
        name tells the papers apart."""
        papers: set[str] | None = None
        for name in names:
            having = {source for source, words in self.words.items() if name in words}
            if having and len(having) < len(self.words):
                papers = having if papers is None else papers & having
        return papers

    def most_of(self, words: Sequence[str]) -> set[str] | None:
        """The papers that write the most of ``words`` (of those some papers write and others
        do not): where a topic is written about; None when no word tells the papers apart."""
        telling = [
            word
            for word in set(words)
            if 0 < sum(word in written for written in self.words.values()) < len(self.words)
        ]
        if not telling:
            return None
        counts = {
            source: sum(word in written for word in telling)
            for source, written in self.words.items()
        }
        best = max(counts.values())
        return {source for source, n in counts.items() if n == best}
