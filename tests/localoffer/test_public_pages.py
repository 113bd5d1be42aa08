"""Public pages show only what families may see: never inactive services or officer-only data."""

from datetime import date

import pytest
from django.urls import reverse

from localoffer.models import Feedback, Service
from tests.localoffer.factories import ContactFactory, LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

SECRET = "Provider under review - do not publish"


@pytest.fixture
def services():
    active = ServiceFactory(name="Portage", officer_notes=SECRET, assured_date=date(2026, 3, 31))
    ContactFactory(service=active, name="Public Person", email="public@provider.example")
    ContactFactory(
        service=active, name="Hidden Reviewer", email="hidden@provider.example", is_public=False
    )
    LocationFactory(service=active, name="Riverside Centre", postcode="ME14 1XX")
    inactive = ServiceFactory(name="Closed down scheme", status=Service.Status.INACTIVE)
    closed = ServiceFactory(name="Summer club", status=Service.Status.TEMPORARILY_CLOSED)
    return active, inactive, closed


def test_service_page_shows_contacts_locations_and_last_checked(client, services):
    active, _, _ = services
    body = client.get(active.get_absolute_url()).content.decode()
    assert "Public Person" in body and "public@provider.example" in body
    assert "Riverside Centre" in body and "ME14 1XX" in body
    assert "Last checked: 31 March 2026" in body


def test_never_checked_says_so(client):
    service = ServiceFactory(assured_date=None)
    assert (
        "Last checked: not yet checked" in client.get(service.get_absolute_url()).content.decode()
    )


def test_inactive_service_page_is_not_found(client, services):
    _, inactive, _ = services
    assert client.get(inactive.get_absolute_url()).status_code == 404


def test_temporarily_closed_service_is_shown_and_labelled(client, services):
    _, _, closed = services
    response = client.get(closed.get_absolute_url())
    assert response.status_code == 200
    assert "This service is temporarily closed" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        reverse("localoffer:search"),
        reverse("localoffer:search") + "?q=scheme",
        reverse("localoffer:you_said_we_did"),
        reverse("localoffer:feedback"),
        reverse("localoffer:api_services"),
    ],
)
def test_no_public_page_reveals_restricted_data(client, services, url):
    active, _, _ = services
    Feedback.objects.create(you_said="Pending secret complaint", status=Feedback.Status.PENDING)
    Feedback.objects.create(
        you_said="Rejected rude words", status=Feedback.Status.REJECTED, we_did="nothing"
    )
    pages = [
        client.get(url).content.decode(),
        client.get(active.get_absolute_url()).content.decode(),
    ]
    for body in pages:
        assert SECRET not in body
        assert "Closed down scheme" not in body
        assert "Hidden Reviewer" not in body and "hidden@provider.example" not in body
        assert "Pending secret complaint" not in body
        assert "Rejected rude words" not in body


def test_feedback_form_offers_only_public_services(client, services):
    form = client.get(reverse("localoffer:feedback")).context["form"]
    names = {s.name for s in form.fields["service"].queryset}
    assert names == {"Portage", "Summer club"}


def test_public_home_links_to_the_local_offer(client):
    assert reverse("localoffer:search") in client.get("/").content.decode()


def test_a_service_without_contacts_gives_the_local_offer_teams_details(client, settings):
    from tests.localoffer.factories import ServiceFactory as Factory

    settings.PORTAL_LOCAL_OFFER_EMAIL = "team@county.example"
    settings.PORTAL_LOCAL_OFFER_PHONE = "01632 960 123"
    service = Factory(name="No contacts", url="", email="")
    page = client.get(service.get_absolute_url()).content.decode()
    assert "team@county.example" in page and "01632 960 123" in page
    assert "website above" not in page and "contacts above" not in page


def test_a_service_with_its_own_contact_shows_it_not_the_team(client, settings):
    from localoffer.models import Contact
    from tests.localoffer.factories import ServiceFactory as Factory

    settings.PORTAL_LOCAL_OFFER_EMAIL = "team@county.example"
    service = Factory(name="Has contact", access="referral", referral_by="Your GP")
    Contact.objects.create(service=service, name="Ann Lee", email="ann@provider.example")
    page = client.get(service.get_absolute_url()).content.decode()
    assert "ann@provider.example" in page and "team@county.example" not in page
    assert "You need a referral." in page and "Who can refer: Your GP." in page
