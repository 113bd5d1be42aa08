"""Fixtures every test can use: people in each role, areas, and the service requirements.

Markers ``postgres``, ``redis`` and ``browser`` declare what a test needs. Outside CI a missing
service skips the test with a reason; under ``CI=true`` it fails, never skips.
"""

import os
import shutil

import pytest
from django.conf import settings

from tests.core.factories import AreaFactory, SettingFactory, UserFactory

CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")


def _missing(reason: str) -> None:
    if CI:
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


def _redis_problem() -> str | None:
    url = settings.CELERY_BROKER_URL
    if not url.startswith(("redis://", "rediss://")):
        return f"CELERY_BROKER_URL is not a Redis URL ({url.split(':')[0]}://)"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return f"Redis at CELERY_BROKER_URL is not reachable: {exc}"
    return None


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres"):
        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            _missing("this test needs PostgreSQL: set DATABASE_URL to a PostgreSQL database")
    if item.get_closest_marker("redis"):
        problem = _redis_problem()
        if problem:
            _missing(f"this test needs Redis: {problem}")
    if item.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        _missing(f"this test needs Chromium at {CHROMIUM} (make test installs Debian's chromium)")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database gets the cache table, as ``make migrate`` makes it (the shared
    counters of the rate limits live in the cache)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files and reports go to a temporary folder, never the developer's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many users; a slow hasher would only measure itself."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def area_ne(db):
    return AreaFactory(name="North East", slug="north-east")


@pytest.fixture
def area_south(db):
    return AreaFactory(name="South", slug="south")


@pytest.fixture
def administrator(db):
    return UserFactory(
        email="admin@test.example", role="Administrator", is_staff=True, is_superuser=True
    )


@pytest.fixture
def officer(db):
    return UserFactory(email="officer@test.example", role="LA officer")


@pytest.fixture
def board_member(db):
    return UserFactory(email="board@test.example", role="Board member")


@pytest.fixture
def head_ne(area_ne):
    return UserFactory(
        email="head.ne@test.example", role="Headteacher", setting=SettingFactory(area=area_ne)
    )


@pytest.fixture
def head_south(area_south):
    return UserFactory(
        email="head.south@test.example",
        role="Headteacher",
        setting=SettingFactory(area=area_south),
    )


@pytest.fixture
def role_users(administrator, officer, board_member, head_ne, head_south):
    """Everyone, by the names the access tables use."""
    return {
        "anonymous": None,
        "head_x": head_ne,
        "head_y": head_south,
        "board": board_member,
        "officer": officer,
        "admin": administrator,
    }


@pytest.fixture
def client_for(client, role_users):
    """``client_for("officer")``: the test client signed in as that role (None: anonymous)."""

    def make(role: str):
        client.logout()
        user = role_users[role]
        if user is not None:
            client.force_login(user)
        return client

    return make
