"""The register's handlers, one per kind of question of the minutes' record: decisions,
actions, attendance, a meeting's details, the meetings held, what became of a topic and when
it was last discussed. The plan (settings `plan.handlers`) names them by intent;
`RegisterRouter` tries them all, for callers that want the register's answer alone.

    handlers = register_handlers(Register(index), chunks)
    answer = RegisterRouter(Register(index), chunks).route(question, filters)  # or None
"""

from __future__ import annotations

from board.profile import BoardProfile
from board.question import Question
from board.records import ToolAnswer
from board.routing import Filters
from tools.paper_words import PaperWords
from tools.register.decided import Actions, Decisions
from tools.register.handler import RegisterHandler
from tools.register.history import LastDiscussed, Timeline
from tools.register.meeting_handlers import Attendance, MeetingDetails, Meetings
from tools.register.store import Register
from tools.register.tools import ChunkSource

REGISTER_HANDLERS: tuple[type[RegisterHandler], ...] = (
    Decisions,
    Actions,
    Attendance,
    MeetingDetails,
    Meetings,
    Timeline,
    LastDiscussed,
)
REGISTER_HANDLER_NAMES = tuple(h.name for h in REGISTER_HANDLERS)


def register_handlers(
    register: Register,
    chunks: ChunkSource = (),
    profile: BoardProfile | None = None,
    paper_words: PaperWords | None = None,
) -> list[RegisterHandler]:
    """Every register handler over one register (``chunks``: the papers, for the timeline;
    ``profile``: what the board's minutes call it deciding; ``paper_words``: the words each
    paper writes, shared with the other handlers that read them)."""
    return [handler(register, chunks, profile, paper_words) for handler in REGISTER_HANDLERS]


class RegisterRouter:
    """The register's answer to a question: the handler for the kind of record it asks about
    (each answers one kind); None when it asks none, or nothing matches."""

    name = "register"

    def __init__(self, register: Register, chunks: ChunkSource = ()) -> None:
        self.register = register
        self.handlers = register_handlers(register, chunks)

    def route(self, question: Question, filters: Filters) -> ToolAnswer | None:
        for handler in self.handlers:
            answer = handler.route(question, filters)
            if answer is not None:
                return answer
        return None
