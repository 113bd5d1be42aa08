from django.apps import AppConfig
from django.urls import reverse


class MeetingsConfig(AppConfig):
    """Programme governance: boards and groups, their meetings, minutes and decisions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "workstreams.meetings"
    label = "meetings"
    verbose_name = "Meetings and minutes"

    def ready(self):
        from send_portal.core.removal import register

        from .models import Decision, Meeting, MinuteItem

        def meeting_page(record) -> str:
            return reverse("meetings:meeting_detail", args=[record.meeting_id])

        register(
            "meeting",
            Meeting,
            permission="meetings.edit_minutes",
            noun="meeting",
            back_url=lambda m: reverse("meetings:group_detail", args=[m.group.slug]),
        )
        register(
            "minute-item",
            MinuteItem,
            permission="meetings.edit_minutes",
            noun="minute item",
            back_url=meeting_page,
        )
        register(
            "decision",
            Decision,
            permission="meetings.edit_minutes",
            noun="decision",
            back_url=meeting_page,
        )
