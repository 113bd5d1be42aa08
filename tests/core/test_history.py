"""Edit history as a timeline in the users' words: who, when, field, old → new."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from send_portal.core.history import history_of
from tests.core.factories import UserFactory
from tests.forms_as_rendered import form_data, read_page

pytestmark = pytest.mark.django_db


def _officer(client, name="Ruth Sturdy"):
    user = UserFactory(role="LA officer", full_name=name)
    client.force_login(user)
    return user


def test_the_selector_names_fields_and_values_in_users_words(officer):
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(venue="County Hall", date=datetime.date(2018, 2, 21))
    meeting._history_user = officer
    meeting.venue, meeting.date = "Town Hall", datetime.date(2018, 3, 14)
    meeting.save()
    meeting.save()  # a save that changes nothing is not an entry
    latest, created = history_of(meeting)
    assert (created.action, latest.action, latest.who) == ("Created", "Changed", officer)
    assert sorted(latest.changes) == [
        ("Date", "21 February 2018", "14 March 2018"),
        ("Venue", "County Hall", "Town Hall"),
    ]


def test_action_page_shows_who_ticked_a_milestone_and_when(client):
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import Milestone

    action = ActionFactory()
    milestone = Milestone.objects.create(action=action, title="Plan agreed")
    _officer(client)
    url = reverse("workstreams:milestone_done", args=[action.pk, milestone.pk])
    page = client.get(reverse("workstreams:action_detail", args=[action.pk])).content.decode()
    tick = next(f for f in read_page(page).forms if ("done", "done") in f)
    assert client.post(url, dict(tick)).status_code == 302
    html = client.get(reverse("workstreams:action_detail", args=[action.pk])).content.decode()
    assert escape("Milestone “Plan agreed”: Done: No → Yes") in html
    assert "By Ruth Sturdy" in html
    milestone.refresh_from_db()
    assert milestone.done and milestone.version == 2


def test_meeting_page_shows_the_history_of_its_details_to_officers(client, head_ne):
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(venue="County Hall")
    _officer(client)
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    data = form_data(client.get(url).content.decode())
    data["venue"] = ["Town Hall"]
    assert client.post(url, data).status_code == 302
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "History of changes" in html
    assert escape("Venue: County Hall → Town Hall") in html and "By Ruth Sturdy" in html


def test_indicator_page_shows_changed_values(client):
    from tests.inspections.factories import IndicatorFactory

    indicator = IndicatorFactory()
    _officer(client)
    url = reverse("inspections:indicator_value_add", args=[indicator.pk])
    client.post(url, {"period": "2020", "value": "61.5"})
    client.post(url, {"period": "2020", "value": "63"})
    html = client.get(reverse("inspections:indicator_detail", args=[indicator.pk])).content
    html = html.decode()
    assert "Value for 2020" in html
    assert escape("Value: 61.5 → 63") in html
    assert indicator.values.get().value == Decimal("63")


def test_workstream_page_shows_who_changed_the_months_update(client):
    from tests.core.test_concurrency import _monthly_update

    update, url = _monthly_update()
    _officer(client)
    data = form_data(client.get(url).content.decode())
    data["rag"] = ["red"]
    assert client.post(url, data).status_code == 302
    html = client.get(url).content.decode()
    assert f"Monthly update for {update.month:%B %Y}: Changed" in html
    assert escape("RAG: Amber → Red") in html and "By Ruth Sturdy" in html
