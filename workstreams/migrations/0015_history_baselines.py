"""A baseline history row ("History begins") for every workstreams record saved before its model
kept history (workstreams, actions, milestones, progress updates, evidence, monthly updates and risks), so its timeline starts from its values and its first change shows
the old value. Records with history already are left alone; see
``send_portal.core.history.write_history_baselines``."""

from django.db import migrations

from send_portal.core.history import write_history_baselines


def write_baselines(apps, schema_editor):
    write_history_baselines(apps, "workstreams")


class Migration(migrations.Migration):
    dependencies = [
        ("workstreams", "0014_link_risk_owners"),
    ]

    operations = [
        migrations.RunPython(write_baselines, migrations.RunPython.noop, elidable=True),
    ]
