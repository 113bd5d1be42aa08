"""The demo programmes: from the seeds, linked to Kent's weaknesses, idempotent."""

import pytest
from django.core.management import call_command

from inspections.models import AreaOfWeakness
from send_portal.demo.inspections import KENT_WEAKNESSES
from send_portal.demo.workstreams_data import HERTS_PEOPLE, HERTS_TEXT
from workstreams.models import Action, Evidence, Programme, ProgressUpdate, Workstream
from workstreams.selectors import with_rag
from workstreams.status import ActionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def _counts():
    return (
        Programme.objects.count(),
        Workstream.objects.count(),
        Action.objects.count(),
        Action.history.count(),
        ProgressUpdate.objects.count(),
        Evidence.objects.count(),
    )


def test_load_demo_twice_changes_nothing(demo):
    before = _counts()
    call_command("load_demo")
    assert _counts() == before


def test_kent_workstreams_are_linked_to_the_weaknesses_verbatim(demo):
    kent = Programme.objects.get(slug="kent-wsoa")
    assert list(kent.workstreams.values_list("code", flat=True)) == ["A", "B", "C", "D", "E"]
    for number, code, wording in KENT_WEAKNESSES:
        weakness = AreaOfWeakness.objects.get(inspection=kent.inspection, number=number)
        assert weakness.wording == wording
        assert list(weakness.workstreams.values_list("code", flat=True)) == [code]


def test_herts_has_its_ten_workstreams_in_their_words(demo):
    herts = Programme.objects.get(slug="herts-send-strategy")
    workstreams = list(herts.workstreams.order_by("pk"))
    assert [w.title for w in workstreams] == [t["title"] for t in HERTS_TEXT]
    autism = herts.workstreams.get(title="Autism")
    assert autism.lead_name == "John Short, Keeping Children in Local Provision Manager"
    assert [(r.name, r.role_label) for r in autism.representatives.all()][:2] == [
        ("Helen Booth", "ISL County Lead for Complex Needs"),
        ("Richard Haynes", "Primary Head"),
    ]
    assert autism.objectives[1] == "Develop an Autism Strategy and a clear local offer of services"
    assert "134 headteachers and parents attended feedback sessions" in autism.current_position
    assert len(HERTS_PEOPLE["Behaviour and Alternative Provision"][1]) == 15


def test_actions_in_every_status_some_overdue_some_with_evidence(demo):
    statuses = set(Action.objects.values_list("status", flat=True))
    assert statuses == set(ActionStatus.values)
    assert with_rag(Action.objects.all()).filter(overdue=True).exists()
    assert Evidence.objects.exclude(file="").exists() and Evidence.objects.exclude(url="").exists()
    for action in Action.objects.filter(status=ActionStatus.COMPLETED):
        assert action.evidence_of_impact
    assert Action.objects.filter(owner__email="officer@demo.test").count() >= 5
