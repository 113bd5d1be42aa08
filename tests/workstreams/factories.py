import datetime

import factory

from workstreams.models import Action, Programme, ProgressUpdate, Workstream
from workstreams.status import ActionStatus


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    kind = Programme.Kind.WSOA
    start_date = datetime.date(2025, 1, 1)


class WorkstreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workstream

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: chr(ord("A") + n % 26) + (str(n // 26) if n >= 26 else ""))
    title = factory.Sequence(lambda n: f"Workstream {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    workstream = factory.SubFactory(WorkstreamFactory)
    programme = factory.SelfAttribute("workstream.programme")
    ref = factory.Sequence(lambda n: f"R.{n}")
    title = factory.Sequence(lambda n: f"Action {n}")
    status = ActionStatus.ON_TARGET

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    date = datetime.date(2026, 1, 1)
    narrative = "Progress made"
    status = ActionStatus.ON_TARGET
    rag = "green"
