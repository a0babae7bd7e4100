"""How well a table's measures fit a request: written in it as a phrase, every word of
them in it in some order, the request inside a longer measure, or most words of a long one;
a long word of one stem with the request's counting as the request's ("residence" for
"residential"). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from board.measures import MeasureWords, content_tokens, known_measures, measure_words
from board.profile import BoardProfile

PHRASE = 2.0  # the measure is written in the request
WEAK = (
    1.0  # a one-word measure the synonym table does not know ("cases"): needs the table named too
)
ALL_WORDS = 1.5  # every word of the measure is in the request, in some order
_FUZZY_MIN = 0.75  # share of a long measure's words the request must hold
_KIN_PREFIX = 7  # letters two long words of one stem share ("residen|ce", "residen|tial")
_SPAN_REACH = 60  # characters over which a measure's scattered words still count as one mention


def measure_scores(
    measures: Iterable[str], request: str | MeasureWords, profile: BoardProfile
) -> dict[str, float]:
    """How well each measure matches the request (a question's words as read, or a tool
    call's measure); measures that do not match are left out.

    A measure written in the request scores highest, longer ones higher ("residential
    burglary" over "burglary"); measures contained in a longer matched one are dropped.
    """
    asked = measure_words(request, profile)
    haystack = f" {asked.canonical} "
    wanted = set(asked.tokens)
    scores: dict[str, float] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    kin = _stems(wanted)
    for measure in set(m for m in measures if m):
        words = _as_asked(set(content_tokens(measure, profile)), kin)
        if not words or all(w.isdigit() for w in words):
            continue
        weak = len(words) == 1 and measure not in known_measures(profile)
        found = [
            (m.start(), m.end())
            for m in re.finditer(rf"(?<=\s){re.escape(measure)}(?=\s)", haystack)
        ]
        if found or asked.measure == measure:
            scores[measure] = WEAK if weak else PHRASE + 0.1 * len(words)
            spans[measure] = found
        elif words <= wanted:
            scores[measure] = WEAK if weak else ALL_WORDS + 0.1 * len(words)
            if not weak and (pseudo := _word_span(haystack, words)) is not None:
                spans[measure] = [pseudo]
        elif wanted and wanted <= words:
            scores[measure] = 1.2 + 0.1 * len(wanted)  # a short request inside a long measure
        elif len(words) >= 3 and len(words & wanted) / len(words) >= _FUZZY_MIN:
            scores[measure] = len(words & wanted) / len(words)
    # "burglary" inside "residential burglary" in the text is not asked about on its own;
    # a measure whose words are a strict part of another fully matched measure gives way.
    phrase_spans = {m: sp for m, sp in spans.items() if scores.get(m, 0) >= PHRASE}
    for short in list(scores):
        words_short = set(content_tokens(short, profile))
        others = [
            sp
            for long, sp in spans.items()
            if long != short
            and (
                len(long) > len(short)
                if long in phrase_spans
                else words_short < set(content_tokens(long, profile))
            )
        ]
        own = phrase_spans.get(short, [])
        independent = [
            (s, e) for s, e in own if not any(ls <= s and e <= le for sp in others for ls, le in sp)
        ]
        if independent:
            continue
        wider = [
            long
            for long, score in scores.items()
            if long != short
            and score >= ALL_WORDS
            and words_short < set(content_tokens(long, profile))
        ]
        if own or wider:
            del scores[short]
    return scores


def _as_asked(words: set[str], kin: dict[str, str]) -> set[str]:
    """A measure's words, each long one written as the request's word of the same stem
    ("residence" as the "residential" asked); ``kin`` maps a stem to the word asked."""
    if not kin:
        return words
    return {kin.get(w[:_KIN_PREFIX], w) if len(w) > _KIN_PREFIX else w for w in words}


def _stems(wanted: set[str]) -> dict[str, str]:
    """The request's long words by their first _KIN_PREFIX letters."""
    return {w[:_KIN_PREFIX]: w for w in sorted(wanted) if len(w) > _KIN_PREFIX}


def _word_span(haystack: str, words: set[str]) -> tuple[int, int] | None:
    """Where a measure's words sit in the text when they are not written together (if close)."""
    places: list[tuple[int, int]] = []
    for word in words:
        m = re.search(rf"(?<=\s){re.escape(word)}\w*(?=\s)", haystack)
        if m is None:
            return None
        places.append(m.span())
    start, end = min(p[0] for p in places), max(p[1] for p in places)
    return (start, end) if end - start <= _SPAN_REACH else None
