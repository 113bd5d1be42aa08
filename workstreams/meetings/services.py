"""Writes for meetings and minutes (keyword-only, atomic)."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from workstreams.models import Action, Workstream
from workstreams.services import programme_action_create

from .models import (
    ActionArising,
    Attendee,
    CalendarSubscription,
    Decision,
    Group,
    Meeting,
    MinuteItem,
    NextStep,
)


@transaction.atomic
def meeting_create(
    *,
    group: Group,
    date: datetime.date,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    venue: str = "",
    title: str = "",
    announced_at: Meeting | None = None,
) -> Meeting:
    if start_time and end_time and end_time <= start_time:
        raise ValidationError({"end_time": "The end time must be after the start time"})
    return Meeting.objects.create(
        group=group,
        date=date,
        start_time=start_time,
        end_time=end_time,
        venue=venue,
        title=title,
        announced_at=announced_at,
    )


@transaction.atomic
def meeting_add_future_date(
    *,
    meeting: Meeting,
    date: datetime.date,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    venue: str = "",
) -> Meeting:
    """A date of a future meeting, set at this meeting: a new (draft) meeting of the group."""
    if date <= meeting.date:
        raise ValidationError({"date": "The date of a future meeting must be after this meeting"})
    return meeting_create(
        group=meeting.group,
        date=date,
        start_time=start_time,
        end_time=end_time,
        venue=venue,
        title=meeting.title,
        announced_at=meeting,
    )


CALENDAR_FIELDS = ("date", "start_time", "end_time", "venue", "title", "status")


@transaction.atomic
def meeting_update(*, meeting: Meeting) -> Meeting:
    """Save a changed meeting; a change a calendar shows bumps its SEQUENCE."""
    before = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if any(getattr(before, f) != getattr(meeting, f) for f in CALENDAR_FIELDS):
        meeting.sequence = before.sequence + 1
    meeting.save()
    return meeting


@transaction.atomic
def meeting_publish(*, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.Status.PUBLISHED:
        meeting.status = Meeting.Status.PUBLISHED
        meeting.published_at = timezone.now()
        meeting.sequence += 1
        meeting.save(update_fields=["status", "published_at", "sequence", "updated_at"])
    return meeting


@transaction.atomic
def meeting_unpublish(*, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.status = Meeting.Status.DRAFT
    meeting.published_at = None
    meeting.sequence += 1
    meeting.save(update_fields=["status", "published_at", "sequence", "updated_at"])
    return meeting


@transaction.atomic
def calendar_address_regenerate(*, user) -> CalendarSubscription:
    """Give the person a new secret calendar address (the old one stops working)."""
    subscription, _ = CalendarSubscription.objects.select_for_update().get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    subscription.token = secrets.token_urlsafe(32)
    subscription.save(update_fields=["token"])
    return subscription


@transaction.atomic
def calendar_address_revoke(*, user) -> None:
    CalendarSubscription.objects.filter(user=user).delete()


@transaction.atomic
def attendee_add(*, meeting: Meeting, **fields) -> Attendee:
    last = meeting.attendees.filter(kind=fields.get("kind")).aggregate(m=Max("position"))["m"]
    return Attendee.objects.create(meeting=meeting, position=(last or 0) + 1, **fields)


@transaction.atomic
def item_add(*, meeting: Meeting, title: str, discussion: str = "") -> MinuteItem:
    last = meeting.items.aggregate(m=Max("number"))["m"] or 0
    return MinuteItem.objects.create(
        meeting=meeting, number=last + 1, title=title, discussion=discussion
    )


@transaction.atomic
def item_update(*, item: MinuteItem, title: str, discussion: str) -> MinuteItem:
    item.title = title
    item.discussion = discussion
    item.save()
    return item


@transaction.atomic
def decision_add(*, meeting: Meeting, text: str, item: MinuteItem | None = None) -> Decision:
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"item": "Choose an item of this meeting"})
    last = meeting.decisions.aggregate(m=Max("position"))["m"] or 0
    return Decision.objects.create(meeting=meeting, item=item, text=text, position=last + 1)


@transaction.atomic
def next_step_add(*, meeting: Meeting, text: str) -> NextStep:
    last = meeting.next_steps.aggregate(m=Max("position"))["m"] or 0
    return NextStep.objects.create(meeting=meeting, text=text, position=last + 1)


@transaction.atomic
def action_arising_add(
    *,
    meeting: Meeting,
    description: str,
    owner_name: str,
    due_date: datetime.date | None = None,
    item: MinuteItem | None = None,
    programme_action: Action | None = None,
    create_in_workstream: Workstream | None = None,
    ref: str = "",
) -> ActionArising:
    """An action arising, linked to an existing programme action or creating one."""
    if programme_action is None and create_in_workstream is not None:
        programme_action = programme_action_create(
            workstream=create_in_workstream,
            ref=ref,
            title=description[:500],
            owner_name=owner_name,
            due_date=due_date,
        )
    return ActionArising.objects.create(
        meeting=meeting,
        item=item,
        description=description,
        owner_name=owner_name,
        due_date=due_date,
        programme_action=programme_action,
    )


@transaction.atomic
def action_arising_set_done(*, action: ActionArising, is_done: bool) -> ActionArising:
    action.is_done = is_done
    action.save(update_fields=["is_done"])
    return action


@transaction.atomic
def decision_update(*, decision: Decision, text: str, item: MinuteItem | None = None) -> Decision:
    if item is not None and item.meeting_id != decision.meeting_id:
        raise ValidationError({"item": "Choose an item of this meeting"})
    decision.text = text
    decision.item = item
    decision.save()
    return decision


@transaction.atomic
def attendee_remove(*, attendee: Attendee) -> None:
    attendee.delete()
