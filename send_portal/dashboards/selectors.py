"""What each dashboard shows, read through the apps' own selectors.

Every function here runs a fixed number of queries, whatever the size of the data: lists are
limited in the database, counts and roll-ups are aggregated there, and related rows are
fetched with ``select_related``/``prefetch_related`` (no query per row).
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)

from inspections import selectors as inspection_selectors
from inspections.models import Indicator, IndicatorValue
from inspections.selectors import UNIT_SUFFIX
from localoffer import selectors as localoffer_selectors
from localoffer.models import SenReportItem
from send_portal.core.charts import Series, format_value, line_chart
from send_portal.core.dates import today
from send_portal.core.models import Area
from send_portal.core.rag import RAG, SEVERITY, worst
from send_portal.core.suppression import drawn_count, is_small_count, suppress_count
from workstreams import selectors as ws_selectors
from workstreams.meetings.models import Meeting
from workstreams.models import Action, Risk, Workstream
from workstreams.reporting import selectors as reporting_selectors
from workstreams.reporting.models import Report, ReportingPeriod, WorkstreamSnapshot
from workstreams.reporting.periods import previous_month
from workstreams.status import ActionStatus, progress_summary

# How many rows a dashboard list shows before it links to the full list.
LIST_LIMIT = 10
# Risks scoring this or more are exceptions the board sees.
HIGH_RISK_SCORE = 15
# As the Local Offer's own area panel.
AREA_SERVICES_LIMIT = 20


@dataclass(frozen=True)
class LimitedList:
    """The first rows of a list and how many there are in all."""

    rows: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


def _limited(queryset: QuerySet, limit: int = LIST_LIMIT) -> LimitedList:
    """One query: the first ``limit`` rows, each carrying the count of all (a window)."""
    rows = list(queryset.annotate(listed_total=Window(Count("pk")))[:limit])
    return LimitedList(rows, rows[0].listed_total if rows else 0)


def _window_count(condition: Q) -> Window:
    """How many rows of the whole (unlimited) queryset meet ``condition``, on every row."""
    return Window(Sum(Case(When(condition, then=Value(1)), default=Value(0))))


# Actions ------------------------------------------------------------------------------------


def area_actions(*, area: Area, on: date | None = None) -> QuerySet[Action]:
    """The actions touching the area and the county-wide ones, worst first (overdue, red…).

    Each row says whether it is county-wide (``county_wide``)."""
    through = Action.areas.through.objects
    return (
        ws_selectors.with_rag(
            Action.objects.filter(ws_selectors._area_filter(area.pk), programme__is_active=True),
            on,
        )
        .annotate(county_wide=~Exists(through.filter(action_id=OuterRef("pk"))))
        .select_related("programme", "workstream", "owner")
        .order_by("-overdue", _rag_order(), F("due_date").asc(nulls_last=True), "ref")
    )


STATUS_ORDER = [
    ActionStatus.NOT_STARTED,
    ActionStatus.BEHIND,
    ActionStatus.ON_TARGET,
    ActionStatus.COMPLETED,
]
RAG_ORDER = [RAG.RED, RAG.AMBER, RAG.GREEN, RAG.BLUE, RAG.GREY]


@dataclass(frozen=True)
class ActionsAtAGlance:
    """The first actions of a list, with the progress summary and RAG counts of all of them."""

    listed: LimitedList
    progress_summary: list[tuple[str, int]]
    rag_counts: list[tuple[str, int]]


def actions_at_a_glance(actions: QuerySet[Action], limit: int = LIST_LIMIT) -> ActionsAtAGlance:
    """One query: the first rows, and counts by status and by RAG over every row (windows)."""
    counted = actions.annotate(
        **{f"n_status_{s}": _window_count(Q(status=s)) for s in STATUS_ORDER},
        **{f"n_rag_{r}": _window_count(Q(rag=r)) for r in RAG_ORDER},
    )
    listed = _limited(counted, limit)
    first = listed.rows[0] if listed.rows else None

    def n(name: str) -> int:
        return int(getattr(first, name) or 0) if first is not None else 0

    return ActionsAtAGlance(
        listed,
        progress_summary({s: n(f"n_status_{s}") for s in STATUS_ORDER}),
        [(r, n(f"n_rag_{r}")) for r in RAG_ORDER],
    )


def _rag_order():
    return Case(
        *[When(rag=rag, then=Value(-level)) for rag, level in SEVERITY.items()],
        output_field=IntegerField(),
    ).asc()


def exception_actions(*, on: date | None = None) -> QuerySet[Action]:
    """Red or overdue actions of the active programmes, overdue first, oldest due first."""
    return (
        ws_selectors.with_rag(Action.objects.filter(programme__is_active=True), on)
        .filter(Q(rag=RAG.RED) | Q(overdue=True))
        .select_related("programme", "workstream", "owner")
        .order_by("-overdue", F("due_date").asc(nulls_last=True), "ref")
    )


def high_risks() -> QuerySet[Risk]:
    """Open risks and issues scoring 15 or more, highest first."""
    return (
        Risk.objects.filter(
            status=Risk.Status.OPEN,
            score__gte=HIGH_RISK_SCORE,
            workstream__programme__is_active=True,
        )
        .select_related("workstream__programme")
        .order_by("-score", "workstream__code", "pk")
    )


def active_workstreams(*, on: date | None = None) -> list[Workstream]:
    """Every workstream of the active programmes with its roll-up, in one query."""
    return _in_natural_order(
        ws_selectors.with_roll_ups(
            Workstream.objects.filter(programme__is_active=True).select_related(
                "programme", "lead"
            ),
            on,
        )
    )


def updates_due(*, month: date) -> list[Workstream]:
    """Workstreams of the active programmes without a monthly update for ``month``."""
    return _in_natural_order(
        Workstream.objects.filter(programme__is_active=True)
        .exclude(monthly_updates__month=month)
        .select_related("programme", "lead")
    )


def _in_natural_order(workstreams) -> list[Workstream]:
    """By programme, then code in natural order (2 before 10)."""
    return sorted(
        workstreams,
        key=lambda w: (w.programme.start_date, w.programme.name, _natural(w.code)),
    )


# Local Offer --------------------------------------------------------------------------------


def area_local_offer(*, area: Area) -> dict:
    """What the Local Offer's area panel (``localoffer/_area_panel.html``) shows: the settings'
    SEN information report compliance, the area's services and the county-wide count. Read once
    here so the settings table and the panel share the compliance rows."""
    return {
        "compliance": localoffer_selectors.area_compliance(area=area),
        # The panel lists names and links only: none of the services' related rows.
        "area_services": list(
            localoffer_selectors.area_services(area=area).prefetch_related(None)[
                :AREA_SERVICES_LIMIT
            ]
        ),
        "county_wide_count": localoffer_selectors.county_wide_service_count(),
        "item_count": len(SenReportItem),
    }


# Meetings -----------------------------------------------------------------------------------


def upcoming_area_meetings(*, area: Area, on: date | None = None) -> QuerySet[Meeting]:
    """Published meetings of the area's own groups, from today on, soonest first."""
    return (
        Meeting.objects.filter(
            group__area=area, status=Meeting.Status.PUBLISHED, date__gte=on or today()
        )
        .select_related("group")
        .order_by("date", "start_time", "pk")
    )


# Dashboards ---------------------------------------------------------------------------------


def area_dashboard(*, area: Area, on: date | None = None) -> dict:
    on = on or today()
    glance = actions_at_a_glance(area_actions(area=area, on=on))
    return {
        "area": area,
        "actions": glance.listed,
        "progress_summary": glance.progress_summary,
        "rag_counts": glance.rag_counts,
        "meetings": _limited(upcoming_area_meetings(area=area, on=on)),
        "indicators": area_indicators(area=area),
        "latest_report": latest_ready_report(area=area),
        **area_local_offer(area=area),
        "today": on,
    }


def board_dashboard(*, on: date | None = None) -> dict:
    on = on or today()
    workstreams = active_workstreams(on=on)
    actions = Action.objects.filter(programme__is_active=True)
    return {
        "overall_rag": worst(w.roll_up for w in workstreams),  # type: ignore[attr-defined]
        "progress_summary": ws_selectors.action_progress_summary(actions),
        "workstreams": workstreams,
        "exception_actions": _limited(exception_actions(on=on)),
        "high_risks": _limited(high_risks()),
        "high_risk_score": HIGH_RISK_SCORE,
        "history": rag_history(on=on),
        "latest_report": latest_ready_report(),
        "indicators": indicator_trends(),
        "today": on,
    }


def officer_home(*, user, on: date | None = None) -> dict:
    on = on or today()
    month, period = update_period(on=on)
    return {
        # The dashboard table does not list areas: no prefetch of them.
        "my_actions": _limited(ws_selectors.my_actions(user=user, on=on).prefetch_related(None)),
        "updates_month": month,
        "updates_period": period,
        "updates_due": updates_due(month=month),
        "reports": recent_reports(),
        "today": on,
    }


# Indicators ---------------------------------------------------------------------------------

# Indicators the board's trends show (a table row each) before linking to the full list.
INDICATOR_LIMIT = 12
# Indicators the area dashboard shows with their chart and figures before linking to the rest.
AREA_INDICATOR_LIMIT = 6


@dataclass(frozen=True)
class AreaIndicatorRow:
    period: str
    cells: list[str]  # the area's figure (suppressed when a small count), then the comparators


@dataclass
class AreaIndicator:
    """One indicator for one area, beside the whole local area and its comparators."""

    indicator: Indicator
    unit: str
    is_count: bool
    headings: list[str]
    rows: list[AreaIndicatorRow]
    chart: str
    latest_area: str
    latest_local: str
    suppressed: bool
    earlier_periods: bool = False  # values before the ones shown are on the indicator's page
    recent_periods: int = inspection_selectors.RECENT_PERIODS


def _shown(value, *, unit: str, is_count: bool) -> str:
    """A figure as people may see it: a count about children or pupils below 5 is suppressed."""
    if value is None:
        return "No data"
    if is_count:
        return suppress_count(int(value))
    return format_value(value, unit)


def area_indicators(*, area: Area, limit: int = AREA_INDICATOR_LIMIT) -> LimitedList:
    """The first ``limit`` indicators broken down for the area, their latest periods, and how
    many are broken down in all; two queries.

    A value of an indicator whose unit is "number" counts children or pupils: below 5 it is shown
    as "fewer than 5" and left out of the chart (a chart must not reveal what the table hides).
    """
    broken_down = list(
        Indicator.objects.filter(
            Exists(IndicatorValue.objects.filter(indicator=OuterRef("pk"), area=area))
        )
        .order_by("weakness__number", "name", "pk")
        .values_list("pk", flat=True)
    )
    values = (
        inspection_selectors.recent_values(
            IndicatorValue.objects.filter(
                Q(area=area) | Q(area__isnull=True), indicator_id__in=broken_down[:limit]
            )
        )
        .select_related("indicator__weakness__inspection")
        .order_by("indicator__weakness__number", "indicator__name", "indicator_id", "period_start")
    )
    by_indicator: dict[int, list[IndicatorValue]] = {}
    for value in values:
        by_indicator.setdefault(value.indicator_id, []).append(value)
    result = []
    for rows in by_indicator.values():
        # Earlier periods of the area's own series (the table's rows), not the local area's.
        _, earlier = inspection_selectors.split_recent([v for v in rows if v.area_id])
        rows, _ = inspection_selectors.split_recent(rows)
        in_area = [v for v in rows if v.area_id is not None]
        indicator = in_area[0].indicator
        result.append(_area_indicator(indicator, area, in_area, rows, earlier=earlier))
    return LimitedList(result, len(broken_down))


def _area_indicator(
    indicator, area: Area, in_area: list, rows: list, *, earlier: bool = False
) -> AreaIndicator:
    unit = UNIT_SUFFIX[indicator.unit]
    is_count = indicator.unit == Indicator.Unit.NUMBER
    local = {v.period_start: v for v in rows if v.area_id is None}
    local_name = indicator.weakness.inspection.local_area
    comparators = [
        (field, name)
        for field, name in [
            ("region", indicator.region_name),
            ("statistical_neighbours", "Statistical neighbours"),
            ("england", "England"),
        ]
        if any(getattr(v, field) is not None for v in local.values())
    ]
    periods = [v.period for v in in_area]
    county = [local.get(v.period_start) for v in in_area]
    suppressed = is_count and any(is_small_count(v.value) for v in in_area)

    def drawn(value):
        return drawn_count(value) if is_count else value

    series = [Series(area.name, [drawn(v.value) for v in in_area])]
    series.append(Series(local_name, [c.value if c else None for c in county]))
    series += [
        Series(name, [getattr(c, field) if c else None for c in county])
        for field, name in comparators
    ]
    description = f"Line chart of {area.name} against {local_name} and its comparators."
    if suppressed:
        description += " Counts below 5 are not drawn."
    chart = line_chart(
        title=f"{indicator.name}: {area.name}",
        description=description,
        periods=periods,
        series=series,
        target=indicator.target,
        unit=unit,
        chart_id=f"area-indicator-{indicator.pk}-chart",
    )
    table_rows = [
        AreaIndicatorRow(
            v.period,
            [_shown(v.value, unit=unit, is_count=is_count)]
            + [format_value(c.value, unit) if c else "No data"]
            + [
                format_value(getattr(c, field), unit) if c else "No data"
                for field, _ in comparators
            ],
        )
        for v, c in zip(in_area, county, strict=True)
    ]
    latest_local = next((c for c in reversed(county) if c is not None), None)
    return AreaIndicator(
        indicator=indicator,
        unit=unit,
        is_count=is_count,
        headings=[area.name, local_name] + [name for _, name in comparators],
        rows=table_rows,
        chart=chart,
        latest_area=f"{_shown(in_area[-1].value, unit=unit, is_count=is_count)} ({in_area[-1].period})",
        latest_local=(
            f"{format_value(latest_local.value, unit)} ({latest_local.period})"
            if latest_local
            else "No data"
        ),
        suppressed=suppressed,
        earlier_periods=earlier,
    )


def indicator_trends(limit: int = INDICATOR_LIMIT) -> LimitedList:
    """The whole local area's first indicators as table rows (RAG, latest, trend, target: their
    latest two values; each indicator's page has its chart), in two queries."""
    indicators = list(inspection_selectors.indicator_list(periods=2, local_only=True)[: limit + 1])
    summaries = [
        inspection_selectors.indicator_summary(indicator, area_ids=set(), charts=False)
        for indicator in indicators[:limit]
    ]
    return LimitedList(summaries, len(indicators))


# Reporting ----------------------------------------------------------------------------------


def latest_ready_report(*, area: Area | None = None) -> Report | None:
    """The newest ready report: of the area, or of the whole portfolio."""
    reports = Report.objects.filter(state=Report.State.READY).select_related("period", "area")
    if area is not None:
        reports = reports.filter(scope=Report.Scope.AREA, area=area)
    else:
        reports = reports.filter(scope=Report.Scope.PORTFOLIO)
    return reports.order_by("-period__month", "-finished_at", "-pk").first()


def recent_reports() -> LimitedList:
    """Reports newest first, whatever their state (queued, generating, failed, ready)."""
    return _limited(
        Report.objects.select_related("period", "programme", "area", "requested_by").order_by(
            "-requested_at", "-pk"
        )
    )


def update_period(*, on: date) -> tuple[date, ReportingPeriod | None]:
    """The month monthly updates are being collected for (last month until it is locked, then
    this month; never a locked month), and its period if opened: as the workstream page asks."""
    return reporting_selectors.update_month(on=on)


@dataclass(frozen=True)
class HistoryRow:
    programme: str
    code: str
    title: str
    cells: list  # per month: (rolled-up RAG, lead's stated RAG) or None without a snapshot

    @property
    def labels(self) -> list[str]:
        """Each month's cell as the table shows it, worked out here once rather than by the
        template for every cell: "Red", "Amber (lead: Green)", or "" without a snapshot."""
        labels = []
        for cell in self.cells:
            if not cell:
                labels.append("")
                continue
            rolled, stated = cell
            text = RAG(rolled).label if rolled else "Not rated"
            if stated and stated != rolled:
                text += f" (lead: {RAG(stated).label})"
            labels.append(text)
        return labels


@dataclass(frozen=True)
class RagHistory:
    months: list[date]
    rows: list[HistoryRow]


def rag_history(*, on: date, months: int = 12) -> RagHistory:
    """Each workstream's RAG in the locked periods of the last ``months`` months (oldest first),
    from the snapshots taken when each period was locked; one query."""
    first = on.replace(day=1)
    for _ in range(months - 1):
        first = previous_month(first)
    snapshots = list(
        WorkstreamSnapshot.objects.filter(
            period__state=ReportingPeriod.State.LOCKED,
            period__month__gte=first,
            period__month__lte=on,
        )
        .values(
            "period__month",
            "programme_order",
            "programme_name",
            "code",
            "title",
            "rolled_up_rag",
            "stated_rag",
        )
        .order_by("period__month")
    )
    month_list = sorted({s["period__month"] for s in snapshots})
    column = {month: i for i, month in enumerate(month_list)}
    rows: dict[tuple, dict] = {}
    for s in snapshots:
        key = (s["programme_order"], s["programme_name"], _natural(s["code"]))
        row = rows.setdefault(
            key,
            {
                "programme": s["programme_name"],
                "code": s["code"],
                "title": s["title"],
                "cells": [None] * len(month_list),
            },
        )
        row["title"] = s["title"]  # the newest title
        row["cells"][column[s["period__month"]]] = (s["rolled_up_rag"], s["stated_rag"])
    return RagHistory(months=month_list, rows=[HistoryRow(**rows[key]) for key in sorted(rows)])


def _natural(code: str) -> tuple:
    """Workstream codes in natural order: 2 before 10, A before B."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", code))
