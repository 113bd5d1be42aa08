"""The daily reminders' ActionReminder moves from send_portal/dashboards to workstreams.

Its table and rows stay: this migration only tells Django's state that workstreams now has the
model (still on the table ``dashboards_actionreminder``), and hands it the model's content type
(and so its permissions). dashboards 0002 drops the model from dashboards' state; 0011 renames
the table to ``workstreams_actionreminder``.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _move_content_type(source: str, target: str):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(
            schema_editor.connection.alias
        )
        if not content_types.filter(app_label=target, model="actionreminder").exists():
            content_types.filter(app_label=source, model="actionreminder").update(app_label=target)

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("dashboards", "0001_initial"),
        ("workstreams", "0009_merge_issue_20_and_main"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ActionReminder",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField()),
                        ("overdue_count", models.PositiveIntegerField()),
                        ("due_soon_count", models.PositiveIntegerField()),
                        ("sent_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "owner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="action_reminders",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "dashboards_actionreminder",
                        "ordering": ["-date", "owner"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("owner", "date"), name="one_reminder_per_owner_per_day"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            _move_content_type("dashboards", "workstreams"),
            _move_content_type("workstreams", "dashboards"),
        ),
    ]
