"""Who may open each Local Offer page, role by role; and the rules themselves as a table."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from localoffer.models import Feedback, SelfEvaluation
from localoffer.services import sen_review_record
from tests.localoffer.factories import ContactFactory, LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "head_x", "head_y", "board", "officer", "admin"]
EVERYONE = set(ROLES)
EDITORS = {"officer", "admin"}
READERS = {"board", "officer", "admin"}
NE_READERS = {"head_x", "board", "officer", "admin"}

RULES = {
    "localoffer.manage_services": EDITORS,
    "localoffer.moderate_feedback": EDITORS,
    "localoffer.view_county_sen_reports": READERS,
    "localoffer.view_area_sen_reports": NE_READERS,
    "localoffer.review_sen_report": EDITORS,
    "localoffer.view_self_evaluation": READERS,
    "localoffer.record_self_evaluation": EDITORS,
}


@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("role", ROLES)
def test_rule_table(rule, role, role_users, area_ne):
    user = role_users[role] or AnonymousUser()
    obj = area_ne if rule == "localoffer.view_area_sen_reports" else None
    assert user.has_perm(rule, obj) is (role in RULES[rule])


@pytest.fixture
def objects(head_ne):
    service = ServiceFactory(name="Portage", slug="portage")
    review = sen_review_record(
        setting=head_ne.setting,
        report_url="https://ne.example",
        review_date=date(2026, 1, 1),
        judgements=dict.fromkeys(range(1, 11), "met"),
    )
    SelfEvaluation.objects.create(year=2026)
    return {
        "service": service,
        "feedback": Feedback.objects.create(you_said="x"),
        "review": review,
        "setting": head_ne.setting,
    }


def pages(o):
    s = o["service"].pk
    return [
        (reverse("localoffer:search"), EVERYONE),
        (reverse("localoffer:service", args=["portage"]), EVERYONE),
        (reverse("localoffer:feedback"), EVERYONE),
        (reverse("localoffer:feedback_sent"), EVERYONE),
        (reverse("localoffer:you_said_we_did"), EVERYONE),
        (reverse("localoffer:api_services"), EVERYONE),
        (reverse("localoffer:manage"), EDITORS),
        (reverse("localoffer:service_create"), EDITORS),
        (reverse("localoffer:service_edit", args=[s]), EDITORS),
        (reverse("localoffer:contact_create", args=[s]), EDITORS),
        (reverse("localoffer:location_create", args=[s]), EDITORS),
        (reverse("localoffer:import"), EDITORS),
        (reverse("localoffer:feedback_list"), EDITORS),
        (reverse("localoffer:feedback_moderate", args=[o["feedback"].pk]), EDITORS),
        (reverse("localoffer:sen_reports"), READERS),
        (reverse("localoffer:sen_reports_area", args=["north-east"]), NE_READERS),
        (reverse("localoffer:sen_review_create", args=[o["setting"].pk]), EDITORS),
        (reverse("localoffer:sen_review", args=[o["review"].pk]), NE_READERS),
        (reverse("localoffer:self_evaluations"), READERS),
        (reverse("localoffer:self_evaluation", args=[2026]), READERS),
        (reverse("localoffer:self_evaluation_create"), EDITORS),
        (reverse("localoffer:self_evaluation_edit", args=[2026]), EDITORS),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_per_role(client_for, objects, role):
    client = client_for(role)
    for url, allowed in pages(objects):
        response = client.get(url)
        if role in allowed:
            assert response.status_code == 200, (url, role, response.status_code)
        elif role == "anonymous":
            assert response.status_code == 302 and "/sign-in/" in response.url, url
        else:
            assert response.status_code == 403, (url, role, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_post_only_actions_per_role(client_for, objects, role):
    client = client_for(role)
    service = objects["service"]
    contact, location = ContactFactory(service=service), LocationFactory(service=service)
    urls = [
        reverse("localoffer:service_assure", args=[service.pk]),
        reverse("localoffer:contact_delete", args=[contact.pk]),
        reverse("localoffer:location_delete", args=[location.pk]),
    ]
    for url in urls:
        response = client.post(url)
        if role in EDITORS:
            assert response.status_code == 302 and "/sign-in/" not in response.url
        elif role == "anonymous":
            assert response.status_code == 302 and "/sign-in/" in response.url
        else:
            assert response.status_code == 403
    assert service.contacts.exists() is (role not in EDITORS)
    if role in EDITORS:
        assert client.get(urls[0]).status_code == 405


def test_missing_objects_are_404(client_for):
    client = client_for("officer")
    assert client.get(reverse("localoffer:service_edit", args=[999])).status_code == 404
    assert client.get(reverse("localoffer:sen_reports_area", args=["nowhere"])).status_code == 404
    assert client.get(reverse("localoffer:self_evaluation", args=[1999])).status_code == 404
    assert client.get(reverse("localoffer:service", args=["nothing"])).status_code == 404
