import pytest

from localoffer.models import Category, Feedback, Service
from localoffer.selectors import stale_services

pytestmark = pytest.mark.django_db


def test_demo_is_the_councils_local_offer(demo):
    assert Category.objects.count() == 11
    assert Category.objects.filter(name="Contact SEND teams and support services").exists()
    assert Service.objects.filter(organisation__name__contains="IASK").count() == 17
    team = Service.objects.get(name="SEND Local Offer team")
    assert {c.name for c in team.contacts.all()} == {
        "Sharon McLaughlin",
        "Natalie Blower",
        "Shaz Hussain",
    }
    assert stale_services().exists()
    assert Service.objects.filter(status="inactive").exists()
    assert Service.objects.filter(status="temporarily closed").exists()
    assert Service.objects.filter(areas__isnull=False).values("areas").distinct().count() == 4
    assert Feedback.objects.filter(status="approved").count() == 2
