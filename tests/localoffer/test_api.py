"""The Open Referral UK 3.0 feed: every response validated against the profile's schemas.

The schemas are vendored in tests/fixtures/oruk (CC BY-SA 4.0, Open Referral); see
tests/localoffer/oruk_schema.py.
"""

import uuid

import pytest
from django.urls import reverse

from localoffer.models import Schedule, Service, oruk_uuid
from localoffer.oruk import TAXONOMIES, term_id
from tests.localoffer.factories import (
    CategoryFactory,
    ContactFactory,
    LocationFactory,
    ServiceFactory,
    need,
)
from tests.localoffer.oruk_schema import PAGE_FIELDS, assert_valid, schema_errors

pytestmark = pytest.mark.django_db
URL = reverse("localoffer:api_services")


def get(client, name, params=None, **kwargs):
    response = client.get(reverse(f"localoffer:{name}", kwargs=kwargs), params or {})
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def test_paths_are_the_contract():
    assert URL == "/local-offer/api/services"
    assert reverse("localoffer:api_root") == "/local-offer/api/"
    assert reverse("localoffer:api_taxonomies") == "/local-offer/api/taxonomies"
    assert reverse("localoffer:api_taxonomy_terms") == "/local-offer/api/taxonomy_terms"
    some = uuid.uuid4()
    assert reverse("localoffer:api_service", kwargs={"id": some}) == (
        f"/local-offer/api/services/{some}"
    )


def test_api_root_gives_the_version(client):
    data = get(client, "api_root").json()
    assert data["version"] == "3.0"
    assert_valid(data, "/")


@pytest.fixture
def portage(area_ne):
    service = ServiceFactory(
        name="Portage",
        min_age=0,
        max_age=5,
        areas=[area_ne],
        needs=[need("cognition-and-learning")],
        url="",
        email="",
        fees="",
    )
    ContactFactory(service=service, name="Natalie", phone="03000 419555", email="")
    ContactFactory(service=service, name="Hidden", is_public=False)
    LocationFactory(service=service, name="Riverside Centre", postcode="ME14 1XX")
    LocationFactory(service=service, name="Online", address="", town="", postcode="")
    Schedule.objects.create(
        service=service, days="MO,WE", opens_at="09:00", closes_at="12:30", description=""
    )
    return service


def test_services_page_and_each_item_validate(client, portage):
    data = get(client, "api_services").json()
    assert_valid(data, "/services")
    assert list(data) == PAGE_FIELDS
    assert (data["total_items"], data["total_pages"], data["page_number"], data["size"]) == (
        1,
        1,
        1,
        1,
    )
    (item,) = data["contents"]
    assert item["id"] == str(portage.uuid)
    assert item["minimum_age"] == 0 and item["maximum_age"] == 5
    assert "email" not in item  # empty optional strings are left out, never null


def test_full_service_validates_with_everything_families_need(client, portage):
    data = get(client, "api_service", id=portage.uuid).json()
    assert_valid(data, "/services/{id}")
    assert [c["name"] for c in data["contacts"]] == ["Natalie"]  # not the hidden one
    assert data["contacts"][0]["phones"][0]["number"] == "03000 419555"
    assert [a["service_area"] for a in data["service_areas"]] == ["North East"]
    (schedule,) = data["schedules"]
    assert (schedule["freq"], schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "WEEKLY",
        "MO,WE",
        "09:00",
        "12:30",
    )
    locations = {s["location"]["name"]: s["location"] for s in data["service_at_locations"]}
    assert locations["Riverside Centre"]["location_type"] == "physical"
    assert locations["Riverside Centre"]["addresses"][0]["postal_code"] == "ME14 1XX"
    assert locations["Online"].get("addresses") == []
    terms = {a["taxonomy_term"]["taxonomy"] for a in data["attributes"]}
    assert terms == {"Local Offer categories", "SEND areas of need"}


def test_the_schemas_catch_the_old_feed_shape():
    """The check can fail: the 2.0-style page and ids the issue found are errors."""
    old = {"total_items": 1, "number": 1, "content": [{"id": "12", "name": "x"}]}
    assert schema_errors(old, "/services")
    old_service = {"id": "12", "name": "x", "status": "active", "email": None}
    assert len(schema_errors(old_service, "/services/{id}")) >= 2


def test_unknown_or_inactive_service_is_a_404_with_a_reason(client):
    closed = ServiceFactory(status=Service.Status.INACTIVE)
    for some in (uuid.uuid4(), closed.uuid):
        response = get(client, "api_service", id=some)
        assert response.status_code == 404 and "error" in response.json()


def test_ids_are_stable_uuids(client, portage):
    first = get(client, "api_service", id=portage.uuid).json()
    again = get(client, "api_service", id=portage.uuid).json()
    assert first == again
    assert first["organization"]["id"] == str(oruk_uuid("organisation", portage.organisation_id))


def test_the_migration_fills_uuids_deterministically():
    from importlib import import_module

    migration = import_module("localoffer.migrations.0004_search_contacts_schedules_oruk_ids")
    assert oruk_uuid.__globals__["ORUK_NAMESPACE"] == migration.ORUK_NAMESPACE
    assert uuid.uuid5(migration.ORUK_NAMESPACE, "service:7") == oruk_uuid("service", 7)


def test_taxonomies_and_terms_validate(client, portage):
    taxonomies = get(client, "api_taxonomies").json()
    assert_valid(taxonomies, "/taxonomies")
    assert {t["name"] for t in taxonomies["contents"]} == {t.name for t in TAXONOMIES}
    one = get(client, "api_taxonomy", id=taxonomies["contents"][0]["id"]).json()
    assert_valid(one, "/taxonomies/{id}")
    terms = get(client, "api_taxonomy_terms").json()
    assert_valid(terms, "/taxonomy_terms")
    names = {t["name"] for t in terms["contents"]}
    assert "Cognition and learning" in names and portage.categories.first().name in names
    term = get(client, "api_taxonomy_term", id=terms["contents"][0]["id"]).json()
    assert_valid(term, "/taxonomy_terms/{id}")
    by_taxonomy = get(client, "api_taxonomy_terms", {"taxonomy_id": TAXONOMIES[1].id}).json()
    assert by_taxonomy["total_items"] == 4  # the four areas of need
    assert get(client, "api_taxonomy_term", id=uuid.uuid4()).status_code == 404
    assert get(client, "api_taxonomy", id=uuid.uuid4()).status_code == 404


def test_search_and_taxonomy_term_id_filter(client):
    under5 = CategoryFactory(name="Support for children under 5")
    sp = need("sensory-and-or-physical")
    ServiceFactory(name="Wheelchair service", description="Mobility", needs=[sp])
    ServiceFactory(name="Portage", categories=[under5], needs=[need("cognition-and-learning")])
    ServiceFactory(name="Every need", description="Advice")  # names no need: serves every need

    def names(params):
        data = get(client, "api_services", params).json()
        assert_valid(data, "/services")
        return {s["name"] for s in data["contents"]}

    assert names({"search": "wheelchair"}) == {"Wheelchair service"}
    assert names({"search": "mobility"}) == {"Wheelchair service"}
    assert names({"taxonomy_term_id": term_id(sp)}) == {"Wheelchair service", "Every need"}
    assert names({"taxonomy_term_id": term_id(under5)}) == {"Portage"}
    assert names({"taxonomy_term_id": str(uuid.uuid4())}) == set()
    bad = get(client, "api_services", {"taxonomy_term_id": "12"})
    assert bad.status_code == 400 and "UUID" in bad.json()["error"]


def test_only_active_services(client):
    ServiceFactory(name="Active")
    ServiceFactory(name="Closed", status=Service.Status.TEMPORARILY_CLOSED)
    ServiceFactory(name="Gone", status=Service.Status.INACTIVE)
    assert [s["name"] for s in client.get(URL).json()["contents"]] == ["Active"]


def test_pagination_size_is_the_number_on_the_page(client):
    for n in range(5):
        ServiceFactory(name=f"Service {n}")
    first = client.get(URL, {"per_page": 2}).json()
    assert_valid(first, "/services")
    assert (first["total_items"], first["total_pages"], first["size"]) == (5, 3, 2)
    assert first["first_page"] and not first["last_page"]
    last = client.get(URL, {"per_page": 2, "page": 3}).json()
    assert last["last_page"] and not last["first_page"] and last["size"] == 1
    beyond = client.get(URL, {"per_page": 2, "page": 9}).json()
    assert_valid(beyond, "/services")
    assert beyond["empty"] is True and beyond["contents"] == [] and beyond["size"] == 0
    ids = [
        s["id"]
        for p in (1, 2, 3)
        for s in client.get(URL, {"per_page": 2, "page": p}).json()["contents"]
    ]
    assert len(set(ids)) == 5


def test_per_page_is_capped_at_100(client):
    for n in range(101):
        ServiceFactory(name=f"S{n:03}")
    data = client.get(URL, {"per_page": 1000}).json()
    assert data["size"] == 100 and data["total_pages"] == 2


@pytest.mark.parametrize("params", [{"page": "x"}, {"page": "0"}, {"per_page": "-3"}])
@pytest.mark.parametrize("name", ["api_services", "api_taxonomies", "api_taxonomy_terms"])
def test_bad_paging_is_a_400_with_a_reason(client, params, name):
    response = get(client, name, params)
    assert response.status_code == 400
    assert "whole numbers" in response.json()["error"]


def test_empty_feed(client):
    data = client.get(URL).json()
    assert_valid(data, "/services")
    assert data["empty"] is True and data["total_items"] == 0


def test_every_demo_service_validates(client, demo):
    data = client.get(URL, {"per_page": 100}).json()
    assert_valid(data, "/services")
    assert data["total_items"] >= 28
    for item in data["contents"]:
        assert_valid(get(client, "api_service", id=item["id"]).json(), "/services/{id}")


def test_feed_queries_are_bounded(client, django_assert_max_num_queries):
    for n in range(30):
        service = ServiceFactory(name=f"S{n}")
        ContactFactory(service=service)
        LocationFactory(service=service)
    with django_assert_max_num_queries(10):
        assert len(client.get(URL).json()["contents"]) == 30
