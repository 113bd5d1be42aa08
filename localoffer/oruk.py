"""Open Referral UK JSON for services: the shape of ORUK's ``/services`` and its pagination."""

import math

from django.conf import settings

from .models import Service

CATEGORY_VOCABULARY = "Local Offer categories"
NEED_VOCABULARY = "SEND areas of need"


def _taxonomy(term, vocabulary: str, prefix: str) -> dict:
    return {
        "id": f"{prefix}-{term.slug}",
        "taxonomy": {
            "id": f"{prefix}-{term.slug}",
            "name": term.name,
            "vocabulary": vocabulary,
            "parent": None,
        },
    }


def service_json(service: Service) -> dict:
    """One service as an ORUK service object (with its organisation, contacts and locations)."""
    org = service.organisation
    base = settings.PORTAL_BASE_URL.rstrip("/")
    return {
        "id": str(service.pk),
        "organization": {
            "id": str(org.pk),
            "name": org.name,
            "description": org.description,
            "url": org.url or None,
            "email": org.email or None,
        },
        "name": service.name,
        "description": service.description,
        "url": service.url or f"{base}{service.get_absolute_url()}",
        "email": service.email or None,
        "status": service.status,
        "fees": service.fees or None,
        "assured_date": service.assured_date.isoformat() if service.assured_date else None,
        "cost_options": [
            {
                "id": f"{service.pk}-cost",
                "option": service.get_cost_display(),
                "amount": 0 if service.cost == Service.Cost.FREE else None,
                "amount_description": service.fees or service.get_cost_display(),
            }
        ],
        "eligibilitys": [
            {
                "id": f"{service.pk}-age",
                "eligibility": "age",
                "minimum_age": service.min_age,
                "maximum_age": service.max_age,
            }
        ],
        "service_areas": [
            {"id": f"{service.pk}-area-{area.slug}", "service_area": area.name}
            for area in service.areas.all()
        ]
        or [{"id": f"{service.pk}-area-county", "service_area": settings.COUNCIL_NAME}],
        "service_taxonomys": [
            _taxonomy(c, CATEGORY_VOCABULARY, "category") for c in service.categories.all()
        ]
        + [_taxonomy(n, NEED_VOCABULARY, "need") for n in service.needs.all()],
        "contacts": [
            {
                "id": str(contact.pk),
                "name": contact.name,
                "title": contact.title or None,
                "email": contact.email or None,
                "phones": [{"number": contact.phone}] if contact.phone else [],
            }
            for contact in service.contacts.all()
        ],
        "service_at_locations": [
            {
                "id": f"{service.pk}-{location.pk}",
                "location": {
                    "id": str(location.pk),
                    "name": location.name,
                    "description": location.description or None,
                    "physical_addresses": [
                        {
                            "address_1": location.address,
                            "city": location.town,
                            "postal_code": location.postcode,
                            "country": "GB",
                        }
                    ],
                },
            }
            for location in service.locations.all()
        ],
    }


def page_json(*, items: list[Service], total_items: int, page: int, per_page: int) -> dict:
    """ORUK's paginated response: total_items, total_pages, number, size, first/last, content."""
    total_pages = max(1, math.ceil(total_items / per_page))
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "number": page,
        "size": per_page,
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
        "content": [service_json(s) for s in items],
    }
