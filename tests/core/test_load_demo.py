import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command

from send_portal.core.models import User

pytestmark = pytest.mark.django_db


def _snapshot() -> str:
    """Every row of every project model, serialised: equal snapshots mean nothing changed.
    (Edit history is left out: it records saves, and its rows carry the time of the save.)"""
    project_models = [
        m
        for m in apps.get_models()
        if m._meta.app_label in {"core", "workstreams", "inspections", "inclusion", "localoffer"}
        and not m._meta.label.startswith("core.User")
        and not m._meta.model_name.startswith("historical")
    ]
    rows = []
    for model in project_models:
        rows.append(serializers.serialize("json", model.objects.order_by("pk")))
    users = User.objects.order_by("pk").values_list("email", "full_name", "setting_id")
    return "\n".join(rows) + repr(list(users))


def test_load_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("load_demo")
    first = _snapshot()
    call_command("load_demo")
    assert _snapshot() == first


def test_demo_logins_work(settings, client):
    settings.DEBUG = True
    call_command("load_demo")
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


def test_load_demo_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG is off"):
        call_command("load_demo")
    assert not User.objects.filter(email="officer@demo.test").exists()
    call_command("load_demo", "--force")
    assert User.objects.filter(email="officer@demo.test").exists()
