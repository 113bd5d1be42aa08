import threading
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db import connection

from send_portal.celery import app as celery_app
from tests.core.factories import UserFactory
from tests.workstreams.factories import ActionFactory
from workstreams.models import ActionReminder
from workstreams.reminders import reminders_due, reminders_send
from workstreams.status import ActionStatus
from workstreams.tasks import send_action_reminders

TODAY = date(2026, 11, 23)


@pytest.fixture
def owners(db):
    alice = UserFactory(email="alice@test.example", full_name="Alice Owner", role="LA officer")
    bob = UserFactory(email="bob@test.example", full_name="Bob Owner", role="LA officer")
    carol = UserFactory(email="carol@test.example", full_name="Carol Owner", role="LA officer")
    ActionFactory(
        owner=alice,
        ref="A.1",
        title="Overdue one",
        due_date=TODAY - timedelta(days=3),
        status=ActionStatus.BEHIND,
    )
    ActionFactory(
        owner=alice,
        ref="A.2",
        title="Due soon",
        due_date=TODAY + timedelta(days=7),
        status=ActionStatus.ON_TARGET,
    )
    ActionFactory(
        owner=alice,
        ref="A.3",
        title="Far away",
        due_date=TODAY + timedelta(days=8),
        status=ActionStatus.ON_TARGET,
    )
    ActionFactory(
        owner=bob,
        ref="B.1",
        title="Done already",
        due_date=TODAY - timedelta(days=30),
        status=ActionStatus.COMPLETED,
        evidence_of_impact="Audit shows 95%",
    )
    ActionFactory(
        owner=carol, ref="C.1", title="Due today", due_date=TODAY, status=ActionStatus.NOT_STARTED
    )
    return alice, bob, carol


def test_who_is_reminded_of_what(owners):
    due = {r.owner.email: r for r in reminders_due(today=TODAY)}
    assert set(due) == {"alice@test.example", "carol@test.example"}
    assert [a.ref for a in due["alice@test.example"].overdue] == ["A.1"]
    assert [a.ref for a in due["alice@test.example"].due_soon] == ["A.2"]
    assert [a.ref for a in due["carol@test.example"].due_soon] == ["C.1"]


def test_one_email_per_owner_per_day_even_when_run_twice(owners, mailoutbox):
    assert reminders_send(today=TODAY) == 2
    assert reminders_send(today=TODAY) == 0
    assert sorted(m.to[0] for m in mailoutbox) == ["alice@test.example", "carol@test.example"]
    alice_mail = next(m for m in mailoutbox if m.to == ["alice@test.example"])
    assert alice_mail.subject == ("SEND programme: 1 overdue action and 1 action due within 7 days")
    body = alice_mail.body
    assert body.index("A.1 Overdue one") < body.index("A.2 Due soon")
    assert "A.3" not in body
    assert "/actions/" in body
    # The next day brings a new reminder.
    assert reminders_send(today=TODAY + timedelta(days=1)) == 2


def test_a_failed_send_is_retried_next_run(owners, mailoutbox, settings, monkeypatch):
    from workstreams import reminders

    calls = {"n": 0}
    real_send = reminders.send_mail

    def flaky_send(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("mail server unavailable")
        return real_send(*args, **kwargs)

    monkeypatch.setattr(reminders, "send_mail", flaky_send)
    with pytest.raises(OSError):
        reminders_send(today=TODAY)
    assert ActionReminder.objects.count() == 0
    assert reminders_send(today=TODAY) == 2
    assert ActionReminder.objects.count() == 2


def test_task_runs_the_service(owners, mailoutbox):
    # The name beat schedules (kept from when the task lived in send_portal/dashboards), and the
    # worker's registry finds the task under it.
    entry = settings.CELERY_BEAT_SCHEDULE["dashboards-action-reminders"]
    assert entry["task"] == send_action_reminders.name == "dashboards.send_action_reminders"
    assert celery_app.tasks[entry["task"]].run is send_action_reminders.run
    send_action_reminders.apply()
    first = len(mailoutbox)
    send_action_reminders.apply()
    assert len(mailoutbox) == first


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_one_email_each(owners, mailoutbox):
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(reminders_send(today=TODAY))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) in ([0, 2], [1, 1])
    assert sum(results) == 2
    assert len(mailoutbox) == 2
    assert ActionReminder.objects.count() == 2
