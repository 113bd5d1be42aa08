"""Correct and remove, with a trace: an officer removes a record with a reason, the removal
stays in the history of the page it was on, readers no longer see it, and an officer can undo it."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.core.factories import UserFactory

pytestmark = pytest.mark.django_db


def _risk():
    from tests.reporting.factories import RiskFactory

    risk = RiskFactory(description="Too few specialist places")
    ws = risk.workstream
    return risk, reverse("workstreams:workstream_detail", args=[ws.programme.slug, ws.code])


def _action_child(make):
    def build():
        from tests.workstreams.factories import ActionFactory

        action = ActionFactory()
        return make(action), reverse("workstreams:action_detail", args=[action.pk])

    return build


def _milestone(action):
    from workstreams.models import Milestone

    return Milestone.objects.create(action=action, title="Too few specialist places agreed")


def _update(action):
    from workstreams.models import ProgressUpdate

    return ProgressUpdate.objects.create(
        action=action,
        date=datetime.date(2026, 1, 5),
        narrative="Too few specialist places",
        status=action.status,
        rag="green",
    )


def _evidence(action):
    from workstreams.models import Evidence

    return Evidence.objects.create(
        progress_update=_update(action), url="https://example.org/report", description="Report"
    )


def _minute_item():
    from tests.meetings.factories import MinuteItemFactory

    item = MinuteItemFactory(number=2, title="Too few specialist places")
    return item, reverse("meetings:meeting_detail", args=[item.meeting_id])


def _decision():
    from tests.meetings.factories import DecisionFactory

    decision = DecisionFactory(text="It was agreed: too few specialist places")
    return decision, reverse("meetings:meeting_detail", args=[decision.meeting_id])


def _indicator_value():
    from tests.inspections.factories import IndicatorValueFactory

    value = IndicatorValueFactory(period="2019", value=Decimal("140"))
    return value, reverse("inspections:indicator_detail", args=[value.indicator_id])


KINDS = {
    "risk": _risk,
    "milestone": _action_child(_milestone),
    "progress-update": _action_child(_update),
    "evidence": _action_child(_evidence),
    "minute-item": _minute_item,
    "decision": _decision,
    "indicator-value": _indicator_value,
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_remove_with_a_reason_then_undo_from_the_history(client, kind):
    record, page = KINDS[kind]()
    model, pk = type(record), record.pk
    officer = UserFactory(role="LA officer", full_name="Ruth Sturdy")
    client.force_login(officer)
    url = reverse("record_remove", args=[kind, pk])
    confirm = client.get(url).content.decode()
    assert "Are you sure you want to remove this" in confirm
    refused = client.post(url, {"reason": ""})
    assert (
        refused.status_code == 400 and "Enter why you are removing it" in refused.content.decode()
    )
    assert model.objects.filter(pk=pk).exists()

    response = client.post(url, {"reason": "Entered on the wrong record"})
    assert response.status_code == 302 and response.url == page
    assert not model.objects.filter(pk=pk).exists()
    html = client.get(page).content.decode()
    restore = reverse("record_restore", args=[kind, pk])
    assert "Reason: Entered on the wrong record" in html
    assert f'action="{restore}"' in html and "Undo this removal" in html

    assert client.post(restore).status_code == 302
    assert model.objects.filter(pk=pk).exists()
    assert f'action="{restore}"' not in client.get(page).content.decode()
    again = client.post(restore)  # undoing twice says so, and changes nothing
    assert again.status_code == 302


def test_readers_never_see_a_removed_record(client, head_ne, board_member):
    from tests.meetings.factories import MinuteItemFactory

    item = MinuteItemFactory(number=2, title="Too few specialist places")
    page = reverse("meetings:meeting_detail", args=[item.meeting_id])
    officer = UserFactory(role="LA officer")
    client.force_login(officer)
    client.post(reverse("record_remove", args=["minute-item", item.pk]), {"reason": "Duplicate"})
    for reader in (head_ne, board_member):
        client.force_login(reader)
        html = client.get(page).content.decode()
        assert "Too few specialist places" not in html
        assert "Undo this removal" not in html
        assert (
            client.post(reverse("record_restore", args=["minute-item", item.pk])).status_code == 403
        )


def test_undoing_a_minute_items_removal_links_its_decisions_again(client):
    """A decision points at its minute item; removing the item unlinks it (in the decision's
    history, at the removal's moment) and undoing the removal links it again. A decision moved
    to another item since stays where it was moved."""
    from tests.meetings.factories import DecisionFactory, MinuteItemFactory

    item = MinuteItemFactory(number=2, title="Too few specialist places")
    other = MinuteItemFactory(meeting=item.meeting, number=3, title="Any other business")
    kept = DecisionFactory(meeting=item.meeting, item=item, text="Agreed to commission places.")
    moved = DecisionFactory(meeting=item.meeting, item=item, text="Agreed to report back.")
    client.force_login(UserFactory(role="LA officer"))
    client.post(reverse("record_remove", args=["minute-item", item.pk]), {"reason": "Duplicate"})
    kept.refresh_from_db()
    assert kept.item_id is None
    unlinked = kept.history.order_by("-history_date", "-history_id").first()
    assert unlinked.history_change_reason == "With the minute item: Duplicate"
    moved.item = other
    moved.save()

    assert client.post(reverse("record_restore", args=["minute-item", item.pk])).status_code == 302
    kept.refresh_from_db()
    moved.refresh_from_db()
    assert kept.item_id == item.pk
    assert moved.item_id == other.pk
