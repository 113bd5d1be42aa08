"""``load_demo``: loading it twice changes nothing in any app; its logins work; it refuses to
make demo users with DEBUG off unless forced."""

from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test.utils import override_settings

from send_portal.core.models import User

# Every app whose rows the demo writes (the dashboards app has no models: its reminders are
# workstreams').
DEMO_APPS = [
    "core",
    "workstreams",
    "meetings",
    "reporting",
    "inspections",
    "inclusion",
    "localoffer",
]


def _rows(label: str) -> str:
    """Every row of every model of the app, serialised: equal strings mean nothing changed.
    People are compared without their password hash and last sign-in, which a second load may
    rewrite; edit history is left out: it records saves, and its rows carry the time of each."""
    rows = [
        serializers.serialize("json", model.objects.order_by("pk"))
        for model in apps.get_app_config(label).get_models()
        if model is not User and not model._meta.model_name.startswith("historical")
    ]
    if label == "core":
        rows.append(repr(list(User.objects.order_by("pk").values_list("email", "full_name"))))
    return "\n".join(rows)


@pytest.fixture(scope="module")
def loaded_twice(demo_snapshot, django_db_blocker, tmp_path_factory):
    """Each app's rows after ``load_demo`` (the session's load of it, restored) and after running
    it again, in one transaction that is rolled back afterwards: loaded again once for all the
    apps, not for each."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            DEBUG=True,
            MEDIA_ROOT=tmp_path_factory.mktemp("demo-twice"),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        transaction.atomic(),
    ):
        demo_snapshot.restore(settings.MEDIA_ROOT)
        first = {label: _rows(label) for label in DEMO_APPS}
        without_history = {label: _without_history(label) for label in DEMO_APPS}
        call_command("load_demo", stdout=StringIO())
        second = {label: _rows(label) for label in DEMO_APPS}
        transaction.set_rollback(True)
    return first, second, without_history


def _without_history(label: str) -> dict[str, int]:
    """How many records of each of the app's models that keep history have no history row."""
    missing = {}
    for model in apps.get_app_config(label).get_models():
        history = getattr(model, "history", None)
        if history is None or model._meta.model_name.startswith("historical"):
            continue
        count = model._base_manager.exclude(pk__in=history.model.objects.values("id")).count()
        if count:
            missing[model.__name__] = count
    return missing


@pytest.mark.django_db  # so that pytest-django makes the test database the fixture loads into
@pytest.mark.parametrize("label", DEMO_APPS)
def test_loading_the_demo_twice_changes_nothing(loaded_twice, label):
    first, second, _without = loaded_twice
    assert first[label], f"the demo wrote no {label} rows"
    assert second[label] == first[label], f"the second load_demo changed {label}'s rows"


@pytest.mark.django_db
@pytest.mark.parametrize("label", DEMO_APPS)
def test_every_demo_record_has_history(loaded_twice, label):
    """Rows the demo writes in bulk get their "History begins" row, so every timeline starts
    from the record's values."""
    assert loaded_twice[2][label] == {}


@pytest.mark.django_db
def test_demo_logins_work(demo):
    for email in [
        "admin@demo.test",
        "officer@demo.test",
        "head@demo.test",
        "head.south@demo.test",
        "board@demo.test",
    ]:
        user = User.objects.get(email=email)
        assert user.check_password("demo-pass-2026")
        assert user.groups.exists()
    assert User.objects.get(email="head@demo.test").area.name == "North East"
    assert User.objects.get(email="head.south@demo.test").area.name == "South"


@pytest.mark.django_db
def test_load_demo_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG is off"):
        call_command("load_demo")
    assert not User.objects.filter(email="officer@demo.test").exists()
    call_command("load_demo", "--force")
    assert User.objects.filter(email="officer@demo.test").exists()
