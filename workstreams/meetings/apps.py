from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    """Programme governance: boards and groups, their meetings, minutes and decisions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "workstreams.meetings"
    label = "meetings"
    verbose_name = "Meetings and minutes"
