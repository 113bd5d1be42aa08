"""Rate limiting of the public feedback form, per IP address, in Django's cache.

The default cache is the database cache, shared by every web process, so the limit holds
however many processes serve the site.
"""

import hashlib
import time

from django.core.cache import cache

from send_portal.core.client import client_address

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
    """
    now = time.time() if now is None else now
    key = _key(ip)
    count, window_ends = cache.get(key) or (0, 0.0)
    if window_ends <= now:
        count, window_ends = 0, now + FEEDBACK_WINDOW_SECONDS
    count += 1
    cache.set(key, (count, window_ends), timeout=max(1, int(window_ends - now)))
    return count <= FEEDBACK_LIMIT
