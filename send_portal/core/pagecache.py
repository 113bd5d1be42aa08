"""Shared caching of the rendered bodies of the main pages.

A main page at the size of a large local area (1,000 actions in a programme, ten years of
indicator values) costs tens of milliseconds of Python to build, and most of its readers see
the same thing: every officer the same programme overview, every headteacher of an area the same
area dashboard. Templates wrap such parts in ``{% pagecache "name" vary... %}`` (the ``portal``
tag library); the rendered HTML is kept under a key made of

- the data generation: a token replaced after every change to the portal's data (any model
  saved, on commit; any unsafe request, which is how people delete; any Celery task; bulk
  writers and commands call :func:`bump`), so nobody reads a page from before their own change;
- the viewer's scope from the permissions module (``permissions.cache_scope``: roles, area),
  which is all the rules decide on, so one scope never sees another's restricted data;
- today's date (RAG ratings and "overdue" depend on it), and the fragment's own vary-on values
  (the object, the query string);
- the code's version (its templates and Python files), so a new release never shows a fragment
  rendered by the old one.

A form's CSRF token is the viewer's own: the fragment is stored with ``CSRF_PLACEHOLDER`` in its
place and each response puts the request's token there. Flash messages are outside every
fragment (in ``base.html``), and a form shown again with errors (not a GET) is never cached.
``PAGE_CACHE_SECONDS`` bounds the life of a fragment (0 turns caching off, as in the tests).
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

GENERATION_KEY = "pagecache:generation"
# Writes that are not the portal's data: signing in, the lockout log, scheduler bookkeeping.
IGNORED_APPS = {"sessions", "admin", "django_celery_beat", "contenttypes"}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Stands for the CSRF token in a stored fragment (the ``csrf_token`` it was rendered with).
CSRF_PLACEHOLDER = "pagecache-csrf-token-placeholder"


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def generation() -> str:
    """The current data generation (made on first use)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def bump() -> None:
    """Start a new data generation: every cached fragment is read afresh."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def bump_on_commit() -> None:
    """Bump once the current transaction commits (once, however many rows it writes).

    Before the commit another request could still read the old rows and cache them under the
    new generation; after a rollback nothing changed, and Django drops the callback.
    """
    if not enabled():
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        bump()
        return
    if not any(callback is bump for _sids, callback, _robust in connection.run_on_commit):
        transaction.on_commit(bump)


def data_changed(sender, **kwargs) -> None:
    """Receiver for post_save and m2m_changed."""
    if sender._meta.app_label not in IGNORED_APPS:
        bump_on_commit()


def task_finished(**kwargs) -> None:
    """Receiver for Celery's task_postrun: a task may write without a signal (``update()``)."""
    if enabled():
        bump()


# Where the code that renders the pages lives (what `code_version` fingerprints).
CODE_FOLDERS = ("send_portal", "workstreams", "inclusion", "inspections", "localoffer", "templates")


@functools.cache
def code_version() -> str:
    """A fingerprint of the templates and Python files (names, sizes, modification times), made
    once per process: every process of one release agrees, and a release that changes any of
    them starts afresh."""
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted(Path(settings.BASE_DIR, folder).rglob("*")):
            if path.suffix in {".py", ".html"}:
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(settings.BASE_DIR)}:{stat.st_size}:{stat.st_mtime_ns}".encode()
                )
    return digest.hexdigest()[:16]


def key_for(request, name: str, vary_on: tuple) -> str:
    """The cache key of fragment ``name`` for this request's viewer, today, this generation."""
    from .permissions import cache_scope

    state = getattr(request, "_pagecache_state", None)
    if state is None:
        state = ":".join(
            [
                code_version(),
                generation(),
                cache_scope(request.user),
                timezone.localdate().isoformat(),
            ]
        )
        request._pagecache_state = state
    varies = hashlib.sha256(repr((state, vary_on)).encode()).hexdigest()
    return f"pagecache:{name}:{varies}"


def get(key: str) -> str | None:
    return cache.get(key)


def set(key: str, html: str) -> None:
    cache.set(key, html, settings.PAGE_CACHE_SECONDS)


class BumpAfterUnsafeRequestMiddleware:
    """A form post may write in ways no signal sees (``update()``, ``bulk_create``): after any
    unsafe request the next page is built afresh."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in UNSAFE_METHODS and enabled():
            bump()
        return response
