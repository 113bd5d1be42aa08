"""Fixtures every test can use: people in each role, areas, and the service requirements.

Markers ``postgres``, ``redis`` and ``browser`` declare what a test needs. Outside CI a missing
service skips the test with a reason; under ``CI=true`` it fails, never skips.

``make test`` runs the suite with pytest-xdist, one process per core; pytest-django gives each
process its own test database (``test_<name>_gw0``, ``_gw1``...), and ``CELERY_QUEUE`` gives
each its own Celery queue on the shared Redis broker, so a worker started by one process never
takes a task another process enqueued.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.core.factories import AreaFactory, SettingFactory, UserFactory

CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CELERY_QUEUE = f"tests-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


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


def pytest_configure(config):
    """Tasks go to this test process's own queue; transactional tests empty the tables with
    DELETE on PostgreSQL."""
    settings.CELERY_TASK_DEFAULT_QUEUE = CELERY_QUEUE
    from send_portal.celery import app

    app.conf.task_default_queue = CELERY_QUEUE
    _flush_with_delete()


def _flush_with_delete() -> None:
    """A transactional test (every live-server and browser test) ends with ``flush``, and
    ``demo_restore`` starts with one. On PostgreSQL Django's flush is one ``TRUNCATE`` of every
    table, which gives each of the ~100 tables and their indexes new files: about a second,
    however few rows the test wrote. ``DELETE`` of the same tables takes milliseconds for the few
    hundred rows a test writes. Foreign keys are deferred until the flush commits, when every
    table is empty. A flush that resets sequences keeps Django's ``TRUNCATE … RESTART IDENTITY``.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in tables
        ]

    DatabaseOperations.sql_flush = sql_flush


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


def ensure_role_groups() -> None:
    """The role groups a data migration made; a transactional test's flush removes them."""
    from django.contrib.auth.models import Group

    from send_portal.core.roles import ALL_ROLES

    for role in ALL_ROLES:
        Group.objects.get_or_create(name=role.value)


class DemoSnapshot:
    """The demo local area as loaded once: every row, as model instances per table (many-to-many
    rows included) ready for ``bulk_create``, and its files."""

    def __init__(self, rows: str, media: Path) -> None:
        from django.core import serializers

        tables: dict[type, list] = {}
        for item in serializers.deserialize("json", rows):
            row = item.object
            tables.setdefault(type(row), []).append(row)
            for name, pks in (item.m2m_data or {}).items():
                field = row._meta.get_field(name)
                through = field.remote_field.through
                if not through._meta.auto_created:
                    continue  # its rows are serialised as a model of their own
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                tables.setdefault(through, []).extend(
                    through(**{f"{source}_id": row.pk, f"{target}_id": pk}) for pk in pks
                )
        self.tables = list(tables.items())
        self.media = media

    def write(self) -> None:
        """Insert every row: one INSERT per 500 rows, no signals (the rows are as they were)."""
        from django.db import transaction

        with transaction.atomic():  # foreign keys are checked when it commits
            for model, rows in self.tables:
                model._base_manager.bulk_create(rows, batch_size=500)

    def restore(self, media_root) -> None:
        """Put the demo in the database (which must be open to the caller): emptied, then every
        row written back with the sequences moved past them, and its files copied to
        ``media_root``. A fraction of a second, where ``load_demo`` takes several."""
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType
        from django.core.management import call_command
        from django.core.management.color import no_style
        from django.db import connection

        # (the sequences are moved past the rows written below, so the flush need not reset them)
        call_command(
            "flush",
            interactive=False,
            verbosity=0,
            inhibit_post_migrate=True,
            reset_sequences=False,
        )
        self.write()
        # past the rows written, many-to-many tables too (their add() ignores a taken id)
        models = apps.get_models(include_auto_created=True)
        statements = connection.ops.sequence_reset_sql(no_style(), models)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
        ContentType.objects.clear_cache()
        shutil.copytree(self.media, media_root, dirs_exist_ok=True)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory) -> DemoSnapshot:
    """``load_demo`` once per test process, in a transaction that is rolled back: its rows are
    kept as a string and its files (the ready report's PDF) in a folder of their own."""
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=media, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
        ),
        transaction.atomic(),
    ):
        ensure_role_groups()
        call_command("load_demo", force=True, stdout=StringIO())
        rows = connection.creation.serialize_db_to_string()
        transaction.set_rollback(True)
    return DemoSnapshot(rows, media)


@pytest.fixture
def demo_restore(demo_snapshot, settings):
    """``demo_restore()`` puts the demo in the test's database (which must be open to the test)
    and its files in the test's MEDIA_ROOT (``DemoSnapshot.restore``)."""
    return lambda: demo_snapshot.restore(settings.MEDIA_ROOT)


@pytest.fixture
def demo(db, demo_restore) -> None:
    """The demo local area (``load_demo``), restored from the session's snapshot."""
    demo_restore()


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
