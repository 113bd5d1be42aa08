from celery import shared_task
from django.utils import timezone

from .reminders import reminders_send


@shared_task(
    # The name beat has scheduled since the reminders lived in send_portal/dashboards
    # (CELERY_BEAT_SCHEDULE["dashboards-action-reminders"]): kept, so the schedule stored by
    # django-celery-beat, messages already queued and anyone calling it by name still find it.
    name="dashboards.send_action_reminders",
    acks_late=True,
    autoretry_for=(OSError,),  # SMTP and connection errors: try again later
    retry_backoff=True,
    max_retries=3,
)
def send_action_reminders() -> int:
    """Daily (beat): remind owners of overdue actions and actions due within 7 days."""
    return reminders_send(today=timezone.localdate())
