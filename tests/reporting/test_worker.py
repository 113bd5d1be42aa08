"""A real Celery worker consuming from the real Redis broker renders a report end to end."""

import time

import pytest
from django.conf import settings

from tests.conftest import CELERY_QUEUE
from workstreams.reporting import services, tasks  # noqa: F401  (registers the task)
from workstreams.reporting.models import Report

from .factories import ProgrammeFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme, pdf_text


@pytest.fixture(scope="session")
def celery_config():
    """The test app talks to the broker the project is configured with (Redis under CI)."""
    return {
        "broker_url": settings.CELERY_BROKER_URL,
        "broker_transport_options": settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        "result_backend": "cache+memory://",
        "task_acks_late": True,
        "worker_prefetch_multiplier": 1,
        "timezone": settings.CELERY_TIMEZONE,
        "task_default_queue": CELERY_QUEUE,  # this test process's own queue (tests/conftest.py)
    }


@pytest.fixture(scope="session")
def celery_includes():
    """Imported before the worker starts, so that it knows the task."""
    return ["workstreams.reporting.tasks"]


@pytest.fixture(scope="session")
def celery_worker_parameters():
    return {"queues": (CELERY_QUEUE,), "perform_ping_check": True}


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_worker_on_redis_generates_the_report(celery_app, celery_worker):
    assert celery_app.conf.broker_url.startswith("redis")
    programme = ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa")
    build_programme(programme)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    report, enqueued = services.report_request(period=period)  # autocommit: enqueued at once
    assert enqueued
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.is_finished:
            break
        time.sleep(0.25)
    assert report.state == Report.State.READY, (report.state, report.failure_reason)
    text = pdf_text(report)
    assert "Joint commissioning" in text and "Overall RAG: Red" in text
