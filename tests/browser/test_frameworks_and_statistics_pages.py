"""The 2023-framework inspection, the engagement meeting form, the indicator catalogue and the
official statistics upload in a real browser: zero axe violations, at desktop width and at
390 px, and the forms work without JavaScript."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from inspections.models import AreaOfWeakness, Indicator, Inspection, MonitoringMilestone
from tests.browser.conftest import assert_accessible, sign_in

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def demo(transactional_db, demo_restore, settings):
    """The demo, restored from the session's snapshot (loaded once, not once a test)."""
    demo_restore()
    settings.PORTAL_LA_CODE = "E10000016"
    settings.PORTAL_STATISTICAL_NEIGHBOURS = ["E10000012", "E10000014"]
    inspection = Inspection.objects.get(framework="2023")
    return {
        "inspection": inspection,
        "finding": AreaOfWeakness.objects.filter(inspection=inspection).first(),
        "official": Indicator.objects.get(catalogue="ehcp-within-20-weeks"),
    }


def _no_horizontal_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", [1200, 390])
def test_the_2023_inspection_and_its_pages_are_accessible(page, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "officer@demo.test")
    page.goto(f"/inspections/{demo['inspection'].pk}/")
    expect(page.get_by_text("Illustrative: this inspection and its findings")).to_be_visible()
    expect(page.get_by_text("There are widespread and/or systemic failings")).to_be_visible()
    expect(page.get_by_role("heading", name="Areas for priority action")).to_be_visible()
    assert_accessible(page)
    _no_horizontal_scroll(page)

    page.get_by_role("link", name="Record an annual engagement meeting").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save meeting").click()
    expect(
        page.locator(".govuk-error-summary").get_by_text("Enter the date of the meeting")
    ).to_be_visible()
    assert_accessible(page)
    _no_horizontal_scroll(page)

    page.goto(f"/inspections/weaknesses/{demo['finding'].pk}/")
    expect(page.get_by_role("heading", name="Area for priority action 1")).to_be_visible()
    page.get_by_role("link", name="Add an official figure from the catalogue").click()
    assert_accessible(page)
    page.get_by_role("button", name="Add the indicator").click()
    assert_accessible(page)

    page.goto(f"/inspections/indicators/{demo['official'].pk}/")
    expect(page.get_by_text("than England in 2024")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Import official statistics").click()
    assert_accessible(page)
    page.get_by_label("The publication's CSV file").set_input_files(
        str(FIXTURES / "ees_ehcp_timeliness_bad.csv")
    )
    page.get_by_label("Column holding the figure").fill("within_20_weeks_percent")
    page.get_by_label("Filters (optional)").fill("exceptions=Excluding exceptions")
    page.get_by_role("button", name="Import the figures").click()
    expect(page.get_by_role("table", name="Problems in the file")).to_be_visible()
    assert_accessible(page)
    _no_horizontal_scroll(page)


def test_the_forms_work_without_javascript(page_without_js, demo):
    page = page_without_js
    sign_in(page, "officer@demo.test")
    page.goto(f"/inspections/{demo['inspection'].pk}/engagement-meetings/new/")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("6")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Notes").fill("Interim check-in.")
    page.get_by_role("button", name="Save meeting").click()
    expect(page.get_by_text("Annual engagement meeting, 1 June 2026").first).to_be_visible()
    assert MonitoringMilestone.objects.filter(notes="Interim check-in.").exists()

    page.goto(f"/inspections/weaknesses/{demo['finding'].pk}/indicators/catalogue/")
    page.get_by_label("Persistent absence: pupils with SEN", exact=False).check()
    page.get_by_role("button", name="Add the indicator").click()
    expect(page.get_by_role("heading", name="Import official statistics")).to_be_visible()

    page.goto(f"/inspections/indicators/{demo['official'].pk}/values/official/")
    page.get_by_label("The publication's CSV file").set_input_files(
        str(FIXTURES / "ees_ehcp_timeliness.csv")
    )
    page.get_by_label("Column holding the figure").fill("within_20_weeks_percent")
    page.get_by_label("Filters (optional)").fill("exceptions=Including exceptions")
    page.get_by_role("button", name="Import the figures").click()
    expect(page.get_by_text("0 added and 3 replaced")).to_be_visible()


@pytest.mark.parametrize("width", [1200, 390])
def test_importing_a_plan_that_names_a_new_programme_is_accessible(page, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "officer@demo.test")
    page.goto("/actions/import/")
    page.get_by_label("Spreadsheet of actions").set_input_files(
        str(FIXTURES / "wsoa_findings_in_words.csv")
    )
    page.get_by_role("button", name="Import actions").click()
    expect(page.get_by_role("heading", name="Create the programme the file names")).to_be_visible()
    assert_accessible(page)
    _no_horizontal_scroll(page)
    page.get_by_label("Written Statement of Action (answers a 2016").check()
    page.get_by_label("2016: joint local area SEND inspection").check()
    page.get_by_role("button", name="Preview what will be created").click()
    expect(page.get_by_text("Preview: nothing is saved yet")).to_be_visible()
    assert_accessible(page)
    _no_horizontal_scroll(page)
    page.get_by_role("button", name="Import and create").click()
    expect(page.get_by_text("1 programme created, 4 actions added")).to_be_visible()


@pytest.mark.parametrize("width", [1200, 390])
def test_the_statistical_neighbours_page_is_accessible(page, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "officer@demo.test")
    page.goto("/inspections/indicators/")
    page.get_by_role("link", name="The council's statistical neighbours").click()
    assert_accessible(page)
    page.get_by_role("button", name="Import the neighbours").click()
    assert page.locator(".govuk-error-summary").get_by_text("Choose the workbook to import")
    assert_accessible(page)
    page.get_by_label("Statistical neighbour workbook").set_input_files(
        str(FIXTURES / "statistical_neighbours.csv")
    )
    page.get_by_role("button", name="Import the neighbours").click()
    expect(page.get_by_text("7 statistical neighbours imported.")).to_be_visible()
    assert_accessible(page)
    _no_horizontal_scroll(page)
