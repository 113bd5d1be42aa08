import uuid

from django.db import migrations, models

# The words families use for SEND needs and services (officers change them in the portal).
SYNONYMS = [
    "speech, speech and language, speech and language therapy, SALT, SLT, communication, talking",
    "autism, autistic, ASD, ASC, autism spectrum",
    "ADHD, ADD, attention deficit, hyperactivity",
    "dyslexia, dyslexic, specific learning difficulties, specific learning difficulty, SpLD",
    "dyspraxia, DCD, developmental coordination disorder, coordination",
    "short breaks, short break, respite",
    "transport, travel, travel training, school transport, bus, taxi",
    "wheelchair, mobility, physical disability",
    "deaf, hearing, hearing impairment, hearing loss",
    "blind, sight, visual impairment, vision",
    "mental health, emotional wellbeing, wellbeing, anxiety, CAMHS",
    "EHCP, EHC plan, education health and care plan",
    "personal budget, personal budgets, direct payments",
    "early years, pre-school, preschool, nursery, under 5",
    "preparing for adulthood, post-16, college, young adults",
    "sensory, sensory processing, sensory impairment, sensory impairments",
]


def add_synonyms(apps, schema_editor):
    SynonymGroup = apps.get_model("localoffer", "SynonymGroup")
    for words in SYNONYMS:
        SynonymGroup.objects.get_or_create(words=words)


class Migration(migrations.Migration):
    """Separate from 0004 so PostgreSQL alters the table after the uuids are written."""

    dependencies = [("localoffer", "0004_search_contacts_schedules_oruk_ids")]

    operations = [
        migrations.AlterField(
            model_name="service",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="Open Referral UK id"
            ),
        ),
        migrations.RunPython(add_synonyms, migrations.RunPython.noop),
    ]
