"""The reminders' move from send_portal/dashboards to workstreams (workstreams 0010 and 0011,
dashboards 0002): a database with reminders already sent keeps every row, and they still stop a
duplicate."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from tests.core.factories import UserFactory
from workstreams.models import ActionReminder

BEFORE = [("dashboards", "0001_initial"), ("workstreams", "0009_merge_issue_20_and_main")]


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_reminders_sent_before_the_move_are_kept_in_workstreams():
    alice, bob = UserFactory(), UserFactory()
    content_type = ContentType.objects.get(app_label="workstreams", model="actionreminder")
    try:
        _migrate(BEFORE)
        old = (
            MigrationExecutor(connection)
            .loader.project_state(BEFORE)
            .apps.get_model("dashboards", "ActionReminder")
        )
        assert old._meta.db_table == "dashboards_actionreminder"
        sent = [
            old.objects.create(
                owner_id=alice.pk, date=date(2026, 11, 23), overdue_count=2, due_soon_count=1
            ),
            old.objects.create(
                owner_id=alice.pk, date=date(2026, 11, 24), overdue_count=1, due_soon_count=0
            ),
            old.objects.create(
                owner_id=bob.pk, date=date(2026, 11, 24), overdue_count=0, due_soon_count=3
            ),
        ]
    finally:
        _migrate(None)  # forward to the latest migrations, whatever happened above

    assert "dashboards_actionreminder" not in connection.introspection.table_names()
    kept = list(
        ActionReminder.objects.order_by("pk").values_list(
            "pk", "owner_id", "date", "overdue_count", "due_soon_count", "sent_at"
        )
    )
    assert kept == [
        (r.pk, r.owner_id, r.date, r.overdue_count, r.due_soon_count, r.sent_at) for r in sent
    ]
    # The table still numbers new rows after the old ones and refuses a second reminder a day.
    new = ActionReminder.objects.create(
        owner=bob, date=date(2026, 11, 25), overdue_count=0, due_soon_count=1
    )
    assert new.pk > sent[-1].pk
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionReminder.objects.create(
            owner=alice, date=date(2026, 11, 23), overdue_count=0, due_soon_count=0
        )
    # The model's content type (and so its permissions) went with it, not a second one.
    ContentType.objects.clear_cache()
    moved = ContentType.objects.get(model="actionreminder")
    assert (moved.pk, moved.app_label) == (content_type.pk, "workstreams")
