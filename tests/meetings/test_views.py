import datetime

import pytest
from django.urls import reverse

from tests.inclusion.factories import ActionFactory, WorkstreamFactory
from tests.meetings.factories import (
    ActionArisingFactory,
    DecisionFactory,
    GroupFactory,
    MeetingFactory,
    MinuteItemFactory,
)
from workstreams.meetings.models import ActionArising, Attendee, Meeting, MinuteItem
from workstreams.models import Action

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "head_x", "head_y", "board", "officer", "admin"]


@pytest.fixture
def data(area_ne):
    countywide = GroupFactory(slug="executive", name="SEND Executive")
    ne_group = GroupFactory(slug="ne-dspl", name="North East DSPL group", area=area_ne)
    published = MeetingFactory(group=countywide)
    draft = MeetingFactory(
        group=countywide, status=Meeting.Status.DRAFT, date=datetime.date(2018, 4, 18)
    )
    ne_meeting = MeetingFactory(group=ne_group)
    MinuteItemFactory(meeting=published, number=1)
    return {"published": published, "draft": draft, "ne": ne_meeting}


def _url(name, *args):
    return reverse(f"meetings:{name}", args=args)


ALL = dict.fromkeys(["head_x", "head_y", "board", "officer", "admin"], 200)
EDIT = {"head_x": 403, "head_y": 403, "board": 403, "officer": 200, "admin": 200}
DRAFT = EDIT
NE_ONLY = {"head_x": 200, "head_y": 403, "board": 200, "officer": 200, "admin": 200}


def _pages(d):
    p, dr, ne = d["published"].pk, d["draft"].pk, d["ne"].pk
    return [
        (_url("group_list"), ALL),
        (_url("group_detail", "executive"), ALL),
        (_url("group_detail", "ne-dspl"), NE_ONLY),
        (_url("group_ical", "executive"), ALL),
        (_url("group_ical", "ne-dspl"), NE_ONLY),
        (_url("meeting_detail", p), ALL),
        (_url("meeting_pdf", p), ALL),
        (_url("meeting_detail", dr), DRAFT),
        (_url("meeting_pdf", dr), DRAFT),
        (_url("meeting_detail", ne), NE_ONLY),
        (reverse("meetings:decisions"), ALL),
        (_url("group_create"), EDIT),
        (_url("meeting_create", "executive"), EDIT),
        (_url("meeting_edit", p), EDIT),
        (_url("attendee_add", p), EDIT),
        (_url("item_add", p), EDIT),
        (_url("item_edit", p, 1), EDIT),
        (_url("decision_add", p), EDIT),
        (_url("action_add", p), EDIT),
        (_url("next_step_add", p), EDIT),
        (_url("future_date_add", p), EDIT),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_access_per_role(client_for, data, role):
    client = client_for(role)
    for url, expected in _pages(data):
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login"))
        else:
            assert response.status_code == expected[role], (url, role)


@pytest.mark.parametrize("role", ["head_x", "board"])
def test_readers_cannot_publish_or_change(client_for, data, role):
    client = client_for(role)
    assert client.post(_url("meeting_publish", data["draft"].pk)).status_code == 403
    action = ActionArisingFactory(meeting=data["published"])
    assert (
        client.post(_url("action_toggle_done", data["published"].pk, action.pk)).status_code == 403
    )
    data["draft"].refresh_from_db()
    assert data["draft"].status == Meeting.Status.DRAFT


def test_draft_minutes_become_visible_when_published(client_for, data):
    url = _url("meeting_detail", data["draft"].pk)
    assert client_for("head_x").get(url).status_code == 403
    response = client_for("officer").post(_url("meeting_publish", data["draft"].pk))
    assert response.status_code == 302
    assert client_for("head_x").get(url).status_code == 200
    assert client_for("board").get(url).status_code == 200
    client_for("officer").post(_url("meeting_publish", data["draft"].pk), {"unpublish": "1"})
    assert client_for("board").get(url).status_code == 403


def test_group_page_lists_only_published_meetings_to_readers(client_for, data):
    body = client_for("board").get(_url("group_detail", "executive")).content.decode()
    assert "21 February 2018" in body
    assert "18 April 2018" not in body
    body = client_for("officer").get(_url("group_detail", "executive")).content.decode()
    assert "18 April 2018" in body


def test_officer_writes_minutes_in_forms(client_for, data):
    client = client_for("officer")
    meeting = data["draft"]
    client.post(
        _url("attendee_add", meeting.pk),
        {"kind": "apologies", "name": "Dan Woodham", "role": "Headteacher", "organisation": "Edith Borthwick School"},
    )  # fmt: skip
    client.post(
        _url("item_add", meeting.pk), {"title": "Barnet document", "discussion": "<p>Agreed.</p>"}
    )
    client.post(_url("decision_add", meeting.pk), {"text": "It was agreed to consider it again."})
    client.post(_url("next_step_add", meeting.pk), {"text": "Visit to Barnet in March"})
    client.post(
        _url("future_date_add", meeting.pk),
        {"date": "2018-06-13", "start_time": "14:00", "end_time": "16:00", "venue": ""},
    )
    meeting.refresh_from_db()
    assert meeting.attendees.get().kind == Attendee.Kind.APOLOGIES
    assert meeting.items.get().number == 1
    assert meeting.decisions.count() == 1
    assert meeting.next_steps.get().text == "Visit to Barnet in March"
    future = meeting.future_meetings.get()
    assert future.date == datetime.date(2018, 6, 13) and future.group == meeting.group
    body = client.get(_url("meeting_detail", meeting.pk)).content.decode()
    for text in ["Dan Woodham", "1. Barnet document", "It was agreed to consider it again.",
                 "Visit to Barnet in March", "Wednesday 13 June 2018, 2.00 p.m. to 4.00 p.m."]:  # fmt: skip
        assert text in body, text


def test_end_before_start_is_refused_with_a_clear_error(client_for, data):
    group = data["published"].group
    before = Meeting.objects.count()
    response = client_for("officer").post(
        _url("meeting_create", group.slug),
        {"title": "X", "date": "2018-05-01", "start_time": "16:00", "end_time": "14:00"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body
    assert "The end time must be after the start time" in body
    assert Meeting.objects.count() == before


def test_missing_fields_get_plain_english_errors(client_for, data):
    client = client_for("officer")
    body = client.post(_url("meeting_create", "executive"), {"date": ""}).content.decode()
    assert "Enter the date of the meeting" in body
    body = client.post(_url("item_add", data["published"].pk), {"title": ""}).content.decode()
    assert "Enter the title of the item" in body
    body = client.post(_url("action_add", data["published"].pk), {}).content.decode()
    assert "Enter the action" in body and "Enter who owns the action" in body


def test_future_date_must_be_after_the_meeting(client_for, data):
    meeting = data["published"]
    response = client_for("officer").post(
        _url("future_date_add", meeting.pk), {"date": "2018-01-01"}
    )
    assert "The date of a future meeting must be after this meeting" in response.content.decode()
    assert not meeting.future_meetings.exists()


def test_action_arising_creates_a_programme_action(client_for, data):
    workstream = WorkstreamFactory()
    meeting = data["published"]
    response = client_for("officer").post(
        _url("action_add", meeting.pk),
        {
            "description": "Visit Barnet and report back",
            "owner_name": "Ruth Sturdy",
            "due_date": "2018-03-14",
            "programme": "create",
            "workstream": workstream.pk,
            "ref": "B.9",
        },
    )
    assert response.status_code == 302
    arising = ActionArising.objects.get()
    assert arising.programme_action.ref == "B.9"
    assert arising.programme_action.owner_name == "Ruth Sturdy"
    assert arising.programme_action.due_date == datetime.date(2018, 3, 14)


def test_action_arising_links_an_existing_programme_action(client_for, data):
    action = ActionFactory()
    client_for("officer").post(
        _url("action_add", data["published"].pk),
        {"description": "Follow up", "owner_name": "Clare", "programme": "link", "programme_action": action.pk},
    )  # fmt: skip
    assert ActionArising.objects.get().programme_action == action
    assert Action.objects.count() == 1


def test_action_arising_with_a_taken_reference_saves_nothing(client_for, data):
    existing = ActionFactory(ref="B.1")
    response = client_for("officer").post(
        _url("action_add", data["published"].pk),
        {"description": "X", "owner_name": "Y", "programme": "create",
         "workstream": existing.workstream.pk, "ref": "B.1"},
    )  # fmt: skip
    assert "The reference B.1 is already used in this programme" in response.content.decode()
    assert not ActionArising.objects.exists()
    assert Action.objects.count() == 1


def test_open_actions_from_the_last_meeting_appear_on_the_next(client_for, data):
    first = data["published"]
    ActionArisingFactory(meeting=first, description="Visit Barnet and report back")
    ActionArisingFactory(meeting=first, description="Already finished", is_done=True)
    second = MeetingFactory(group=first.group, date=datetime.date(2018, 3, 1))
    body = client_for("board").get(_url("meeting_detail", second.pk)).content.decode()
    assert "Open actions from the last meeting" in body
    assert "Visit Barnet and report back" in body
    assert "Already finished" not in body


def test_open_actions_of_a_draft_previous_meeting_are_hidden_from_readers(client_for, data):
    draft = data["draft"]
    ActionArisingFactory(meeting=draft, description="Secret follow-up")
    later = MeetingFactory(group=draft.group, date=datetime.date(2018, 6, 13))
    body = client_for("head_x").get(_url("meeting_detail", later.pk)).content.decode()
    assert "Secret follow-up" not in body


def test_item_discussion_is_cleaned_when_saved(client_for, data):
    client_for("officer").post(
        _url("item_add", data["published"].pk),
        {
            "title": "Safe",
            "discussion": '<p onclick="x">Kept <em>this</em></p><script>bad()</script>',
        },
    )
    item = MinuteItem.objects.get(title="Safe")
    assert item.discussion == "<p>Kept <em>this</em></p>"


def test_decisions_register_searches_across_meetings(client_for, data, area_ne):
    DecisionFactory(meeting=data["published"], text="It was agreed to adopt the kitemark.")
    DecisionFactory(meeting=data["ne"], text="It was agreed to review the kitemark locally.")
    DecisionFactory(meeting=data["draft"], text="It was agreed to fund the kitemark secretly.")
    DecisionFactory(meeting=data["published"], text="It was agreed to meet again.")
    body = client_for("head_x").get(reverse("meetings:decisions"), {"q": "kitemark"}).content
    body = body.decode()
    assert "adopt the kitemark" in body and "review the kitemark locally" in body
    assert "secretly" not in body and "meet again" not in body
    assert "2 decisions" in body
    body = client_for("head_y").get(reverse("meetings:decisions"), {"q": "kitemark"}).content
    assert "review the kitemark locally" not in body.decode()
    body = client_for("officer").get(reverse("meetings:decisions")).content.decode()
    assert "secretly" in body and "4 decisions" in body


def test_officer_changes_a_decision_and_removes_an_attendee(client_for, data):
    from tests.meetings.factories import AttendeeFactory

    meeting = data["published"]
    decision = DecisionFactory(meeting=meeting, text="It was agreed to wait.")
    person = AttendeeFactory(meeting=meeting, name="Pam Langmead")
    client = client_for("officer")
    url = reverse("meetings:decision_edit", args=[meeting.pk, decision.pk])
    body = client.post(url, {"text": ""}).content.decode()
    assert "Enter what was agreed" in body
    decision.refresh_from_db()
    assert decision.text == "It was agreed to wait."
    client.post(
        url,
        {"text": "It was agreed to <em>act</em>.", "item": meeting.items.get().pk, "version": 1},
    )
    decision.refresh_from_db()
    assert decision.text == "It was agreed to <em>act</em>." and decision.item_id
    response = client.post(reverse("meetings:attendee_remove", args=[meeting.pk, person.pk]))
    assert response.status_code == 302
    assert not meeting.attendees.filter(name="Pam Langmead").exists()


def test_a_decision_of_another_meeting_cannot_be_changed_through_this_one(client_for, data):
    other = DecisionFactory(meeting=data["draft"])
    url = reverse("meetings:decision_edit", args=[data["published"].pk, other.pk])
    assert client_for("officer").get(url).status_code == 404
