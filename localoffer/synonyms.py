"""The words families use for SEND needs and services: the groups a new portal starts with.

Migration 0005 adds them (with its own copy of this list, as migrations never change);
officers change them at /local-offer/manage/synonyms/. ``ensure_default_synonyms`` adds any
group whose words are missing (the demo calls it; it never changes an officer's groups).
"""

from .models import SynonymGroup

DEFAULT_SYNONYMS = [
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


def ensure_default_synonyms() -> int:
    """Add the default groups that are missing; the number added."""
    existing = set(SynonymGroup.objects.values_list("words", flat=True))
    missing = [SynonymGroup(words=words) for words in DEFAULT_SYNONYMS if words not in existing]
    SynonymGroup.objects.bulk_create(missing)
    return len(missing)
