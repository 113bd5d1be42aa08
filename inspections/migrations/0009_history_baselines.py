"""A baseline history row ("History begins") for every inspections record saved before its model
kept history (indicators, their values and monitoring milestones), so its timeline starts from its values and its first change shows
the old value. Records with history already are left alone; see
``send_portal.core.history.write_history_baselines``."""

from django.db import migrations

from send_portal.core.history import write_history_baselines


def write_baselines(apps, schema_editor):
    write_history_baselines(apps, "inspections")


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0008_merge_issue_20_and_main"),
    ]

    operations = [
        migrations.RunPython(write_baselines, migrations.RunPython.noop, elidable=True),
    ]
