"""The four broad areas of need of the SEND Code of Practice: a fixed vocabulary."""

from django.db import migrations

AREAS_OF_NEED = [
    ("Communication and interaction", "communication-and-interaction"),
    ("Cognition and learning", "cognition-and-learning"),
    ("Social, emotional and mental health", "social-emotional-and-mental-health"),
    ("Sensory and/or physical", "sensory-and-or-physical"),
]


def add_areas_of_need(apps, schema_editor):
    AreaOfNeed = apps.get_model("localoffer", "AreaOfNeed")
    for order, (name, slug) in enumerate(AREAS_OF_NEED, start=1):
        AreaOfNeed.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("localoffer", "0001_initial")]

    operations = [migrations.RunPython(add_areas_of_need, migrations.RunPython.noop)]
