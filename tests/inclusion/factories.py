import datetime

import factory

from inclusion.models import (
    Consultation,
    ConsultationTopic,
    Statement,
    StatementSection,
    StatementVersion,
    TopicFigure,
    TopicPoint,
)
from workstreams.models import Action, Programme, Workstream


class StatementVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementVersion

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Inclusion statement draft {n}")


class StatementSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementSection

    version = factory.SubFactory(StatementVersionFactory)
    position = factory.Sequence(lambda n: n + 1)
    heading = "We commit"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    section = factory.SubFactory(StatementSectionFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = "To challenge and be challenged by colleagues."


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Consultation {n}")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    start_date = datetime.date(2020, 9, 1)


class ConsultationTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationTopic

    consultation = factory.SubFactory(ConsultationFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = "Parent Voice"


class TopicPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicPoint

    topic = factory.SubFactory(ConsultationTopicFactory)
    kind = TopicPoint.Kind.KEY_THEME
    position = factory.Sequence(lambda n: n + 1)
    text = "Schools would welcome further guidance on effective parental voicing."


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("slug",)

    name = "Written Statement of Action"
    slug = "wsoa"
    kind = Programme.Kind.WSOA
    start_date = datetime.date(2019, 6, 1)


class WorkstreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workstream
        django_get_or_create = ("programme", "code")

    programme = factory.SubFactory(ProgrammeFactory)
    code = "B"
    title = "Inclusion and outcomes"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    workstream = factory.SubFactory(WorkstreamFactory)
    programme = factory.LazyAttribute(lambda o: o.workstream.programme)
    ref = factory.Sequence(lambda n: f"B.{n + 1}")
    title = factory.Sequence(lambda n: f"Programme action {n}")


def statement_version(number: int, sections: dict[str, list[str]], **kwargs) -> StatementVersion:
    """A version with the given sections and statements, in order."""
    version = StatementVersionFactory(number=number, **kwargs)
    for s_pos, (heading, texts) in enumerate(sections.items(), start=1):
        section = StatementSectionFactory(version=version, position=s_pos, heading=heading)
        for pos, text in enumerate(texts, start=1):
            StatementFactory(section=section, position=pos, text=text)
    return version


class TopicFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicFigure

    topic = factory.SubFactory(ConsultationTopicFactory)
    value = 81
    unit = "%"
    statement = "of the online responses identified that the SENCO was part of the leadership team"
