"""Both inspection frameworks side by side: the 2023 outcome in the handbook's words, its kinds
of finding with the partners who take them forward, what follows, and one vocabulary."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inspections import services
from inspections.frameworks import OUTCOME_WORDS, vocabulary
from inspections.models import AreaOfWeakness, Inspection, MonitoringMilestone
from tests.inspections.factories import InspectionFactory
from workstreams.models import Action, Programme, Workstream

pytestmark = pytest.mark.django_db

HANDBOOK_OUTCOME_3 = (
    "There are widespread and/or systemic failings leading to significant concerns about the "
    "experiences and outcomes of children and young people with SEND, which the local area "
    "partnership must address urgently."
)


def _inspection_2023(outcome="3", **fields):
    return InspectionFactory(
        kind=Inspection.Kind.AREA_SEND,
        framework=Inspection.Framework.F2023,
        outcome=outcome,
        local_area="Demo County",
        start_date=datetime.date(2025, 11, 10),
        end_date=datetime.date(2025, 11, 14),
        wsoa_required=False,
        **fields,
    )


def test_the_outcome_is_stored_as_a_choice_and_shown_in_the_handbooks_words():
    inspection = _inspection_2023()
    assert inspection.outcome == "3"
    assert inspection.get_outcome_display() == HANDBOOK_OUTCOME_3 == OUTCOME_WORDS["3"]


def test_the_vocabulary_follows_the_framework():
    assert vocabulary("2016").finding == "area of weakness"
    assert vocabulary("2016").health_partner == "CCG"
    words = vocabulary("2023")
    assert (words.partnership, words.health_partner) == ("local area partnership", "ICB")
    assert "weakness" not in words.finding + words.findings


def test_a_finding_kind_must_fit_its_inspections_framework():
    finding = AreaOfWeakness(
        inspection=_inspection_2023(),
        number=1,
        wording="Words",
        kind=AreaOfWeakness.Kind.SIGNIFICANT_WEAKNESS,
    )
    with pytest.raises(ValidationError, match="area for priority action"):
        finding.full_clean()
    old = AreaOfWeakness(
        inspection=InspectionFactory(),
        number=1,
        wording="Words",
        kind=AreaOfWeakness.Kind.IMPROVEMENT,
    )
    with pytest.raises(ValidationError, match="significant weakness"):
        old.full_clean()


def test_an_outcome_belongs_only_to_a_2023_inspection():
    inspection = InspectionFactory(outcome="1")
    with pytest.raises(ValidationError, match="Only a 2023-framework inspection"):
        inspection.full_clean()


def test_follow_ups_of_the_third_outcome_use_the_defaults_or_the_inspections_own_timescales():
    inspection = _inspection_2023()
    services.inspection_plan_follow_ups(inspection=inspection)
    by_kind = {m.kind: m for m in inspection.milestones.all()}
    assert by_kind[MonitoringMilestone.Kind.MONITORING_INSPECTION].due_date == datetime.date(
        2027, 5, 14
    )  # 18 months after the last day
    assert by_kind[MonitoringMilestone.Kind.NEXT_INSPECTION].due_date == datetime.date(2028, 11, 14)

    by_kind[MonitoringMilestone.Kind.MONITORING_INSPECTION].notes = "Date agreed"
    by_kind[MonitoringMilestone.Kind.MONITORING_INSPECTION].save()
    inspection.monitoring_months = 12
    inspection.save()
    services.inspection_plan_follow_ups(inspection=inspection)
    monitoring = inspection.milestones.get(kind=MonitoringMilestone.Kind.MONITORING_INSPECTION)
    assert monitoring.due_date == datetime.date(2026, 11, 14)
    assert monitoring.notes == "Date agreed"

    inspection.outcome = "1"  # no monitoring inspection; the next one within about 5 years
    inspection.save()
    services.inspection_plan_follow_ups(inspection=inspection)
    assert [(m.kind, m.due_date) for m in inspection.milestones.all()] == [
        (MonitoringMilestone.Kind.NEXT_INSPECTION, datetime.date(2030, 11, 14))
    ]


def test_a_2016_inspection_gets_no_2023_follow_ups():
    assert services.inspection_plan_follow_ups(inspection=InspectionFactory()) == []


def test_the_2023_inspection_page_speaks_the_2023_framework(client_for):
    inspection = _inspection_2023(illustrative=True)
    services.finding_add(
        inspection=inspection,
        wording="Leaders should urgently improve EHC plans.",
        partners=AreaOfWeakness.Partners.BOTH,
    )
    improvement = services.finding_add(
        inspection=inspection,
        wording="Leaders should improve the Local Offer.",
        kind=AreaOfWeakness.Kind.IMPROVEMENT,
        partners=AreaOfWeakness.Partners.ICB,
    )
    Programme.objects.create(
        name="Priority action plan",
        slug="pap",
        kind=Programme.Kind.PRIORITY_ACTION_PLAN,
        start_date=datetime.date(2026, 1, 19),
        inspection=inspection,
    )
    services.inspection_plan_follow_ups(inspection=inspection)
    body = client_for("head_x").get(reverse("inspections:inspection_detail", args=[inspection.pk]))
    text = body.content.decode()
    assert HANDBOOK_OUTCOME_3.replace("'", "&#x27;") in text
    assert "Areas for priority action" in text and "Areas for improvement" in text
    assert "Taken forward by: The local authority and the ICB" in text
    assert "Priority action plan (area SEND)" in text  # the plan made, on the timeline
    assert "Updated strategic plan required" in text  # the plan not yet made
    assert "Monitoring inspection: about 18 months" in text
    assert "Illustrative" in text
    assert "area of weakness" not in text.lower()

    finding_page = client_for("head_x").get(
        reverse("inspections:weakness_detail", args=[improvement.pk])
    )
    assert "Area for improvement 2" in finding_page.content.decode()
    assert "area of weakness" not in finding_page.content.decode().lower()
    readiness = client_for("board").get(
        reverse("inspections:weakness_readiness", args=[improvement.pk])
    )
    assert "Evidence narrative: area for improvement 2" in readiness.content.decode()
    assert "area of weakness" not in readiness.content.decode().lower()


def test_a_2023_finding_plays_the_same_part_in_the_chain(client_for):
    inspection = _inspection_2023()
    finding = services.finding_add(inspection=inspection, wording="Improve EHC plans.")
    programme = Programme.objects.create(
        name="PAP",
        slug="pap",
        kind=Programme.Kind.PRIORITY_ACTION_PLAN,
        start_date=datetime.date(2026, 1, 19),
        inspection=inspection,
    )
    workstream = Workstream.objects.create(programme=programme, code="P1", title="EHC plans")
    finding.workstreams.add(workstream)
    action = Action.objects.create(
        programme=programme,
        workstream=workstream,
        ref="P1.1",
        title="Recruit plan writers",
        evidence_of_impact="Twelve writers in post",
    )
    action.weaknesses.add(finding)
    monitoring = InspectionFactory(
        kind=Inspection.Kind.MONITORING_INSPECTION,
        framework=Inspection.Framework.F2023,
        revisit_of=inspection,
        start_date=datetime.date(2027, 5, 10),
        end_date=datetime.date(2027, 5, 12),
    )
    services.judgement_record(
        revisit=monitoring, weakness=finding, sufficient_progress=True, inspectors_words="Better."
    )
    text = client_for("board").get(reverse("inspections:weakness_detail", args=[finding.pk]))
    text = text.content.decode()
    assert "P1: EHC plans" in text and "Recruit plan writers" in text
    assert "Twelve writers in post" in text
    page = client_for("officer").get(reverse("inspections:inspection_detail", args=[inspection.pk]))
    assert "Judgements on each finding" in page.content.decode()
    form = client_for("officer").get(
        reverse("inspections:judgement_edit", args=[monitoring.pk, finding.pk])
    )
    assert "the local area partnership has made enough progress" in form.content.decode()
    assert "sufficient progress" not in form.content.decode()


def test_an_officer_records_an_annual_engagement_meeting(client_for):
    inspection = _inspection_2023()
    url = reverse("inspections:engagement_meeting_add", args=[inspection.pk])
    refused = client_for("officer").post(url, {"date": "31-13-2026", "notes": ""})
    assert "The date of the meeting must be a real date" in refused.content.decode()
    assert not inspection.milestones.exists()
    response = client_for("officer").post(
        url,
        {
            "date_day": "12",
            "date_month": "11",
            "date_year": "2026",
            "notes": "Progress on the plan presented.",
        },
    )
    assert response.status_code == 302
    meeting = inspection.milestones.get()
    assert meeting.kind == MonitoringMilestone.Kind.ENGAGEMENT_MEETING
    assert (meeting.due_date, meeting.notes) == (
        datetime.date(2026, 11, 12),
        "Progress on the plan presented.",
    )
    page = client_for("board").get(reverse("inspections:inspection_detail", args=[inspection.pk]))
    assert "Annual engagement meeting, 12 November 2026" in page.content.decode()


def test_engagement_meetings_are_only_for_a_2023_inspection(client_for):
    url = reverse("inspections:engagement_meeting_add", args=[InspectionFactory().pk])
    assert client_for("officer").get(url).status_code == 404


def test_the_demo_holds_an_illustrative_2023_inspection_with_its_plans(demo):
    inspection = Inspection.objects.get(framework="2023")
    assert inspection.illustrative and inspection.outcome == "3"
    kinds = set(inspection.weaknesses.values_list("kind", flat=True))
    assert kinds == {AreaOfWeakness.Kind.PRIORITY_ACTION, AreaOfWeakness.Kind.IMPROVEMENT}
    assert set(inspection.programmes.values_list("kind", flat=True)) == {
        Programme.Kind.PRIORITY_ACTION_PLAN,
        Programme.Kind.STRATEGIC_PLAN,
    }
    assert (
        Inspection.objects.filter(local_area__in=["Kent", "Surrey"], framework="2016").count() == 3
    )
