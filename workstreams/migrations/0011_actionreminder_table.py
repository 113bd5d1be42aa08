"""The reminders' table takes workstreams' name (``dashboards_actionreminder`` →
``workstreams_actionreminder``), its rows, keys and constraints as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dashboards", "0002_actionreminder_to_workstreams"),
        ("workstreams", "0010_actionreminder_from_dashboards"),
    ]

    operations = [
        migrations.AlterModelTable(name="actionreminder", table=None),
    ]
