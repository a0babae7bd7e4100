"""The words that carry no meaning in a question about a table's figures: the one stopword
list, less the words a table's labels are told apart by ("Other theft", "Violence against
the person", "Under 18s"), and the words that only say "a figure of a table". Data only;
``measures`` applies it. The domain's measures and statistics are in the base profile
(board/base_profile.toml), a board's own in its profile.
"""

from __future__ import annotations

from board.text import STOPWORDS as ENGLISH_STOPWORDS

# Stopwords elsewhere, but a table's row and column labels are told apart by them.
LABEL_WORDS = frozenset(
    """above after against before below both down each few further more most no nor not off
    once only other out own some such through under until""".split()  # noqa: SIM905
)
# Words that ask for a table's figure rather than name what it measures.
FIGURE_ASKING = frozenset(
    """according area borough compare compared far figure figures given latest many much number
    numbers pack paper papers per period record recorded records report reported reports s set
    shown shows table tables total totals versus vs whole year years""".split()  # noqa: SIM905
)
STOPWORDS = (ENGLISH_STOPWORDS - LABEL_WORDS) | FIGURE_ASKING
