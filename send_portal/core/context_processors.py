from django.conf import settings

from .navigation import items_for


def portal(request) -> dict:
    return {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "COUNCIL_NAME": settings.COUNCIL_NAME,
        "LOCAL_OFFER_EMAIL": settings.PORTAL_LOCAL_OFFER_EMAIL,
        "LOCAL_OFFER_PHONE": settings.PORTAL_LOCAL_OFFER_PHONE,
        "LOCAL_OFFER_HOURS": settings.PORTAL_LOCAL_OFFER_HOURS,
        "nav_items": items_for(request),
    }
