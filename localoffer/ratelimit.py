"""The public feedback form's limit: at most ``FEEDBACK_LIMIT`` sends an hour from one client.

The client is ``send_portal.core.client.client_address`` (the address behind the trusted
proxies, ``PORTAL_PROXY_COUNT``), hashed. Only sends that were saved count: the counter is a
database row bumped in the same transaction as the feedback (see ``FeedbackSendCount``).
Windows are whole clock hours.
"""

import hashlib
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from send_portal.core.client import client_address

from .models import FeedbackSendCount

FEEDBACK_LIMIT = 5  # sends
FEEDBACK_WINDOW = timedelta(hours=1)


def client_key(request, *, purpose: str = "feedback") -> str:
    """The client's counter key for one purpose (feedback, shortlist emails): a hash."""
    address = client_address(request)
    text = address if purpose == "feedback" else f"{purpose}:{address}"
    return hashlib.sha256(text.encode()).hexdigest()


def window_start(now: datetime | None = None) -> datetime:
    now = now or timezone.now()
    return now.replace(minute=0, second=0, microsecond=0)


def take_a_send(key: str, *, now: datetime | None = None) -> bool:
    """Count one send for ``key`` if it is under the limit; False when the hour's sends are used.

    Call inside the transaction that saves the feedback: if saving fails, the count is undone.
    """
    start = window_start(now)
    try:
        with transaction.atomic():
            FeedbackSendCount.objects.get_or_create(client_key=key, window_start=start)
    except IntegrityError:
        pass  # created at the same moment by another request: the row is there
    taken = FeedbackSendCount.objects.filter(
        client_key=key, window_start=start, count__lt=FEEDBACK_LIMIT
    ).update(count=F("count") + 1)
    FeedbackSendCount.objects.filter(window_start__lt=start - FEEDBACK_WINDOW).delete()
    return bool(taken)


def sends_left(key: str, *, now: datetime | None = None) -> int:
    row = FeedbackSendCount.objects.filter(client_key=key, window_start=window_start(now)).first()
    return FEEDBACK_LIMIT - (row.count if row else 0)
