"""A real worker killed with SIGKILL at 40 % of a render: exactly one ready PDF follows.

The worker is a subprocess (``slow_worker.py``: the project's Celery app with a render that
pauses at 40 % the first time) against the Redis broker and the test's PostgreSQL database.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from pypdf import PdfReader

from send_portal.celery import app as project_app
from workstreams.reporting import services
from workstreams.reporting.models import Report

from .factories import ProgrammeFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

SLOW_WORKER = Path(__file__).with_name("slow_worker.py")
LEASE_SECONDS = 3


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def _clear_broker() -> None:
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete("celery", "unacked", "unacked_index", "unacked_mutex")


class Worker:
    def __init__(self, tmp_path: Path, name: str):
        self.pid_file = tmp_path / "render.pid"
        self.log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115
        env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "PORTAL_REPORT_LEASE_SECONDS": str(LEASE_SECONDS),
            "SLOW_RENDER_PID_FILE": str(self.pid_file),
            "SLOW_RENDER_SECONDS": "60",
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(SLOW_WORKER),
                "worker",
                "--loglevel=INFO",
                "--pool=prefork",
                "--concurrency=1",
                "--without-mingle",
                "--without-gossip",
                f"--hostname={name}@%h",
            ],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


@pytest.fixture
def workers(tmp_path):
    _clear_broker()
    started: list[Worker] = []
    project_app.conf.task_always_eager = False

    def start(name: str) -> Worker:
        worker = Worker(tmp_path, name)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
    project_app.conf.task_always_eager = True
    _clear_broker()


def _wait_for(predicate, *, seconds: float, what: str, log: Path | None = None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    detail = log.read_text()[-3000:] if log else ""
    raise AssertionError(f"Timed out waiting for {what}\n{detail}")


def _at_forty_per_cent(report: Report, worker: Worker) -> int:
    def rendering():
        report.refresh_from_db()
        if worker.pid_file.exists() and report.progress == 40:
            return int(worker.pid_file.read_text())
        return 0

    return _wait_for(
        rendering, seconds=90, what="the render to reach 40 %", log=Path(worker.log.name)
    )


def _assert_one_ready_pdf(report: Report, worker: Worker) -> None:
    def finished():
        report.refresh_from_db()
        return report.state == Report.State.READY

    _wait_for(finished, seconds=120, what="the report to be ready", log=Path(worker.log.name))
    assert Report.objects.count() == 1
    assert report.attempts >= 2 and report.failure_reason == ""
    pdfs = list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    assert len(pdfs) == 1
    with report.pdf.open("rb") as handle:
        assert len(PdfReader(handle).pages) == report.pages >= 1


@pytest.fixture
def period(db):
    build_programme(ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa"))
    return services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)


def test_the_workers_child_killed_mid_render_the_redelivered_task_takes_over(
    period, workers, tmp_path
):
    worker = workers("kill-child")
    report, enqueued = services.report_request(period=period)
    assert enqueued and not Report.objects.get().awaiting_broker
    child = _at_forty_per_cent(report, worker)
    os.kill(child, signal.SIGKILL)
    # The parent puts the message back; the redelivered task waits out the dead lease
    # (3 seconds here) and takes the report over. No sweeper needed.
    _assert_one_ready_pdf(report, worker)


def test_the_whole_worker_killed_mid_render_the_sweeper_queues_it_again(period, workers, tmp_path):
    first = workers("kill-all")
    report, _ = services.report_request(period=period)
    _at_forty_per_cent(report, first)
    os.killpg(first.process.pid, signal.SIGKILL)
    first.process.wait()
    report.refresh_from_db()
    assert report.state == Report.State.GENERATING  # stuck, as the issue found it
    second = workers("after-kill")
    # Its message is unacknowledged in Redis until the visibility timeout; the sweeper does
    # not wait for that: once the lease has run out it queues the report again.
    time.sleep(LEASE_SECONDS + 1)
    result = _wait_for(
        lambda: services.report_sweep().requeued, seconds=30, what="the sweeper to act"
    )
    assert result == 1
    _assert_one_ready_pdf(report, second)
