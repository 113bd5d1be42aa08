from django.db import migrations, models


class Migration(migrations.Migration):
    """The weakness–workstream link, formerly ``AreaOfWeakness.workstreams`` (inspections 0004).

    State only: the same table, ``inspections_areaofweakness_workstreams``, with the same
    columns (``workstream_id``, ``areaofweakness_id``) and rows.
    """

    dependencies = [
        ("workstreams", "0003_milestones_progress_evidence_representatives"),
        ("inspections", "0004_weakness_workstreams_owned_by_workstreams"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="workstream",
                    name="weaknesses",
                    field=models.ManyToManyField(
                        blank=True,
                        db_table="inspections_areaofweakness_workstreams",
                        help_text="The areas of weakness this workstream answers.",
                        related_name="workstreams",
                        to="inspections.areaofweakness",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
