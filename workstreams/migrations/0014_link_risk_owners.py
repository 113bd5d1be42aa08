"""Risk owners are people: link the account where the typed owner is the full name of exactly
one active user (ignoring case and spaces at either end), as the owner field does from now on.
A name that matches nobody, or more than one person, stays as it was typed."""

from django.conf import settings
from django.db import migrations


def link_owners(apps, schema_editor):
    Risk = apps.get_model("workstreams", "Risk")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    people: dict[str, list[int]] = {}
    for pk, name in User.objects.filter(is_active=True).values_list("pk", "full_name"):
        if name.strip():
            people.setdefault(name.strip().lower(), []).append(pk)
    for risk in Risk.objects.filter(owner__isnull=True).exclude(owner_name=""):
        matches = people.get(risk.owner_name.strip().lower(), [])
        if len(matches) == 1:
            Risk.objects.filter(pk=risk.pk).update(owner_id=matches[0], owner_name="")


def unlink_owners(apps, schema_editor):
    Risk = apps.get_model("workstreams", "Risk")
    for risk in Risk.objects.filter(owner__isnull=False).select_related("owner"):
        Risk.objects.filter(pk=risk.pk).update(owner_id=None, owner_name=risk.owner.full_name)


class Migration(migrations.Migration):
    dependencies = [
        ("workstreams", "0013_correction_versions_and_risk_owner"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(link_owners, unlink_owners)]
