"""Factories for the programme's data as the reporting tests need it."""

from datetime import date

import factory

from workstreams.models import Action, MonthlyUpdate, Programme, Risk, Workstream
from workstreams.status import ActionStatus


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Written Statement of Action {n}")
    slug = factory.Sequence(lambda n: f"wsoa-{n}")
    kind = Programme.Kind.WSOA
    start_date = date(2026, 1, 1)


class WorkstreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workstream

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: f"W{n}")
    title = factory.Sequence(lambda n: f"Workstream number {n}")
    lead_name = "Pat Lead"
    current_position = "Work is under way."


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    workstream = factory.SubFactory(WorkstreamFactory)
    programme = factory.LazyAttribute(lambda o: o.workstream.programme)
    ref = factory.Sequence(lambda n: f"A.{n}")
    title = factory.Sequence(lambda n: f"Action number {n}")
    owner_name = "Sam Owner"
    start_date = date(2026, 1, 1)
    due_date = date(2026, 12, 31)
    status = ActionStatus.ON_TARGET

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class MonthlyUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyUpdate

    workstream = factory.SubFactory(WorkstreamFactory)
    month = date(2026, 10, 1)
    current_position = "The update's current position."
    rag = "amber"
    rag_reason = "Recruitment is slower than planned."
    achievements = "Achieved a thing."
    planned_next = "Plan the next thing."
    decisions_needed = "Agree the budget."


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    workstream = factory.SubFactory(WorkstreamFactory)
    description = factory.Sequence(lambda n: f"Risk number {n}")
    likelihood = 4
    impact = 4
    mitigation = "Mitigate it."
    owner_name = "Rita Risk"
