"""Demo data for this app (called by `manage.py load_demo`, in order; must be idempotent).

The three latest months whose leads' deadline has passed are opened and locked, as the scheduled
job would have (each takes its snapshot of the demo programmes loaded before this module); the
month whose updates are still due stays open. The latest locked month's portfolio report is
generated,
so the reports page has a ready PDF to download. Running it again changes nothing: locked
periods keep their snapshots and a ready report is never regenerated.
"""

from django.utils import timezone

from workstreams.reporting import services
from workstreams.reporting.models import Report
from workstreams.reporting.periods import (
    latest_month_past_deadline,
    month_end,
    next_month,
    previous_month,
)

DEMO_MONTHS = 3


def load(stdout) -> None:
    month = next_month(latest_month_past_deadline(timezone.localdate()))
    months = []
    for _ in range(DEMO_MONTHS):
        month = previous_month(month)
        months.append(month)
    periods = []
    for first in reversed(months):  # oldest first, so each month compares with the one before
        period = services.period_open(month=first)
        services.period_lock(period=period, today=month_end(first))
        period.refresh_from_db()
        periods.append(period)
    latest = periods[-1]
    report, _ = Report.objects.get_or_create(
        period=latest,
        scope_key="portfolio",
        defaults={"scope": Report.Scope.PORTFOLIO},
    )
    if report.state != Report.State.READY:
        services.report_generate(report_id=report.pk)
    stdout.write(
        f"Reporting: {len(periods)} locked months up to {latest}; its portfolio report is ready."
    )
