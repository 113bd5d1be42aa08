"""The Open Referral UK feed: structure, pagination, and active services only."""

import pytest
from django.urls import reverse

from localoffer.models import Service
from tests.localoffer.factories import ContactFactory, LocationFactory, ServiceFactory, need

pytestmark = pytest.mark.django_db
URL = reverse("localoffer:api_services")
PAGE_KEYS = {
    "total_items",
    "total_pages",
    "number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "content",
}


def test_path_is_the_contract():
    assert URL == "/local-offer/api/services"


def test_structure_of_a_service(client, area_ne):
    service = ServiceFactory(
        name="Portage",
        min_age=0,
        max_age=5,
        areas=[area_ne],
        needs=[need("cognition-and-learning")],
    )
    ContactFactory(service=service, name="Natalie", phone="03000 419555")
    ContactFactory(service=service, name="Hidden", is_public=False)
    LocationFactory(service=service, name="Riverside Centre", postcode="ME14 1XX")
    response = client.get(URL)
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == PAGE_KEYS
    assert data["total_items"] == 1 and data["total_pages"] == 1 and data["number"] == 1
    assert data["first_page"] is True and data["last_page"] is True and data["empty"] is False
    (item,) = data["content"]
    assert item["id"] == str(service.pk)
    assert item["name"] == "Portage"
    assert item["status"] == "active"
    assert item["organization"]["name"] == service.organisation.name
    assert item["assured_date"] == service.assured_date.isoformat()
    assert item["eligibilitys"] == [
        {"id": f"{service.pk}-age", "eligibility": "age", "minimum_age": 0, "maximum_age": 5}
    ]
    assert [a["service_area"] for a in item["service_areas"]] == ["North East"]
    vocabularies = {t["taxonomy"]["vocabulary"] for t in item["service_taxonomys"]}
    assert vocabularies == {"Local Offer categories", "SEND areas of need"}
    assert [c["name"] for c in item["contacts"]] == ["Natalie"]
    assert item["contacts"][0]["phones"] == [{"number": "03000 419555"}]
    location = item["service_at_locations"][0]["location"]
    assert location["name"] == "Riverside Centre"
    assert location["physical_addresses"][0]["postal_code"] == "ME14 1XX"


def test_only_active_services(client):
    ServiceFactory(name="Active")
    ServiceFactory(name="Closed", status=Service.Status.TEMPORARILY_CLOSED)
    ServiceFactory(name="Gone", status=Service.Status.INACTIVE)
    names = [s["name"] for s in client.get(URL).json()["content"]]
    assert names == ["Active"]


def test_pagination(client):
    for n in range(5):
        ServiceFactory(name=f"Service {n}")
    first = client.get(URL, {"per_page": 2}).json()
    assert (first["total_items"], first["total_pages"], first["size"]) == (5, 3, 2)
    assert first["first_page"] and not first["last_page"] and len(first["content"]) == 2
    last = client.get(URL, {"per_page": 2, "page": 3}).json()
    assert last["last_page"] and not last["first_page"] and len(last["content"]) == 1
    beyond = client.get(URL, {"per_page": 2, "page": 9}).json()
    assert beyond["empty"] is True and beyond["content"] == []
    ids = [
        s["id"]
        for p in (1, 2, 3)
        for s in client.get(URL, {"per_page": 2, "page": p}).json()["content"]
    ]
    assert len(set(ids)) == 5


def test_per_page_is_capped(client):
    ServiceFactory()
    assert client.get(URL, {"per_page": 1000}).json()["size"] == 100


@pytest.mark.parametrize("params", [{"page": "x"}, {"page": "0"}, {"per_page": "-3"}])
def test_bad_paging_is_a_400_with_a_reason(client, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert "whole numbers" in response.json()["error"]


def test_empty_feed(client):
    data = client.get(URL).json()
    assert data["empty"] is True and data["total_items"] == 0 and data["total_pages"] == 1


def test_feed_queries_are_bounded(client, django_assert_max_num_queries):
    for n in range(30):
        service = ServiceFactory(name=f"S{n}")
        ContactFactory(service=service)
        LocationFactory(service=service)
    with django_assert_max_num_queries(10):
        assert len(client.get(URL).json()["content"]) == 30
