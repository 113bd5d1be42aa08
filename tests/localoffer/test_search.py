"""The public search: each filter, their combinations, errors, pagination, and bounded queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from localoffer.models import Service
from tests.core.factories import AreaFactory
from tests.localoffer.factories import CategoryFactory, ServiceFactory, need

pytestmark = pytest.mark.django_db
URL = reverse("localoffer:search")


def names(response) -> set[str]:
    return {s.name for s in response.context["page_obj"].object_list}


@pytest.fixture
def directory(area_ne, area_south):
    under5 = CategoryFactory(name="Support for children under 5")
    school = CategoryFactory(name="Support for school age children")
    ci, sp = need("communication-and-interaction"), need("sensory-and-or-physical")
    ServiceFactory(
        name="Portage", categories=[under5], min_age=0, max_age=5, needs=[ci], areas=[area_ne]
    )
    ServiceFactory(
        name="Speech and language drop-in",
        description="Help with talking and listening",
        categories=[under5, school],
        min_age=2,
        max_age=11,
        needs=[ci],
    )
    ServiceFactory(
        name="Hearing support",
        categories=[school],
        min_age=4,
        max_age=19,
        needs=[sp],
        areas=[area_south],
    )
    ServiceFactory(
        name="Closed club", categories=[school], status=Service.Status.TEMPORARILY_CLOSED
    )
    ServiceFactory(name="Old inactive scheme", categories=[school], status=Service.Status.INACTIVE)


def test_no_filters_lists_every_public_service_with_a_count(client, directory):
    response = client.get(URL)
    assert names(response) == {
        "Portage",
        "Speech and language drop-in",
        "Hearing support",
        "Closed club",
    }
    assert "4 services found" in response.content.decode()


def test_keyword_matches_name_description_and_organisation(client, directory):
    assert names(client.get(URL, {"q": "speech"})) == {"Speech and language drop-in"}
    assert names(client.get(URL, {"q": "LISTENING"})) == {"Speech and language drop-in"}
    assert names(client.get(URL, {"q": "speech portage"})) == set()  # every word must match


def test_category(client, directory):
    assert names(client.get(URL, {"category": "support-for-children-under-5"})) == {
        "Portage",
        "Speech and language drop-in",
    }


def test_age_is_within_the_range_served(client, directory):
    assert names(client.get(URL, {"age": "3"})) == {
        "Portage",
        "Speech and language drop-in",
        "Closed club",
    }
    assert names(client.get(URL, {"age": "15"})) == {"Hearing support", "Closed club"}


def test_area_includes_county_wide_services(client, directory):
    assert names(client.get(URL, {"area": "north-east"})) == {
        "Portage",
        "Speech and language drop-in",
        "Closed club",
    }


def test_needs_any_of_those_ticked_and_services_for_every_need(client, directory):
    # "Closed club" names no need: it is for every need, so every need's filter finds it.
    assert names(client.get(URL, {"need": "sensory-and-or-physical"})) == {
        "Hearing support",
        "Closed club",
    }
    assert names(
        client.get(URL, {"need": ["sensory-and-or-physical", "communication-and-interaction"]})
    ) == {"Portage", "Speech and language drop-in", "Hearing support", "Closed club"}


def test_filters_combine(client, directory):
    response = client.get(
        URL,
        {
            "category": "support-for-children-under-5",
            "age": "4",
            "area": "south",
            "need": "communication-and-interaction",
        },
    )
    assert names(response) == {"Speech and language drop-in"}
    assert names(client.get(URL, {"q": "hearing", "area": "north-east"})) == set()


@pytest.mark.parametrize("age", ["abc", "26", "-1", "4.5"])
def test_a_bad_age_is_explained(client, directory, age):
    response = client.get(URL, {"age": age})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter the age as a whole number from 0 to 25" in body
    assert "<title>Error: " in body


def test_an_unknown_category_is_explained(client, directory):
    body = client.get(URL, {"category": "nonsense"}).content.decode()
    assert "Select a category" in body


def test_temporarily_closed_is_labelled(client, directory):
    body = client.get(URL).content.decode()
    assert "Temporarily closed" in body


def test_pagination_keeps_the_search(client):
    category = CategoryFactory(name="Health and wellbeing")
    for n in range(45):
        ServiceFactory(name=f"Clinic {n:02}", categories=[category])
    first = client.get(URL, {"q": "clinic"})
    assert first.context["page_obj"].paginator.num_pages == 3
    assert "45 services found" in first.content.decode()
    assert "?q=clinic&amp;page=2" in first.content.decode()
    third = client.get(URL, {"q": "clinic", "page": "3"})
    assert len(third.context["page_obj"].object_list) == 5
    assert client.get(URL, {"page": "nonsense"}).status_code == 200
    assert client.get(URL, {"page": "999"}).context["page_obj"].number == 3


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_search_page_queries_are_bounded_whatever_the_size(client):
    areas = [AreaFactory(name=f"District {n}") for n in range(3)]
    cats = [CategoryFactory(name=f"Heading {n}") for n in range(3)]
    ServiceFactory(name="One", categories=cats, areas=areas, needs=[need("cognition-and-learning")])
    params = {"q": "o", "age": "5", "need": "cognition-and-learning"}
    small = _queries(client, URL, params)
    for n in range(40):
        ServiceFactory(
            name=f"Service o{n}",
            categories=cats,
            areas=areas,
            needs=[need("cognition-and-learning")],
        )
    large = _queries(client, URL, params)
    assert small == large
    assert large <= 15


def test_filter_by_how_to_get_the_service_and_opening_days(client, directory):
    from localoffer.models import Schedule

    Service.objects.filter(name="Portage").update(access="referral")
    Service.objects.filter(name="Hearing support").update(access="either")
    assert "Portage" not in names(client.get(URL, {"access": "self-referral"}))
    assert names(client.get(URL, {"access": "referral"})) == {"Portage", "Hearing support"}
    Schedule.objects.create(
        service=Service.objects.get(name="Portage"), days="SA", opens_at="10:00", closes_at="12:00"
    )
    Schedule.objects.create(
        service=Service.objects.get(name="Hearing support"),
        days="MO,TU",
        opens_at="09:00",
        closes_at="17:00",
    )
    assert names(client.get(URL, {"day": "SA"})) == {"Portage"}
    assert names(client.get(URL, {"day": ["SA", "TU"]})) == {"Portage", "Hearing support"}
    response = client.get(URL, {"day": "XX"})
    assert "Select days of the week" in response.content.decode()
