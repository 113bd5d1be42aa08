import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def test_sign_in_page_is_accessible(page):
    page.goto("/sign-in/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert_accessible(page)


def test_sign_in_errors_are_accessible(page):
    page.goto("/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(
        page.locator(".govuk-error-summary").get_by_text("Enter your email address")
    ).not_to_have_count(0)
    assert_accessible(page)


def test_public_home_and_accessibility_statement(page):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"^Accessibility statement")
    )
    assert_accessible(page)


def test_privacy_notice_is_public_and_accessible(page):
    page.goto("/")
    page.get_by_role("link", name="Privacy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Privacy notice for the SEND programme portal"
    )
    expect(page.get_by_text("90 days")).to_be_visible()
    assert_accessible(page)


def test_govuk_frontend_javascript_starts(page):
    page.goto("/")
    body_class = page.evaluate("document.body.className")
    assert "govuk-frontend-supported" in body_class


@pytest.mark.parametrize(
    ("fixture", "expected_path"),
    [("officer", "/officer/"), ("board_member", "/board/"), ("head_ne", "/areas/north-east/")],
)
def test_each_role_lands_on_an_accessible_home(page, request, fixture, expected_path):
    user = request.getfixturevalue(fixture)
    sign_in(page, user.email)
    assert page.url.endswith(expected_path)
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in/")


def test_sign_in_and_out_without_javascript(page_without_js, officer):
    page = page_without_js
    sign_in(page, officer.email)
    assert page.url.endswith("/officer/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in/")
    page.goto("/officer/")
    assert "/sign-in/" in page.url


def test_locked_out_page_is_accessible(page, officer, settings):
    for _ in range(settings.SIGN_IN_CLIENT_FAILURE_LIMIT):
        sign_in(page, officer.email, password="wrong")
    expect(page.get_by_role("heading", name="Too many attempts to sign in")).to_be_visible()
    assert_accessible(page)


def test_signed_in_floor_is_accessible_at_390_px(page, officer):
    """The page `make bench` compares every page with: the officer's layout and navigation."""
    sign_in(page, officer.email)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/signed-in/")
    expect(page.get_by_role("heading", level=1, name="Signed in")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert_accessible(page)
