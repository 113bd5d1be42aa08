"""Celery tasks: thin, idempotent, calling a service."""

from celery import shared_task

from . import services


@shared_task(name="localoffer.send_review_requests")
def send_review_requests() -> int:
    """Monthly: ask each provider contact of an out-of-date service to check it (once a month)."""
    return services.review_requests_send()


@shared_task(name="localoffer.forget_old_feedback_contact_details")
def forget_old_feedback_contact_details() -> int:
    """Daily: names and emails off feedback moderated more than 12 months ago."""
    return services.feedback_forget_old_contact_details()
