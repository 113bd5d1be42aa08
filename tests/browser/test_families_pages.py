"""Issue 19's pages in a real browser: zero axe violations (WCAG 2.2 AA, target size included),
no sideways scrolling at 390 pixels, and the same pages without JavaScript."""

import pytest
from playwright.sync_api import expect

from localoffer.models import Schedule, SynonymGroup
from localoffer.synonyms import ensure_default_synonyms
from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.test_dashboards_pages import world  # noqa: F401 (a fixture)
from tests.localoffer.factories import CategoryFactory, ServiceFactory, need

PHONE = {"width": 390, "height": 844}


def assert_no_sideways_scrolling(page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px at 390 px"


def assert_targets_large_enough(page) -> None:
    """axe's target-size rule (WCAG 2.2 SC 2.5.8) on its own, so a failure names it."""
    from tests.browser.conftest import AXE_JS

    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})"
    )
    bad = [" ".join(n["target"]) for v in result["violations"] for n in v["nodes"]]
    assert not bad, f"touch targets under 24 px on {page.url}: {bad[:10]}"


@pytest.fixture
def offer(area_ne):
    # Browser tests empty the tables the migrations filled: put the families' words back.
    ensure_default_synonyms()
    under5 = CategoryFactory(name="Support for children under 5")
    therapy = ServiceFactory(
        name="Children's speech and language therapy",
        slug="speech",
        categories=[under5],
        needs=[need("communication-and-interaction")],
        url="",
        email="",
        access="either",
        referral_by="A GP or health visitor",
        is_illustrative=True,
    )
    Schedule.objects.create(service=therapy, days="MO,TU,WE", opens_at="09:00", closes_at="17:00")
    ServiceFactory(name="Home to school transport", categories=[under5])
    return therapy


def test_local_offer_at_390_px_with_filters_service_page_and_shortlist(page, offer):
    page.set_viewport_size(PHONE)
    page.goto("/local-offer/?q=SALT&day=MO&access=self-referral")
    expect(page.get_by_role("link", name=offer.name)).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    assert_targets_large_enough(page)
    page.get_by_role("link", name=offer.name).click()
    expect(page.locator("#illustrative")).to_be_visible()
    expect(page.get_by_text("Monday to Wednesday, 09:00 to 17:00")).to_be_visible()
    expect(page.locator("#get-in-touch + p")).to_contain_text("has not given us its own")
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    page.get_by_role("button", name="Add to your shortlist").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is on your shortlist")
    page.goto("/local-offer/shortlist/")
    expect(page.get_by_role("heading", name=offer.name)).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    page.get_by_label("Your email address").fill("not an address")
    page.get_by_role("button", name="Email me my shortlist").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


def test_print_hides_menus_and_buttons(page, offer):
    page.goto(f"/local-offer/services/{offer.slug}/")
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Add to your shortlist")).to_be_hidden()
    expect(page.locator(".govuk-footer")).to_be_hidden()
    expect(page.get_by_role("heading", level=1, name=offer.name)).to_be_visible()


def test_shortlist_works_without_javascript(page_without_js, offer):
    page = page_without_js
    page.goto(f"/local-offer/services/{offer.slug}/")
    page.get_by_role("button", name="Add to your shortlist").click()
    page.goto("/local-offer/shortlist/")
    expect(page.get_by_role("heading", name=offer.name)).to_be_visible()
    page.get_by_role("button", name="Take off your shortlist").click()
    expect(page.get_by_text("Your shortlist is empty")).to_be_visible()


def test_officers_pages_for_words_and_opening_times(page, officer, offer):
    SynonymGroup.objects.create(words="autism, ASD")
    sign_in(page, officer.email)
    for url in [
        "/local-offer/manage/synonyms/",
        "/local-offer/manage/synonyms/new/",
        f"/local-offer/manage/services/{offer.pk}/schedules/new/",
        f"/local-offer/manage/services/{offer.pk}/",
    ]:
        page.goto(url)
        assert_accessible(page)
    page.goto("/local-offer/manage/synonyms/new/")
    page.get_by_role("button", name="Save words").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/local-offer/manage/services/{offer.pk}/schedules/new/")
    page.get_by_role("button", name="Save opening times").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


def test_calendar_address_page(page, head_ne):
    sign_in(page, head_ne.email)
    page.set_viewport_size(PHONE)
    page.goto("/account/calendar/")
    assert_accessible(page)
    page.get_by_role("button", name="Get my calendar address").click()
    expect(page.get_by_label("Your private calendar address")).to_have_value(
        page.get_by_label("Your private calendar address").input_value()
    )
    assert "/calendar/" in page.get_by_label("Your private calendar address").input_value()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)


def test_accessibility_statement_page(page):
    page.set_viewport_size(PHONE)
    page.goto("/accessibility/")
    expect(page.get_by_role("heading", name="Compliance status")).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)


def test_area_dashboard_touch_targets(page, head_ne, world):  # noqa: F811
    sign_in(page, head_ne.email)
    assert page.url.endswith("/areas/north-east/")
    assert_targets_large_enough(page)
    page.set_viewport_size(PHONE)
    assert_targets_large_enough(page)


def test_demo_area_dashboard_touch_targets_at_390_px(page, transactional_db, demo_restore):
    """The demo's area dashboard, where its list of Local Offer services had links 17 px high."""
    demo_restore()
    sign_in(page, "head@demo.test")
    assert page.url.endswith("/areas/north-east/")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert_targets_large_enough(page)
    assert_accessible(page)
