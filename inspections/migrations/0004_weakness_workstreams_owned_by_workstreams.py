from django.db import migrations


class Migration(migrations.Migration):
    """The weakness–workstream link becomes ``Workstream.weaknesses`` (workstreams 0004).

    State only: the table ``inspections_areaofweakness_workstreams`` and its rows stay.
    """

    dependencies = [
        ("inspections", "0003_indicators_judgements_milestones"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="areaofweakness", name="workstreams"),
            ],
            database_operations=[],
        ),
    ]
