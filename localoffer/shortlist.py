"""A family's shortlist of services, kept in their session: no account needed.

The session holds up to ``MAX_SERVICES`` service slugs, in the order they were added. Only
public services are shown; a slug whose service has gone is dropped when the list is read.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from . import selectors
from .models import Service

SESSION_KEY = "localoffer_shortlist"
MAX_SERVICES = 50


def slugs(request) -> list[str]:
    value = request.session.get(SESSION_KEY, [])
    return [s for s in value if isinstance(s, str)][:MAX_SERVICES]


def add(request, service: Service) -> bool:
    """Add the service; False when the shortlist is full."""
    current = slugs(request)
    if service.slug in current:
        return True
    if len(current) >= MAX_SERVICES:
        return False
    request.session[SESSION_KEY] = [*current, service.slug]
    return True


def remove(request, slug: str) -> None:
    request.session[SESSION_KEY] = [s for s in slugs(request) if s != slug]


def services(request) -> list[Service]:
    """The shortlisted public services with their public contacts and opening times."""
    order = slugs(request)
    found = {s.slug: s for s in selectors.public_services_in_full().filter(slug__in=order)}
    return [found[slug] for slug in order if slug in found]


def send_to(*, email: str, services: list[Service], base_url: str) -> None:
    """Email the shortlist to the address the family gave (only the services: no other text)."""
    body = render_to_string(
        "localoffer/shortlist_email.txt",
        {
            "services": services,
            "base_url": base_url,
            "LOCAL_OFFER_EMAIL": settings.PORTAL_LOCAL_OFFER_EMAIL,
            "LOCAL_OFFER_PHONE": settings.PORTAL_LOCAL_OFFER_PHONE,
        },
    )
    send_mail("Your shortlist from the Local Offer", body, None, [email])
