"""Each role's dashboard in a real browser: the content they need, zero axe violations, and
the same page working without JavaScript."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.dashboards.factories import indicator_for_area, locked_period, programme_world, report
from tests.localoffer.factories import ServiceFactory
from tests.meetings.factories import GroupFactory, MeetingFactory


@pytest.fixture
def world(area_ne, area_south, officer):
    world = programme_world(area_x=area_ne, area_y=area_south, officer=officer)
    group = GroupFactory(name="North East DSPL group", area=area_ne)
    world["meeting"] = MeetingFactory(
        group=group,
        title="North East DSPL group",
        date=timezone.localdate() + datetime.timedelta(days=14),
        status="published",
    )
    world["service"] = ServiceFactory(
        name="North East speech and language drop-in", areas=[area_ne]
    )
    indicator_for_area(
        area=area_ne,
        name="Pupils with an EHCP placed out of county",
        unit="number",
        area_values=[12, 3],
        local_values=[140, 131],
    )
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    period = locked_period(
        month=last_month,
        rags={world["workstream"]: ("red", "amber"), world["other"]: ("green", "")},
    )
    world["portfolio_report"] = report(period=period)
    world["area_report"] = report(period=period, scope="area", area=area_ne)
    return world


def test_area_dashboard_is_accessible_and_shows_the_areas_picture(page, head_ne, world):
    sign_in(page, head_ne.email)
    assert page.url.endswith("/areas/north-east/")
    expect(page.get_by_role("heading", level=1, name="North East")).to_be_visible()
    actions = page.locator("#area-actions")
    expect(actions.get_by_role("link", name=world["in_x"].title)).to_be_visible()
    expect(actions.get_by_role("link", name=world["county"].title)).to_be_visible()
    expect(page.get_by_text(world["in_y"].title)).to_have_count(0)
    expect(page.locator("#progress-summary")).to_contain_text("Action underway (but behind target)")
    expect(page.locator("#upcoming-meetings")).to_contain_text("North East DSPL group")
    expect(page.get_by_role("link", name=world["service"].name)).to_be_visible()
    indicator = page.locator(".portal-indicator").first
    expect(indicator.locator("svg")).to_be_visible()
    expect(indicator.locator("table")).to_contain_text("fewer than 5")
    expect(page.locator("#latest-report a")).to_have_attribute(
        "href", f"/reports/{world['area_report'].pk}/download/"
    )
    assert_accessible(page)


def test_board_dashboard_is_accessible_and_shows_exceptions(page, board_member, world):
    sign_in(page, board_member.email)
    assert page.url.endswith("/board/")
    expect(page.get_by_role("heading", level=1, name="Programme dashboard")).to_be_visible()
    expect(page.locator("#overall-rag")).to_contain_text("Red")
    expect(page.locator("#exception-actions")).to_contain_text(world["in_x"].title)
    expect(page.locator("#high-risks")).to_contain_text(world["risk"].description)
    expect(page.locator("#rag-history")).to_contain_text("Red (lead: Amber)")
    expect(page.locator("#latest-report a").first).to_have_attribute(
        "href", f"/reports/{world['portfolio_report'].pk}/download/"
    )
    trends = page.locator("#indicator-trends")  # a row each; charts on the indicators' pages
    expect(trends.locator("tbody tr th a").first).to_be_visible()
    assert_accessible(page)


def test_officer_home_is_accessible_and_lists_my_work(page, officer, world):
    sign_in(page, officer.email)
    assert page.url.endswith("/officer/")
    expect(page.get_by_role("heading", level=1, name="My work")).to_be_visible()
    first = page.locator("#my-actions tbody tr").first
    expect(first).to_contain_text(world["in_x"].title)
    expect(first).to_contain_text("Overdue")
    expect(page.locator("#updates-due")).to_contain_text("Identification")
    expect(page.locator("#reports")).to_contain_text("Ready")
    assert_accessible(page)


@pytest.mark.parametrize(
    ("fixture", "path", "text"),
    [
        ("head_ne", "/areas/north-east/", "Programme actions in North East"),
        ("board_member", "/board/", "Red and overdue actions"),
        ("officer", "/officer/", "My actions"),
    ],
)
def test_each_dashboard_works_without_javascript(
    page_without_js, request, world, fixture, path, text
):
    page = page_without_js
    user = request.getfixturevalue(fixture)
    sign_in(page, user.email)
    assert page.url.endswith(path)
    expect(page.get_by_text(text).first).to_be_visible()
    # Its links are plain links: the first action opens without JavaScript.
    page.locator('table td a.govuk-link[href^="/actions/"]').first.click()
    page.wait_for_load_state()
    assert "/actions/" in page.url
    expect(page.get_by_role("heading", level=1)).to_be_visible()
