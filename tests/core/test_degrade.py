"""With Redis stopped (cache and broker at a port where nothing listens) the portal still
serves every page; /healthz/ stays the liveness check; /healthz/ready/ names what is down."""

import pytest
from django.db import transaction
from django.urls import reverse

from localoffer.models import Feedback
from send_portal.celery import app as project_app
from tests.test_access_matrix import MATRIX, _check

pytestmark = pytest.mark.django_db

NOTHING_LISTENS = "redis://127.0.0.1:9/0"


@pytest.fixture
def redis_down(settings, monkeypatch):
    previous = project_app.conf.broker_url, project_app.conf.task_always_eager  # read first
    # Celery prefers the environment's CELERY_BROKER_URL to its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", NOTHING_LISTENS)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": NOTHING_LISTENS,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.CELERY_BROKER_URL = NOTHING_LISTENS
    project_app.conf.broker_url = NOTHING_LISTENS
    project_app.conf.task_always_eager = False
    project_app._pool = None
    project_app.amqp._producer_pool = None
    yield
    project_app.conf.broker_url, project_app.conf.task_always_eager = previous
    project_app._pool = None
    project_app.amqp._producer_pool = None


def test_liveness_says_ok_and_readiness_names_the_cache_and_the_broker(client, redis_down):
    assert client.get(reverse("healthz")).status_code == 200
    response = client.get(reverse("healthz_ready"))
    assert response.status_code == 503
    body = response.content.decode()
    assert "cache" in body and "broker" in body and "database" not in body


def test_readiness_is_200_when_everything_answers(client):
    response = client.get(reverse("healthz_ready"))
    assert response.status_code == 200
    assert response.content.decode() == "ready: database, cache, broker\n"


@pytest.mark.parametrize("role", ["anonymous", "head_x", "board", "officer"])
def test_every_page_answers_as_usual_with_redis_down(client_for, role_users, redis_down, role):
    """Every URL pattern of the access matrix, for GET, gives the answer it gives with Redis
    up (200 for the pages that role may see), the cache and broker unreachable."""
    client = client_for(role)
    for name in sorted(MATRIX):
        if name == "healthz_ready":
            continue  # answers 503 by design, tested above
        entry = MATRIX[name]
        # A world of its own for each URL, rolled back after it, as the access matrix gives
        # each (some URLs' objects are removed records, which would take another URL's away).
        with transaction.atomic():
            world = {"area_x": role_users["head_x"].area, "area_y": role_users["head_y"].area}
            url = reverse(name, kwargs=entry.kwargs(world))
            _check(client.get(url), entry.get[role], role, name, "GET")
            transaction.set_rollback(True)


def test_local_offer_search_and_feedback_work_with_redis_down(client, redis_down):
    assert client.get(reverse("localoffer:search"), {"q": "autism"}).status_code == 200
    response = client.post(
        reverse("localoffer:feedback"),
        {"you_said": "The links on the autism page do not work."},
        REMOTE_ADDR="203.0.113.5",
    )
    assert response.status_code == 302  # the rate limit fails open; the feedback is kept
    assert Feedback.objects.count() == 1


def test_signing_in_works_with_redis_down(client, officer, redis_down):
    response = client.post(
        reverse("login"), {"username": officer.email, "password": "demo-pass-2026"}
    )
    assert response.status_code == 302
    assert client.get(reverse("officer_home")).status_code == 200
