"""load_scale: the large local area beside the demo (at a reduced size: the full size is for
`make bench`)."""

import pytest
from django.core.management import CommandError, call_command

from send_portal.core.models import Area, Setting
from send_portal.demo import scale
from workstreams.models import Action, Programme, ProgressUpdate

SMALL_SIZES = {
    **scale.SIZES,
    "settings": 24,
    "workstreams": 4,
    "actions": 40,
    "progress_updates": 200,
    "indicators": 3,
    "indicator_months": 12,
    "meetings": 8,
    "services": 30,
}


@pytest.fixture
def small(monkeypatch, db):
    monkeypatch.setattr(scale, "SIZES", SMALL_SIZES)


def _snapshot():
    return (
        list(Setting.objects.filter(area__slug__startswith="scale-").values_list("name", "phase")),
        list(
            Action.objects.filter(programme__slug__startswith="scale-")
            .order_by("ref", "programme__slug")
            .values_list("ref", "title", "status", "due_date")
        ),
        list(
            ProgressUpdate.objects.filter(action__programme__slug__startswith="scale-")
            .order_by("action__ref", "date", "narrative")
            .values_list("date", "narrative", "rag")
        ),
    )


def test_builds_every_kind_of_row_with_history(small):
    call_command("load_scale")
    assert Area.objects.filter(slug__startswith="scale-").count() == 8
    assert Setting.objects.filter(area__slug__startswith="scale-").count() == 24
    assert Programme.objects.filter(slug__startswith="scale-").count() == 2
    actions = Action.objects.filter(programme__slug__startswith="scale-")
    assert actions.count() == 40
    assert ProgressUpdate.objects.filter(action__in=actions).count() == 200
    action = actions.order_by("pk").first()
    history = action.history.order_by("history_date")
    assert history.count() == 5  # one history row per progress update
    assert history.first().history_type == "+"
    from localoffer.models import Service
    from workstreams.meetings.models import Meeting

    assert Meeting.objects.filter(group__slug__startswith="scale-").count() == 8
    assert Service.objects.filter(slug__startswith="scale-").count() == 30
    from workstreams.reporting.models import ActionSnapshot, ReportingPeriod

    periods = ReportingPeriod.objects.filter(opened_by__email__endswith="@scale.test")
    assert periods.filter(state=ReportingPeriod.State.LOCKED).count() == 24
    assert ActionSnapshot.objects.filter(period=periods.first(), action__in=actions).count() == 40


def test_refuses_to_run_twice_and_reset_rebuilds_the_same_rows(small):
    call_command("load_scale")
    first = _snapshot()
    with pytest.raises(CommandError, match="already loaded"):
        call_command("load_scale")
    call_command("load_scale", "--if-missing")
    assert _snapshot() == first
    call_command("load_scale", "--reset")
    assert _snapshot() == first  # seeded: the same rows again
    assert Area.objects.filter(slug__startswith="scale-").count() == 8


def test_reset_never_touches_the_demo(small, demo):
    demo_programmes = set(Programme.objects.values_list("slug", flat=True))
    demo_actions = Action.objects.count()
    from workstreams.reporting.models import ReportingPeriod

    demo_periods = ReportingPeriod.objects.count()
    call_command("load_scale")
    call_command("load_scale", "--reset")
    scale.scale_delete()
    assert set(Programme.objects.values_list("slug", flat=True)) == demo_programmes
    assert Action.objects.count() == demo_actions
    assert not Area.objects.filter(slug__startswith="scale-").exists()
    from workstreams.reporting.models import ReportingPeriod

    assert ReportingPeriod.objects.count() == demo_periods
