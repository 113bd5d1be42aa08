"""The Celery task: failure with a reason, retries on transient errors, the monthly schedule."""

from datetime import date

import pytest
from django.conf import settings
from django.db import OperationalError

from workstreams.reporting import render, services, tasks
from workstreams.reporting.models import Report, ReportingPeriod

from .factories import ProgrammeFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(db):
    build_programme(ProgrammeFactory())
    return services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)


def test_the_task_is_configured_for_safe_redelivery():
    task = tasks.generate_report
    assert task.acks_late is True
    assert task.time_limit == 300 and task.soft_time_limit == 240
    assert task.max_retries == tasks.MAX_RETRIES


def test_a_render_that_raises_leaves_the_report_failed_and_a_retry_succeeds(
    period, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(report, progress=None):
        raise ValueError("The template could not be rendered")

    monkeypatch.setattr(render, "render_report_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = services.report_request(period=period)
    report.refresh_from_db()
    assert report.state == Report.State.FAILED
    assert report.failure_reason == "ValueError: The template could not be rendered"
    assert not report.pdf

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again, enqueued = services.report_request(period=period)
    again.refresh_from_db()
    assert enqueued and again.pk == report.pk
    assert again.state == Report.State.READY and again.failure_reason == ""
    assert again.attempts == 2 and again.size > 0


def test_a_transient_error_is_retried(period, monkeypatch, django_capture_on_commit_callbacks):
    real = render.render_report_pdf
    calls = []

    def flaky(report, progress=None):
        calls.append(report.pk)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(report, progress=progress)

    monkeypatch.setattr(render, "render_report_pdf", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = services.report_request(period=period)
    report.refresh_from_db()
    assert len(calls) == 2
    assert report.state == Report.State.READY


def test_the_schedule_runs_every_day_at_six_london_time():
    entry = settings.CELERY_BEAT_SCHEDULE["reporting-monthly-portfolio-report"]
    assert entry["task"] == tasks.generate_previous_month_report.name
    schedule = entry["schedule"]
    assert schedule.minute == {0} and schedule.hour == {6} and len(schedule.day_of_month) == 31
    assert settings.CELERY_TIMEZONE == "Europe/London"


@pytest.mark.parametrize("today", [date(2026, 11, 1), date(2026, 11, 5)])
def test_the_scheduled_task_leaves_the_month_open_until_its_deadline_has_passed(
    monkeypatch, django_capture_on_commit_callbacks, today
):
    build_programme(ProgrammeFactory())
    monkeypatch.setattr(tasks, "today", lambda: today)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.generate_previous_month_report() == []
    assert not ReportingPeriod.objects.filter(state="locked").exists()
    assert not Report.objects.exists()


def test_the_scheduled_task_locks_last_month_after_its_deadline_and_generates_its_report(
    monkeypatch, django_capture_on_commit_callbacks
):
    build_programme(ProgrammeFactory())
    monkeypatch.setattr(tasks, "today", lambda: date(2026, 11, 6))
    with django_capture_on_commit_callbacks(execute=True):
        report_ids = tasks.generate_previous_month_report()
    period = ReportingPeriod.objects.get(month=OCTOBER)
    assert period.is_locked and period.as_of == date(2026, 10, 31)
    assert period.locked_by is None
    assert [e.kind for e in period.events.all()] == ["opened", "locked"]
    (report,) = Report.objects.filter(pk__in=report_ids)
    assert (report.period, report.scope, report.state) == (period, "portfolio", "ready")
    # The next day there is nothing more to do: the month stays locked, one report.
    monkeypatch.setattr(tasks, "today", lambda: date(2026, 11, 7))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.generate_previous_month_report() == []
    assert Report.objects.count() == 1


def test_the_scheduled_task_follows_the_periods_own_deadline_and_skips_a_reopened_month(
    monkeypatch, django_capture_on_commit_callbacks
):
    build_programme(ProgrammeFactory())
    late = services.period_open(month=OCTOBER, deadline=date(2026, 11, 12))
    september = services.period_open(month=date(2026, 9, 1))
    services.period_lock(period=september, today=date(2026, 10, 6))
    services.period_reopen(period=september, reason="Workstream B's update came late", by=None)
    monkeypatch.setattr(tasks, "today", lambda: date(2026, 11, 6))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.generate_previous_month_report() == []
    late.refresh_from_db()
    september.refresh_from_db()
    assert not late.is_locked and not september.is_locked
    monkeypatch.setattr(tasks, "today", lambda: date(2026, 11, 13))
    with django_capture_on_commit_callbacks(execute=True):
        assert len(tasks.generate_previous_month_report()) == 1
    late.refresh_from_db()
    september.refresh_from_db()
    assert late.is_locked and not september.is_locked
