"""A shortlist of services kept in the session, without signing in: printed or emailed."""

import pytest
from django.core import mail
from django.urls import reverse

from localoffer.models import Contact, Service
from localoffer.ratelimit import FEEDBACK_LIMIT
from tests.localoffer.factories import ServiceFactory

pytestmark = pytest.mark.django_db
URL = reverse("localoffer:shortlist")


def add(client, service):
    return client.post(reverse("localoffer:shortlist_add", args=[service.slug]))


def test_add_and_remove_without_signing_in(client):
    portage = ServiceFactory(name="Portage")
    transport = ServiceFactory(name="Home to school transport")
    assert add(client, portage).url == portage.get_absolute_url()
    add(client, transport)
    add(client, portage)  # twice: listed once
    page = client.get(URL)
    assert [s.name for s in page.context["services"]] == ["Portage", "Home to school transport"]
    service_page = client.get(portage.get_absolute_url()).content.decode()
    assert "Take it off your shortlist" in service_page
    client.post(reverse("localoffer:shortlist_remove", args=[portage.slug]))
    assert [s.name for s in client.get(URL).context["services"]] == ["Home to school transport"]


def test_an_inactive_or_unknown_service_cannot_be_added(client):
    gone = ServiceFactory(status=Service.Status.INACTIVE)
    assert add(client, gone).status_code == 404
    assert client.get(URL).context["services"] == []


def test_a_service_that_closes_leaves_the_shortlist(client):
    service = ServiceFactory(name="Soon gone")
    add(client, service)
    Service.objects.filter(pk=service.pk).update(status=Service.Status.INACTIVE)
    assert client.get(URL).context["services"] == []


def test_the_shortlist_is_emailed_with_how_to_get_in_touch(client, settings):
    settings.PORTAL_LOCAL_OFFER_EMAIL = "team@county.example"
    with_contact = ServiceFactory(name="Portage", url="", email="")
    Contact.objects.create(service=with_contact, name="Natalie", phone="03000 419555")
    without = ServiceFactory(name="Short breaks", url="", email="")
    add(client, with_contact)
    add(client, without)
    response = client.post(URL, {"email": "parent@home.example"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["parent@home.example"]
    assert "Portage" in message.body and "Natalie, 03000 419555" in message.body
    assert "Short breaks" in message.body and "team@county.example" in message.body
    assert with_contact.get_absolute_url() in message.body


def test_a_bad_address_is_explained_and_nothing_sent(client):
    add(client, ServiceFactory())
    response = client.post(URL, {"email": "not an address"})
    assert "Enter an email address in the correct format" in response.content.decode()
    assert not mail.outbox


def test_emails_are_limited_per_client(client):
    add(client, ServiceFactory())
    for _ in range(FEEDBACK_LIMIT):
        assert client.post(URL, {"email": "parent@home.example"}).status_code == 302
    refused = client.post(URL, {"email": "parent@home.example"})
    assert refused.status_code == 429
    assert "We cannot send more emails from here this hour" in refused.content.decode()
    assert len(mail.outbox) == FEEDBACK_LIMIT


def test_the_page_prints_without_menus_and_buttons(client):
    add(client, ServiceFactory(name="Portage"))
    page = client.get(URL).content.decode()
    assert "portal-no-print" in page
    from pathlib import Path

    scss = (Path(__file__).resolve().parents[2] / "static" / "src" / "portal.scss").read_text()
    print_rules = scss[scss.index("@media print") :]
    assert ".portal-no-print" in print_rules and ".govuk-footer" in print_rules
