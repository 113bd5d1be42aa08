"""Objects the access matrix's Local Offer URLs point at (created when a URL is built).

Everything belongs to area X (the ``world``'s ``area_x``) where an area matters.
"""

from datetime import date

from localoffer.models import Feedback, SelfEvaluation, Service
from localoffer.services import sen_review_record
from tests.core.factories import SettingFactory
from tests.localoffer.factories import ContactFactory, LocationFactory, ServiceFactory


def service(world) -> Service:
    return Service.objects.filter(slug="matrix-service").first() or ServiceFactory(
        name="Matrix service", slug="matrix-service"
    )


def service_pk(world) -> dict:
    return {"pk": service(world).pk}


def service_slug(world) -> dict:
    return {"slug": service(world).slug}


def contact_pk(world) -> dict:
    return {"pk": ContactFactory(service=service(world)).pk}


def location_pk(world) -> dict:
    return {"pk": LocationFactory(service=service(world)).pk}


def feedback_pk(world) -> dict:
    return {"pk": Feedback.objects.create(you_said="Matrix feedback").pk}


def area_slug(world) -> dict:
    return {"slug": world["area_x"].slug}


def setting_pk(world) -> dict:
    return {"pk": SettingFactory(area=world["area_x"]).pk}


def review_pk(world) -> dict:
    review = sen_review_record(
        setting=SettingFactory(area=world["area_x"]),
        report_url="https://school.example/sen",
        review_date=date(2026, 1, 1),
        judgements=dict.fromkeys(range(1, 11), "met"),
    )
    return {"pk": review.pk}


def evaluation_year(world) -> dict:
    return {"year": SelfEvaluation.objects.get_or_create(year=2026)[0].year}


def schedule_pk(world) -> dict:
    from localoffer.models import Schedule

    schedule = Schedule.objects.create(
        service=service(world), days="MO,TU", opens_at="09:00", closes_at="17:00"
    )
    return {"pk": schedule.pk}


def synonym_pk(world) -> dict:
    from localoffer.models import SynonymGroup

    return {"pk": SynonymGroup.objects.create(words="matrix, grid").pk}


def service_uuid(world) -> dict:
    return {"id": service(world).uuid}


def taxonomy_id(world) -> dict:
    from localoffer.oruk import TAXONOMIES

    return {"id": TAXONOMIES[0].id}


def taxonomy_term_id(world) -> dict:
    from localoffer.models import AreaOfNeed
    from localoffer.oruk import term_id

    return {"id": term_id(AreaOfNeed.objects.order_by("order").first())}
