"""Officers maintain services in forms; their home page lists out-of-date services."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from localoffer.models import Contact, Location, Service
from tests.localoffer.factories import CategoryFactory, OrganisationFactory, ServiceFactory, need

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "organisation": OrganisationFactory(name="IASK").pk,
        "name": "Portage",
        "description": "Home visits for pre-school children with SEND.",
        "categories": [CategoryFactory(name="Support for children under 5").pk],
        "needs": [need("cognition-and-learning").pk],
        "min_age": "0",
        "max_age": "5",
        "cost": "free",
        "fees": "",
        "status": "active",
        "url": "",
        "email": "",
        "assured_date": "",
        "officer_notes": "",
        "access": "self-referral",
        "referral_by": "",
    }
    data.update(overrides)
    return data


def test_officer_adds_a_service(client_for, area_ne):
    client = client_for("officer")
    response = client.post(reverse("localoffer:service_create"), form_data(areas=[area_ne.pk]))
    service = Service.objects.get()
    assert response.status_code == 302
    assert service.slug == "portage" and list(service.areas.all()) == [area_ne]
    assert [n.slug for n in service.needs.all()] == ["cognition-and-learning"]


def test_same_name_gets_a_different_slug(client_for):
    ServiceFactory(name="Portage", slug="portage")
    client_for("officer").post(reverse("localoffer:service_create"), form_data())
    assert Service.objects.filter(slug="portage-2").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Enter the service name"),
        ({"description": ""}, "Enter a description"),
        ({"categories": []}, "Select at least one category"),
        ({"organisation": ""}, "Select the organisation"),
        ({"min_age": "x"}, "Enter the youngest age served as a whole number from 0 to 25"),
        ({"max_age": "30"}, "Enter the oldest age served as a whole number from 0 to 25"),
        ({"min_age": "12", "max_age": "5"}, "The oldest age must be the same as or more than"),
        ({"assured_date": "32/01/2026"}, "Enter the date last checked as a real date"),
        ({"assured_date": "01/01/2099"}, "The date last checked must be today or in the past"),
        ({"url": "nonsense here"}, "Enter the website in the correct format"),
        ({"email": "nobody"}, "Enter an email address in the correct format"),
    ],
)
def test_service_form_errors(client_for, overrides, message):
    response = client_for("officer").post(
        reverse("localoffer:service_create"), form_data(**overrides)
    )
    body = response.content.decode()
    assert message in body and "<title>Error: " in body
    assert not Service.objects.exists()


def test_mark_as_checked_today(client_for):
    service = ServiceFactory(assured_date=date(2020, 1, 1))
    client_for("officer").post(reverse("localoffer:service_assure", args=[service.pk]))
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()


def test_add_contact_and_location(client_for):
    service = ServiceFactory()
    client = client_for("officer")
    client.post(
        reverse("localoffer:contact_create", args=[service.pk]),
        {"name": "Natalie Blower", "email": "natalie@provider.example", "phone": "03000 419555"},
    )
    client.post(
        reverse("localoffer:location_create", args=[service.pk]),
        {"name": "Riverside Centre", "postcode": "ME14 1XX"},
    )
    contact = Contact.objects.get()
    assert contact.service == service and contact.is_public is False  # unticked box
    assert Location.objects.get().service == service
    bad = client.post(reverse("localoffer:contact_create", args=[service.pk]), {"email": "x"})
    assert "Enter the contact&#x27;s name" in bad.content.decode()


def test_officer_home_lists_out_of_date_services(client_for):
    today = timezone.localdate()
    ServiceFactory(name="Checked long ago", assured_date=today - timedelta(days=400))
    ServiceFactory(name="Checked lately", assured_date=today - timedelta(days=10))
    ServiceFactory(name="Never checked", assured_date=None)
    body = client_for("officer").get(reverse("officer_home")).content.decode()
    assert "2 Local Offer services have not been checked for 12 months or more" in body
    assert "Checked long ago" in body and "Never checked" in body
    assert "Checked lately" not in body


def test_officer_home_queries_do_not_grow(client_for, django_assert_max_num_queries):
    for n in range(30):
        ServiceFactory(name=f"Old {n}", assured_date=None)
    client = client_for("officer")
    with django_assert_max_num_queries(15):
        assert client.get(reverse("officer_home")).status_code == 200


def test_manage_list_shows_out_of_date_tag_and_filter(client_for):
    ServiceFactory(name="Stale one", assured_date=None)
    ServiceFactory(name="Fresh one")
    client = client_for("officer")
    body = client.get(reverse("localoffer:manage")).content.decode()
    assert "Stale one" in body and "Fresh one" in body and "Out of date" in body
    only = client.get(reverse("localoffer:manage"), {"show": "out-of-date"}).content.decode()
    assert "Stale one" in only and "Fresh one" not in only


def test_area_dashboard_lists_the_areas_services(client_for, head_ne, area_south):
    ServiceFactory(name="North East club", areas=[head_ne.area])
    ServiceFactory(name="South club", areas=[area_south])
    ServiceFactory(name="County-wide line")
    body = client_for("head_x").get(head_ne.area.get_absolute_url()).content.decode()
    assert "North East club" in body and "South club" not in body
    assert "1 more service covers the whole county" in body


def test_same_service_twice_from_one_organisation_is_explained(client_for):
    data = form_data()
    ServiceFactory(name="Portage", organisation_id=data["organisation"])
    response = client_for("officer").post(reverse("localoffer:service_create"), data)
    body = response.content.decode()
    assert "There is already a service with this name from this organisation" in body
    assert "<title>Error: " in body
    assert Service.objects.count() == 1


@pytest.mark.parametrize("address", ["ftp://files.example.org", "//evil.example/page"])
def test_a_website_must_be_http_or_https(client, officer, address):
    client.force_login(officer)
    response = client.post(
        reverse("localoffer:service_create"), {"name": "Portage", "url": address}
    )
    assert "Enter the website in the correct format" in response.content.decode()
