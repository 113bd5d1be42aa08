"""Rate limiting of the public feedback form, per IP address, in Django's cache.

The default cache is the database cache, shared by every web process, so the limit holds
however many processes serve the site.
"""

import hashlib
import logging
import time

from django.core.cache import cache

from send_portal.core.client import client_address

logger = logging.getLogger(__name__)

FEEDBACK_LIMIT = 5  # submissions
FEEDBACK_WINDOW_SECONDS = 60 * 60  # an hour


def client_ip(request) -> str:
    """The client's address behind the trusted proxies (``PORTAL_PROXY_COUNT``)."""
    return client_address(request)


def _key(ip: str) -> str:
    return "localoffer:feedback:" + hashlib.sha256(ip.encode()).hexdigest()[:32]


def feedback_allowed(ip: str, *, now: float | None = None) -> bool:
    """Count one more submission from ``ip``; False once it is over the limit for the hour.

    The count and the end of its window are stored together, so each increment keeps the
    window's own expiry (the database cache's ``incr`` would reset it to the default timeout).
    When the cache does not answer, the limit fails open (the feedback is accepted, moderated
    as all feedback is) rather than the page failing.
    """
    now = time.time() if now is None else now
    key = _key(ip)
    try:
        count, window_ends = cache.get(key) or (0, 0.0)
        if window_ends <= now:
            count, window_ends = 0, now + FEEDBACK_WINDOW_SECONDS
        count += 1
        cache.set(key, (count, window_ends), timeout=max(1, int(window_ends - now)))
    except Exception as exc:  # the cache backend's own errors (Redis, database) differ
        logger.warning("Feedback rate limit not applied, the cache did not answer: %s", exc)
        return True
    return count <= FEEDBACK_LIMIT
