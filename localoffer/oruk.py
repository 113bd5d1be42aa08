"""Open Referral UK 3.0 (the HSDS 3.0 UK profile) JSON: services, taxonomies, taxonomy terms.

Every id is a UUID: a service's own ``uuid`` field, and for everything else uuid5 over
``ORUK_NAMESPACE`` and "<kind>:<pk>" (the same on every read). Optional strings that are empty
are left out (the schemas allow no ``null``). Two taxonomies: the Local Offer's categories
(Kent's headings, source 004 in docs/domain.md) and the four SEND areas of need; a service's categories and needs
are its ``attributes``.
"""

import math
import uuid
from dataclasses import dataclass

from django.conf import settings

from .models import AreaOfNeed, Category, Service, oruk_uuid

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"

CATEGORY_VOCABULARY = "Local Offer categories"
NEED_VOCABULARY = "SEND areas of need"


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str
    model: type

    @property
    def id(self) -> str:
        return str(oruk_uuid("taxonomy", self.key))


TAXONOMIES = (
    Taxonomy(
        "categories",
        CATEGORY_VOCABULARY,
        "The headings of the Local Offer, under which families look for services.",
        Category,
    ),
    Taxonomy(
        "needs",
        NEED_VOCABULARY,
        "The four broad areas of need of the SEND Code of Practice. A service that names none "
        "is for every need.",
        AreaOfNeed,
    ),
)
_KIND = {Category: "category", AreaOfNeed: "need"}


def _clean(data: dict) -> dict:
    """Leave out optional values that are empty (None or ""): the schemas allow no nulls."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def term_id(term) -> str:
    return str(oruk_uuid(_KIND[type(term)], term.pk))


def taxonomy_of(term) -> Taxonomy:
    return next(t for t in TAXONOMIES if isinstance(term, t.model))


def taxonomy_json(taxonomy: Taxonomy) -> dict:
    return {
        "id": taxonomy.id,
        "name": taxonomy.name,
        "description": taxonomy.description,
        "version": "1",
    }


def taxonomy_term_json(term) -> dict:
    taxonomy = taxonomy_of(term)
    return _clean(
        {
            "id": term_id(term),
            "name": term.name,
            "description": getattr(term, "description", "") or term.name,
            "taxonomy": taxonomy.name,
            "taxonomy_id": taxonomy.id,
            "term": term.name,
        }
    )


def all_terms() -> list:
    return [term for taxonomy in TAXONOMIES for term in taxonomy.model.objects.all()]


def find_term(value: str):
    """The category or area of need whose ORUK id is ``value`` (a UUID), or None."""
    for term in all_terms():
        if term_id(term) == value:
            return term
    return None


def find_taxonomy(value: str) -> Taxonomy | None:
    return next((t for t in TAXONOMIES if t.id == value), None)


def _organization(org) -> dict:
    return _clean(
        {
            "id": str(oruk_uuid("organisation", org.pk)),
            "name": org.name,
            "description": org.description or org.name,
            "website": org.url,
            "email": org.email,
        }
    )


def service_list_json(service: Service) -> dict:
    """A service's one-to-one fields and its organisation (an item of ``/services``)."""
    base = settings.PORTAL_BASE_URL.rstrip("/")
    org_id = str(oruk_uuid("organisation", service.organisation_id))
    return _clean(
        {
            "id": str(service.uuid),
            "organization_id": org_id,
            "name": service.name,
            "description": service.description,
            "url": service.url or f"{base}{service.get_absolute_url()}",
            "email": service.email,
            "status": service.status,
            "fees": service.fees,
            "minimum_age": service.min_age,
            "maximum_age": service.max_age,
            "assured_date": service.assured_date.isoformat() if service.assured_date else None,
            "last_modified": service.updated_at.isoformat(),
            "organization": _organization(service.organisation),
        }
    )


def _address(location, location_id: str) -> list[dict]:
    if not (location.address or location.postcode):
        return []
    return [
        {
            "id": str(oruk_uuid("address", location.pk)),
            "location_id": location_id,
            "address_1": location.address or location.name,
            "city": location.town,
            "state_province": settings.COUNCIL_NAME,
            "postal_code": location.postcode,
            "country": "GB",
            "address_type": "physical",
        }
    ]


def service_json(service: Service) -> dict:
    """The full service (``/services/{id}``): schedules, areas, locations, costs, contacts and
    its categories and areas of need as attributes."""
    data = service_list_json(service)
    service_id = data["id"]
    free = service.cost == Service.Cost.FREE
    data["cost_options"] = [
        _clean(
            {
                "id": str(oruk_uuid("cost", service.pk)),
                "service_id": service_id,
                "option": service.get_cost_display(),
                "amount": 0 if free else None,
                "amount_description": service.fees or service.get_cost_display(),
            }
        )
    ]
    data["schedules"] = [
        _clean(
            {
                "id": str(oruk_uuid("schedule", schedule.pk)),
                "service_id": service_id,
                "freq": "WEEKLY",
                "interval": 1,
                "byday": ",".join(schedule.day_codes),
                "opens_at": schedule.opens_at.strftime("%H:%M"),
                "closes_at": schedule.closes_at.strftime("%H:%M"),
                "description": schedule.description or str(schedule),
            }
        )
        for schedule in service.schedules.all()
    ]
    areas = list(service.areas.all())
    data["service_areas"] = [
        {
            "id": str(oruk_uuid("service-area", f"{service.pk}-{area.pk}")),
            "service_id": service_id,
            "name": area.name,
            "service_area": area.name,
        }
        for area in areas
    ] or [
        {
            "id": str(oruk_uuid("service-area", f"{service.pk}-county")),
            "service_id": service_id,
            "name": settings.COUNCIL_NAME,
            "service_area": settings.COUNCIL_NAME,
        }
    ]
    data["contacts"] = [
        _clean(
            {
                "id": str(oruk_uuid("contact", contact.pk)),
                "service_id": service_id,
                "name": contact.name,
                "title": contact.title,
                "email": contact.email,
                "phones": [
                    {
                        "id": str(oruk_uuid("phone", contact.pk)),
                        "contact_id": str(oruk_uuid("contact", contact.pk)),
                        "number": contact.phone,
                    }
                ]
                if contact.phone
                else [],
            }
        )
        for contact in service.contacts.all()
    ]
    data["service_at_locations"] = []
    for location in service.locations.all():
        location_id = str(oruk_uuid("location", location.pk))
        data["service_at_locations"].append(
            {
                "id": str(oruk_uuid("service-at-location", location.pk)),
                "service_id": service_id,
                "location_id": location_id,
                "location": _clean(
                    {
                        "id": location_id,
                        "location_type": "physical",
                        "name": location.name,
                        "description": location.description,
                        "addresses": _address(location, location_id),
                    }
                ),
            }
        )
    data["attributes"] = [
        {
            "id": str(oruk_uuid("attribute", f"{service.pk}-{term_id(term)}")),
            "link_id": service_id,
            "link_type": "service",
            "taxonomy_term_id": term_id(term),
            "taxonomy_term": taxonomy_term_json(term),
        }
        for term in [*service.categories.all(), *service.needs.all()]
    ]
    data["languages"] = []
    return data


def page_json(*, contents: list[dict], total_items: int, page: int, per_page: int) -> dict:
    """The ORUK 3.0 page: ``size`` is how many are on this page; ``contents`` the items."""
    total_pages = math.ceil(total_items / per_page)
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def api_root_json(*, openapi_url: str = OPENAPI_URL) -> dict:
    return {"version": HSDS_VERSION, "profile": PROFILE_URL, "openapi_url": openapi_url}


def is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value.lower()
    except (ValueError, AttributeError):
        return False
