"""The history baselines (workstreams 0015 and its twins in the other apps): a database with
records saved before their models kept history gets one "History begins" row for each, and
records with history keep theirs unchanged."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from send_portal.core.history import BASELINE_REASON, history_of
from tests.core.test_concurrency import _monthly_update
from tests.reporting.factories import RiskFactory
from workstreams.models import MonthlyUpdate, Risk

BEFORE = [("workstreams", "0014_link_risk_owners")]


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_records_without_history_get_one_baseline_row_each():
    update, _url = _monthly_update()
    old_risk = RiskFactory(description="Too few specialist places")
    new_risk = RiskFactory(description="Has its history")
    MonthlyUpdate.history.filter(id=update.pk).delete()  # saved before history was added
    Risk.history.filter(id=old_risk.pk).delete()
    rows_before = list(new_risk.history.values_list("history_id", "history_change_reason"))
    try:
        _migrate(BEFORE)
        _migrate(None)  # workstreams 0015 runs on them
    finally:
        _migrate(None)

    baseline = MonthlyUpdate.history.get(id=update.pk)
    assert (baseline.history_type, baseline.history_change_reason) == ("+", BASELINE_REASON)
    assert (baseline.current_position, baseline.rag) == (update.current_position, update.rag)
    assert Risk.history.get(id=old_risk.pk).description == "Too few specialist places"
    assert list(new_risk.history.values_list("history_id", "history_change_reason")) == (
        rows_before
    )
    assert [e.action for e in history_of(update)] == ["History begins"]
