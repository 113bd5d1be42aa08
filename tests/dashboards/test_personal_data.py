"""Personal data: retention jobs, export_person and forget_person."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.utils import timezone

from localoffer import services as localoffer_services
from localoffer.models import Contact, Feedback
from send_portal.core import retention
from send_portal.core.models import PasswordResetRequest, SignInAttempt, User
from tests.localoffer.factories import ContactFactory, ServiceFactory
from tests.meetings.factories import AttendeeFactory
from tests.workstreams.factories import ActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jane(db):
    from tests.core.factories import UserFactory

    return UserFactory(email="jane.doe@test.example", full_name="Jane Doe", role="LA officer")


@pytest.fixture
def janes_world(jane):
    service = ServiceFactory(name="Portage")
    contact = ContactFactory(service=service, name="Jane Doe", email="JANE.DOE@test.example")
    other_contact = ContactFactory(service=service, name="Sam Hill", email="sam@test.example")
    attendee = AttendeeFactory(name="Jane Doe")
    other_attendee = AttendeeFactory(name="Sam Hill")
    feedback = Feedback.objects.create(
        you_said="More sessions please", name="Jane", email="jane.doe@test.example"
    )
    action = ActionFactory(owner=jane, owner_name="")
    named_action = ActionFactory(owner=None, owner_name="Jane Doe")
    SignInAttempt.objects.create(
        email="jane.doe@test.example", client_address="192.0.2.1", outcome="failed"
    )
    return {
        "contact": contact,
        "other_contact": other_contact,
        "attendee": attendee,
        "other_attendee": other_attendee,
        "feedback": feedback,
        "action": action,
        "named_action": named_action,
    }


# Retention --------------------------------------------------------------------------------


def test_the_sign_in_log_is_pruned_after_ninety_days():
    old = SignInAttempt.objects.create(client_address="192.0.2.1", outcome="failed")
    SignInAttempt.objects.filter(pk=old.pk).update(
        attempted_at=timezone.now() - timedelta(days=settings.SIGN_IN_LOG_RETENTION_DAYS + 1)
    )
    recent = SignInAttempt.objects.create(client_address="192.0.2.1", outcome="failed")
    PasswordResetRequest.objects.create(
        email="a@test.example", client_address="192.0.2.1", sent=True
    )
    assert retention.sign_in_log_prune() == 1
    assert list(SignInAttempt.objects.all()) == [recent]
    assert PasswordResetRequest.objects.count() == 1


def test_expired_sessions_are_cleared(client, officer):
    client.force_login(officer)
    Session.objects.create(
        session_key="x" * 32, session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    assert retention.sessions_clear_expired() == 1
    assert Session.objects.count() == 1  # the live one


def test_feedback_names_and_emails_go_twelve_months_after_moderation():
    now = timezone.now()
    old = Feedback.objects.create(
        you_said="Old", name="A parent", email="p@example.org", status="approved"
    )
    Feedback.objects.filter(pk=old.pk).update(moderated_at=now - timedelta(days=366))
    recent = Feedback.objects.create(
        you_said="Recent", name="B parent", email="b@example.org", status="approved"
    )
    Feedback.objects.filter(pk=recent.pk).update(moderated_at=now - timedelta(days=300))
    pending = Feedback.objects.create(you_said="Pending", name="C", email="c@example.org")
    assert localoffer_services.feedback_forget_old_contact_details() == 1
    old.refresh_from_db()
    assert (old.name, old.email, old.you_said) == ("", "", "Old")
    recent.refresh_from_db()
    pending.refresh_from_db()
    assert recent.email == "b@example.org" and pending.email == "c@example.org"


def test_the_retention_jobs_are_scheduled_nightly():
    schedule = settings.CELERY_BEAT_SCHEDULE
    for key, task in [
        ("core-clear-sessions", "core.clear_sessions"),
        ("core-prune-sign-in-log", "core.prune_sign_in_log"),
        (
            "localoffer-forget-old-feedback-contact-details",
            "localoffer.forget_old_feedback_contact_details",
        ),
    ]:
        assert schedule[key]["task"] == task
        assert schedule[key]["schedule"].hour == {2}
    from send_portal.celery import app

    app.loader.import_default_modules()
    assert {"core.clear_sessions", "core.prune_sign_in_log"} <= set(app.tasks)


# Export and forget --------------------------------------------------------------------------


def test_export_person_gives_everything_held_as_json(janes_world, jane, caplog):
    out = StringIO()
    with caplog.at_level("INFO", logger="send_portal.personal_data"):
        call_command("export_person", "Jane.Doe@test.example", stdout=out)
    data = json.loads(out.getvalue())
    held = data["held"]
    assert held["core.User"][0]["full_name"] == "Jane Doe"
    assert "password" not in held["core.User"][0]
    assert held["account.roles"] == ["LA officer"]
    assert [c["id"] for c in held["localoffer.Contact"]] == [janes_world["contact"].pk]
    assert [a["id"] for a in held["meetings.Attendee"]] == [janes_world["attendee"].pk]
    assert [f["id"] for f in held["localoffer.Feedback"]] == [janes_world["feedback"].pk]
    assert {a["id"] for a in held["workstreams.Action"]} == {
        janes_world["action"].pk,
        janes_world["named_action"].pk,
    }
    assert held["core.SignInAttempt"][0]["client_address"] == "192.0.2.1"
    assert "export_person: account" in caplog.text and "jane.doe" not in caplog.text


def test_forget_person_replaces_names_and_emails_and_keeps_the_records(
    janes_world, jane, client, caplog
):
    client.force_login(jane)
    with caplog.at_level("INFO", logger="send_portal.personal_data"):
        call_command("forget_person", "jane.doe@test.example", stdout=StringIO())
    jane.refresh_from_db()
    assert jane.email == f"forgotten-{jane.pk}@example.invalid"
    assert jane.full_name == "Name removed" and not jane.is_active
    assert not jane.has_usable_password()
    world = {key: type(obj).objects.get(pk=obj.pk) for key, obj in janes_world.items()}
    assert (world["contact"].name, world["contact"].email) == ("Name removed", "")
    assert world["attendee"].name == "Name removed"
    assert (world["feedback"].name, world["feedback"].email) == ("", "")
    assert world["feedback"].you_said == "More sessions please"
    assert world["named_action"].owner_name == "Name removed"
    assert world["action"].owner_id == jane.pk  # links kept
    # Others are untouched.
    assert world["other_contact"].name == "Sam Hill"
    assert world["other_attendee"].name == "Sam Hill"
    assert SignInAttempt.objects.get().email == ""
    # Her history too: nothing anywhere still says who.
    from workstreams.models import Action

    for record in Action.history.all():
        assert record.owner_name != "Jane Doe"
    assert Contact.objects.filter(email__iexact="jane.doe@test.example").count() == 0
    # Signed out everywhere, and logged without the address.
    assert client.get("/officer/").status_code == 302
    assert "forget_person: account" in caplog.text and "jane.doe" not in caplog.text
    again = json.loads(_export("jane.doe@test.example"))
    assert again["held"] == {}


def _export(email: str) -> str:
    out = StringIO()
    call_command("export_person", email, stdout=out)
    return out.getvalue()


def test_the_commands_refuse_a_malformed_address():
    with pytest.raises(CommandError, match="is not an email address"):
        call_command("forget_person", "not-an-address")
    with pytest.raises(CommandError, match="is not an email address"):
        call_command("export_person", "not-an-address")


def test_forgetting_someone_unknown_changes_nothing():
    out = StringIO()
    call_command("forget_person", "nobody@test.example", stdout=out)
    assert "Nothing held" in out.getvalue()
    assert User.objects.count() == 0
