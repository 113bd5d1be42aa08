"""The report's figures, built only from a locked period's snapshot rows (never live data).

Pure functions over snapshot rows: the progress summary, RAG change (↑ ↓ →), newly completed
and newly overdue actions, exceptions, and the area filter.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Prefetch, Q

from send_portal.core.rag import RAG, SEVERITY, worst
from workstreams.status import ActionStatus

from .models import (
    ActionSnapshot,
    IndicatorSnapshot,
    MeetingItemSnapshot,
    Report,
    ReportingPeriod,
    RiskSnapshot,
    WorkstreamSnapshot,
)
from .periods import previous_month

_DIGITS = re.compile(r"(\d+)")
EXCEPTION_RISK_SCORE = 15
# The exceptions page holds at most this many rows so that it stays on one page.
EXCEPTION_ACTIONS_MAX = 20
EXCEPTION_RISKS_MAX = 6


@dataclass(frozen=True)
class Change:
    arrow: str
    words: str


IMPROVED = Change("↑", "Better")
WORSE = Change("↓", "Worse")
SAME = Change("→", "No change")
NEW = Change("", "New this month")


def rag_change(previous: str | None, current: str | None) -> Change:
    """↑ when the RAG improved since last month, ↓ when it got worse, → when it held."""
    if not previous or not current:
        return NEW
    if SEVERITY[current] < SEVERITY[previous]:
        return IMPROVED
    if SEVERITY[current] > SEVERITY[previous]:
        return WORSE
    return SAME


def action_in_area(area_ids: list[int], area_id: int | None) -> bool:
    """An area report holds the actions that touch the area and the county-wide ones."""
    return area_id is None or not area_ids or area_id in area_ids


def natural_key(text: str) -> list:
    """'2' before '10', 'C.2' before 'C.10': codes and references as people number them."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in _DIGITS.split(text)]


def progress_summary(statuses) -> list[tuple[str, int]]:
    """Counts per status in the words of seed 003, in its order."""
    counts = Counter(statuses)
    return [(label, counts.get(value, 0)) for value, label in ActionStatus.choices]


@dataclass
class ActionLine:
    snap: ActionSnapshot
    newly_completed: bool = False
    newly_overdue: bool = False

    @property
    def marks(self) -> str:
        marks = []
        if self.newly_completed:
            marks.append("Newly completed")
        if self.newly_overdue:
            marks.append("Newly overdue")
        return ", ".join(marks)


@dataclass
class WorkstreamPart:
    snap: WorkstreamSnapshot
    rag: str | None
    previous_rag: str | None
    change: Change
    actions: list[ActionLine] = field(default_factory=list)
    risks: list[RiskSnapshot] = field(default_factory=list)
    no_action_in_area: bool = False  # an area report: none of its actions touch the area


@dataclass
class ProgrammePart:
    name: str
    programme_id: int | None
    rag: str | None
    workstreams: list[WorkstreamPart] = field(default_factory=list)


@dataclass
class ReportContent:
    title: str
    scope_label: str
    period: ReportingPeriod
    previous_period: ReportingPeriod | None
    generated_at: datetime
    overall_rag: str | None
    summary: list[tuple[str, int]]
    total_actions: int
    programmes: list[ProgrammePart]
    exception_actions: list[ActionLine]
    exception_actions_more: int
    exception_risks: list[RiskSnapshot]
    exception_risks_more: int
    indicators: list[IndicatorSnapshot]
    decisions: list[MeetingItemSnapshot]
    actions_arising: list[MeetingItemSnapshot]
    indicators_available: bool
    meetings_available: bool

    @property
    def workstreams(self) -> list[WorkstreamPart]:
        return [ws for programme in self.programmes for ws in programme.workstreams]


def _workstreams(period: ReportingPeriod, report: Report):
    queryset = WorkstreamSnapshot.objects.filter(period=period).prefetch_related(
        Prefetch("actions", queryset=ActionSnapshot.objects.order_by("ref")),
        Prefetch("risks", queryset=RiskSnapshot.objects.order_by("-score", "pk")),
    )
    if report.scope == Report.Scope.PROGRAMME:
        queryset = queryset.filter(programme_id=report.programme_id)
    return queryset.order_by("programme_order", "programme_name", "code")


def _previous_rows(previous: ReportingPeriod | None):
    """The previous month's action rows keyed by action, and each workstream's RAG then (the
    workstream's own, as its snapshot holds it, whatever the report's scope)."""
    if previous is None:
        return {}, {}
    actions = ActionSnapshot.objects.filter(period=previous).values_list(
        "action_id", "status", "is_overdue", "rag"
    )
    by_action = {action_id: (status, overdue, rag) for action_id, status, overdue, rag in actions}
    roll_ups = dict(
        WorkstreamSnapshot.objects.filter(period=previous).values_list(
            "workstream_id", "rolled_up_rag"
        )
    )
    return by_action, {ws: rag or None for ws, rag in roll_ups.items()}


def build_report_content(report: Report, *, generated_at: datetime) -> ReportContent:
    from . import sources

    period = report.period
    if not period.is_locked:
        raise ValueError(f"The period {period} is not locked: a report needs its snapshot")
    previous = ReportingPeriod.objects.filter(
        month=previous_month(period.month), state=ReportingPeriod.State.LOCKED
    ).first()
    previous_actions, previous_roll_ups = _previous_rows(previous)
    area_id = report.area_id if report.scope == Report.Scope.AREA else None

    programmes: dict[str, ProgrammePart] = {}
    all_lines: list[ActionLine] = []
    risks: list[RiskSnapshot] = []
    for snap in _workstreams(period, report):
        lines = []
        for action in snap.actions.all():
            if not action_in_area(action.area_ids, area_id):
                continue
            before = previous_actions.get(action.action_id)
            lines.append(
                ActionLine(
                    snap=action,
                    newly_completed=previous is not None
                    and action.status == ActionStatus.COMPLETED
                    and (before is None or before[0] != ActionStatus.COMPLETED),
                    newly_overdue=previous is not None
                    and action.is_overdue
                    and (before is None or not before[1]),
                )
            )
        # The workstream's RAG is the workstream's (``rag.roll_up`` over ALL its actions, taken
        # at the lock), in an area report too: an area sees fewer actions, never a kinder RAG.
        rag = snap.rolled_up_rag or None
        previous_rag = previous_roll_ups.get(snap.workstream_id)
        part = WorkstreamPart(
            snap=snap,
            rag=rag,
            previous_rag=previous_rag,
            change=rag_change(previous_rag, rag),
            actions=lines,
            risks=list(snap.risks.all()),
            no_action_in_area=area_id is not None and not lines,
        )
        programme = programmes.setdefault(
            snap.programme_name,
            ProgrammePart(name=snap.programme_name, programme_id=snap.programme_id, rag=None),
        )
        programme.workstreams.append(part)
        all_lines.extend(lines)
        risks.extend(part.risks)

    for programme in programmes.values():
        programme.workstreams.sort(key=lambda ws: natural_key(ws.snap.code))
        for ws in programme.workstreams:
            ws.actions.sort(key=lambda line: natural_key(line.snap.ref))
        programme.rag = worst(
            [ws.rag for ws in programme.workstreams]
            + [ws.snap.stated_rag for ws in programme.workstreams]
        )
    exceptions = [line for line in all_lines if line.snap.rag == RAG.RED or line.snap.is_overdue]
    exceptions.sort(key=lambda line: (line.snap.due_date or date.max, line.snap.ref))
    high_risks = sorted(
        (risk for risk in risks if risk.score >= EXCEPTION_RISK_SCORE),
        key=lambda risk: -risk.score,
    )
    indicators = IndicatorSnapshot.objects.filter(period=period)
    if report.scope == Report.Scope.AREA:
        indicators = indicators.filter(area_id=report.area_id)
    else:
        indicators = indicators.filter(area__isnull=True)
        if report.scope == Report.Scope.PROGRAMME:
            indicators = indicators.filter(programme_id__in=[report.programme_id, None])
    meeting_items = MeetingItemSnapshot.objects.filter(period=period)
    if report.scope == Report.Scope.AREA:  # the area's own groups and the county-wide ones
        meeting_items = meeting_items.filter(Q(area__isnull=True) | Q(area_id=report.area_id))
    meeting_items = list(meeting_items)
    return ReportContent(
        title=report.title,
        scope_label=report.scope_label,
        period=period,
        previous_period=previous,
        generated_at=generated_at,
        overall_rag=worst(programme.rag for programme in programmes.values()),
        summary=progress_summary(line.snap.status for line in all_lines),
        total_actions=len(all_lines),
        programmes=list(programmes.values()),
        exception_actions=exceptions[:EXCEPTION_ACTIONS_MAX],
        exception_actions_more=max(0, len(exceptions) - EXCEPTION_ACTIONS_MAX),
        exception_risks=high_risks[:EXCEPTION_RISKS_MAX],
        exception_risks_more=max(0, len(high_risks) - EXCEPTION_RISKS_MAX),
        indicators=list(indicators),
        decisions=[i for i in meeting_items if i.kind == MeetingItemSnapshot.Kind.DECISION],
        actions_arising=[i for i in meeting_items if i.kind == MeetingItemSnapshot.Kind.ACTION],
        indicators_available=sources.indicators_available(),
        meetings_available=sources.meetings_available(),
    )
