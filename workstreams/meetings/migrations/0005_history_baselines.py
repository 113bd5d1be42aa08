"""A baseline history row ("History begins") for every meetings record saved before its model
kept history (meetings, minute items and decisions), so its timeline starts from its values and its first change shows
the old value. Records with history already are left alone; see
``send_portal.core.history.write_history_baselines``."""

from django.db import migrations

from send_portal.core.history import write_history_baselines


def write_baselines(apps, schema_editor):
    write_history_baselines(apps, "meetings")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_history_meeting_sequence"),
    ]

    operations = [
        migrations.RunPython(write_baselines, migrations.RunPython.noop, elidable=True),
    ]
