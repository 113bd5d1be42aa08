"""The Local Offer in a real browser: zero axe violations on every page; search without JS."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from localoffer.models import Feedback, SelfEvaluation, Service
from localoffer.services import sen_review_record
from tests.browser.conftest import assert_accessible, sign_in
from tests.localoffer.factories import (
    CategoryFactory,
    ContactFactory,
    LocationFactory,
    ServiceFactory,
    need,
)


@pytest.fixture
def directory(area_ne, area_south):
    cache.clear()
    under5 = CategoryFactory(name="Support for children under 5")
    school = CategoryFactory(name="Support for school age children")
    portage = ServiceFactory(
        name="Portage",
        slug="portage",
        categories=[under5],
        min_age=0,
        max_age=5,
        needs=[need("cognition-and-learning")],
        areas=[area_ne],
    )
    ContactFactory(service=portage, name="Natalie Blower", phone="03000 419555")
    LocationFactory(service=portage, name="Riverside Centre")
    ServiceFactory(
        name="Hearing support",
        categories=[school],
        min_age=4,
        max_age=19,
        needs=[need("sensory-and-or-physical")],
        areas=[area_south],
        assured_date=date(2024, 1, 1),
    )
    ServiceFactory(
        name="Summer club", categories=[school], status=Service.Status.TEMPORARILY_CLOSED
    )
    for n in range(25):
        ServiceFactory(name=f"IASK leaflet {n:02}", categories=[school])
    Feedback.objects.create(
        you_said="Too many parent carers have not heard of the Local Offer.",
        we_did="IASK Local Offer Leaflets given to parents carers.",
        status=Feedback.Status.APPROVED,
    )
    return portage


def test_public_search_pages_are_accessible(page, directory):
    page.goto("/local-offer/")
    expect(page.get_by_role("heading", name="28 services found")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Age of the child or young person").fill("3")
    page.get_by_label("Cognition and learning").check()
    page.get_by_role("button", name="Search").click()
    # Portage, and the 26 services for every need (they name none); not Hearing support.
    expect(page.get_by_role("heading", name="27 services found")).to_be_visible()
    page.get_by_label("Search by keyword").fill("portage")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 service found")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Portage").click()
    expect(page.get_by_role("heading", level=1, name="Portage")).to_be_visible()
    expect(page.get_by_text("Natalie Blower")).to_be_visible()
    expect(page.get_by_text("Last checked:")).to_be_visible()
    assert_accessible(page)


def test_search_errors_and_pagination_are_accessible(page, directory):
    page.goto("/local-offer/?age=forty")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.goto("/local-offer/")
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    assert_accessible(page)


def test_public_search_works_without_javascript(page_without_js, directory):
    page = page_without_js
    page.goto("/local-offer/")
    page.get_by_label("Search by keyword").fill("hearing")
    page.get_by_label("Where you live").select_option("south")
    page.get_by_label("Sensory and/or physical").check()
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"q=hearing.*area=south|area=south.*q=hearing"))
    expect(page.get_by_role("heading", name="1 service found")).to_be_visible()
    expect(page.get_by_role("link", name="Hearing support")).to_be_visible()
    page.goto("/local-offer/?category=support-for-school-age-children")
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    assert "category=support-for-school-age-children" in page.url


def test_feedback_journey_is_accessible_and_works_without_javascript(
    page, page_without_js, directory
):
    page.goto("/local-offer/feedback/")
    assert_accessible(page)
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    nojs = page_without_js
    nojs.goto("/local-offer/feedback/")
    nojs.get_by_label("Your feedback").fill("The autism pathway link does not work.")
    nojs.get_by_role("button", name="Send feedback").click()
    expect(nojs.get_by_role("heading", name="Feedback sent")).to_be_visible()
    assert Feedback.objects.filter(status="pending").count() == 1
    page.goto("/local-offer/feedback/sent/")
    assert_accessible(page)
    page.goto("/local-offer/you-said-we-did/")
    expect(page.get_by_text("Too many parent carers")).to_be_visible()
    assert_accessible(page)


def test_rate_limited_feedback_page_is_accessible(page, directory, settings):
    from django.test import RequestFactory

    from localoffer import ratelimit

    key = ratelimit.client_key(RequestFactory().get("/", REMOTE_ADDR="127.0.0.1"))
    for _ in range(ratelimit.FEEDBACK_LIMIT):
        ratelimit.take_a_send(key)
    page.goto("/local-offer/feedback/")
    page.get_by_label("Your feedback").fill("Hello")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("We have not sent this message")).to_be_visible()
    expect(page.get_by_label("Your feedback")).to_have_value("Hello")
    assert_accessible(page)
    cache.clear()


def test_officer_service_pages_are_accessible(page, directory, officer):
    sign_in(page, officer.email)
    expect(page.get_by_text("Out-of-date Local Offer services")).to_be_visible()
    assert_accessible(page)
    for url in [
        "/local-offer/manage/",
        "/local-offer/manage/?show=out-of-date",
        "/local-offer/manage/services/new/",
        f"/local-offer/manage/services/{directory.pk}/",
        f"/local-offer/manage/services/{directory.pk}/contacts/new/",
        f"/local-offer/manage/services/{directory.pk}/locations/new/",
        "/local-offer/manage/import/",
    ]:
        page.goto(url)
        assert_accessible(page)
    page.goto("/local-offer/manage/services/new/")
    page.get_by_role("button", name="Save service").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/local-offer/manage/services/{directory.pk}/")
    page.get_by_role("button", name="Mark as checked today").click()
    expect(page.get_by_text("is marked as checked today")).to_be_visible()
    assert_accessible(page)


def test_officer_import_errors_are_accessible(page, directory, officer, tmp_path):
    bad = tmp_path / "services.csv"
    bad.write_text("organisation,name,description,categories,max_age\nIASK,A,B,Cake,99\n")
    sign_in(page, officer.email)
    page.goto("/local-offer/manage/import/")
    page.get_by_label("CSV file of services").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text('There is no category called "Cake"')).to_be_visible()
    assert_accessible(page)


def test_officer_feedback_pages_are_accessible(page, directory, officer):
    item = Feedback.objects.create(you_said="Links do not work")
    sign_in(page, officer.email)
    page.goto("/local-offer/manage/feedback/")
    assert_accessible(page)
    page.goto(f"/local-offer/manage/feedback/{item.pk}/")
    assert_accessible(page)
    page.get_by_label("Approve: publish in You said, we did").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Enter what we did before you approve").first).to_be_visible()
    assert_accessible(page)


def test_sen_report_and_self_evaluation_pages_are_accessible(page, head_ne, officer):
    review = sen_review_record(
        setting=head_ne.setting,
        report_url="https://school.example/sen",
        review_date=date(2026, 1, 1),
        judgements={n: ("met" if n % 3 else "partly_met") for n in range(1, 11)},
    )
    SelfEvaluation.objects.create(year=2025)
    sign_in(page, officer.email)
    for url in [
        "/local-offer/sen-reports/",
        "/local-offer/sen-reports/areas/north-east/",
        f"/local-offer/sen-reports/settings/{head_ne.setting.pk}/review/",
        f"/local-offer/sen-reports/reviews/{review.pk}/",
        "/local-offer/self-evaluation/",
        "/local-offer/self-evaluation/new/",
        "/local-offer/self-evaluation/2025/",
        "/local-offer/self-evaluation/2025/edit/",
    ]:
        page.goto(url)
        assert_accessible(page)
    page.goto(f"/local-offer/sen-reports/settings/{head_ne.setting.pk}/review/")
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.goto("/local-offer/self-evaluation/new/")
    page.get_by_role("button", name="Save self-evaluation").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)


def test_headteacher_area_pages_are_accessible(page, head_ne, directory):
    sign_in(page, head_ne.email)
    expect(page.get_by_text("SEN information reports in North East")).to_be_visible()
    expect(page.get_by_role("link", name="Portage")).to_be_visible()
    assert_accessible(page)
    page.goto("/local-offer/sen-reports/areas/north-east/")
    assert_accessible(page)
