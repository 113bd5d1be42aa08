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


def _without_history(*records):
    """Records as they were saved before their model kept history: no history row."""
    for record in records:
        type(record).history.filter(id=record.pk).delete()
    return records


def test_baselines_are_written_for_records_without_history_and_only_once(officer):
    from django.apps import apps
    from django.core.files.base import ContentFile

    from send_portal.core.history import BASELINE_REASON, write_history_baselines
    from tests.core.test_concurrency import _monthly_update
    from tests.reporting.factories import RiskFactory
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import Evidence, ProgressUpdate

    update, _url = _monthly_update()
    risk = RiskFactory(description="Too few specialist places")
    kept = RiskFactory(description="Has history")
    progress = ProgressUpdate.objects.create(
        action=ActionFactory(), narrative="<p>Done.</p>", date=datetime.date(2026, 11, 2)
    )
    evidence = Evidence(progress_update=progress, original_name="audit.pdf")
    evidence.file.save("audit.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    _without_history(update, risk, update.workstream, evidence)
    kept_rows = list(kept.history.values_list("history_id", flat=True))

    written = write_history_baselines(apps, "workstreams")
    assert written == {"MonthlyUpdate": 1, "Risk": 1, "Workstream": 1, "Evidence": 1}
    assert evidence.history.get().file == evidence.file.name
    baseline = update.history.get()
    assert (baseline.history_type, baseline.history_change_reason) == ("+", BASELINE_REASON)
    assert baseline.history_user is None
    assert (baseline.achievements, baseline.rag, baseline.version) == (
        update.achievements,
        update.rag,
        update.version,
    )
    assert risk.history.get().description == "Too few specialist places"
    assert list(kept.history.values_list("history_id", flat=True)) == kept_rows  # untouched
    assert write_history_baselines(apps, "workstreams") == {}  # twice: nothing more

    # The first change after it shows the old value, and the timeline says history began.
    update._history_user = officer
    update.rag = "red"
    update.save()
    changed, began = history_of(update)
    assert (began.action, began.baseline, began.who) == ("History begins", True, None)
    assert changed.changes == [("RAG", "Amber", "Red")]


def test_a_services_baseline_keeps_its_categories_and_areas(area_ne):
    from django.apps import apps

    from send_portal.core.history import write_history_baselines
    from tests.localoffer.factories import CategoryFactory, ServiceFactory

    service = ServiceFactory(
        categories=[CategoryFactory(name="Short breaks")], areas=[area_ne], name="Play club"
    )
    _without_history(service)
    assert service.history.count() == 0
    assert write_history_baselines(apps, "localoffer")["Service"] == 1
    baseline = service.history.get()
    assert [c.category.name for c in baseline.categories.all()] == ["Short breaks"]
    assert [a.area for a in baseline.areas.all()] == [area_ne]


def test_the_workstream_page_shows_where_history_begins(client):
    from django.apps import apps

    from send_portal.core.history import write_history_baselines
    from tests.reporting.factories import RiskFactory

    risk = RiskFactory(description="Too few specialist places", likelihood=3)
    _without_history(risk, risk.workstream)
    write_history_baselines(apps, "workstreams")
    officer = _officer(client)
    ws = risk.workstream
    page = f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/"
    url = f"{page}risks/{risk.pk}/edit/"
    data = form_data(client.get(url).content.decode())
    data["likelihood"] = ["4"]
    assert client.post(url, data).status_code == 302
    html = client.get(page).content.decode()
    assert "Risk “Too few specialist places”: History begins" in html
    assert "The portal began keeping this record's history" in html
    assert "Likelihood: 3 → 4" in html and f"By {officer.full_name}" in html


def test_an_actions_timeline_begins_with_its_baseline(client):
    from django.apps import apps

    from send_portal.core.history import write_history_baselines
    from tests.workstreams.factories import ActionFactory

    action = ActionFactory(title="Publish the Local Offer")
    _without_history(action)
    write_history_baselines(apps, "workstreams")
    _officer(client)
    url = reverse("workstreams:action_edit", args=[action.pk])
    data = form_data(client.get(url).content.decode())
    data["title"] = ["Publish the Local Offer online"]
    assert client.post(url, data).status_code == 302
    html = client.get(reverse("workstreams:action_detail", args=[action.pk])).content.decode()
    assert "History begins" in html and "Action created" not in html
    assert escape("Publish the Local Offer → Publish the Local Offer online") in html
