"""Officers keep the words families use and each service's opening times and access."""

import pytest
from django.urls import reverse

from localoffer.models import Schedule, SynonymGroup
from tests.localoffer.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_officer_adds_changes_and_removes_a_group_of_words(client_for):
    client = client_for("officer")
    response = client.post(
        reverse("localoffer:synonym_create"),
        {"words": "holiday club,\n play scheme , Holiday Club"},
    )
    assert response.status_code == 302
    group = SynonymGroup.objects.get(words__startswith="holiday")
    assert group.word_list == ["holiday club", "play scheme"]  # trimmed, repeats dropped
    client.post(reverse("localoffer:synonym_edit", args=[group.pk]), {"words": "a, b, c"})
    group.refresh_from_db()
    assert group.word_list == ["a", "b", "c"]
    assert "a, b, c" in client.get(reverse("localoffer:synonym_list")).content.decode()
    client.post(reverse("localoffer:synonym_delete", args=[group.pk]))
    assert not SynonymGroup.objects.filter(pk=group.pk).exists()


def test_a_group_needs_two_words(client_for):
    response = client_for("officer").post(reverse("localoffer:synonym_create"), {"words": "one"})
    assert response.status_code == 200
    assert "Enter at least two words or phrases, separated by commas" in response.content.decode()


def test_migration_gives_the_families_words(db):
    words = {w.lower() for g in SynonymGroup.objects.all() for w in g.word_list}
    assert {
        "salt",
        "asd",
        "asc",
        "respite",
        "travel",
        "mobility",
        "specific learning difficulties",
    } <= words


def test_officer_adds_opening_times_shown_on_the_public_page(client_for):
    service = ServiceFactory(name="Drop-in")
    client = client_for("officer")
    url = reverse("localoffer:schedule_create", args=[service.pk])
    response = client.post(
        url, {"day_list": ["WE", "MO", "TU"], "opens_at": "09:30", "closes_at": "16:00"}
    )
    assert response.status_code == 302
    schedule = Schedule.objects.get(service=service)
    assert schedule.days == "MO,TU,WE"
    page = client_for("anonymous").get(service.get_absolute_url()).content.decode()
    assert "Monday to Wednesday, 09:30 to 16:00" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"opens_at": "09:00", "closes_at": "17:00"}, "Select the days the service is open"),
        (
            {"day_list": ["MO"], "opens_at": "nine", "closes_at": "17:00"},
            "Enter the opening time as hours and minutes",
        ),
        (
            {"day_list": ["MO"], "opens_at": "17:00", "closes_at": "09:00"},
            "The closing time must be after the opening time",
        ),
    ],
)
def test_opening_times_errors_in_plain_english(client_for, data, message):
    service = ServiceFactory()
    response = client_for("officer").post(
        reverse("localoffer:schedule_create", args=[service.pk]), data
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Schedule.objects.exists()


def test_default_synonyms_match_the_migration_and_are_added_once():
    from importlib import import_module

    from localoffer.synonyms import DEFAULT_SYNONYMS, ensure_default_synonyms

    migration = import_module("localoffer.migrations.0005_service_uuid_required_synonyms")
    assert migration.SYNONYMS == DEFAULT_SYNONYMS
    SynonymGroup.objects.all().delete()
    assert ensure_default_synonyms() == len(DEFAULT_SYNONYMS)
    assert ensure_default_synonyms() == 0
