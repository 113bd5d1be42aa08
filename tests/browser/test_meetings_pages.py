import pytest
from playwright.sync_api import expect

from send_portal.demo import meetings as meetings_demo
from tests.browser.conftest import assert_accessible, sign_in
from workstreams.meetings.models import Meeting


@pytest.fixture
def round_table(db):
    meetings_demo.load(stdout=type("Out", (), {"write": lambda self, s: None})())
    return Meeting.objects.get(date="2018-02-21")


def test_minutes_pages_are_accessible_to_a_headteacher(page, round_table, head_ne):
    sign_in(page, head_ne.email)
    page.goto("/meetings/")
    assert_accessible(page)
    page.get_by_role("link", name="SEND Headteacher Round Table").click()
    assert_accessible(page)
    page.get_by_role("link", name="Wednesday 21 February 2018").click()
    expect(page.get_by_role("heading", name="3. Inclusion definition for Essex")).to_be_visible()
    assert_accessible(page)
    page.goto("/decisions/?q=inclusion")
    assert_accessible(page)


def test_officer_pages_and_forms_are_accessible(page, round_table, officer):
    sign_in(page, officer.email)
    page.goto(round_table.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Add an action arising").click()
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/meetings/{round_table.pk}/attendees/add/")
    assert_accessible(page)
    page.goto("/meetings/groups/headteacher-round-table/new/")
    assert_accessible(page)


def test_officer_writes_and_publishes_minutes_without_javascript(
    page_without_js, round_table, officer
):
    page = page_without_js
    sign_in(page, officer.email)
    draft = round_table.future_meetings.order_by("date").first()
    page.goto(draft.get_absolute_url())
    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill("Barnet visit feedback")
    page.get_by_label("Discussion").fill("<p>Ruth reported back on the <strong>visit</strong>.</p>")
    page.get_by_role("button", name="Save item").click()
    expect(page.get_by_role("heading", name="1. Barnet visit feedback")).to_be_visible()
    expect(page.get_by_text("Open actions from the last meeting")).to_be_visible()
    page.get_by_role("button", name="Publish the minutes").click()
    expect(page.get_by_text("Minutes published")).to_be_visible()
    draft.refresh_from_db()
    assert draft.is_published


def test_removing_an_item_and_undoing_it_is_accessible(page, round_table, officer):
    """The confirmation page (with its error), the history with its undo: zero axe violations."""
    sign_in(page, officer.email)
    page.goto(round_table.get_absolute_url())
    page.get_by_role("link", name="Remove item 3").click()
    expect(page.get_by_role("heading", name="Are you sure you want to remove this minute item?"))
    assert_accessible(page)
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why are you removing it?").fill("Entered twice")
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_text("Reason: Entered twice")).to_be_visible()
    assert_accessible(page)
    page.locator('form[action$="/restore/"] button').first.click()
    expect(page.get_by_role("heading", name="3. Inclusion definition for Essex")).to_be_visible()
    assert_accessible(page)


def test_date_input_and_conflict_form_are_accessible(page, round_table, officer):
    sign_in(page, officer.email)
    page.goto(f"/meetings/{round_table.pk}/edit/")
    expect(page.get_by_role("group", name="Date")).to_be_visible()
    page.get_by_label("Month").fill("")
    page.get_by_role("button", name="Save meeting").click()
    assert_accessible(page)
    page.get_by_role("link", name="Date must include a month").click()
    assert page.evaluate("document.activeElement.id") == "id_date_month"
