"""Celery tasks of core: daily retention (see retention.py)."""

from celery import shared_task

from . import retention


@shared_task(name="core.clear_sessions")
def clear_sessions() -> int:
    return retention.sessions_clear_expired()


@shared_task(name="core.prune_sign_in_log")
def prune_sign_in_log() -> int:
    return retention.sign_in_log_prune()
