"""Sign-in and password reset limits, over counters in the database.

Rules (settings in brackets):

- ``SIGN_IN_CLIENT_FAILURE_LIMIT`` (5) wrong passwords from one client, within the lockout period,
  lock that client (its address, from ``client_address``) for ``SIGN_IN_LOCKOUT`` (15 minutes).
- ``SIGN_IN_ACCOUNT_FAILURE_LIMIT`` (10) wrong passwords for one email address, from any clients,
  lock that account for the same period and email its holder.
- A lock applies to the client or account locked, never to anyone else: every other client and
  account signs in normally.
- Signing in to an account clears only the failures that the same client made against that same
  account: signing in as yourself never resets what was counted against another account, nor what
  another client did against yours.
- ``PASSWORD_RESET_EMAILS_PER_HOUR`` (3): at most that many reset emails an hour to one address,
  and at most that many reset requests an hour from one client.

Why not django-axes: it counts one limit over its lockout parameters, reads the username from the
user model's field, resets on success by address, and caches its state; the rules above are
two different limits, a per-pair reset and an email, in about a hundred lines over three tables.
The counters live in the database, not the cache: sign-in keeps working, and keeps its limits,
when the cache is down.

On PostgreSQL a transaction-level advisory lock per client and per account serialises the
counting, so simultaneous wrong passwords cannot slip past a limit.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import PasswordResetRequest, SignInAttempt, SignInLockout, User

logger = logging.getLogger(__name__)

Scope = SignInLockout.Scope
Outcome = SignInAttempt.Outcome


def normalise_email(value: str) -> str:
    return (value or "").strip().lower()[:254]


def _serialise(*keys: str) -> None:
    """Hold PostgreSQL advisory locks on these keys until the transaction ends (in the order
    given, the same everywhere, so two requests never wait on each other in a circle)."""
    if connection.vendor != "postgresql":
        return  # SQLite runs one writing transaction at a time anyway
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(key.encode())])


@dataclass(frozen=True)
class Lock:
    scope: str
    ends_at: datetime


def current_lock(*, address: str, email: str) -> Lock | None:
    """The lock that stops this client signing in to this account now, if any."""
    now = timezone.now()
    keys = [(Scope.CLIENT, address)]
    if email:
        keys.append((Scope.ACCOUNT, email))
    for scope, key in keys:
        lockout = (
            SignInLockout.objects.filter(scope=scope, key=key, ends_at__gt=now)
            .order_by("-ends_at")
            .first()
        )
        if lockout is not None:
            return Lock(scope=scope, ends_at=lockout.ends_at)
    return None


def sign_in_refused(*, address: str, email: str) -> None:
    SignInAttempt.objects.create(email=email, client_address=address, outcome=Outcome.REFUSED)


@transaction.atomic
def sign_in_succeeded(*, address: str, email: str) -> None:
    SignInAttempt.objects.filter(
        email=email, client_address=address, outcome=Outcome.FAILED, counted=True
    ).update(counted=False)
    SignInAttempt.objects.create(email=email, client_address=address, outcome=Outcome.SUCCEEDED)


@transaction.atomic
def sign_in_failed(*, address: str, email: str) -> Lock | None:
    """Record a wrong password; lock the client or the account when it reaches its limit.

    Returns the lock this failure started, if it started one. Only failures within the last
    lockout period count, and none are made while locked (those are refused), so when a lock
    ends the count has started again.
    """
    _serialise(f"sign-in:client:{address}", f"sign-in:account:{email}")
    now = timezone.now()
    SignInAttempt.objects.create(email=email, client_address=address, outcome=Outcome.FAILED)
    counting = SignInAttempt.objects.filter(
        outcome=Outcome.FAILED, counted=True, attempted_at__gt=now - settings.SIGN_IN_LOCKOUT
    )
    started = None
    if counting.filter(client_address=address).count() >= settings.SIGN_IN_CLIENT_FAILURE_LIMIT:
        started = _lock(Scope.CLIENT, address, now)
    if email and counting.filter(email=email).count() >= settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT:
        account_lock = _lock(Scope.ACCOUNT, email, now)
        if account_lock is not None:
            transaction.on_commit(lambda: _tell_holder(email, account_lock.ends_at))
            started = account_lock
    return started


def _lock(scope: str, key: str, now: datetime) -> Lock | None:
    if SignInLockout.objects.filter(scope=scope, key=key, ends_at__gt=now).exists():
        return None
    ends_at = now + settings.SIGN_IN_LOCKOUT
    SignInLockout.objects.create(scope=scope, key=key, started_at=now, ends_at=ends_at)
    logger.warning("Sign-in locked: %s %s until %s", scope, key, ends_at.isoformat())
    return Lock(scope=scope, ends_at=ends_at)


def _tell_holder(email: str, ends_at: datetime) -> None:
    user = User.objects.filter(email=email, is_active=True).first()
    if user is None:
        return
    context = {
        "user": user,
        "ends_at": timezone.localtime(ends_at),
        "limit": settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT,
        "service_name": settings.SERVICE_NAME,
        "reset_url": settings.PORTAL_BASE_URL.rstrip("/") + "/password-reset/",
    }
    send_mail(
        subject=f"{settings.SERVICE_NAME}: someone tried to sign in to your account",
        message=render_to_string("registration/account_locked_email.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


class ResetRefused(Exception):
    """This client asked for too many reset emails in the last hour."""


@transaction.atomic
def password_reset_requested(*, address: str, email: str, has_account: bool) -> bool:
    """Record a reset request; say whether an email may be sent.

    Raises ``ResetRefused`` when the client has used its requests for the hour (it is told
    so). When the address has had its emails for the hour, no email is sent but the
    client is told what every client is told (so the limit reveals no account).
    """
    _serialise(f"reset:client:{address}", f"reset:email:{email}")
    since = timezone.now() - timedelta(hours=1)
    limit = settings.PASSWORD_RESET_EMAILS_PER_HOUR
    recent = PasswordResetRequest.objects.filter(requested_at__gt=since)
    if recent.filter(client_address=address).count() >= limit:
        raise ResetRefused
    send = has_account and recent.filter(email=email, sent=True).count() < limit
    PasswordResetRequest.objects.create(email=email, client_address=address, sent=send)
    return send
