"""ActionReminder now belongs to workstreams (workstreams 0010 took over its table and rows):
dashboards' state forgets the model; the table is not touched."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dashboards", "0001_initial"),
        ("workstreams", "0010_actionreminder_from_dashboards"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ActionReminder")],
            database_operations=[],
        ),
    ]
