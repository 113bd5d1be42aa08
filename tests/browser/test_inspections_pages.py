"""Inspections, weaknesses, indicators and readiness in a real browser: zero axe violations,
and the forms work without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from inspections.models import AreaOfWeakness, Indicator, IndicatorValue, Inspection
from tests.browser.conftest import assert_accessible, sign_in


@pytest.fixture
def demo(transactional_db, demo_restore):
    """The demo, restored from the session's snapshot (loaded once, not once a test)."""
    demo_restore()
    surrey = Inspection.objects.get(local_area="Surrey", kind=Inspection.Kind.JOINT)
    return {
        "surrey": surrey,
        "theme_4": AreaOfWeakness.objects.get(inspection=surrey, number=4),
        "ehcp": Indicator.objects.get(name="New EHC plans issued within 20 weeks"),
        "sen_support": Indicator.objects.get(name__startswith="% of pupils"),
    }


def test_officer_pages_are_accessible(page, demo):
    sign_in(page, "officer@demo.test")
    page.goto("/inspections/")
    expect(page.get_by_role("heading", name="Inspections", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Surrey").click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.get_by_text("Judgements on each area of weakness")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/inspections/weaknesses/{demo['theme_4'].pk}/")
    indicators = page.locator("#indicators")  # one row each; the chart is on its own page
    name = "% of pupils with special educational needs (SEN) support"
    assert indicators.get_by_role("link", name=name).count() == 1
    assert_accessible(page)
    indicators.get_by_role("link", name=name).click()
    expect(page.get_by_role("img", name=name)).to_have_count(1)  # on the page the click opens
    assert_accessible(page)
    page.go_back()

    page.get_by_role("link", name="Inspection readiness").click()
    expect(
        page.get_by_role("heading", name="Evidence narrative: area of weakness 4")
    ).to_be_visible()
    assert_accessible(page)

    page.goto("/inspections/indicators/")
    assert_accessible(page)
    page.goto(f"/inspections/indicators/{demo['ehcp'].pk}/")
    expect(
        page.get_by_role("img", name="New EHC plans issued within 20 weeks, by area")
    ).not_to_have_count(0)
    assert_accessible(page)


def test_value_form_errors_are_accessible(page, demo):
    sign_in(page, "officer@demo.test")
    page.goto(f"/inspections/indicators/{demo['ehcp'].pk}/values/add/")
    assert_accessible(page)
    page.get_by_label("Period").fill("Spring")
    page.get_by_role("button", name="Save value").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_text("Enter the quarter like 2019 Q1")).not_to_have_count(0)
    expect(summary.get_by_text("Enter the value")).not_to_have_count(0)
    assert_accessible(page)


def test_upload_errors_are_accessible(page, demo, tmp_path):
    sign_in(page, "officer@demo.test")
    page.goto(f"/inspections/indicators/{demo['sen_support'].pk}/values/upload/")
    assert_accessible(page)
    bad = tmp_path / "values.csv"
    bad.write_text("period,value,region,statistical_neighbours,england,area\n2019,abc,,,,\n")
    page.get_by_label("CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload values").click()
    expect(page.get_by_role("table", name="Problems in the file")).to_be_visible()
    assert_accessible(page)


def test_headteacher_reads_an_indicator(page, demo):
    sign_in(page, "head@demo.test")
    page.goto(f"/inspections/indicators/{demo['ehcp'].pk}/")
    by_area = page.get_by_role("table", name=re.compile(": figures by area$"))
    expect(by_area.get_by_role("columnheader", name="Area")).to_have_count(1)
    expect(by_area.get_by_role("cell", name="North East", exact=True)).not_to_have_count(0)
    expect(by_area.get_by_role("cell", name="South", exact=True)).to_have_count(0)
    assert page.get_by_role("link", name="Add or correct a value").count() == 0
    assert_accessible(page)


def test_forms_work_without_javascript(page_without_js, demo, tmp_path):
    page = page_without_js
    sign_in(page, "officer@demo.test")
    page.goto(f"/inspections/indicators/{demo['sen_support'].pk}/values/add/")
    page.get_by_label("Period").fill("2019")
    page.get_by_label("Value").fill("12.1")
    page.get_by_role("button", name="Save value").click()
    expect(page.get_by_text("The value for 2019 was added.")).to_be_visible()

    good = tmp_path / "values.csv"
    good.write_text(
        "period,value,region,statistical_neighbours,england,area\n2020,12.4,11.6,11.0,12.1,\n"
    )
    page.goto(f"/inspections/indicators/{demo['sen_support'].pk}/values/upload/")
    page.get_by_label("CSV file").set_input_files(str(good))
    page.get_by_role("button", name="Upload values").click()
    expect(page.get_by_text("1 value added and 0 replaced.")).to_be_visible()
    assert IndicatorValue.objects.filter(indicator=demo["sen_support"], period="2020").exists()

    page.goto(f"/inspections/{demo['surrey'].pk}/")
    page.get_by_role("link", name="Record the outcome").first.click()
    page.get_by_label("Met", exact=True).check()
    page.get_by_role("button", name="Save outcome").click()
    expect(page.get_by_text("was saved")).to_be_visible()

    page.get_by_role("link", name="Change the judgement on area of weakness 4").click()
    page.get_by_label("The inspectors' words").fill("Identification has risen since 2016.")
    page.get_by_role("button", name="Save judgement").click()
    expect(page.get_by_text("Identification has risen since 2016.")).to_be_visible()


def test_indicator_form_is_accessible_with_errors(page, demo):
    sign_in(page, "officer@demo.test")
    page.goto(f"/inspections/weaknesses/{demo['theme_4'].pk}/")
    page.get_by_role("link", name="Add an indicator").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save indicator").click()
    expect(page.locator(".govuk-error-summary").get_by_text("Select the unit")).not_to_have_count(0)
    assert_accessible(page)


def test_judgement_and_milestone_forms_are_accessible(page, demo):
    sign_in(page, "officer@demo.test")
    page.goto(f"/inspections/{demo['surrey'].pk}/")
    page.get_by_role("link", name="Change the judgement on area of weakness 3").click()
    assert_accessible(page)
    page.goto(f"/inspections/{demo['surrey'].pk}/")
    page.get_by_role("link", name="Record the outcome").first.click()
    expect(page.get_by_role("radio", name="Due")).to_be_checked()
    assert_accessible(page)


def test_inspections_in_the_navigation(page, demo):
    sign_in(page, "board@demo.test")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Inspections").click()
    expect(page.get_by_role("heading", name="Inspections", level=1)).to_be_visible()
