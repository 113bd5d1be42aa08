import datetime
from decimal import Decimal

import factory

from inspections.models import (
    AreaOfWeakness,
    Indicator,
    IndicatorValue,
    Inspection,
    MonitoringMilestone,
    WeaknessJudgement,
)


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection

    kind = Inspection.Kind.JOINT
    local_area = "Surrey"
    start_date = datetime.date(2016, 10, 17)
    end_date = datetime.date(2016, 10, 21)
    wsoa_required = True
    outcome_summary = "Five areas of significant weakness."


class RevisitFactory(InspectionFactory):
    kind = Inspection.Kind.REVISIT
    start_date = datetime.date(2019, 3, 18)
    end_date = datetime.date(2019, 3, 20)
    wsoa_required = False
    revisit_of = factory.SubFactory(InspectionFactory)


class AreaOfWeaknessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaOfWeakness

    inspection = factory.SubFactory(InspectionFactory)
    number = factory.Sequence(lambda n: n + 1)
    wording = factory.Sequence(lambda n: f"The inspectors' finding number {n}")


class WeaknessJudgementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WeaknessJudgement

    revisit = factory.SubFactory(RevisitFactory)
    weakness = factory.SubFactory(AreaOfWeaknessFactory)
    sufficient_progress = True


class MonitoringMilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonitoringMilestone

    inspection = factory.SubFactory(RevisitFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_date = datetime.date(2019, 6, 20)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    weakness = factory.SubFactory(AreaOfWeaknessFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = Indicator.Unit.PERCENT
    direction = Indicator.Direction.HIGHER
    target = Decimal("60")
    data_source = "Test data"
    period_kind = Indicator.PeriodKind.YEAR


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.Sequence(lambda n: str(2000 + n))
    period_start = factory.LazyAttribute(lambda o: datetime.date(int(o.period), 1, 1))
    value = Decimal("50")
