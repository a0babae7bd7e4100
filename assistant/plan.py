"""The plan: which handlers answer a question, in order, chosen by its intent from data
(`Settings.plan`), not by which pattern fires first.

    check_plan(settings.plan)                          # once: every name is a handler
    handlers = plan_for(question, settings.plan, available)   # e.g. [tables, passages]
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.handlers import Handler
from board.errors import BoardQAError
from board.question import Question
from board.settings import PlanSettings
from tools.register.router import REGISTER_HANDLER_NAMES
from tools.tables.router import TABLE_HANDLER_NAMES

HANDLER_NAMES = (*TABLE_HANDLER_NAMES, *REGISTER_HANDLER_NAMES, "prose_figure", "passages")
CLOSING_HANDLER = "passages"


def plan_names(intent: str, plan: PlanSettings) -> tuple[str, ...]:
    """The handler names tried for an intent; the passage reader always closes the plan."""
    ordered = [n for n in dict.fromkeys(plan.for_intent(intent)) if n != CLOSING_HANDLER]
    return (*ordered, CLOSING_HANDLER)


def plan_for(
    question: Question, plan: PlanSettings, available: Mapping[str, Handler]
) -> list[Handler]:
    """The handlers for this question's intent, in the plan's order; one over a store this
    index does not have (no tables in any paper yet) is passed over."""
    return [available[n] for n in plan_names(question.intent, plan) if n in available]


def check_plan(plan: PlanSettings) -> None:
    """Raise BoardQAError naming any handler the plan names that does not exist."""
    wrong = sorted({n for names in plan.handlers.values() for n in names} - set(HANDLER_NAMES))
    if wrong:
        raise BoardQAError(
            f"settings plan.handlers names {', '.join(wrong)}, which are not handlers: "
            f"use {', '.join(HANDLER_NAMES)}"
        )
