"""The real services CI runs against. Under CI=true these fail (never skip) when one is missing."""

import pytest
from django.db import connection


@pytest.mark.postgres
@pytest.mark.django_db
def test_database_is_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("select current_setting('server_version_num')::int")
        assert cursor.fetchone()[0] >= 130000


@pytest.mark.redis
def test_broker_is_a_reachable_redis():
    from kombu import Connection

    from send_portal.celery import app

    with Connection(app.conf.broker_url) as conn:
        conn.ensure_connection(max_retries=1)
        assert conn.transport.driver_type == "redis"
