"""Under CI=true a test whose service (PostgreSQL, Redis, Chromium) is missing fails; outside CI
it is skipped with the reason. CI must never go green by skipping what it was meant to test."""

import pytest

from tests import conftest


def test_a_missing_service_fails_under_ci(monkeypatch):
    monkeypatch.setattr(conftest, "CI", True)
    with pytest.raises(pytest.fail.Exception, match="CI=true and this test needs Redis"):
        conftest._missing("this test needs Redis")


def test_a_missing_service_skips_outside_ci(monkeypatch):
    monkeypatch.setattr(conftest, "CI", False)
    with pytest.raises(pytest.skip.Exception, match="this test needs Redis"):
        conftest._missing("this test needs Redis")


def test_the_markers_check_their_service(monkeypatch, settings):
    """A Redis test on a filesystem broker under CI fails before it runs."""
    monkeypatch.setattr(conftest, "CI", True)
    settings.CELERY_BROKER_URL = "filesystem://"

    class Item:
        def get_closest_marker(self, name):
            return name == "redis" or None

    with pytest.raises(pytest.fail.Exception, match="CELERY_BROKER_URL is not a Redis URL"):
        conftest.pytest_runtest_setup(Item())
