"""The four broad areas of need of the SEND Code of Practice (also created by migration 0002)."""

from .models import AreaOfNeed

AREAS_OF_NEED = [
    ("Communication and interaction", "communication-and-interaction"),
    ("Cognition and learning", "cognition-and-learning"),
    ("Social, emotional and mental health", "social-emotional-and-mental-health"),
    ("Sensory and/or physical", "sensory-and-or-physical"),
]


def ensure_areas_of_need() -> None:
    """Create the four areas of need if they are missing (idempotent)."""
    for order, (name, slug) in enumerate(AREAS_OF_NEED, start=1):
        AreaOfNeed.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
