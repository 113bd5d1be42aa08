"""Personal data kept only as long as needed: the parts core holds (sessions, the sign-in log).

Periods are settings: ``SIGN_IN_LOG_RETENTION_DAYS`` (90). Sessions end after
``SESSION_COOKIE_AGE``; expired ones are cleared daily. Each app prunes its own data the same
way (the Local Offer's feedback: ``localoffer.services.feedback_forget_old_contact_details``).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from .models import PasswordResetRequest, SignInAttempt, SignInLockout

logger = logging.getLogger(__name__)


def sessions_clear_expired() -> int:
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    logger.info("Retention: %s expired sessions cleared", deleted)
    return deleted


def sign_in_log_prune(*, now=None) -> int:
    """Delete sign-in attempts, locks and password reset requests older than the period."""
    cut = (now or timezone.now()) - timedelta(days=settings.SIGN_IN_LOG_RETENTION_DAYS)
    deleted = SignInAttempt.objects.filter(attempted_at__lt=cut).delete()[0]
    deleted += SignInLockout.objects.filter(ends_at__lt=cut).delete()[0]
    deleted += PasswordResetRequest.objects.filter(requested_at__lt=cut).delete()[0]
    logger.info("Retention: %s sign-in log rows older than %s deleted", deleted, cut.date())
    return deleted
