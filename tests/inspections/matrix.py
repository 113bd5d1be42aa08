"""Objects the access matrix's inspections URLs point at (created when a URL is built)."""

from inspections.models import AreaOfWeakness, Indicator, Inspection, MonitoringMilestone
from tests.inspections.factories import (
    IndicatorFactory,
    InspectionFactory,
    MonitoringMilestoneFactory,
    WeaknessJudgementFactory,
)


def _judgement():
    revisit = Inspection.objects.filter(kind=Inspection.Kind.REVISIT).first()
    if revisit is not None:
        return revisit, AreaOfWeakness.objects.filter(inspection=revisit.revisit_of).first()
    judgement = WeaknessJudgementFactory()
    judgement.weakness.inspection = judgement.revisit.revisit_of
    judgement.weakness.save()
    return judgement.revisit, judgement.weakness


def inspection_pk(world) -> dict:
    return {"pk": _judgement()[0].revisit_of_id}


def weakness_pk(world) -> dict:
    return {"pk": _judgement()[1].pk}


def indicator_pk(world) -> dict:
    indicator = Indicator.objects.first() or IndicatorFactory(weakness=_judgement()[1])
    return {"pk": indicator.pk}


def indicator_value_pks(world) -> dict:
    from tests.inspections.factories import IndicatorValueFactory

    indicator = Indicator.objects.get(**indicator_pk(world))
    value = indicator.values.first() or IndicatorValueFactory(indicator=indicator, period="2020")
    return {"pk": indicator.pk, "value_pk": value.pk}


def milestone_pk(world) -> dict:
    milestone = MonitoringMilestone.objects.first() or MonitoringMilestoneFactory(
        inspection=_judgement()[0]
    )
    return {"pk": milestone.pk}


def judgement_kwargs(world) -> dict:
    revisit, weakness = _judgement()
    return {"pk": revisit.pk, "weakness_pk": weakness.pk}


def inspection_2023_pk(world) -> dict:
    inspection = Inspection.objects.filter(framework="2023").first() or InspectionFactory(
        kind=Inspection.Kind.AREA_SEND, framework="2023", outcome="2"
    )
    return {"pk": inspection.pk}
