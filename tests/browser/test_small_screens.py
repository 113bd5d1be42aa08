"""Each role's main pages on a 390 px phone screen, with the demo's own data (its long names
and full tables): the page is no wider than the screen, so nothing scrolls sideways."""

import pytest

from tests.browser.conftest import sign_in

PHONE = {"width": 390, "height": 844}


def _pages(role: str) -> list[str]:
    from inspections.models import AreaOfWeakness, Indicator
    from localoffer.models import Service
    from workstreams.models import Action

    action = Action.objects.filter(programme__slug="kent-wsoa").order_by("pk").first()
    weakness = AreaOfWeakness.objects.order_by("pk").first()
    service = Service.objects.order_by("pk").first()
    # The indicators' own pages with the widest tables: figures by area, and every comparator
    # (region, statistical neighbours and England) beside the local area's figures.
    by_area = Indicator.objects.filter(values__area__isnull=False).order_by("pk").first()
    compared = (
        Indicator.objects.filter(
            values__region__isnull=False, values__statistical_neighbours__isnull=False
        )
        .order_by("pk")
        .first()
    )
    everyone_signed_in = ["/programmes/", "/inspections/", "/inspections/indicators/"]
    return {
        "head@demo.test": ["/areas/north-east/", *everyone_signed_in, "/local-offer/"],
        "officer@demo.test": [
            "/officer/",
            "/actions/",
            "/actions/mine/",
            "/programmes/herts-send-strategy/",
            "/programmes/kent-wsoa/workstreams/E/",
            f"/actions/{action.pk}/",
            f"/inspections/weaknesses/{weakness.pk}/",
            "/reports/",
            "/local-offer/manage/",
            "/local-offer/sen-reports/",
            f"/local-offer/services/{service.slug}/",
            f"/local-offer/manage/services/{service.pk}/",
            f"/inspections/indicators/{by_area.pk}/",
            f"/inspections/indicators/{compared.pk}/",
            *everyone_signed_in,
        ],
        "board@demo.test": ["/board/", "/reports/", *everyone_signed_in],
        "": ["/", "/local-offer/"],
    }[role]


@pytest.fixture
def demo(transactional_db, demo_restore):
    """The demo, restored from the session's snapshot (loaded once, not once a test)."""
    demo_restore()


@pytest.mark.parametrize(
    "email",
    ["head@demo.test", "officer@demo.test", "board@demo.test", ""],
    ids=["headteacher", "officer", "board member", "the public"],
)
def test_main_pages_fit_a_390_px_screen(page, demo, email):
    page.set_viewport_size(PHONE)
    if email:
        sign_in(page, email)
    too_wide = []
    for path in _pages(email):
        response = page.goto(path)
        assert response is not None and response.status == 200, f"{path}: {response}"
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 390:
            too_wide.append(f"{path} is {width} px wide")
    assert not too_wide, f"{email or 'the public'} scrolls sideways at 390 px: {too_wide}"
