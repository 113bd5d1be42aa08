import datetime

import pytest
from playwright.sync_api import expect

from inclusion import services
from inclusion.models import StatementVersion
from send_portal.demo import inclusion as inclusion_demo
from tests.browser.conftest import assert_accessible, sign_in
from tests.inclusion.factories import WorkstreamFactory


@pytest.fixture
def statements(db):
    v1 = inclusion_demo.load_essex_statement()
    services.version_adopt(version=v1, adopted_on=datetime.date(2018, 4, 18))
    v2 = services.version_create(title="Revised after consultation")
    statement = v2.sections.get(heading="We strive").statements.get()
    services.statement_update(
        statement=statement,
        text="To ensure that all schools, academies and settings are equally inclusive.",
    )
    return v1, v2


@pytest.fixture
def kent(db):
    return inclusion_demo.load_kent_consultation()


def test_public_statement_is_accessible_without_signing_in(page, statements):
    page.goto("/inclusion/statement/")
    expect(page.get_by_role("heading", name="Our inclusion statement")).to_be_visible()
    expect(page.get_by_role("heading", name="We commit")).to_be_visible()
    assert_accessible(page)


def test_versions_detail_and_comparison_are_accessible(page, statements, board_member):
    sign_in(page, board_member.email)
    page.goto("/inclusion/versions/")
    assert_accessible(page)
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/compare/**")
    assert page.locator("del.portal-del").count() >= 1
    assert page.locator("ins.portal-ins").count() >= 1
    # Not colour alone: the change is announced in words.
    assert "added:" in page.locator("ins.portal-ins").first.inner_text()
    assert_accessible(page)
    page.goto("/inclusion/versions/2/")
    assert_accessible(page)


def test_officer_edits_a_draft_with_errors_shown_accessibly(page, statements, officer):
    sign_in(page, officer.email)
    page.goto("/inclusion/versions/2/")
    assert_accessible(page)
    page.get_by_role("link", name="Add a statement to “We commit”").click()
    page.get_by_role("button", name="Save statement").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Statement").fill("To listen to families.")
    page.get_by_role("button", name="Save statement").click()
    page.wait_for_url("**/inclusion/versions/2/")
    expect(page.get_by_text("To listen to families.")).to_be_visible()


def test_adopting_without_javascript(page_without_js, statements, officer):
    page = page_without_js
    sign_in(page, officer.email)
    page.goto("/inclusion/versions/2/adopt/")
    adopted = page.get_by_role("group", name="Date adopted")  # GOV.UK's date input
    adopted.get_by_label("Day").fill("31")
    adopted.get_by_label("Month").fill("1")
    adopted.get_by_label("Year").fill("2021")
    page.get_by_role("button", name="Adopt this version").click()
    page.wait_for_url("**/inclusion/versions/2/")
    assert StatementVersion.objects.get(number=2).state == "adopted"
    assert StatementVersion.objects.get(number=1).state == "superseded"
    page.goto("/inclusion/statement/")
    expect(page.get_by_text("settings are equally inclusive")).to_be_visible()


def test_consultation_pages_are_accessible(page, kent, head_ne):
    sign_in(page, head_ne.email)
    page.goto("/inclusion/consultations/")
    assert_accessible(page)
    page.get_by_role("link", name="Inclusion in Kent schools - Feedback").click()
    expect(page.get_by_text("81%").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="You said, we did").click()
    expect(page.get_by_role("heading", name="You said, we did")).to_be_visible()
    assert_accessible(page)


def test_next_step_to_programme_action_without_javascript(page_without_js, kent, officer):
    page = page_without_js
    workstream = WorkstreamFactory()
    sign_in(page, officer.email)
    page.goto(kent.get_absolute_url())
    page.get_by_role("link", name="Turn into a programme action").first.click()
    page.get_by_label("Create a new programme action").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Select the workstream for the new action").first).to_be_visible()
    page.get_by_label("Workstream for the new action").select_option(str(workstream.pk))
    page.get_by_label("Reference for the new action").fill("A.9")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Programme action: A.9")).to_be_visible()


def test_search_is_accessible_and_works_without_javascript(page_without_js, page, kent, officer):
    sign_in(page, officer.email)
    page.goto("/search/?q=SENCO")
    expect(page.get_by_role("heading", name="Consultation themes")).to_be_visible()
    assert_accessible(page)
    sign_in(page_without_js, officer.email)
    page_without_js.goto("/search/")
    page_without_js.get_by_label("Search minutes, decisions").fill("parental")
    page_without_js.get_by_role("button", name="Search").click()
    assert "q=parental" in page_without_js.url
    expect(page_without_js.get_by_role("heading", name="Consultation themes")).to_be_visible()
