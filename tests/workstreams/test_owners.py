"""Owners are people: the typed owner is linked to the account that matches, as the importer
does, and kept as a free name only when no account matches."""

import pytest
from django.urls import reverse

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
