"""Reads of an inspection's findings with the programme's answer: its plans, workstreams, actions."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from inspections import selectors as inspection_selectors
from inspections.models import AreaOfWeakness, Inspection
from inspections.selectors import RECENT_PERIODS, TimelineEvent

from ..models import Action, Programme
from ..rag import effective_rag

# How many actions and pieces of evidence the weakness page lists (the readiness narrative has
# them all).
WEAKNESS_PAGE_ACTIONS = 25
WEAKNESS_PAGE_EVIDENCE = 10


# The inspection's timeline -------------------------------------------------------------------


def _required_plans(root: Inspection) -> list[str]:
    """The plans the inspection's outcome calls for, as their kinds' names."""
    if root.framework == "2023":
        if not root.outcome:
            return []
        plans = [Programme.Kind.STRATEGIC_PLAN]
        if root.outcome == Inspection.Outcome.SYSTEMIC:
            plans.append(Programme.Kind.PRIORITY_ACTION_PLAN)
        return [label for value, label in Programme.Kind.choices if value in plans]
    return ["Written Statement of Action"] if root.wsoa_required else []


def inspection_timeline(inspection: Inspection) -> list[TimelineEvent]:
    """Inspection → plan(s) → revisit or monitoring inspection → milestones, in date order: the
    inspection's own events, and the programmes made in answer to it (or the plan still due)."""
    root = inspection.revisit_of or inspection
    events = inspection_selectors.inspection_events(root)
    plans = list(Programme.objects.filter(inspection=root).order_by("start_date"))
    for programme in plans:
        events.append(
            TimelineEvent(
                programme.start_date,
                programme.end_date,
                programme.get_kind_display(),
                programme.name,
                order=1,
            )
        )
    made = {programme.get_kind_display() for programme in plans}
    for plan in _required_plans(root):
        if plan not in made:
            events.append(TimelineEvent(root.end_date, None, plan, f"{plan} required", order=1))
    return sorted(events, key=lambda e: (e.date, e.order))


# A finding's workstreams and actions ---------------------------------------------------------


def _actions_visible(area_ids: set[int] | None) -> QuerySet[Action]:
    """Actions a reader may see: all of them, or county-wide ones and those of their own area."""
    actions = Action.objects.select_related("workstream", "owner").order_by(
        "workstream__code", "ref"
    )
    if area_ids is None:
        return actions
    return actions.filter(Q(areas__isnull=True) | Q(areas__in=area_ids)).distinct()


def weakness_detail(
    pk: int,
    *,
    area_ids: set[int] | None = None,
    with_actions: bool = True,
    periods: int = RECENT_PERIODS,
    local_only: bool = False,
) -> AreaOfWeakness:
    """One area of weakness with all it shows, its workstreams and (``with_actions``) the
    actions answering it; ``area_ids`` limits area-specific actions (``with_actions=False``:
    none read, see ``weakness_actions``), ``periods`` how many periods of each indicator series."""
    related = [Prefetch("actions", queryset=_actions_visible(area_ids))] if with_actions else []
    return (
        inspection_selectors.weaknesses(periods=periods, local_only=local_only)
        .prefetch_related("workstreams", *related)
        .get(pk=pk)
    )


def weakness_actions(
    weakness: AreaOfWeakness, *, area_ids: set[int] | None = None, limit: int
) -> list[Action]:
    """The first ``limit`` of the weakness's actions the reader may see (cut by the database)."""
    return list(_actions_visible(area_ids).filter(weaknesses=weakness)[:limit])


@dataclass(frozen=True)
class WeaknessActionCounts:
    total: int
    by_status: dict[str, int]
    with_evidence: int


def weakness_action_counts(
    weakness: AreaOfWeakness, *, area_ids: set[int] | None = None
) -> WeaknessActionCounts:
    """How many of the weakness's actions the reader may see, by status, and how many record
    evidence of impact: counted by the database, in one query."""
    visible = _actions_visible(area_ids).filter(weaknesses=weakness).values("pk")
    rows = list(
        Action.objects.filter(pk__in=visible)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"), with_evidence=Count("pk", filter=~Q(evidence_of_impact="")))
    )
    by_status = {row["status"]: row["n"] for row in rows}
    return WeaknessActionCounts(
        sum(by_status.values()), by_status, sum(row["with_evidence"] for row in rows)
    )


@dataclass(frozen=True)
class ActionLine:
    action: Action
    rag: str
    url: str


def action_lines(
    weakness: AreaOfWeakness, today: date | None = None, actions: list[Action] | None = None
) -> list[ActionLine]:
    """Each action (the weakness's prefetched ones, or ``actions``) with its RAG and link."""
    today = today or timezone.localdate()
    return [
        ActionLine(
            action,
            effective_rag(
                status=action.status,
                start=action.start_date,
                due=action.due_date,
                override=action.rag_override,
                today=today,
            ),
            reverse("workstreams:action_detail", kwargs={"pk": action.pk}),
        )
        for action in (weakness.actions.all() if actions is None else actions)
    ]
