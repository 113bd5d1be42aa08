"""A baseline history row ("History begins") for every inclusion record saved before its model
kept history (statement sections and statements), so its timeline starts from its values and its first change shows
the old value. Records with history already are left alone; see
``send_portal.core.history.write_history_baselines``."""

from django.db import migrations

from send_portal.core.history import write_history_baselines


def write_baselines(apps, schema_editor):
    write_history_baselines(apps, "inclusion")


class Migration(migrations.Migration):
    dependencies = [
        ("inclusion", "0002_versions_and_history"),
    ]

    operations = [
        migrations.RunPython(write_baselines, migrations.RunPython.noop, elidable=True),
    ]
