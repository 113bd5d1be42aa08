"""The report's figures, built only from a locked period's snapshot rows (never live data).

Pure functions over snapshot rows: the progress summary, RAG change (↑ ↓ →), newly completed
and newly overdue actions, exceptions, and the area filter.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db.models import Prefetch, Q

from send_portal.core.rag import RAG, SEVERITY, worst
from workstreams.status import ActionStatus, progress_summary

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


@dataclass
class ActionLine:
    snap: ActionSnapshot
    newly_completed: bool = False
    newly_overdue: bool = False
    newly_red: bool = False

    @property
    def is_exception(self) -> bool:
        return self.snap.rag == RAG.RED or self.snap.is_overdue

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
    rag_from_elsewhere: bool = False  # an area report: its RAG comes from actions elsewhere

    @property
    def exceptions(self) -> list[ActionLine]:
        """Its red or overdue actions: each printed with its owner's latest progress note."""
        return [line for line in self.actions if line.is_exception]


@dataclass
class ProgrammePart:
    name: str
    programme_id: int | None
    rag: str | None
    workstreams: list[WorkstreamPart] = field(default_factory=list)


@dataclass(frozen=True)
class RagCount:
    rag: str
    label: str
    now: int
    before: int | None  # None without an earlier locked month

    @property
    def change(self) -> str:
        if self.before is None:
            return "No earlier month"
        diff = self.now - self.before
        if diff == 0:
            return "No change"
        return f"+{diff}" if diff > 0 else f"−{-diff}"  # a true minus sign


@dataclass(frozen=True)
class Decision:
    workstream: WorkstreamSnapshot
    text: str  # the lead's rich text (cleaned when saved)


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
    exception_risks: list[RiskSnapshot]
    indicators: list[IndicatorSnapshot]
    decisions: list[MeetingItemSnapshot]
    actions_arising: list[MeetingItemSnapshot]
    council_name: str = ""
    overall_reasons: list[str] = field(default_factory=list)
    rag_counts: list[RagCount] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)
    board_decisions: list[Decision] = field(default_factory=list)
    updates_submitted: int = 0

    @property
    def programme_names(self) -> list[str]:
        return [programme.name for programme in self.programmes]

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


def _previous_rows(previous: ReportingPeriod | None, report: Report):
    """The previous month's action rows in the report's scope keyed by action, and each
    workstream's RAG then (the workstream's own, as its snapshot holds it, whatever the scope)."""
    if previous is None:
        return {}, {}
    area_id = report.area_id if report.scope == Report.Scope.AREA else None
    actions = ActionSnapshot.objects.filter(period=previous)
    if report.scope == Report.Scope.PROGRAMME:
        actions = actions.filter(workstream_snapshot__programme_id=report.programme_id)
    by_action = {
        action_id: (status, overdue, rag)
        for action_id, status, overdue, rag, area_ids in actions.values_list(
            "action_id", "status", "is_overdue", "rag", "area_ids"
        )
        if action_in_area(area_ids, area_id)
    }
    roll_ups = dict(
        WorkstreamSnapshot.objects.filter(period=previous).values_list(
            "workstream_id", "rolled_up_rag"
        )
    )
    return by_action, {ws: rag or None for ws, rag in roll_ups.items()}


def build_report_content(report: Report, *, generated_at: datetime) -> ReportContent:

    period = report.period
    if not period.is_locked:
        raise ValueError(f"The period {period} is not locked: a report needs its snapshot")
    previous = ReportingPeriod.objects.filter(
        month=previous_month(period.month), state=ReportingPeriod.State.LOCKED
    ).first()
    previous_actions, previous_roll_ups = _previous_rows(previous, report)
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
                    newly_red=previous is not None
                    and action.rag == RAG.RED
                    and (before is None or before[2] != RAG.RED),
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
            rag_from_elsewhere=area_id is not None
            and bool(lines)
            and worst(line.snap.rag for line in lines) != rag,
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
    exceptions = [line for line in all_lines if line.is_exception]
    exceptions.sort(key=lambda line: (line.snap.due_date or date.max, natural_key(line.snap.ref)))
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
    indicators = list(indicators)
    parts = [ws for programme in programmes.values() for ws in programme.workstreams]
    overall = worst(programme.rag for programme in programmes.values())
    rag_counts = _rag_counts(all_lines, previous_actions if previous else None)
    return ReportContent(
        title=report.title,
        scope_label=report.scope_label,
        period=period,
        previous_period=previous,
        generated_at=generated_at,
        overall_rag=overall,
        summary=progress_summary(line.snap.status for line in all_lines),
        total_actions=len(all_lines),
        programmes=list(programmes.values()),
        exception_actions=exceptions,
        exception_risks=high_risks,
        indicators=indicators,
        decisions=[i for i in meeting_items if i.kind == MeetingItemSnapshot.Kind.DECISION],
        actions_arising=[i for i in meeting_items if i.kind == MeetingItemSnapshot.Kind.ACTION],
        council_name=settings.COUNCIL_NAME,
        overall_reasons=overall_reasons(parts, overall),
        rag_counts=rag_counts,
        headlines=headlines(
            parts=parts,
            lines=all_lines,
            high_risks=high_risks,
            indicators=indicators,
            previous_indicators=_previous_indicators(previous, report),
            has_previous=previous is not None,
        ),
        board_decisions=[
            Decision(workstream=ws.snap, text=ws.snap.decisions_needed)
            for ws in parts
            if ws.snap.decisions_needed.strip()
        ],
        updates_submitted=sum(1 for ws in parts if ws.snap.update_submitted),
    )


# The executive summary: worked out from the snapshots only ---------------------------------

HEADLINES_MIN, HEADLINES_MAX = 3, 5
REFS_LISTED = 4


def _refs(lines: list[ActionLine]) -> str:
    refs = [line.snap.ref for line in lines[:REFS_LISTED]]
    more = len(lines) - len(refs)
    return ", ".join(refs) + (f" and {more} more" if more else "")


def _actions_word(n: int) -> str:
    return f"{n} action{'' if n == 1 else 's'}"


def _rag_counts(lines: list[ActionLine], previous_actions: dict | None) -> list[RagCount]:
    """Actions by RAG this month and last month (in the report's scope), worst first."""
    now = Counter(line.snap.rag for line in lines)
    before = Counter(rag for _s, _o, rag in previous_actions.values()) if previous_actions else None
    order = sorted(RAG.values, key=lambda rag: -SEVERITY[rag])
    return [
        RagCount(
            rag=rag,
            label=RAG(rag).label,
            now=now.get(rag, 0),
            before=None if before is None else before.get(rag, 0),
        )
        for rag in order
    ]


REASONS_LISTED = 3


def overall_reasons(parts: list[WorkstreamPart], overall: str | None) -> list[str]:
    """Which workstreams and actions make the overall RAG what it is (red or amber): the first
    three in full, then how many more (all are in the RAG by workstream table)."""
    if overall not in {RAG.RED, RAG.AMBER}:
        return []
    label = RAG(overall).label.lower()
    reasons = []
    for ws in parts:
        if ws.rag == overall:
            actions = [a for a in ws.snap.actions.all() if a.rag == overall]
            in_scope = {line.snap.pk for line in ws.actions}
            named = "; ".join(
                f"{a.ref} {a.title}"
                + (" (overdue)" if a.is_overdue else "")
                + ("" if a.pk in in_scope else " (not in this area)")
                for a in actions[:1]
            )
            more = len(actions) - min(len(actions), 1)
            reasons.append(
                f"Workstream {ws.snap.code}, {ws.snap.title}, is {label}: "
                f"{_actions_word(len(actions))} {label} ({named}"
                + (f"; and {more} more" if more else "")
                + ")."
            )
        elif ws.snap.stated_rag == overall:
            reasons.append(
                f"Workstream {ws.snap.code}, {ws.snap.title}: its lead rates it {label}"
                + (f": {_plain(ws.snap.stated_rag_reason)}" if ws.snap.stated_rag_reason else "")
                + ("" if _plain(ws.snap.stated_rag_reason).endswith(".") else ".")
            )
    if len(reasons) > REASONS_LISTED:
        more = len(reasons) - REASONS_LISTED
        codes = [ws.snap.code for ws in parts if ws.rag == overall or ws.snap.stated_rag == overall]
        reasons = [
            *reasons[:REASONS_LISTED],
            f"And {more} more workstream{'' if more == 1 else 's'} {label}: "
            + ", ".join(codes[REASONS_LISTED:])
            + " (see RAG by workstream).",
        ]
    return reasons


def _plain(html: str) -> str:
    from django.utils.html import strip_tags

    return " ".join(strip_tags(html or "").split())


def _indicator_key(indicator: IndicatorSnapshot) -> tuple:
    return (indicator.name, indicator.area_id, indicator.programme_id)


def _previous_indicators(previous: ReportingPeriod | None, report: Report) -> dict:
    if previous is None:
        return {}
    rows = IndicatorSnapshot.objects.filter(period=previous)
    if report.scope == Report.Scope.AREA:
        rows = rows.filter(area_id=report.area_id)
    else:
        rows = rows.filter(area__isnull=True)
    return {_indicator_key(row): row for row in rows}


def headlines(
    *,
    parts: list[WorkstreamPart],
    lines: list[ActionLine],
    high_risks: list[RiskSnapshot],
    indicators: list[IndicatorSnapshot],
    previous_indicators: dict,
    has_previous: bool,
) -> list[str]:
    """Three to five messages for page 1: what changed since last month first (newly red,
    newly completed, newly overdue, indicators past their target, workstreams worse), then the
    standing facts (red actions, updates in, high risks) to make at least three."""
    messages = []
    if has_previous:
        worse = [ws for ws in parts if ws.change == WORSE]
        if worse:
            listed = worse[:REFS_LISTED]
            more = len(worse) - len(listed)
            messages.append(
                f"{len(worse)} workstream{'' if len(worse) == 1 else 's'} worse than last month: "
                + "; ".join(
                    f"{ws.snap.code} from {RAG(ws.previous_rag).label} to {RAG(ws.rag).label}"
                    for ws in listed
                )
                + (f"; and {more} more" if more else "")
                + "."
            )
        for attribute, words in (
            ("newly_red", "became red this month"),
            ("newly_completed", "completed this month"),
            ("newly_overdue", "became overdue this month"),
        ):
            chosen = [line for line in lines if getattr(line, attribute)]
            if chosen:
                messages.append(f"{_actions_word(len(chosen))} {words}: {_refs(chosen)}.")
        for indicator in indicators:
            before = previous_indicators.get(_indicator_key(indicator))
            if indicator.meets_target and before is not None and before.meets_target is False:
                messages.append(
                    f"{indicator.name} moved past its target ({indicator.value.normalize():f}"
                    f"{indicator.unit} against {indicator.target.normalize():f}{indicator.unit})."
                )
    facts = []
    red = [line for line in lines if line.snap.rag == RAG.RED]
    facts.append(
        f"{_actions_word(len(red))} of {len(lines)} {'is' if len(red) == 1 else 'are'} red"
        + (f": {_refs(red)}." if red else ".")
    )
    submitted = sum(1 for ws in parts if ws.snap.update_submitted)
    facts.append(f"{submitted} of {len(parts)} workstream leads sent their monthly update.")
    facts.append(
        f"{len(high_risks)} open risk{'' if len(high_risks) == 1 else 's'} "
        f"score{'s' if len(high_risks) == 1 else ''} {EXCEPTION_RISK_SCORE} or more."
    )
    if not has_previous:
        facts.append("There is no earlier locked month to compare with.")
    for fact in facts:
        if len(messages) >= HEADLINES_MIN:
            break
        messages.append(fact)
    return messages[:HEADLINES_MAX]
