"""Owners are people: the typed owner is linked to the account that matches, as the importer
does, and kept as a free name only when no account matches."""

import pytest
from django.urls import reverse

from send_portal.core.history import history_of
from tests.core.factories import UserFactory
from tests.forms_as_rendered import form_data
from workstreams.models import Action
from workstreams.owners import match_owner

from .factories import ActionFactory, WorkstreamFactory

pytestmark = pytest.mark.django_db


def test_match_owner_by_name_or_email_ignoring_case():
    ruth = UserFactory(full_name="Ruth Sturdy", email="ruth.sturdy@test.example")
    assert match_owner("ruth sturdy") == (ruth.pk, "")
    assert match_owner(" RUTH.STURDY@test.example ") == (ruth.pk, "")
    assert match_owner("Pam Langmead") == (None, "Pam Langmead")
    assert match_owner("") == (None, "")


@pytest.mark.parametrize(("typed", "linked"), [("ruth sturdy", True), ("Pam Langmead", False)])
def test_an_action_created_from_a_meeting_links_the_owner(client, officer, typed, linked):
    from tests.meetings.factories import MeetingFactory

    ruth = UserFactory(role="LA officer", full_name="Ruth Sturdy")
    meeting = MeetingFactory()
    workstream = WorkstreamFactory()
    client.force_login(officer)
    url = reverse("meetings:action_add", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert 'list="portal-people"' in page and '<option value="Ruth Sturdy">' in page
    response = client.post(
        url,
        {
            "description": "Write to every SENCO",
            "owner_name": typed,
            "programme": "create",
            "workstream": workstream.pk,
            "ref": "M.9",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(ref="M.9")
    if linked:
        assert (action.owner, action.owner_name) == (ruth, "")
    else:
        assert (action.owner, action.owner_name) == (None, "Pam Langmead")


def test_action_edit_form_changes_areas_weaknesses_and_owner(client, officer, area_ne):
    from tests.inspections.factories import AreaOfWeaknessFactory, InspectionFactory

    inspection = InspectionFactory()
    weakness = AreaOfWeaknessFactory(inspection=inspection)
    action = ActionFactory()
    action.programme.inspection = inspection
    action.programme.save()
    client.force_login(officer)
    url = reverse("workstreams:action_edit", args=[action.pk])
    data = form_data(client.get(url).content.decode())
    data.update(areas=[str(area_ne.pk)], weaknesses=[str(weakness.pk)], owner=[str(officer.pk)])
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert list(action.areas.all()) == [area_ne]
    assert list(action.weaknesses.all()) == [weakness]
    assert action.owner == officer


def _risk_page(workstream, risk=None) -> str:
    base = f"/programmes/{workstream.programme.slug}/workstreams/{workstream.code}/risks/"
    return f"{base}{risk.pk}/edit/" if risk else f"{base}new/"


@pytest.mark.parametrize(("typed", "linked"), [("ruth sturdy", True), ("Pam Langmead", False)])
def test_a_risk_owner_is_linked_to_the_account_that_matches(client, officer, typed, linked):
    from workstreams.models import Risk

    ruth = UserFactory(role="LA officer", full_name="Ruth Sturdy")
    workstream = WorkstreamFactory()
    client.force_login(officer)
    url = _risk_page(workstream)
    page = client.get(url).content.decode()
    assert 'list="portal-people"' in page and '<option value="Ruth Sturdy">' in page
    data = form_data(page)
    data.update(
        kind=["risk"], description=["Too few places"], likelihood=["3"], impact=["4"],
        owner_name=[typed], status=["open"],
    )  # fmt: skip
    assert client.post(url, data).status_code == 302
    risk = Risk.objects.get(description="Too few places")
    if linked:
        assert (risk.owner, risk.owner_name) == (ruth, "")
    else:
        assert (risk.owner, risk.owner_name) == (None, "Pam Langmead")
    # The page shows the owner by name; the edit form holds it as the officer reads it.
    html = client.get(f"/programmes/{workstream.programme.slug}/workstreams/{workstream.code}/")
    assert ("Ruth Sturdy" if linked else "Pam Langmead") in html.content.decode()
    edit = form_data(client.get(_risk_page(workstream, risk)).content.decode())
    assert edit["owner_name"] == ["Ruth Sturdy" if linked else "Pam Langmead"]


def test_a_linked_risk_owner_resaved_as_rendered_changes_nothing(client, officer):
    from tests.reporting.factories import RiskFactory

    ruth = UserFactory(role="LA officer", full_name="Ruth Sturdy")
    risk = RiskFactory(owner=ruth, owner_name="")
    client.force_login(officer)
    url = _risk_page(risk.workstream, risk)
    before = history_of(risk)
    assert client.post(url, form_data(client.get(url).content.decode())).status_code == 302
    risk.refresh_from_db()
    assert (risk.owner, risk.owner_name) == (ruth, "")
    assert len(history_of(risk)) == len(before)  # no change recorded


def test_the_migration_links_risk_owners_named_by_exactly_one_person():
    import importlib

    from django.apps import apps

    from tests.reporting.factories import RiskFactory

    migration = importlib.import_module("workstreams.migrations.0014_link_risk_owners")
    ruth = UserFactory(full_name="Ruth Sturdy")
    UserFactory(full_name="Sam Smith")
    UserFactory(full_name="Sam Smith")
    UserFactory(full_name="Gone Person", is_active=False)
    named = RiskFactory(owner_name=" ruth sturdy ")
    twice = RiskFactory(owner_name="Sam Smith")
    nobody = RiskFactory(owner_name="Pam Langmead")
    inactive = RiskFactory(owner_name="Gone Person")
    migration.link_owners(apps, None)
    for risk in (named, twice, nobody, inactive):
        risk.refresh_from_db()
    assert (named.owner, named.owner_name) == (ruth, "")
    assert (twice.owner, twice.owner_name) == (None, "Sam Smith")  # two people: left as typed
    assert (nobody.owner, nobody.owner_name) == (None, "Pam Langmead")
    assert (inactive.owner, inactive.owner_name) == (None, "Gone Person")


def test_a_name_two_people_have_is_never_guessed():
    from workstreams.owners import AmbiguousOwner

    first = UserFactory(full_name="Ruth Sturdy", email="ruth.sturdy@test.example")
    second = UserFactory(full_name="Ruth Sturdy", email="r.sturdy@test.example")
    UserFactory(full_name="Ruth Sturdy", email="old.ruth@test.example", is_active=False)
    with pytest.raises(AmbiguousOwner, match=r"^2 people are called Ruth Sturdy: choose one by"):
        match_owner(" ruth STURDY ")
    assert match_owner("ruth.sturdy@test.example") == (first.pk, "")  # email: exact
    assert match_owner("R.Sturdy@test.example") == (second.pk, "")
    assert match_owner("ruth.sturdy@test") == (None, "ruth.sturdy@test")  # no partial match


def test_the_risk_form_refuses_a_name_two_people_have_and_offers_them_by_email(client, officer):
    from workstreams.models import Risk

    UserFactory(role="LA officer", full_name="Ruth Sturdy", email="ruth.sturdy@test.example")
    second = UserFactory(role="LA officer", full_name="Ruth Sturdy", email="r.sturdy@test.example")
    workstream = WorkstreamFactory()
    client.force_login(officer)
    url = _risk_page(workstream)
    page = client.get(url).content.decode()
    # Each Ruth is offered by her email address: picking one links that account.
    assert '<option value="r.sturdy@test.example">Ruth Sturdy (r.sturdy@test.example)' in page
    assert '<option value="Ruth Sturdy">' not in page
    data = form_data(page)
    data.update(
        kind=["risk"], description=["Too few places"], likelihood=["3"], impact=["4"],
        owner_name=["Ruth Sturdy"], status=["open"],
    )  # fmt: skip
    refused = client.post(url, data)
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "2 people are called Ruth Sturdy: choose one by email address" in text
    assert 'href="#id_owner_name"' in text  # the error summary links to the field
    assert not Risk.objects.exists()

    data["owner_name"] = ["r.sturdy@test.example"]
    assert client.post(url, data).status_code == 302
    risk = Risk.objects.get()
    assert (risk.owner, risk.owner_name) == (second, "")
    # Shown again by email (the name would be ambiguous), so re-saving it changes nothing.
    edit_url = _risk_page(workstream, risk)
    edit = form_data(client.get(edit_url).content.decode())
    assert edit["owner_name"] == ["r.sturdy@test.example"]
    before = len(history_of(risk))
    assert client.post(edit_url, edit).status_code == 302
    assert len(history_of(risk)) == before


def test_an_action_arising_refuses_a_name_two_people_have(client, officer):
    from tests.meetings.factories import MeetingFactory

    UserFactory(role="LA officer", full_name="Ruth Sturdy")
    UserFactory(role="LA officer", full_name="Ruth Sturdy")
    meeting = MeetingFactory()
    workstream = WorkstreamFactory()
    client.force_login(officer)
    url = reverse("meetings:action_add", args=[meeting.pk])
    response = client.post(
        url,
        {
            "description": "Write to every SENCO",
            "owner_name": "Ruth Sturdy",
            "programme": "create",
            "workstream": workstream.pk,
            "ref": "M.9",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "2 people are called Ruth Sturdy: choose one by email address" in (
        response.content.decode()
    )
    assert not Action.objects.filter(ref="M.9").exists()
