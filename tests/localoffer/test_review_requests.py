"""The monthly review request: who gets it, once a month, and a record of what was sent."""

from datetime import date, timedelta

import pytest
from celery.schedules import crontab
from django.conf import settings

from localoffer.models import ReviewRequest, Service
from localoffer.services import review_requests_send
from localoffer.tasks import send_review_requests
from tests.localoffer.factories import ContactFactory, ServiceFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


@pytest.fixture
def stale_and_fresh():
    stale = ServiceFactory(name="Old club", assured_date=date(2025, 6, 1))
    never = ServiceFactory(name="Never checked", assured_date=None)
    fresh = ServiceFactory(name="New club", assured_date=date(2026, 10, 1))
    gone = ServiceFactory(name="Gone", assured_date=None, status=Service.Status.INACTIVE)
    ContactFactory(service=stale, email="owner@provider.example")
    ContactFactory(service=never, email="OWNER@provider.example")  # same person, two services
    ContactFactory(service=never, email="")  # no address: nothing to send
    ContactFactory(service=fresh, email="fresh@provider.example")
    ContactFactory(service=gone, email="gone@provider.example")
    return stale, never


def test_each_contact_of_stale_services_gets_one_email(mailoutbox, stale_and_fresh):
    assert review_requests_send(on=TODAY) == 1
    (message,) = mailoutbox
    assert message.to == ["owner@provider.example"]
    assert "Old club" in message.body and "Never checked" in message.body
    assert "last checked 1 June 2025" in message.body and "last checked never" in message.body
    request = ReviewRequest.objects.get()
    assert request.month == date(2026, 11, 1)
    assert {s.name for s in request.services.all()} == {"Old club", "Never checked"}


def test_running_twice_in_a_month_sends_nothing_more(mailoutbox, stale_and_fresh):
    review_requests_send(on=TODAY)
    assert review_requests_send(on=TODAY + timedelta(days=3)) == 0
    assert len(mailoutbox) == 1 and ReviewRequest.objects.count() == 1


def test_next_month_asks_again(mailoutbox, stale_and_fresh):
    review_requests_send(on=TODAY)
    assert review_requests_send(on=date(2026, 12, 1)) == 1
    assert ReviewRequest.objects.count() == 2


def test_a_failed_email_records_nothing(monkeypatch, stale_and_fresh):
    def broken(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("localoffer.services.send_mail", broken)
    with pytest.raises(ConnectionError):
        review_requests_send(on=TODAY)
    assert not ReviewRequest.objects.exists()


def test_the_task_calls_the_service(mailoutbox, stale_and_fresh):
    assert send_review_requests.apply().get() == 1
    assert send_review_requests.apply().get() == 0
    assert len(mailoutbox) == 1


def test_beat_schedule_runs_monthly_in_london_time():
    entry = settings.CELERY_BEAT_SCHEDULE["localoffer-review-requests"]
    assert entry["task"] == send_review_requests.name
    assert isinstance(entry["schedule"], crontab)
    assert entry["schedule"].day_of_month == {1}
    assert settings.CELERY_TIMEZONE == "Europe/London"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_once_on_postgresql(stale_and_fresh, mailoutbox):
    """Two workers racing: the unique (email, month) row lets only one of them send."""
    import threading

    from django.db import connection

    results = []

    def run():
        try:
            results.append(review_requests_send(on=TODAY))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1]
    assert len(mailoutbox) == 1
    assert ReviewRequest.objects.count() == 1
