import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("officer", "/officer/"),
        ("admin", "/officer/"),
        ("board", "/board/"),
        ("head_x", "/areas/north-east/"),
        ("head_y", "/areas/south/"),
    ],
)
def test_home_sends_each_role_to_its_own_page(client_for, role, expected):
    response = client_for(role).get(reverse("home"))
    assert response.status_code == 302
    assert response.url == expected


def test_anonymous_home_is_the_public_page(client_for):
    response = client_for("anonymous").get(reverse("home"))
    assert response.status_code == 200
    assert b"Sign in" in response.content


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("head_x", 200),
        ("head_y", 403),
        ("board", 200),
        ("officer", 200),
        ("admin", 200),
    ],
)
def test_area_dashboard_is_refused_to_other_areas_headteachers(client_for, role, expected):
    response = client_for(role).get(reverse("area_dashboard", args=["north-east"]))
    assert response.status_code == expected
    if expected == 302:
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("head_x", 403), ("board", 403), ("officer", 200), ("admin", 200)],
)
def test_officer_home_refusal(client_for, role, expected):
    assert client_for(role).get(reverse("officer_home")).status_code == expected


def test_unknown_area_is_not_found(client_for):
    assert client_for("officer").get("/areas/nowhere/").status_code == 404


def test_navigation_depends_on_role(client_for):
    body = client_for("officer").get(reverse("officer_home")).content.decode()
    assert "My work" in body
    body = client_for("head_x").get(reverse("area_dashboard", args=["north-east"])).content.decode()
    assert "North East dashboard" in body
    assert "My work" not in body


def test_accessibility_statement_has_what_the_regulations_ask_for(client, settings):
    from django.urls import reverse

    settings.PORTAL_ACCESSIBILITY_EMAIL = "access@county.example"
    settings.PORTAL_ACCESSIBILITY_PHONE = "01632 960 555"
    settings.PORTAL_ACCESSIBILITY_PREPARED = "2026-11-30"
    settings.PORTAL_ACCESSIBILITY_REVIEWED = "2026-12-01"
    page = client.get(reverse("accessibility")).content.decode()
    assert "partially compliant with the" in page and "version 2.2</a> AA standard" in page
    assert "Non-accessible content" in page and "1.3.1" in page
    assert 'href="mailto:access@county.example"' in page and "01632 960 555" in page
    assert "different format" in page
    assert "Equality and Human Rights Commission (EHRC)" in page
    assert "Equality Commission for Northern Ireland (ECNI)" in page
    assert "prepared on 30 November 2026" in page and "last reviewed on 1 December 2026" in page
    assert "axe-core" in page  # how it was tested


def test_signed_in_floor_is_the_layout_around_an_empty_main(
    client_for, django_assert_max_num_queries
):
    """What `make bench` compares every main page with: the officer's full navigation and the
    layout, nothing in the main but its heading, and only the queries every signed-in page runs."""
    client = client_for("officer")
    with django_assert_max_num_queries(4):  # session, person with setting and area, roles
        response = client.get(reverse("signed_in_floor"))
    assert response.status_code == 200
    body = response.content.decode()
    for link in ("My work", "Programme dashboard", "Actions", "Reports", "Sign out"):
        assert link in body
    main = body.split('<main class="govuk-main-wrapper" id="main-content">')[1].split("</main>")[0]
    assert "<h1" in main and "<table" not in main and "<form" not in main


def test_signed_in_floor_needs_signing_in(client):
    response = client.get(reverse("signed_in_floor"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_the_privacy_notice_states_the_retention_periods(client, db, settings):
    settings.SIGN_IN_LOG_RETENTION_DAYS = 60
    body = client.get("/privacy/").content.decode()
    assert "Privacy notice" in body and "60 days" in body and "12 months" in body
