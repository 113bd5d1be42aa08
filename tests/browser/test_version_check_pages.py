"""The correction pages with a version check (SEN report reviews, indicator values, milestones,
the month's update) in a real browser: zero axe violations at 1200 and 390 pixels, the refused
save's page included, no sideways scrolling on a phone, and a correction without JavaScript."""

from datetime import date
from decimal import Decimal

import pytest
from django.db.models import F
from playwright.sync_api import expect

from send_portal.core.dates import today
from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.test_families_pages import assert_no_sideways_scrolling

WIDTHS = (1200, 390)


@pytest.fixture
def records(officer):
    from localoffer.services import sen_review_record
    from tests.core.factories import SettingFactory
    from tests.inspections.factories import IndicatorValueFactory
    from tests.reporting.factories import WorkstreamFactory
    from tests.workstreams.factories import ActionFactory
    from workstreams.models import Milestone
    from workstreams.reporting.selectors import update_month
    from workstreams.reporting.services import monthly_update_submit

    review = sen_review_record(
        setting=SettingFactory(name="Hillside Primary"),
        report_url="https://school.example/sen",
        review_date=date(2026, 1, 12),
        judgements=dict.fromkeys(range(1, 11), "met"),
    )
    value = IndicatorValueFactory(period="2020", value=Decimal("61.5"))
    milestone = Milestone.objects.create(action=ActionFactory(), title="Plan agreed")
    ws = WorkstreamFactory()
    update, _ = monthly_update_submit(
        workstream=ws,
        month=update_month(on=today())[0],
        data={
            "current_position": "<p>Under way.</p>",
            "rag": "amber",
            "rag_reason": "<p>Late.</p>",
        },
        by=officer,
    )
    return {
        "review": (review, f"/local-offer/sen-reports/reviews/{review.pk}/edit/", "Save review"),
        "value": (
            value,
            f"/inspections/indicators/{value.indicator_id}/values/{value.pk}/edit/",
            "Save value",
        ),
        "milestone": (
            milestone,
            f"/actions/{milestone.action_id}/milestones/{milestone.pk}/done/",
            "Save",
        ),
        "update": (
            update,
            f"/programmes/{ws.programme.slug}/workstreams/{ws.code}/",
            "Submit the monthly update",
        ),
    }


def _saved_meanwhile(record) -> None:
    """Someone else saves the record after the page was loaded (its version goes up)."""
    type(record).objects.filter(pk=record.pk).update(version=F("version") + 1)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["review", "value", "milestone", "update"])
def test_correction_page_and_its_refused_save_are_accessible(page, officer, records, kind, width):
    record, url, button = records[kind]
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, officer.email)
    page.goto(url)
    expect(page.get_by_role("button", name=button)).to_be_visible()
    assert_accessible(page)
    if width == 390:
        assert_no_sideways_scrolling(page)
    _saved_meanwhile(record)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("heading", name="Someone else changed this")).to_be_visible()
    assert_accessible(page)
    if width == 390:
        assert_no_sideways_scrolling(page)


def test_a_review_is_corrected_without_javascript(page_without_js, officer, records):
    review, url, _button = records["review"]
    page = page_without_js
    sign_in(page, officer.email)
    page.goto(url)
    expect(page.get_by_role("group", name="Date of the review")).to_be_visible()
    page.get_by_role("group", name="Date of the review").get_by_label("Day").fill("13")
    page.get_by_role("group", name="10. Arrangements for handling complaints").get_by_label(
        "Partly met"
    ).check()
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("Judgement: Met → Partly met")).to_be_visible()
    expect(page.get_by_text("Review date: 12 January 2026 → 13 January 2026")).to_be_visible()
    review.refresh_from_db()
    assert review.review_date == date(2026, 1, 13)


def test_a_milestone_is_ticked_without_javascript(page_without_js, officer, records):
    milestone, _url, _button = records["milestone"]
    page = page_without_js
    sign_in(page, officer.email)
    page.goto(f"/actions/{milestone.action_id}/")
    page.get_by_role("button", name="Mark done").click()
    expect(page.get_by_text("Milestone marked done: Plan agreed")).to_be_visible()
    expect(page.get_by_role("button", name="Mark not done")).to_be_visible()
