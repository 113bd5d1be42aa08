"""Saving actions: the rules, the history, and optimistic locking (two officers at once)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections

from send_portal.core.rag import RAG
from workstreams import services
from workstreams.models import Action, MonthlyUpdate
from workstreams.reporting import services as reporting_services
from workstreams.status import ActionStatus

from .factories import ActionFactory


@pytest.mark.django_db
def test_completed_needs_evidence_of_impact(officer):
    action = ActionFactory()
    with pytest.raises(ValidationError) as caught:
        services.action_update(
            action_id=action.pk, expected_version=1, data={"status": "completed"}, by=officer
        )
    assert services.COMPLETED_NEEDS_EVIDENCE in caught.value.message_dict["evidence_of_impact"]
    action.refresh_from_db()
    assert action.status == ActionStatus.ON_TARGET and action.version == 1


@pytest.mark.django_db
def test_override_needs_a_reason(officer):
    action = ActionFactory()
    with pytest.raises(ValidationError) as caught:
        services.action_update(
            action_id=action.pk, expected_version=1, data={"rag_override": RAG.RED}, by=officer
        )
    assert services.OVERRIDE_NEEDS_REASON in caught.value.message_dict["rag_override_reason"]
    services.action_update(
        action_id=action.pk,
        expected_version=1,
        data={"rag_override": RAG.RED, "rag_override_reason": "Key officer on long-term leave"},
        by=officer,
    )
    action.refresh_from_db()
    assert action.rag_override == RAG.RED and action.version == 2


@pytest.mark.django_db
def test_every_change_is_kept_with_who_and_when(officer, administrator):
    action = ActionFactory()
    services.action_set_status(
        action_id=action.pk, expected_version=1, status=ActionStatus.BEHIND, by=officer
    )
    services.action_update(
        action_id=action.pk,
        expected_version=2,
        data={"owner": administrator, "evidence_of_impact": "Waiting times fell"},
        by=administrator,
    )
    records = list(action.history.order_by("history_date"))
    assert [r.history_user for r in records[1:]] == [officer, administrator]
    assert records[1].status == ActionStatus.BEHIND
    assert records[2].owner_id == administrator.pk
    assert records[2].evidence_of_impact == "Waiting times fell"


@pytest.mark.django_db
def test_a_save_from_an_old_copy_is_refused_showing_what_changed(officer, administrator):
    action = ActionFactory(title="Original title")
    services.action_update(
        action_id=action.pk,
        expected_version=1,
        data={"status": ActionStatus.BEHIND, "title": "Their title"},
        by=administrator,
    )
    with pytest.raises(services.ActionConflict) as caught:
        services.action_update(
            action_id=action.pk, expected_version=1, data={"title": "My title"}, by=officer
        )
    conflict = caught.value
    assert conflict.changed_by == administrator
    changes = {c.label: (c.before, c.after) for c in conflict.changes}
    assert changes["Status"] == (
        "Action underway (on target)",
        "Action underway (but behind target)",
    )
    assert changes["Title"] == ("Original title", "Their title")
    action.refresh_from_db()
    assert action.title == "Their title" and action.version == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_saving_at_once_on_postgresql(officer, administrator):
    """Two real transactions in two threads, both based on version 1: exactly one wins; the
    other is refused with what changed, and the winner's change is intact."""
    action = ActionFactory(title="Before")
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def save(name, user, title):
        try:
            barrier.wait(timeout=10)
            services.action_update(
                action_id=action.pk, expected_version=1, data={"title": title}, by=user
            )
            outcomes[name] = "saved"
        except services.ActionConflict as exc:
            outcomes[name] = exc
        finally:
            close_old_connections()

    threads = [
        threading.Thread(target=save, args=("first", officer, "Officer's title")),
        threading.Thread(target=save, args=("second", administrator, "Admin's title")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    results = sorted(outcomes.values(), key=lambda v: v == "saved")
    assert len(results) == 2
    refused, saved = results
    assert saved == "saved" and isinstance(refused, services.ActionConflict)
    action.refresh_from_db()
    assert action.version == 2
    assert action.title in {"Officer's title", "Admin's title"}
    assert [c.label for c in refused.changes] == ["Title"]
    assert refused.changes[0].after == action.title
    assert Action.history.filter(id=action.pk).count() == 2


@pytest.mark.django_db
def test_monthly_update_replaces_this_months_and_sets_the_stated_rag(officer):
    import datetime

    action = ActionFactory()
    workstream = action.workstream
    data = {
        "current_position": "Plans on the new template",
        "rag": RAG.AMBER,
        "rag_reason": "Backlog <script>alert(1)</script>",
        "achievements": "",
        "planned_next": "",
        "risks_and_issues": "",
        "decisions_needed": "",
    }
    reporting_services.monthly_update_submit(
        workstream=workstream, month=datetime.date(2026, 3, 17), data=data, by=officer
    )
    reporting_services.monthly_update_submit(
        workstream=workstream,
        month=datetime.date(2026, 3, 2),
        data={**data, "rag": RAG.RED},
        by=officer,
    )
    assert MonthlyUpdate.objects.get().month == datetime.date(2026, 3, 1)
    workstream.refresh_from_db()
    assert workstream.stated_rag == RAG.RED
    assert "<script>" not in workstream.stated_rag_reason
