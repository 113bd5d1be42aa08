"""Celery tasks: thin wrappers that take ids and call the services."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError

from send_portal.core.dates import today

from . import services

logger = logging.getLogger(__name__)

# Errors worth trying again (the database or storage was briefly unavailable).
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
MAX_RETRIES = 4


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
    max_retries=MAX_RETRIES,
)
def generate_report(self, report_id: int) -> str:
    """Render one report. Idempotent: a ready report is left as it is.

    A redelivered message (the worker was killed) finds the report still leased by the dead
    run: it waits for the lease to run out, then takes the report over. Those waits do not
    count against the retries for transient errors.
    """
    try:
        report = services.report_generate(report_id=report_id)
    except services.ReportHeld as held:
        raise self.retry(countdown=held.retry_in, max_retries=self.request.retries + 1) from held
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= MAX_RETRIES:
            services.report_fail(report_id=report_id, reason=f"Gave up after retries: {exc}")
            raise
        services.report_note_retry(report_id=report_id, reason=str(exc))
        # Exponential backoff: 10s, 20s, 40s, 80s.
        raise self.retry(exc=exc, countdown=10 * 2**self.request.retries) from exc
    except SoftTimeLimitExceeded:
        services.report_fail(
            report_id=report_id, reason="Rendering took too long and was stopped. Try again."
        )
        raise
    except Exception as exc:
        logger.exception("Report %s failed", report_id)
        services.report_fail(report_id=report_id, reason=f"{type(exc).__name__}: {exc}")
        raise
    return report.state


@shared_task(acks_late=True, time_limit=300)
def generate_previous_month_report() -> list[int]:
    """Beat, every day at 06:00: lock each month whose leads' deadline has passed (the 5th of the
    next month, or the period's own deadline) if an officer has not, then ask for its portfolio
    report. Returns the reports asked for (none on most days)."""
    on = today()
    report_ids = []
    for period in services.periods_due_for_locking(today=on):
        services.period_lock(period=period, today=on)
        period.refresh_from_db()
        report, _ = services.report_request(period=period)
        report_ids.append(report.pk)
    return report_ids


@shared_task(acks_late=True, time_limit=120)
def sweep_reports() -> dict:
    """Beat, every few minutes: reports stuck queued or generating past their lease, and those
    the broker never got (see ``services.report_sweep``)."""
    result = services.report_sweep()
    return {"queued": result.queued, "requeued": result.requeued, "failed": result.failed}
