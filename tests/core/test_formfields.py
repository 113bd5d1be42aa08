"""The GOV.UK date input and the text time field every form shares."""

import datetime

import pytest
from django import forms
from django.urls import reverse

from send_portal.core.formfields import DateField, TimeField
from send_portal.core.forms import GDSForm
from tests.forms_as_rendered import error_summary_targets, form_data, read_page
from tests.meetings.factories import MeetingFactory


class _DueForm(GDSForm):
    due_date = DateField(label="Due date")
    plain = forms.DateField(label="Start date", required=False)
    at = forms.TimeField(label="Start time", required=False)


def _render(form) -> str:
    from django.template import Context, Template

    return Template("{% load crispy_forms_tags crispy_forms_gds %}{% error_summary form %}"
                    "{% crispy form %}").render(Context({"form": form}))  # fmt: skip


@pytest.mark.parametrize(
    ("parts", "message", "at_fault"),
    [
        (("", "", ""), "Enter due date", {"day", "month", "year"}),
        (("31", "", "2026"), "Due date must include a month", {"month"}),
        (("", "", "2026"), "Due date must include a day and a month", {"day", "month"}),
        (("31", "2", "2026"), "Due date must be a real date", {"day"}),
        (("1", "13", "2026"), "Due date must be a real date", {"month"}),
        (("1", "x", "2026"), "Due date must be a real date", {"month"}),
        (("1", "2", "26"), "Year must include 4 numbers", {"year"}),
    ],
)
def test_date_errors_name_the_part(parts, message, at_fault):
    day, month, year = parts
    form = _DueForm({"due_date_day": day, "due_date_month": month, "due_date_year": year})
    assert not form.is_valid()
    assert form.errors["due_date"] == [message]
    html = _render(form)
    page = read_page(html)
    for part in ("day", "month", "year"):
        tag = html[
            html.index(f'id="id_due_date_{part}"') - 300 : html.index(f'id="id_due_date_{part}"')
        ]
        assert ("govuk-input--error" in tag.rsplit("<input", 1)[1]) == (part in at_fault)
    first = next(p for p in ("day", "month", "year") if p in at_fault)
    assert error_summary_targets(html) == [f"id_due_date_{first}"]
    assert f"id_due_date_{first}" in page.ids


def test_date_input_renders_as_govuk_example():
    form = _DueForm(initial={"due_date": datetime.date(2007, 3, 27)})
    html = _render(form)
    assert 'role="group"' in html and 'aria-describedby="id_due_date_hint"' in html
    assert 'id="id_due_date_hint" class="govuk-hint">For example, 27 3 2007' in html
    for part, value in (("day", "27"), ("month", "3"), ("year", "2007")):
        assert f'name="due_date_{part}" value="{value}"' in html
        assert f'for="id_due_date_{part}">{part.capitalize()}</label>' in html
    assert html.count('inputmode="numeric"') == 6  # the plain date field is a date input too
    assert 'type="date"' not in html and 'type="time"' not in html


def test_plain_date_and_time_fields_become_the_shared_ones():
    form = _DueForm(
        {"due_date_day": "1", "due_date_month": "4", "due_date_year": "2026",
         "plain_day": "2", "plain_month": "3", "plain_year": "2026", "at": "2pm"}
    )  # fmt: skip
    assert isinstance(form.fields["plain"], DateField)
    assert isinstance(form.fields["at"], TimeField)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["plain"] == datetime.date(2026, 3, 2)
    assert form.cleaned_data["at"] == datetime.time(14, 0)
    shown = _DueForm(initial={"at": datetime.time(9, 30)})
    assert 'name="at" value="09:30" class="govuk-input govuk-input--width-5"' in _render(shown)


def test_a_date_sent_in_one_piece_is_read():
    form = _DueForm({"due_date": "31/03/2026"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["due_date"] == datetime.date(2026, 3, 31)


@pytest.mark.django_db
def test_meeting_edit_shows_the_saved_date_and_a_resave_changes_nothing(client, officer):
    meeting = MeetingFactory(date=datetime.date(2018, 2, 21), start_time=datetime.time(14, 0))
    client.force_login(officer)
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    data = form_data(client.get(url).content.decode())
    assert data["date_day"] == ["21"] and data["date_month"] == ["2"]
    assert data["date_year"] == ["2018"] and data["start_time"] == ["14:00"]
    before = {f: getattr(meeting, f) for f in ("title", "date", "start_time", "end_time", "venue")}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert {f: getattr(meeting, f) for f in before} == before


@pytest.mark.django_db
def test_meeting_edit_error_summary_links_reach_the_day_input(client, officer):
    meeting = MeetingFactory()
    client.force_login(officer)
    url = reverse("meetings:meeting_edit", args=[meeting.pk])
    data = form_data(client.get(url).content.decode())
    data.update(date_day=[""], date_month=[""], date_year=[""])
    html = client.post(url, data).content.decode()
    assert "Enter the date of the meeting" in html
    targets = error_summary_targets(html)
    assert targets == ["id_date_day"]
    assert set(targets) <= read_page(html).ids
