"""The reports and periods pages in a real browser: accessible, and working with and without JS."""

import pytest
from playwright.sync_api import expect

from send_portal.celery import app as celery_app
from tests.browser.conftest import assert_accessible, sign_in
from tests.reporting.factories import ProgrammeFactory
from tests.reporting.helpers import AFTER_OCTOBER, OCTOBER, build_programme
from workstreams.reporting import services
from workstreams.reporting.models import Report


@pytest.fixture(autouse=True)
def _tasks_run_in_the_server(settings):
    """The live server runs the task itself (no worker in these tests)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def locked_october(transactional_db):
    build_programme(ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa"))
    return services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)


def test_an_officer_generates_a_report_without_javascript(page_without_js, officer, locked_october):
    page = page_without_js
    sign_in(page, officer.email)
    page.goto("/reports/")
    page.get_by_label("Month").select_option(label="October 2026")
    page.get_by_role("radio", name="Whole portfolio").check()
    page.get_by_role("button", name="Generate now").click()
    page.wait_for_load_state()
    expect(page.get_by_text("is being generated")).to_be_visible()
    page.reload()  # a refresh shows the state without JavaScript
    row = page.locator("#reports tbody tr").first
    assert "Ready" in row.inner_text()
    expect(row.get_by_role("link", name="Download PDF")).to_be_visible()
    report = Report.objects.get()
    assert report.state == "ready" and report.requested_by == officer


def test_the_reports_page_is_accessible_and_polls_progress_with_javascript(
    page, officer, locked_october
):
    report = Report.objects.create(
        period=locked_october,
        scope="portfolio",
        scope_key="portfolio",
        state=Report.State.GENERATING,
        progress=15,
    )
    sign_in(page, officer.email)
    page.goto("/reports/")
    expect(page.get_by_text("15% done")).to_be_visible()
    assert_accessible(page)
    Report.objects.filter(pk=report.pk).update(progress=60)
    page.get_by_text("60% done").wait_for(timeout=10_000)  # updated without a reload
    Report.objects.filter(pk=report.pk).update(state=Report.State.FAILED, failure_reason="Boom")
    page.get_by_text("Boom").wait_for(timeout=10_000)  # finished: the page reloads itself


def test_generate_now_errors_are_accessible(page, officer, locked_october):
    sign_in(page, officer.email)
    page.goto("/reports/")
    page.get_by_role("radio", name="One programme").check()
    page.get_by_role("button", name="Generate now").click()
    page.wait_for_load_state()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)


def test_the_periods_page_is_accessible_and_locks_without_javascript(
    page, page_without_js, officer, transactional_db
):
    from django.utils import timezone

    from workstreams.reporting.periods import previous_month

    month = previous_month(timezone.localdate().replace(day=1))
    services.period_open(month=month)
    sign_in(page, officer.email)
    page.goto("/reports/periods/")
    assert_accessible(page)
    sign_in(page_without_js, officer.email)
    page_without_js.goto("/reports/periods/")
    page_without_js.get_by_role("link", name=f"Lock {month:%B %Y}").click()
    page_without_js.wait_for_load_state()
    expect(page_without_js.get_by_role("heading", name=f"Lock {month:%B %Y}")).to_be_visible()
    page_without_js.get_by_role("button", name=f"Lock {month:%B %Y}").click()
    page_without_js.wait_for_load_state()
    expect(page_without_js.get_by_text("is locked and its snapshot taken")).to_be_visible()


def test_the_lock_confirmation_and_reopen_pages_are_accessible(page, officer, transactional_db):
    build_programme(ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa"))
    period = services.period_open(month=OCTOBER)
    sign_in(page, officer.email)
    page.goto(f"/reports/periods/{period.pk}/lock/")
    expect(page.get_by_text("Workstreams without an update (2 of 3)")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name="Lock October 2026").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Reopen October 2026").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_role("button", name="Reopen October 2026").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Enter why you are reopening the month").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why are you reopening the month?").fill("B's update came in late")
    page.get_by_role("button", name="Reopen October 2026").click()
    page.wait_for_load_state()
    expect(page.get_by_text("is open again")).to_be_visible()
    expect(page.get_by_text("B's update came in late")).to_be_visible()
    assert_accessible(page)


def test_a_headteacher_sees_an_accessible_page_with_only_their_areas_reports(
    page, head_ne, locked_october
):
    sign_in(page, head_ne.email)
    page.goto("/reports/")
    expect(page.get_by_text("No reports match.")).to_be_visible()
    assert page.get_by_role("button", name="Generate now").count() == 0
    assert_accessible(page)
