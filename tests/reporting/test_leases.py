"""Reports never stick: leases, take-over, the sweeper, the broker being down, "Try again"."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from send_portal.celery import app as project_app
from workstreams.reporting import render, services, tasks
from workstreams.reporting.models import Report

from .factories import ProgrammeFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(db):
    build_programme(ProgrammeFactory())
    return services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)


@pytest.fixture
def no_worker():
    """Tasks are published but nothing runs them (no worker is listening); what was published
    is removed afterwards."""
    project_app.conf.task_always_eager = False
    yield
    project_app.conf.task_always_eager = True
    with project_app.connection_for_write() as conn:
        conn.default_channel.queue_purge("celery")


@pytest.fixture
def broker_down(monkeypatch):
    """The broker is at a port where nothing listens."""
    previous = project_app.conf.broker_url, project_app.conf.task_always_eager
    # Celery prefers the environment's CELERY_BROKER_URL to its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:9/0")
    project_app.conf.task_always_eager = False
    project_app.conf.broker_url = "redis://127.0.0.1:9/0"
    project_app._pool = None
    project_app.amqp._producer_pool = None
    yield
    project_app.conf.broker_url, project_app.conf.task_always_eager = previous
    project_app._pool = None
    project_app.amqp._producer_pool = None


def _as_if_worker_died(report: Report, *, minutes_ago: int = 5) -> None:
    """A worker claimed the report and was killed: its lease ran out long ago."""
    Report.objects.filter(pk=report.pk).update(
        state=Report.State.GENERATING,
        progress=40,
        claim_token="dead-worker",
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        lease_expires_at=timezone.now() - timedelta(minutes=minutes_ago - 1),
        attempts=1,
    )


def test_a_claim_holds_a_lease_that_progress_renews(period, no_worker):
    report, _ = services.report_request(period=period)
    claim = services._claim(report.pk)
    report.refresh_from_db()
    assert report.state == Report.State.GENERATING and report.claim_token == claim.token
    first = report.lease_expires_at
    assert first - timezone.now() <= services.settings.REPORT_LEASE
    Report.objects.filter(pk=report.pk).update(lease_expires_at=timezone.now())
    services.report_set_progress(report_id=report.pk, progress=40, token=claim.token)
    report.refresh_from_db()
    assert report.progress == 40 and report.lease_expires_at > timezone.now()
    # Another worker's token renews nothing.
    assert not services.renew_lease(report_id=report.pk, token="someone-else")


def test_a_live_lease_makes_a_second_worker_wait_not_skip(period, no_worker):
    report, _ = services.report_request(period=period)
    services._claim(report.pk)
    with pytest.raises(services.ReportHeld) as held:
        services.report_generate(report_id=report.pk)
    assert 0 < held.value.retry_in <= services.settings.REPORT_LEASE.total_seconds() + 1


def test_a_redelivered_task_takes_over_a_report_whose_lease_ran_out(period, no_worker):
    report, _ = services.report_request(period=period)
    _as_if_worker_died(report)
    tasks.generate_report.apply(args=(report.pk,))  # the redelivered message, run here
    report.refresh_from_db()
    assert report.state == Report.State.READY and report.pdf and report.attempts == 2


def test_a_worker_whose_lease_was_taken_over_throws_its_pdf_away(period, no_worker, monkeypatch):
    report, _ = services.report_request(period=period)
    real = render.render_report_pdf

    def slow_then_taken_over(report_, progress=None):
        result = real(report_, progress=progress)
        # Meanwhile the lease ran out and another worker took the report and finished it.
        Report.objects.filter(pk=report_.pk).update(claim_token="other", state="ready")
        return result

    monkeypatch.setattr(render, "render_report_pdf", slow_then_taken_over)
    services.report_generate(report_id=report.pk)
    report.refresh_from_db()
    assert report.state == Report.State.READY and not report.pdf  # the other worker's, untouched


def test_the_sweeper_queues_a_stopped_report_once_then_fails_it_with_a_plain_reason(
    period, no_worker
):
    report, _ = services.report_request(period=period)
    _as_if_worker_died(report)
    result = services.report_sweep()
    report.refresh_from_db()
    assert (result.requeued, result.failed) == (1, 0)
    assert report.state == Report.State.QUEUED and report.sweeps == 1
    # Nothing picks it up again either: the next sweep, past its lease, fails it.
    assert services.report_sweep().requeued == 0  # still within its queued lease
    _as_if_worker_died(report)
    result = services.report_sweep()
    report.refresh_from_db()
    assert (result.requeued, result.failed) == (0, 1)
    assert report.state == Report.State.FAILED
    assert report.failure_reason == "The worker stopped while generating the report."


def test_the_sweeper_fails_a_report_never_picked_up(period, no_worker):
    report, _ = services.report_request(period=period)
    later = timezone.now() + services.settings.REPORT_QUEUED_LEASE + timedelta(seconds=1)
    assert services.report_sweep(now=later).requeued == 1
    later += services.settings.REPORT_QUEUED_LEASE * 2
    assert services.report_sweep(now=later).failed == 1
    report.refresh_from_db()
    assert report.failure_reason == "No worker started generating the report."


def test_the_sweeper_leaves_live_and_finished_reports_alone(period, no_worker):
    live, _ = services.report_request(period=period)
    services._claim(live.pk)
    assert services.report_sweep() == services.SweepResult()
    live.refresh_from_db()
    assert live.state == Report.State.GENERATING


def test_asking_again_for_a_stopped_report_queues_it_again(period, no_worker):
    report, _ = services.report_request(period=period)
    _as_if_worker_died(report)
    again, enqueued = services.report_request(period=period)
    assert enqueued and again.pk == report.pk and again.state == Report.State.QUEUED


@pytest.mark.django_db(transaction=True)
def test_broker_down_generate_now_says_so_and_the_sweeper_queues_it_later(
    period, client, officer, broker_down
):
    client.force_login(officer)
    response = client.post(
        reverse("reporting:generate"), {"period": period.pk, "scope": "portfolio"}, follow=True
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "could not be started: the task queue is not answering" in body
    report = Report.objects.get()
    assert report.state == Report.State.QUEUED and report.awaiting_broker
    # Still down: the sweeper tries, and the report keeps waiting (never failed for it).
    services.report_sweep(now=timezone.now() + timedelta(hours=2))
    report.refresh_from_db()
    assert report.awaiting_broker and report.state == Report.State.QUEUED


@pytest.mark.django_db(transaction=True)
def test_when_the_broker_is_back_the_sweeper_queues_the_waiting_report(
    period, client, officer, broker_down
):
    client.force_login(officer)
    client.post(reverse("reporting:generate"), {"period": period.pk, "scope": "portfolio"})
    report = Report.objects.get()
    assert report.awaiting_broker
    project_app.conf.task_always_eager = True  # the broker answers (and runs it at once)
    assert services.report_sweep().queued == 1
    report.refresh_from_db()
    assert report.state == Report.State.READY and not report.awaiting_broker


def test_officers_see_a_failed_report_with_its_reason_and_try_again(
    period, client, officer, board_member, django_capture_on_commit_callbacks
):
    report, _ = services.report_request(period=period)
    services.report_fail(report_id=report.pk, reason=services.STOPPED_GENERATING)
    client.force_login(board_member)
    body = client.get(reverse("reporting:list")).content.decode()
    assert services.STOPPED_GENERATING in body and "Try again<span" not in body
    client.force_login(officer)
    body = client.get(reverse("reporting:list")).content.decode()
    assert services.STOPPED_GENERATING in body and "Try again<span" in body
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:retry", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == Report.State.READY and report.sweeps == 0


def test_try_again_on_a_report_that_has_not_failed_changes_nothing(
    period, client, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = services.report_request(period=period)
    client.force_login(officer)
    response = client.post(reverse("reporting:retry", args=[report.pk]), follow=True)
    assert "has not failed" in response.content.decode()
    report.refresh_from_db()
    assert report.state == Report.State.READY


def test_reports_are_in_the_admin(period, client, administrator):
    report, _ = services.report_request(period=period)
    client.force_login(administrator)
    assert client.get(reverse("admin:reporting_report_changelist")).status_code == 200
    assert client.get(reverse("admin:reporting_report_change", args=[report.pk])).status_code == 200


def test_the_visibility_timeout_fits_the_time_limit(settings):
    if not settings.CELERY_BROKER_URL.startswith("redis"):
        pytest.skip("the filesystem broker has no visibility timeout")
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_TIME_LIMIT < timeout <= settings.CELERY_TASK_TIME_LIMIT + 120


def test_the_sweeper_runs_every_few_minutes(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["reporting-sweep"]
    assert entry["task"] == tasks.sweep_reports.name
    assert entry["schedule"].minute == set(range(0, 60, 2))
