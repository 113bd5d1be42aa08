"""Two requests at once for the same month and scope make one report (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from workstreams.reporting import services
from workstreams.reporting.models import Report

from .factories import ProgrammeFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_requests_make_one_report(monkeypatch):
    enqueued_ids = []
    monkeypatch.setattr(services, "_enqueue_on_commit", lambda pk: enqueued_ids.append(pk))
    build_programme(ProgrammeFactory())
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def ask():
        try:
            barrier.wait(timeout=10)
            results.append(services.report_request(period=period))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert Report.objects.count() == 1
    report = Report.objects.get()
    assert {r.pk for r, _ in results} == {report.pk}
    assert sorted(enqueued for _, enqueued in results) == [False, True]
    assert enqueued_ids == [report.pk]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_on_one_report_render_it_once(monkeypatch):
    """A redelivered task meeting a running one: the second finds the first's lease running and
    is told to wait (ReportHeld), never rendering it a second time."""
    build_programme(ProgrammeFactory())
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    monkeypatch.setattr(services, "_enqueue_on_commit", lambda pk: None)
    report, _ = services.report_request(period=period)
    barrier = threading.Barrier(2)
    claims, held, errors = [], [], []

    def claim():
        try:
            barrier.wait(timeout=10)
            claims.append(services._claim(report.pk))
        except services.ReportHeld as exc:
            held.append(exc)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert sum(1 for c in claims if c is not None) == 1 and len(held) == 1
    report.refresh_from_db()
    assert report.state == Report.State.GENERATING and report.attempts == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", range(3))
def test_an_update_racing_the_lock_is_in_the_snapshot_or_refused_never_lost(run):
    """The lead submits as the officer locks: either the update is saved before the lock (and
    the snapshot holds it) or it is refused with MonthLocked. Never saved after the lock."""
    from workstreams.models import MonthlyUpdate

    from .factories import WorkstreamFactory

    workstream = WorkstreamFactory(code="A")
    period = services.period_open(month=OCTOBER)
    barrier = threading.Barrier(2)
    outcomes, errors = {}, []

    def submit():
        try:
            barrier.wait(timeout=10)
            services.monthly_update_submit(
                workstream=workstream,
                month=OCTOBER,
                data={
                    "current_position": "x",
                    "rag": "red",
                    "rag_reason": "y",
                    "risks_and_issues": "Recruitment",
                },
                by=None,
            )
            outcomes["update"] = "saved"
        except services.MonthLocked:
            outcomes["update"] = "refused"
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    def lock():
        try:
            barrier.wait(timeout=10)
            outcomes["lock"] = services.period_lock(period=period, today=AFTER_OCTOBER)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit), threading.Thread(target=lock)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert outcomes["lock"] is True
    snapshot = period.workstream_snapshots.get()
    if outcomes["update"] == "saved":
        assert snapshot.update_submitted and snapshot.risks_and_issues == "Recruitment"
    else:
        assert not MonthlyUpdate.objects.exists() and not snapshot.update_submitted


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", range(3))
def test_two_first_monthly_updates_at_once_save_one_and_refuse_the_other(run):
    """Two leads open the month's form while there is no update yet and submit at the same
    moment: one update is saved and the other lead is refused (409, their text kept, merged
    with the saved one), never one silently replacing the other."""
    from django.test import Client

    from tests.core.factories import UserFactory
    from tests.forms_as_rendered import form_data

    from .factories import WorkstreamFactory

    ws = WorkstreamFactory()
    url = f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/"
    clients = {}
    for name in ("A", "B"):
        clients[name] = Client()
        clients[name].force_login(UserFactory(role="LA officer"))
    forms = {name: form_data(c.get(url).content.decode()) for name, c in clients.items()}
    barrier = threading.Barrier(2)
    answers, errors = {}, []

    def submit(name):
        data = {
            **forms[name],
            "rag": ["amber"],
            "rag_reason": ["<p>Two actions are late.</p>"],
            "achievements": [f"<p>{name}'s achievements</p>"],
        }
        try:
            barrier.wait(timeout=10)
            response = clients[name].post(url, data)
            answers[name] = (response.status_code, response.content.decode())
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(name,)) for name in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(status for status, _ in answers.values()) == [302, 409]
    saved = next(name for name, (status, _) in answers.items() if status == 302)
    refused = next(name for name, (status, _) in answers.items() if status == 409)
    update = ws.monthly_updates.get()
    assert update.achievements == f"<p>{saved}'s achievements</p>" and update.version == 1
    assert form_data(answers[refused][1])["achievements"] == [f"<p>{refused}'s achievements</p>"]
