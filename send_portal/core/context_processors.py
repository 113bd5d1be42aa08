from django.conf import settings

from .navigation import items_for


def portal(request) -> dict:
    return {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "COUNCIL_NAME": settings.COUNCIL_NAME,
        "nav_items": items_for(request),
    }
