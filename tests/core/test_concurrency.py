"""Two officers editing the same record: the second save is refused and merged, never reverted.

Each kind of record officers edit is exercised through its own edit page, with two signed-in
sessions: A and B open the form, A saves a change to one field, B saves a change to another
and is refused (409) with a form that holds A's change and B's; B saves that and both stay.
Marked ``postgres``: the row lock that makes the check safe exists only there.
"""

import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client

from send_portal.core.concurrency import VersionConflict
from tests.core.factories import UserFactory
from tests.forms_as_rendered import form_data

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@dataclass
class Kind:
    name: str
    make: Callable  # () -> (record, url)
    a: tuple[dict[str, str], Callable]  # what A posts, and A's change read back from the record
    b: tuple[dict[str, str], Callable] | None = None  # the same for B (another field)
    # A's other value for A's fields, where " (A)" added to B's would not be a valid value
    a_other: dict[str, str] | None = None
    # A record of one yes-or-no field cannot be changed by both to two different values
    yes_or_no: bool = False


def _workstream():
    from tests.reporting.factories import WorkstreamFactory

    ws = WorkstreamFactory(title="Quality of EHC plans", stated_rag="amber")
    ws.stated_rag_reason = "<p>Two actions are late.</p>"
    ws.save()
    return ws, f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/edit/"


def _meeting():
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(venue="County Hall", date=datetime.date(2018, 2, 21))
    return meeting, f"/meetings/{meeting.pk}/edit/"


def _minute_item():
    from tests.meetings.factories import MinuteItemFactory

    item = MinuteItemFactory(number=1, title="Welcome", discussion="<p>Opening.</p>")
    return item, f"/meetings/{item.meeting_id}/items/1/edit/"


def _decision():
    from tests.meetings.factories import DecisionFactory, MinuteItemFactory

    decision = DecisionFactory(text="<p>It was agreed to meet monthly.</p>")
    MinuteItemFactory(meeting=decision.meeting, number=1, title="Terms of reference")
    return decision, f"/meetings/{decision.meeting_id}/decisions/{decision.pk}/edit/"


def _section():
    from tests.inclusion.factories import StatementSectionFactory

    section = StatementSectionFactory(heading="We commit")
    return (
        section,
        f"/inclusion/versions/{section.version.number}/sections/{section.position}/edit/",
    )


def _statement():
    from tests.inclusion.factories import StatementFactory

    statement = StatementFactory(text="<p>To challenge colleagues.</p>")
    return statement, f"/inclusion/statements/{statement.pk}/edit/"


def _indicator():
    from tests.inspections.factories import IndicatorFactory

    indicator = IndicatorFactory(name="EHC plans within 20 weeks")
    return indicator, f"/inspections/indicators/{indicator.pk}/edit/"


def _indicator_value():
    from tests.inspections.factories import IndicatorValueFactory

    value = IndicatorValueFactory(period="2020", value=Decimal("61.5"), england=Decimal("58"))
    return value, f"/inspections/indicators/{value.indicator_id}/values/{value.pk}/edit/"


def _monthly_update():
    from send_portal.core.dates import today
    from tests.core.factories import UserFactory
    from tests.reporting.factories import WorkstreamFactory
    from workstreams.reporting.selectors import update_month
    from workstreams.reporting.services import monthly_update_submit

    ws = WorkstreamFactory()
    update, _created = monthly_update_submit(
        workstream=ws,
        month=update_month(on=today())[0],
        data={
            "current_position": "<p>Work is under way.</p>",
            "rag": "amber",
            "rag_reason": "<p>Two actions are late.</p>",
            "achievements": "<p>The strategy was agreed.</p>",
        },
        by=UserFactory(role="LA officer"),
    )
    return update, f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/"


def _milestone():
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import Milestone

    milestone = Milestone.objects.create(
        action=ActionFactory(), title="Plan agreed", due_date=datetime.date(2027, 3, 31)
    )
    return milestone, f"/actions/{milestone.action_id}/milestones/{milestone.pk}/done/"


def _monitoring_milestone():
    from tests.inspections.factories import MonitoringMilestoneFactory

    milestone = MonitoringMilestoneFactory()
    return milestone, f"/inspections/milestones/{milestone.pk}/"


def _service():
    from tests.localoffer.factories import ServiceFactory

    service = ServiceFactory(name="Portage", fees="")
    return service, f"/local-offer/manage/services/{service.pk}/"


def _risk():
    from tests.reporting.factories import RiskFactory

    risk = RiskFactory(mitigation="Mitigate it.", impact=4)
    ws = risk.workstream
    return risk, f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/risks/{risk.pk}/edit/"


def _action():
    from tests.workstreams.factories import ActionFactory

    action = ActionFactory(title="Agree the SEND strategy")
    return action, f"/actions/{action.pk}/edit/"


def _sen_review():
    from localoffer.services import sen_review_record
    from tests.core.factories import SettingFactory

    review = sen_review_record(
        setting=SettingFactory(),
        report_url="https://school.example/sen",
        review_date=datetime.date(2026, 1, 12),
        judgements=dict.fromkeys(range(1, 11), "met"),
        comments="Clear and current.",
    )
    return review, f"/local-offer/sen-reports/reviews/{review.pk}/edit/"


def _milestone_wording():
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import Milestone

    action = ActionFactory()
    milestone = Milestone.objects.create(
        action=action, title="Plan agreed", due_date=datetime.date(2026, 6, 30)
    )
    return milestone, f"/actions/{action.pk}/milestones/{milestone.pk}/edit/"


def _progress_update():
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import ProgressUpdate

    action = ActionFactory()
    update = ProgressUpdate.objects.create(
        action=action,
        date=datetime.date(2026, 1, 5),
        narrative="<p>Extra capacity agreed.</p>",
        status=action.status,
        rag="green",
    )
    return update, f"/actions/{action.pk}/updates/{update.pk}/edit/"


def _evidence():
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import Evidence, ProgressUpdate

    action = ActionFactory()
    update = ProgressUpdate.objects.create(
        action=action, date=datetime.date(2026, 1, 5), narrative="Done", status=action.status,
        rag="green",
    )  # fmt: skip
    evidence = Evidence.objects.create(
        progress_update=update, url="https://www.example.org/report", description="Report"
    )
    return evidence, f"/evidence/{evidence.pk}/edit/"


KINDS = [
    Kind(
        "workstream",
        _workstream,
        ({"title": "Quality of EHC plans and reviews"}, lambda r: "reviews" in r.title),
        ({"stated_rag": "red"}, lambda r: r.stated_rag == "red"),
    ),
    Kind(
        "action",
        _action,
        ({"title": "Agree and publish the strategy"}, lambda r: r.title.startswith("Agree and")),
        (
            {"due_date_day": "15", "due_date_month": "1", "due_date_year": "2027"},
            lambda r: r.due_date == datetime.date(2027, 1, 15),
        ),
    ),
    Kind(
        "meeting",
        _meeting,
        ({"venue": "Town Hall"}, lambda r: r.venue == "Town Hall"),
        (
            {"date_day": "14", "date_month": "3", "date_year": "2018"},
            lambda r: r.date == datetime.date(2018, 3, 14),
        ),
    ),
    Kind(
        "minute item",
        _minute_item,
        ({"title": "Welcome and apologies"}, lambda r: r.title == "Welcome and apologies"),
        (
            {"discussion": "<p>Opening remarks.</p>"},
            lambda r: r.discussion == "<p>Opening remarks.</p>",
        ),
    ),
    Kind(
        "decision",
        _decision,
        ({"text": "<p>It was agreed to meet weekly.</p>"}, lambda r: "weekly" in r.text),
        (
            lambda r: {"item": str(r.meeting.items.get().pk)},
            lambda r: r.item_id is not None,
        ),
    ),
    Kind(
        "statement section",
        _section,
        ({"heading": "We strive"}, lambda r: r.heading == "We strive"),
    ),
    Kind(
        "statement", _statement, ({"text": "<p>To challenge all.</p>"}, lambda r: "all" in r.text)
    ),
    Kind(
        "indicator",
        _indicator,
        ({"name": "EHC plans issued within 20 weeks"}, lambda r: "issued" in r.name),
        ({"target": "75"}, lambda r: r.target == 75),
    ),
    Kind(
        "indicator value",
        _indicator_value,
        ({"value": "63"}, lambda r: r.value == Decimal("63")),
        ({"england": "59.5"}, lambda r: r.england == Decimal("59.5")),
        a_other={"value": "64"},
    ),
    Kind(
        "monthly update",
        _monthly_update,
        (
            {"achievements": "<p>The strategy was agreed and published.</p>"},
            lambda r: "published" in r.achievements,
        ),
        ({"rag": "red"}, lambda r: r.rag == "red"),
    ),
    Kind("milestone", _milestone, ({"done": "done"}, lambda r: r.done), yes_or_no=True),
    Kind(
        "monitoring milestone",
        _monitoring_milestone,
        ({"notes": "Plan submitted on time."}, lambda r: r.notes == "Plan submitted on time."),
        ({"state": "met"}, lambda r: r.state == "met"),
    ),
    Kind(
        "service",
        _service,
        ({"description": "Home visits for families."}, lambda r: "Home visits" in r.description),
        ({"fees": "Free"}, lambda r: r.fees == "Free"),
    ),
    Kind(
        "SEN report review",
        _sen_review,
        ({"comments": "Clear, but the complaints item is thin."}, lambda r: "thin" in r.comments),
        (
            {"item_10": "partly_met", "review_date_day": "13"},
            lambda r: (
                r.judgements.get(item=10).judgement == "partly_met"
                and r.review_date == datetime.date(2026, 1, 13)
            ),
        ),
    ),
    Kind(
        "milestone wording",
        _milestone_wording,
        ({"title": "Plan agreed by the board"}, lambda r: r.title == "Plan agreed by the board"),
        (
            {"due_date_day": "31", "due_date_month": "7", "due_date_year": "2026"},
            lambda r: r.due_date == datetime.date(2026, 7, 31),
        ),
    ),
    Kind(
        "progress update",
        _progress_update,
        (
            {"narrative": "<p>Extra capacity agreed in May.</p>"},
            lambda r: r.narrative == "<p>Extra capacity agreed in May.</p>",
        ),
    ),
    Kind(
        "evidence",
        _evidence,
        ({"description": "Published report"}, lambda r: r.description == "Published report"),
        (
            {"url": "https://www.example.org/report-2026"},
            lambda r: r.url == "https://www.example.org/report-2026",
        ),
    ),
    Kind(
        "risk",
        _risk,
        ({"mitigation": "Weekly review."}, lambda r: r.mitigation == "Weekly review."),
        ({"impact": "2"}, lambda r: r.impact == 2),
    ),
]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _changed(data: dict, values: dict) -> dict:
    return {**data, **{k: [v] for k, v in values.items()}}


def _values(values, record) -> dict[str, str]:
    return values(record) if callable(values) else values


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_second_save_is_refused_and_merged_never_reverted(kind):
    """B changes another field (or nothing, for a record of one field) and saves after A."""
    record, url = kind.make()
    a = _client(UserFactory(role="LA officer", full_name="Ruth Sturdy"))
    b = _client(UserFactory(role="LA officer"))
    form_a = form_data(a.get(url).content.decode())
    form_b = form_data(b.get(url).content.decode())
    a_values, a_saved = _values(kind.a[0], record), kind.a[1]
    if kind.b:
        b_values, b_saved = _values(kind.b[0], record), kind.b[1]
    else:
        b_values, b_saved = {}, lambda r: True

    assert a.post(url, _changed(form_a, a_values)).status_code == 302
    refused = b.post(url, _changed(form_b, b_values))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Someone else changed this" in page and "Ruth Sturdy" in page
    shown = form_data(page)
    for key, value in {**a_values, **b_values}.items():
        assert shown[key] == [value], key  # A's change kept, B's change kept
    record.refresh_from_db()
    assert a_saved(record)
    if kind.b:
        assert not b_saved(record)  # nothing of B's was saved yet

    assert b.post(url, shown).status_code == 302
    record.refresh_from_db()
    assert a_saved(record) and b_saved(record)


CHOICES = [k for k in KINDS if not k.yes_or_no]


@pytest.mark.parametrize("kind", CHOICES, ids=[k.name for k in CHOICES])
def test_both_changing_one_field_shows_both_values_for_a_choice(kind):
    _record, url = kind.make()
    a = _client(UserFactory(role="LA officer", full_name="Ruth Sturdy"))
    b = _client(UserFactory(role="LA officer"))
    form_a = form_data(a.get(url).content.decode())
    form_b = form_data(b.get(url).content.decode())
    values = _values(kind.a[0], _record)
    theirs = kind.a_other or {
        k: v + " (A)" if not k.endswith(("_day", "_month", "_year")) else v
        for k, v in values.items()
    }
    assert a.post(url, _changed(form_a, theirs)).status_code == 302
    refused = b.post(url, _changed(form_b, values))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Ruth Sturdy changed this to" in page
    shown = form_data(page)
    for key, value in values.items():
        assert shown[key] == [value]  # B's own value, with A's beside it in the message


def test_two_saves_at_once_only_one_passes(transactional_db):
    """Two sessions save the same version at the same moment: one wins, one is refused."""
    from send_portal.core.concurrency import save_versioned
    from tests.meetings.factories import MeetingFactory
    from workstreams.meetings.forms import MeetingForm
    from workstreams.meetings.models import Meeting

    meeting = MeetingFactory()
    data = {
        "title": meeting.title,
        "date": "21/02/2018",
        "venue": "",
        "version": str(meeting.version),
    }
    barrier = threading.Barrier(2)
    outcomes = []

    def save(venue):
        try:
            form = MeetingForm(
                {**data, "venue": venue}, instance=Meeting.objects.get(pk=meeting.pk)
            )
            assert form.is_valid(), form.errors
            barrier.wait(timeout=10)
            save_versioned(form, lambda f: f.save())
            outcomes.append("saved")
        except VersionConflict:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(v,)) for v in ("Room 1", "Room 2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["refused", "saved"]
    meeting.refresh_from_db()
    assert meeting.version == 2


def test_a_first_monthly_update_submitted_meanwhile_is_not_replaced_silently():
    """B opened the month's form before any update existed; A submitted first: B is refused
    with B's text kept, and A's update stays until B submits again."""
    from tests.reporting.factories import WorkstreamFactory

    ws = WorkstreamFactory()
    url = f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/"
    a = _client(UserFactory(role="LA officer", full_name="Ruth Sturdy"))
    b = _client(UserFactory(role="LA officer"))
    form_a = form_data(a.get(url).content.decode())
    form_b = form_data(b.get(url).content.decode())
    filled = {"rag": "amber", "rag_reason": "<p>Two actions are late.</p>"}
    assert (
        a.post(url, _changed(form_a, {**filled, "achievements": "<p>A's</p>"})).status_code == 302
    )
    refused = b.post(url, _changed(form_b, {**filled, "achievements": "<p>B's</p>"}))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Ruth Sturdy saved it" in page
    assert form_data(page)["achievements"] == ["<p>B's</p>"]
    update = ws.monthly_updates.get()
    assert update.achievements == "<p>A's</p>"
    assert b.post(url, form_data(page)).status_code == 302
    update.refresh_from_db()
    assert update.achievements == "<p>B's</p>" and update.version == 2


def test_a_milestone_ticked_from_a_stale_action_page_is_refused_and_shows_the_change():
    """A ticks the milestone on the action's page; B, whose copy of the page still says
    "To do", ticks it too: B is refused with what A changed, and the form holds the tick."""
    from tests.forms_as_rendered import read_page

    milestone, url = _milestone()
    page_url = f"/actions/{milestone.action_id}/"
    a = _client(UserFactory(role="LA officer", full_name="Ruth Sturdy"))
    b = _client(UserFactory(role="LA officer"))

    def tick_form(client) -> dict:
        forms = read_page(client.get(page_url).content.decode()).forms
        fields = next(f for f in forms if ("done", "done") in f)
        return {name: [value] for name, value in fields}

    form_a, form_b = tick_form(a), tick_form(b)
    assert a.post(url, form_a).status_code == 302
    refused = b.post(url, form_b)
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Ruth Sturdy saved it" in page and "Not done" in page  # the table: Not done → Done
    assert form_data(page)["done"] == ["done"]
    assert b.post(url, form_data(page)).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done and milestone.version == 3


def _update_form_data(form: dict, **values) -> dict:
    filled = {"rag": "amber", "rag_reason": "<p>Two actions are late.</p>"}
    return _changed(form, {**filled, **values})


def test_an_officers_workstream_form_opened_before_the_leads_update_is_refused_and_merged():
    """The lead submits the month's update (the workstream's position and stated RAG); the
    officer, whose workstream form was opened before, changed only the title: refused, with
    the lead's position in the form and the officer's title; saving that keeps both."""
    from tests.reporting.factories import WorkstreamFactory

    ws = WorkstreamFactory(title="Quality of EHC plans", current_position="<p>Started.</p>")
    page = f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/"
    lead = _client(UserFactory(role="LA officer", full_name="Ruth Sturdy"))
    officer = _client(UserFactory(role="LA officer"))
    edit = form_data(officer.get(page + "edit/").content.decode())
    update = form_data(lead.get(page).content.decode())
    position = "<p>The new template is in use.</p>"
    assert lead.post(page, _update_form_data(update, current_position=position)).status_code == 302
    ws.refresh_from_db()
    assert ws.current_position == position and ws.version == 2  # the update raised it

    refused = officer.post(page + "edit/", _changed(edit, {"title": "Quality of EHC plans (C)"}))
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "Ruth Sturdy saved it" in text and "The new template is in use." in text
    shown = form_data(text)
    assert shown["title"] == ["Quality of EHC plans (C)"]
    assert shown["current_position"] == [position] and shown["stated_rag"] == ["amber"]
    ws.refresh_from_db()
    assert ws.title == "Quality of EHC plans"  # nothing of the officer's saved yet
    assert officer.post(page + "edit/", shown).status_code == 302
    ws.refresh_from_db()
    assert (ws.title, ws.current_position, ws.stated_rag) == (
        "Quality of EHC plans (C)",
        position,
        "amber",
    )


@pytest.mark.parametrize("first", [True, False], ids=["first update", "update edited"])
def test_a_leads_update_opened_before_an_officer_changed_the_workstream_is_refused_and_merged(
    first,
):
    """The officer changes the workstream's position; the lead, whose update form was opened
    before, changed only the achievements: refused, not overwriting the officer's position;
    the form holds the officer's position and the lead's text; submitting it keeps both."""
    from send_portal.core.dates import today
    from tests.reporting.factories import WorkstreamFactory
    from workstreams.reporting.selectors import update_month
    from workstreams.reporting.services import monthly_update_submit

    ws = WorkstreamFactory(current_position="<p>Started.</p>")
    lead_user = UserFactory(role="LA officer")
    if not first:
        monthly_update_submit(
            workstream=ws, month=update_month(on=today())[0], by=lead_user,
            data={"current_position": "<p>Started.</p>", "rag": "amber",
                  "rag_reason": "<p>Two actions are late.</p>"},
        )  # fmt: skip
    page = f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/"
    officer = _client(UserFactory(role="LA officer", full_name="Pam Langmead"))
    lead = _client(lead_user)
    update = form_data(lead.get(page).content.decode())
    edit = form_data(officer.get(page + "edit/").content.decode())
    officers = "<p>Waiting for the new template.</p>"
    assert (
        officer.post(page + "edit/", _changed(edit, {"current_position": officers})).status_code
        == 302
    )

    refused = lead.post(page, _update_form_data(update, achievements="<p>Audit done.</p>"))
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "Someone else changed this workstream" in text and "Pam Langmead saved it" in text
    shown = form_data(text)
    assert shown["current_position"] == [officers] and shown["achievements"] == [
        "<p>Audit done.</p>"
    ]
    ws.refresh_from_db()
    assert ws.current_position == officers  # not overwritten
    assert ws.monthly_updates.filter(achievements="<p>Audit done.</p>").count() == 0

    assert lead.post(page, shown).status_code == 302
    ws.refresh_from_db()
    assert ws.current_position == officers
    assert ws.monthly_updates.get().achievements == "<p>Audit done.</p>"


def test_the_lead_changing_the_position_an_officer_changed_too_chooses():
    from tests.reporting.factories import WorkstreamFactory

    ws = WorkstreamFactory(current_position="<p>Started.</p>")
    page = f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/"
    officer = _client(UserFactory(role="LA officer", full_name="Pam Langmead"))
    lead = _client(UserFactory(role="LA officer"))
    update = form_data(lead.get(page).content.decode())
    edit = form_data(officer.get(page + "edit/").content.decode())
    officer.post(page + "edit/", _changed(edit, {"current_position": "<p>Officer's.</p>"}))
    refused = lead.post(page, _update_form_data(update, current_position="<p>Lead's.</p>"))
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "Pam Langmead changed this to “Officer&#x27;s.”" in text
    assert form_data(text)["current_position"] == ["<p>Lead's.</p>"]
    ws.refresh_from_db()
    assert ws.current_position == "<p>Officer's.</p>"
