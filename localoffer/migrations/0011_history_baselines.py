"""A baseline history row ("History begins") for every localoffer record saved before its model
kept history (services (with their categories, needs and areas), SEN report reviews and their judgements), so its timeline starts from its values and its first change shows
the old value. Records with history already are left alone; see
``send_portal.core.history.write_history_baselines``."""

from django.db import migrations

from send_portal.core.history import write_history_baselines


def write_baselines(apps, schema_editor):
    write_history_baselines(apps, "localoffer")


class Migration(migrations.Migration):
    dependencies = [
        ("localoffer", "0010_service_search_vector"),
    ]

    operations = [
        migrations.RunPython(write_baselines, migrations.RunPython.noop, elidable=True),
    ]
