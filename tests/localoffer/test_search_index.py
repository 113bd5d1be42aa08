"""The Local Offer search on PostgreSQL reads what the database stores and indexes.

The search document (``Service.search_vector``) is kept by the database's triggers on every
write path (the ORM, bulk_create, an organisation's new name), and a selective search is
answered through the GIN indexes, not by working out every service's text row by row.
"""

import random

import pytest
from django.db import connection
from django.urls import reverse

from localoffer.models import Organisation, Service
from localoffer.search import search_services
from send_portal.demo import scale
from tests.localoffer.factories import OrganisationFactory, ServiceFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
URL = reverse("localoffer:search")
INDEXES = [
    "localoffer_service_search_vector_gin",
    "localoffer_service_name_trgm",
    "localoffer_service_description_trgm",
]


def names(client, query: str) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [s.name for s in response.context["page_obj"].object_list]


def test_a_service_is_found_by_its_new_name_and_description(client):
    service = ServiceFactory(name="Riding for the disabled", description="Ponies and carriages")
    assert names(client, "ponies") == ["Riding for the disabled"]
    service.name = "Horse riding club"
    service.description = "Lessons on horseback"
    service.save()
    assert names(client, "ponies") == []
    assert names(client, "horseback") == ["Horse riding club"]


def test_services_made_in_bulk_are_found(client):
    organisation = OrganisationFactory(name="Bulk provider")
    Service.objects.bulk_create(
        [
            Service(organisation=organisation, name=f"Swimming club {n}", slug=f"swim-{n}")
            for n in range(3)
        ]
    )
    assert sorted(names(client, "swimming")) == [f"Swimming club {n}" for n in range(3)]


def test_renaming_an_organisation_changes_what_finds_its_services(client):
    ServiceFactory(name="Saturday club", organisation=OrganisationFactory(name="Acorn Trust"))
    assert names(client, "acorn") == ["Saturday club"]
    organisation = Organisation.objects.get(name="Acorn Trust")
    organisation.name = "Oakwood Charity"
    organisation.save()
    assert names(client, "acorn") == []
    assert names(client, "oakwood") == ["Saturday club"]


def test_a_selective_search_uses_the_indexes_at_the_size_of_a_large_area():
    """1,500 services with descriptions of 40 words, as ``load_scale`` builds them."""
    rng = random.Random(20261201)
    organisation = OrganisationFactory(name="Large provider")
    Service.objects.bulk_create(
        [
            Service(
                organisation=organisation,
                name=f"Youth club {n}",
                slug=f"youth-club-{n}",
                description=scale._sentence(rng, 40),
            )
            for n in range(1500)
        ]
        + [
            Service(
                organisation=organisation,
                name="Riding for the disabled",
                slug="riding-for-the-disabled",
                description="Horse riding lessons for disabled children.",
            )
        ]
    )
    with connection.cursor() as cursor:
        # What autovacuum does in a live database: the new rows' index entries out of the GIN
        # indexes' pending lists, and fresh statistics.
        for index in INDEXES:
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute("ANALYZE localoffer_service")
    found = search_services(Service.objects.public(), "horse ridng")  # a misspelling
    assert [s.name for s in found] == ["Riding for the disabled"]
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "localoffer_service_search_vector_gin" in plan, plan
    assert "localoffer_service_name_trgm" in plan or "localoffer_service_description_trgm" in plan
    assert "to_tsvector" not in plan, plan
