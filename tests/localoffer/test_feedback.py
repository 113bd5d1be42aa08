"""Families' feedback: spam defences (honeypot, rate limit), moderation, You said, we did."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from localoffer.models import Feedback
from localoffer.ratelimit import FEEDBACK_LIMIT, FEEDBACK_WINDOW_SECONDS, feedback_allowed
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


def test_rate_limit_per_ip_address(client):
    for _ in range(FEEDBACK_LIMIT):
        assert post(client).status_code == 302
    blocked = post(client)
    assert blocked.status_code == 429
    assert "You have sent a lot of feedback in a short time" in blocked.content.decode()
    assert Feedback.objects.count() == FEEDBACK_LIMIT
    assert post(client, ip="198.51.100.7").status_code == 302  # another address is not blocked


def test_rate_limit_window_ends():
    start = 1_000_000.0
    for _ in range(FEEDBACK_LIMIT):
        assert feedback_allowed("192.0.2.1", now=start)
    assert not feedback_allowed("192.0.2.1", now=start + 60)
    assert feedback_allowed("192.0.2.1", now=start + FEEDBACK_WINDOW_SECONDS + 1)


def test_rate_limit_counts_honeypot_submissions_too(client):
    for _ in range(FEEDBACK_LIMIT):
        post(client, website="spam")
    assert post(client).status_code == 429


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
