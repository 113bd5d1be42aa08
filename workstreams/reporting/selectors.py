"""Reads: the reports a person may see, the periods, and what a month still lacks."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from send_portal.core.models import Area
from workstreams.models import Action, MonthlyUpdate, Programme, ProgressUpdate, Workstream
from workstreams.status import ActionStatus

from .models import PeriodEvent, Report, ReportingPeriod
from .periods import default_deadline, next_month, previous_month


def reports_visible_to(*, user, year: int | None = None, scope: str = "") -> QuerySet[Report]:
    """Newest month first. Headteachers see only their own area's reports."""
    reports = Report.objects.select_related("period", "programme", "area", "requested_by")
    if not user.has_perm("reporting.generate_report") and not user.has_perm(
        "core.view_board_dashboard"
    ):
        if user.area is None:
            return reports.none()
        reports = reports.filter(scope=Report.Scope.AREA, area=user.area)
    if year:
        reports = reports.filter(period__month__year=year)
    if scope:
        reports = reports.filter(scope=scope)
    return reports.order_by("-period__month", "-requested_at", "-pk")


def report_years() -> list[int]:
    return sorted(
        {month.year for month in ReportingPeriod.objects.values_list("month", flat=True)},
        reverse=True,
    )


def periods() -> QuerySet[ReportingPeriod]:
    return (
        ReportingPeriod.objects.select_related("opened_by", "locked_by")
        .prefetch_related(
            Prefetch("events", queryset=PeriodEvent.objects.select_related("by")),
            Prefetch("reports", queryset=Report.objects.only("pk", "period_id", "state")),
        )
        .order_by("-month")
    )


def period_is_final(period: ReportingPeriod) -> bool:
    """Once one of its reports is ready a month is final: it can never be reopened."""
    return period.reports.filter(state=Report.State.READY).exists()


def update_month(*, on: date) -> tuple[date, ReportingPeriod | None]:
    """The month the leads' monthly updates are being collected for, and its period if opened.

    Last month while its update is still due (before its deadline, or while its period is open),
    else this month; a locked month is never asked for: the next one is.
    """
    this_month = on.replace(day=1)
    last_month = previous_month(this_month)
    periods = {p.month: p for p in ReportingPeriod.objects.filter(month__gte=last_month)}
    last = periods.get(last_month)
    if (last is None and on <= default_deadline(last_month)) or (last and not last.is_locked):
        month = last_month
    else:
        month = this_month
    while month in periods and periods[month].is_locked:
        month = next_month(month)
    return month, periods.get(month)


def month_is_locked(month: date) -> bool:
    return ReportingPeriod.objects.filter(
        month=month.replace(day=1), state=ReportingPeriod.State.LOCKED
    ).exists()


@dataclass(frozen=True)
class LockSummary:
    """What a month still lacks, shown before an officer locks it."""

    workstream_count: int
    without_update: list[Workstream]
    action_count: int
    not_reviewed: list[Action]


def lock_summary(period: ReportingPeriod) -> LockSummary:
    """Workstreams of the active programmes without a monthly update for the month, and the
    actions not completed whose status was not reviewed (no progress update dated from the 1st
    of the month to its deadline)."""
    workstreams = list(
        Workstream.objects.filter(programme__is_active=True)
        .select_related("programme", "lead")
        .annotate(
            has_update=Exists(
                MonthlyUpdate.objects.filter(workstream=OuterRef("pk"), month=period.month)
            )
        )
        .order_by("programme__start_date", "programme__name", "code")
    )
    actions = list(
        Action.objects.filter(programme__is_active=True)
        .exclude(status=ActionStatus.COMPLETED)
        .select_related("workstream", "owner")
        .annotate(
            reviewed=Exists(
                ProgressUpdate.objects.filter(
                    action=OuterRef("pk"), date__gte=period.month, date__lte=period.deadline
                )
            )
        )
        .order_by("programme__start_date", "programme__name", "workstream__code", "ref")
    )
    return LockSummary(
        workstream_count=len(workstreams),
        without_update=[w for w in workstreams if not w.has_update],
        action_count=len(actions),
        not_reviewed=[a for a in actions if not a.reviewed],
    )


def locked_periods() -> QuerySet[ReportingPeriod]:
    return periods().filter(state=ReportingPeriod.State.LOCKED)


def active_programmes() -> QuerySet[Programme]:
    return Programme.objects.filter(is_active=True).order_by("start_date", "name")


def areas() -> QuerySet[Area]:
    return Area.objects.order_by("name")


def recent_months(*, today: date, count: int = 12) -> list[date]:
    """The current month and the ``count - 1`` before it, newest first."""
    months, month = [], today.replace(day=1)
    for _ in range(count):
        months.append(month)
        month = previous_month(month)
    return months
