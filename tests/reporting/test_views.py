"""The reports page, generate now, status, download and periods: who may do what."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from workstreams.reporting import services
from workstreams.reporting.models import Report, ReportingPeriod
from workstreams.reporting.periods import next_month, previous_month

from .factories import ProgrammeFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "head_x", "head_y", "board", "officer", "admin"]


@pytest.fixture
def period(db):
    build_programme(ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa"))
    return services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)


def _ready(period, **kwargs) -> Report:
    scope = kwargs.pop("scope", "portfolio")
    report = Report(
        period=period,
        scope=scope,
        scope_key=Report.make_scope_key(
            scope=scope,
            programme_id=getattr(kwargs.get("programme"), "pk", None),
            area_id=getattr(kwargs.get("area"), "pk", None),
        ),
        state=Report.State.READY,
        progress=100,
        size=12,
        pages=1,
        **kwargs,
    )
    report.pdf.save(f"r-{report.scope_key}.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    report.save()
    return report


@pytest.fixture
def reports(period, area_ne, area_south):
    return {
        "portfolio": _ready(period),
        "ne": _ready(period, scope="area", area=area_ne),
        "south": _ready(period, scope="area", area=area_south),
    }


# role → expected status for: portfolio download, north-east download, south download
DOWNLOADS = {
    "anonymous": (302, 302, 302),
    "head_x": (403, 200, 403),
    "head_y": (403, 403, 200),
    "board": (200, 200, 200),
    "officer": (200, 200, 200),
    "admin": (200, 200, 200),
}


@pytest.mark.parametrize("role", ROLES)
def test_download_permissions_per_role(client_for, reports, role):
    client = client_for(role)
    for key, expected in zip(["portfolio", "ne", "south"], DOWNLOADS[role], strict=True):
        report = reports[key]
        for name in ("reporting:download", "reporting:status"):
            response = client.get(reverse(name, args=[report.pk]))
            assert response.status_code == expected, (role, key, name)
            if expected == 302:
                assert response["Location"].startswith("/sign-in/")
    if DOWNLOADS[role][0] == 200:
        response = client.get(reverse("reporting:download", args=[reports["portfolio"].pk]))
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == b"%PDF-1.7 test"


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("head_x", 200), ("board", 200), ("officer", 200), ("admin", 200)],
)
def test_reports_page_per_role(client_for, reports, role, expected):
    response = client_for(role).get(reverse("reporting:list"))
    assert response.status_code == expected


def test_a_headteacher_lists_only_their_own_areas_reports(client_for, reports):
    response = client_for("head_x").get(reverse("reporting:list"))
    listed = {report.pk for report in response.context["reports"]}
    assert listed == {reports["ne"].pk}
    assert "Generate a report now" not in response.content.decode()


def test_a_missing_report_is_404_for_those_who_read_everything(client_for, reports):
    assert client_for("board").get(reverse("reporting:download", args=[999999])).status_code == 404


def test_the_page_lists_newest_first_and_filters_by_year_and_scope(client_for, reports, area_ne):
    older = services.period_open_and_lock(month=date(2025, 12, 1), today=date(2026, 1, 5))
    old_report = _ready(older)
    client = client_for("board")
    listed = list(client.get(reverse("reporting:list")).context["reports"])
    assert listed[-1] == old_report and listed[0].period.month == OCTOBER
    by_year = client.get(reverse("reporting:list"), {"year": "2025"}).context["reports"]
    assert list(by_year) == [old_report]
    by_scope = client.get(reverse("reporting:list"), {"scope": "area"}).context["reports"]
    assert {r.pk for r in by_scope} == {reports["ne"].pk, reports["south"].pk}
    page = client.get(reverse("reporting:list")).content.decode()
    assert "Download PDF" in page and "Generate a report now" not in page


def test_progress_shows_on_the_page_and_in_the_status_endpoint(client_for, period):
    report = Report.objects.create(
        period=period,
        scope="portfolio",
        scope_key="portfolio",
        state=Report.State.GENERATING,
        progress=40,
    )
    client = client_for("officer")
    page = client.get(reverse("reporting:list")).content.decode()
    assert "40% done" in page and "Generating" in page
    assert f'data-report-status-url="/reports/{report.pk}/status/"' in page
    status = client.get(reverse("reporting:status", args=[report.pk])).json()
    assert status == {
        "id": report.pk,
        "state": "generating",
        "state_label": "Generating",
        "progress": 40,
        "failure_reason": "",
        "finished": False,
        "download_url": None,
    }
    assert client.get(reverse("reporting:download", args=[report.pk])).status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("head_x", 403), ("board", 403), ("officer", 302), ("admin", 302)],
)
def test_generate_now_is_for_officers(
    client_for, period, role, expected, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(role).post(
            reverse("reporting:generate"), {"period": period.pk, "scope": "portfolio"}
        )
    assert response.status_code == expected
    if role in {"officer", "admin"}:
        report = Report.objects.get()
        assert response["Location"] == f"/reports/#report-{report.pk}"
        assert report.state == Report.State.READY
        assert report.requested_by.email.startswith(role if role == "admin" else "officer")
    else:
        assert not Report.objects.exists()


def test_generate_now_explains_what_is_missing(client_for, period):
    response = client_for("officer").post(
        reverse("reporting:generate"), {"period": period.pk, "scope": "programme"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select the programme for a programme report" in page
    assert "<title>Error: Highlight reports" in page
    assert not Report.objects.exists()
    response = client_for("officer").post(reverse("reporting:generate"), {"scope": "portfolio"})
    assert "Select the month" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("head_x", 403), ("board", 403), ("officer", 200), ("admin", 200)],
)
def test_periods_page_is_for_officers(client_for, db, role, expected):
    assert client_for(role).get(reverse("reporting:periods")).status_code == expected


def test_an_officer_opens_and_locks_a_period(client_for, db):
    last_month = previous_month(timezone.localdate().replace(day=1))
    client = client_for("officer")
    response = client.post(reverse("reporting:period_open"), {"month": f"{last_month:%Y-%m}"})
    assert response.status_code == 302
    period = ReportingPeriod.objects.get()
    assert period.month == last_month and not period.is_locked
    assert period.deadline == next_month(last_month).replace(day=5)
    response = client.post(reverse("reporting:period_lock", args=[period.pk]), {"confirm": "yes"})
    period.refresh_from_db()
    assert period.is_locked and period.locked_by.email == "officer@test.example"


def test_opening_a_month_not_offered_is_refused(client_for, db):
    response = client_for("officer").post(reverse("reporting:period_open"), {"month": "1999-01"})
    assert response.status_code == 400
    assert "Select a month from the list" in response.content.decode()
    assert not ReportingPeriod.objects.exists()


def test_a_board_member_cannot_lock_a_period(client_for, db):
    period = services.period_open(month=OCTOBER)
    assert (
        client_for("board")
        .post(reverse("reporting:period_lock", args=[period.pk]), {"confirm": "yes"})
        .status_code
        == 403
    )
    period.refresh_from_db()
    assert not period.is_locked


@pytest.mark.parametrize("extra_areas", [0, 20])
def test_the_reports_page_makes_the_same_few_queries_at_any_size(
    client_for, reports, extra_areas, django_assert_max_num_queries
):
    from tests.core.factories import AreaFactory

    for n in range(extra_areas):
        _ready(reports["portfolio"].period, scope="area", area=AreaFactory(name=f"Extra {n}"))
    client = client_for("officer")
    with django_assert_max_num_queries(15):
        response = client.get(reverse("reporting:list"))
    assert len(response.context["reports"]) == 3 + extra_areas


@pytest.mark.parametrize("year", ["10000", "-1", "99999999999999999999", "twenty"])
def test_a_bad_year_is_named_on_the_page_not_a_500(client, officer, year):
    client.force_login(officer)
    response = client.get(reverse("reporting:list"), {"year": year})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose a year from the list" in body and "<title>Error: " in body
