"""Reads for meetings and minutes, limited to what the person may see."""

from django.db.models import Prefetch, Q, QuerySet

from send_portal.core.roles import Role

from .models import ActionArising, Attendee, Decision, Group, Meeting


def _is_editor(user) -> bool:
    return user.is_authenticated and user.has_perm("meetings.edit_minutes")


def group_visibility(user, prefix: str = "") -> Q:
    """Groups the person may see: all for officers and the board; for a headteacher, their own
    area's groups and the county-wide ones; nothing otherwise."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if user.has_perm("core.view_board_dashboard"):
        return Q()
    if user.has_role(Role.HEADTEACHER):
        area_q = Q(**{f"{prefix}area__isnull": True})
        if user.area is not None:
            area_q |= Q(**{f"{prefix}area": user.area})
        return area_q
    return Q(pk__in=[])


def meeting_visibility(user, prefix: str = "") -> Q:
    """Meetings whose minutes the person may read: drafts only for officers and admins."""
    if _is_editor(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    published = Q(**{f"{prefix}status": Meeting.Status.PUBLISHED})
    return published & group_visibility(user, prefix=f"{prefix}group__")


def groups_for(user) -> QuerySet[Group]:
    return Group.objects.filter(group_visibility(user)).select_related("area").order_by("name")


def meetings_for(user, *, group: Group | None = None) -> QuerySet[Meeting]:
    qs = Meeting.objects.filter(meeting_visibility(user)).select_related("group", "group__area")
    if group is not None:
        qs = qs.filter(group=group)
    return qs.order_by("-date", "-start_time")


def meeting_detail(pk: int) -> Meeting:
    return (
        Meeting.objects.select_related("group", "group__area")
        .prefetch_related(
            Prefetch("attendees", queryset=Attendee.objects.select_related("area")),
            "items",
            Prefetch("decisions", queryset=Decision.objects.select_related("item")),
            Prefetch(
                "actions_arising",
                queryset=ActionArising.objects.select_related("programme_action", "item"),
            ),
            "next_steps",
            Prefetch("future_meetings", queryset=Meeting.objects.order_by("date", "start_time")),
        )
        .get(pk=pk)
    )


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(group_id=meeting.group_id)
        .filter(Q(date__lt=meeting.date) | Q(date=meeting.date, pk__lt=meeting.pk))
        .order_by("-date", "-pk")
        .first()
    )


def open_actions_from_previous(meeting: Meeting) -> tuple[Meeting | None, list[ActionArising]]:
    """The last meeting of the group before this one, and its actions arising still open."""
    previous = previous_meeting(meeting)
    if previous is None:
        return None, []
    actions = list(
        previous.actions_arising.filter(is_done=False).select_related("programme_action")
    )
    return previous, actions


def decisions_register(user, *, q: str = "", group: Group | None = None) -> QuerySet[Decision]:
    """Every decision the person may see, across meetings, newest first; q filters the words."""
    qs = Decision.objects.filter(meeting_visibility(user, prefix="meeting__")).select_related(
        "meeting", "meeting__group", "item"
    )
    if group is not None:
        qs = qs.filter(meeting__group=group)
    for word in q.split():
        qs = qs.filter(
            Q(text__icontains=word)
            | Q(item__title__icontains=word)
            | Q(meeting__group__name__icontains=word)
        )
    return qs.order_by("-meeting__date", "meeting_id", "position", "pk")


def meeting_history(meeting: Meeting) -> list:
    """Who changed the meeting's details, items and decisions, and when (newest first)."""
    from send_portal.core.history import history_of

    from .models import Decision, MinuteItem

    def subject(record) -> str:
        if record.instance_type is MinuteItem:
            return f"Item {record.number}"
        if record.instance_type is Decision:
            return "Decision"
        return "Meeting details"

    return history_of(
        Meeting.history.filter(id=meeting.pk),
        MinuteItem.history.filter(meeting_id=meeting.pk),
        Decision.history.filter(meeting_id=meeting.pk),
        subject=subject,
    )


def removed_meetings(group: Group) -> list:
    """The group's meetings that were removed (and not put back), with their undo."""
    from send_portal.core.history import removed_history

    return removed_history(
        Meeting.history.filter(group_id=group.pk),
        subject=lambda r: f"Meeting of {r.date:%-d %B %Y}",
    )
