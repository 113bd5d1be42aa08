import datetime

import factory

from workstreams.meetings.models import (
    ActionArising,
    Attendee,
    Decision,
    Group,
    Meeting,
    MinuteItem,
    NextStep,
)


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    area = None


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    title = "SEND Executive"
    date = datetime.date(2018, 2, 21)
    start_time = datetime.time(14, 0)
    end_time = datetime.time(16, 20)
    venue = "County Hall"
    status = Meeting.Status.PUBLISHED


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Headteacher"
    organisation = "Willow Brook Primary"


class MinuteItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinuteItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "High Needs Block review feedback"
    discussion = "<p>Respondents came into the sessions with a pessimistic view.</p>"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = "It was agreed that developing a statement of inclusion would be helpful."


class ActionArisingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionArising

    meeting = factory.SubFactory(MeetingFactory)
    description = "Visit Barnet and report back"
    owner_name = "Ruth Sturdy"
    due_date = datetime.date(2018, 3, 14)


class NextStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NextStep

    meeting = factory.SubFactory(MeetingFactory)
    text = "Visit to Barnet in March"
