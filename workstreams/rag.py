"""The RAG rules for actions and workstreams (docs/domain.md): plain functions over plain values.

- not started: grey, red once its start date (or due date) has passed
- underway, on target: green; red when past due
- underway, behind target: amber; red when past due
- completed: blue (completion needs evidence of impact)
An officer's override wins, except that a not-completed action past its due date is never
shown green and an action not completed is never shown blue. A workstream's roll-up is the worst of its actions: it never hides a red.
"""

from datetime import date

from send_portal.core.rag import RAG, worst

from .status import ActionStatus


def is_overdue(*, status: str, due: date | None, today: date) -> bool:
    return status != ActionStatus.COMPLETED and due is not None and due < today


def suggest_rag(*, status: str, start: date | None, due: date | None, today: date) -> str:
    if status == ActionStatus.COMPLETED:
        return RAG.BLUE
    if is_overdue(status=status, due=due, today=today):
        return RAG.RED
    if status == ActionStatus.NOT_STARTED:
        return RAG.RED if start is not None and start < today else RAG.GREY
    if status == ActionStatus.BEHIND:
        return RAG.AMBER
    return RAG.GREEN


def effective_rag(
    *, status: str, start: date | None, due: date | None, override: str, today: date
) -> str:
    """The RAG shown: the officer's override if any, but never green when overdue, and never
    blue (completed) unless the action is completed."""
    suggested = suggest_rag(status=status, start=start, due=due, today=today)
    if not override:
        return suggested
    if override == RAG.GREEN and is_overdue(status=status, due=due, today=today):
        return suggested
    if override == RAG.BLUE and status != ActionStatus.COMPLETED:
        return suggested
    return override


def roll_up(action_rags) -> str | None:
    """A workstream's RAG from its actions' RAGs: the worst of them (None without actions).

    THE workstream RAG: every page (through ``selectors.workstream_rags``), every snapshot and
    every report, area reports included, take it over all of the workstream's actions, never a
    subset: a roll-up never hides a red."""
    return worst(action_rags)
