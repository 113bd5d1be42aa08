"""Families' feedback: spam defences (honeypot, rate limit), moderation, You said, we did."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse

from localoffer.models import Feedback
from localoffer.ratelimit import FEEDBACK_LIMIT, FEEDBACK_WINDOW, sends_left, take_a_send
from tests.localoffer.factories import ServiceFactory

pytestmark = pytest.mark.django_db
URL = reverse("localoffer:feedback")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def post(client, ip="203.0.113.5", **data):
    data.setdefault("you_said", "The links on the autism page do not work.")
    return client.post(URL, data, REMOTE_ADDR=ip)


def test_feedback_is_saved_for_moderation(client):
    service = ServiceFactory(name="Portage")
    response = post(client, service=service.pk, name="A parent", email="parent@example.org")
    assert response.status_code == 302 and response.url == reverse("localoffer:feedback_sent")
    item = Feedback.objects.get()
    assert item.status == Feedback.Status.PENDING and item.service == service
    assert item.email == "parent@example.org"


def test_empty_feedback_is_explained(client):
    response = post(client, you_said="  ")
    body = response.content.decode()
    assert "Enter your feedback" in body and "<title>Error: " in body
    assert not Feedback.objects.exists()


def test_bad_email_is_explained(client):
    body = post(client, email="not-an-email").content.decode()
    assert "Enter an email address in the correct format" in body


def test_too_long_feedback_is_explained(client):
    body = post(client, you_said="x" * 2001).content.decode()
    assert "2,000 characters or fewer" in body


def test_honeypot_filled_in_saves_nothing_but_looks_sent(client):
    response = post(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Feedback.objects.exists()


def test_honeypot_is_labelled_for_screen_reader_users(client):
    body = client.get(URL).content.decode()
    assert 'class="portal-honeypot"' in body
    assert "Leave this field empty" in body
    assert 'for="id_website"' in body


def test_rate_limit_per_client_address(client):
    for _ in range(FEEDBACK_LIMIT):
        assert post(client).status_code == 302
    blocked = post(client, you_said="My words must not be lost.")
    assert blocked.status_code == 429
    body = blocked.content.decode()
    assert "We have not sent this message" in body
    assert "My words must not be lost." in body  # the form keeps the family's text
    assert 'href="mailto:localoffer@council.example"' in body  # and says where to write
    assert "<title>Error: " in body
    assert Feedback.objects.count() == FEEDBACK_LIMIT
    assert post(client, ip="198.51.100.7").status_code == 302  # another address is not blocked


def test_failed_attempts_do_not_count(client):
    for _ in range(FEEDBACK_LIMIT + 3):
        assert post(client, you_said="").status_code == 200  # errors: nothing sent
        post(client, website="spam")  # the honeypot: nothing saved, nothing counted
    for _ in range(FEEDBACK_LIMIT):
        assert post(client).status_code == 302
    assert Feedback.objects.count() == FEEDBACK_LIMIT


def test_behind_a_proxy_each_family_has_its_own_limit(client, settings):
    settings.PORTAL_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for _ in range(FEEDBACK_LIMIT):
        assert (
            client.post(
                URL, {"you_said": "x"}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.1"
            ).status_code
            == 302
        )
    again = client.post(
        URL, {"you_said": "x"}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.1"
    )
    assert again.status_code == 429
    other = client.post(
        URL, {"you_said": "y"}, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.2"
    )
    assert other.status_code == 302


def test_rate_limit_window_ends():
    start = datetime(2026, 3, 2, 10, 15, tzinfo=UTC)
    for _ in range(FEEDBACK_LIMIT):
        assert take_a_send("k", now=start)
    assert not take_a_send("k", now=start + timedelta(minutes=30))
    assert sends_left("k", now=start) == 0
    assert take_a_send("k", now=start + FEEDBACK_WINDOW)


def test_a_send_that_fails_to_save_is_not_counted(monkeypatch):
    from django.db import transaction

    from localoffer import services

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Feedback.objects, "create", broken)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.feedback_submit(you_said="x", client_key="k")
    assert sends_left("k") == FEEDBACK_LIMIT


def test_moderation_approve_publishes_with_what_we_did(client_for):
    item = Feedback.objects.create(you_said="Nobody told us about the Local Offer")
    client = client_for("officer")
    url = reverse("localoffer:feedback_moderate", args=[item.pk])
    response = client.post(url, {"decision": "approved", "we_did": ""})
    assert "Enter what we did before you approve the feedback" in response.content.decode()
    response = client.post(url, {"decision": "approved", "we_did": "Leaflets for every SENCO"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "approved" and item.moderated_by.email == "officer@test.example"
    public = client_for("anonymous").get(reverse("localoffer:you_said_we_did")).content.decode()
    assert "Nobody told us about the Local Offer" in public and "Leaflets for every SENCO" in public


def test_rejected_and_pending_are_never_published(client_for):
    rejected = Feedback.objects.create(you_said="Spammy words")
    client_for("officer").post(
        reverse("localoffer:feedback_moderate", args=[rejected.pk]), {"decision": "rejected"}
    )
    Feedback.objects.create(you_said="Waiting words")
    public = client_for("anonymous").get(reverse("localoffer:you_said_we_did")).content.decode()
    assert "Spammy words" not in public and "Waiting words" not in public
    assert "Nothing has been published yet" in public


def test_moderation_needs_a_decision(client_for):
    item = Feedback.objects.create(you_said="x")
    response = client_for("officer").post(
        reverse("localoffer:feedback_moderate", args=[item.pk]), {}
    )
    assert "Select approve or reject" in response.content.decode()


def test_feedback_list_filters_by_status(client_for):
    Feedback.objects.create(you_said="Pending one")
    Feedback.objects.create(you_said="Approved one", status="approved", we_did="did")
    client = client_for("officer")
    pending = client.get(reverse("localoffer:feedback_list")).content.decode()
    assert "Pending one" in pending and "Approved one" not in pending
    everything = client.get(reverse("localoffer:feedback_list"), {"show": "all"}).content.decode()
    assert "Pending one" in everything and "Approved one" in everything


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_sends_at_the_same_moment_never_pass_the_limit_on_postgresql():
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    from localoffer import services

    def send(index):
        try:
            return services.feedback_submit(you_said=f"at once {index}", client_key="busy")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(send, range(FEEDBACK_LIMIT * 2)))
    assert sum(r is not None for r in results) == FEEDBACK_LIMIT
    assert Feedback.objects.count() == FEEDBACK_LIMIT
