"""Reads: the reports a person may see, and the periods."""

from datetime import date

from django.db.models import QuerySet

from send_portal.core.models import Area
from workstreams.models import Programme

from .models import Report, ReportingPeriod
from .periods import previous_month


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
    return ReportingPeriod.objects.select_related("opened_by", "locked_by").order_by("-month")


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
