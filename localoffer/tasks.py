"""Celery tasks: thin, idempotent, calling a service."""

from celery import shared_task

from . import services


@shared_task(name="localoffer.send_review_requests")
def send_review_requests() -> int:
    """Monthly: ask each provider contact of an out-of-date service to check it (once a month)."""
    return services.review_requests_send()
