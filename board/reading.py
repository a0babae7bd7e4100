"""The reader's one entry: a question as the user wrote it, in its conversation, read into
the `Question` record that the plan and every handler take.

    question = read("And the year before?", profile, history)
    question.text        # "How many robberies were there in 2015/16?"
    question.written     # "And the year before?"
    question.unresolved  # None, or why a follow-up could not be read
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from board.followups import Turn, resolve
from board.profile import BoardProfile
from board.question import Question, checked_question, read_question


def read(
    text: str,
    profile: BoardProfile,
    history: Sequence[Turn] = (),
    *,
    max_chars: int | None = None,
) -> Question:
    """``text`` read once: a follow-up resolved against ``history`` (latest last), then read.
    Raises QuestionError for a question over ``max_chars`` before anything else reads it."""
    written = checked_question(text, max_chars)
    resolution = resolve(written, history, profile, max_chars)
    question = read_question(resolution.question, profile, max_chars=max_chars)
    if not resolution.follow_up and resolution.unresolved is None:
        return question
    return replace(question, written=written, unresolved=resolution.unresolved)
