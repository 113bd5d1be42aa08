"""Periods, the snapshot rule, report requests and generation."""

from datetime import date

import pytest
from django.core import mail

from workstreams.reporting import services
from workstreams.reporting.content import build_report_content
from workstreams.reporting.models import ActionSnapshot, Report, WorkstreamSnapshot
from workstreams.reporting.render import render_html
from workstreams.status import ActionStatus

from .factories import ProgrammeFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme, pdf_text

SEPTEMBER = date(2026, 9, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(db):
    return ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa")


def _request(period, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        report, enqueued = services.report_request(period=period, **kwargs)
    report.refresh_from_db()
    return report, enqueued


def test_locking_takes_a_snapshot_of_actions_and_workstreams(programme):
    build_programme(programme)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    assert period.is_locked and period.as_of == date(2026, 10, 31)
    b1 = ActionSnapshot.objects.get(period=period, ref="B.1")
    assert (b1.status, b1.rag, b1.is_overdue, b1.owner) == (
        ActionStatus.BEHIND,
        "red",
        True,
        "Sam Owner",
    )
    assert b1.due_date == date(2026, 10, 15)
    snaps = {s.code: s for s in WorkstreamSnapshot.objects.filter(period=period)}
    assert snaps["A"].rolled_up_rag == "green"
    assert snaps["B"].rolled_up_rag == "red"
    assert snaps["B"].stated_rag == "red"  # from the lead's monthly update
    assert snaps["B"].update_submitted and not snaps["A"].update_submitted
    assert snaps["C"].rolled_up_rag == "blue"


def test_locking_twice_changes_nothing(programme):
    build_programme(programme)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    count = ActionSnapshot.objects.count()
    assert services.period_lock(period=period) is False
    assert ActionSnapshot.objects.count() == count == 6


def test_edits_after_locking_never_change_the_report(programme, django_capture_on_commit_callbacks):
    build_programme(programme)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    before = render_html(Report(period=period, scope="portfolio"))
    action = programme.actions.get(ref="B.1")
    action.status = ActionStatus.COMPLETED
    action.title = "Renamed after the lock"
    action.save()
    programme.workstreams.filter(code="A").update(title="Renamed workstream")
    after = render_html(Report(period=period, scope="portfolio"))
    strip = lambda html: html.split("; generated")[0] + html.split("; compared with")[1]  # noqa: E731
    assert strip(before) == strip(after)
    report, _ = _request(period, django_capture_on_commit_callbacks)
    text = pdf_text(report)
    assert "Renamed" not in text
    assert "Agree a joint commissioning strategy" in text
    assert "Action underway (but behind target) 2 " in text


def test_change_since_last_month_and_newly_marked_actions(
    programme, django_capture_on_commit_callbacks
):
    build_programme(programme)
    services.period_open_and_lock(month=SEPTEMBER, today=date(2026, 10, 2))
    # In October: A.1 is completed, B.2 becomes overdue, and B (red in September? no) changes.
    programme.actions.filter(ref="A.1").update(status=ActionStatus.COMPLETED)
    programme.actions.filter(ref="B.2").update(due_date=date(2026, 10, 20))
    october = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    content = build_report_content(
        Report(period=october, scope="portfolio"), generated_at=AFTER_OCTOBER
    )
    by_code = {ws.snap.code: ws for ws in content.workstreams}
    # September: B.1 due 15 October was not yet overdue, so B was amber; now red.
    assert (by_code["B"].previous_rag, by_code["B"].rag) == ("amber", "red")
    assert by_code["B"].change.arrow == "↓"
    assert by_code["C"].change.arrow == "→"
    lines = {line.snap.ref: line for ws in content.workstreams for line in ws.actions}
    assert lines["A.1"].newly_completed
    assert not lines["C.1"].newly_completed  # completed already in September
    assert lines["B.1"].newly_overdue and lines["B.2"].newly_overdue
    report, _ = _request(october, django_capture_on_commit_callbacks)
    text = pdf_text(report)
    assert "Newly completed" in text
    assert "Newly overdue" in text
    assert "Worse" in text


def test_an_area_report_holds_only_its_own_and_county_wide_actions(
    programme, area_ne, area_south, django_capture_on_commit_callbacks
):
    build_programme(programme, area_ne=area_ne, area_south=area_south)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    report, _ = _request(
        period, django_capture_on_commit_callbacks, scope=Report.Scope.AREA, area=area_ne
    )
    assert report.state == Report.State.READY
    text = pdf_text(report)
    assert "North East area" in text
    assert "Publish the graduated response" in text  # North East
    assert "Train every SENCO" in text  # county-wide
    assert "Audit EHCP quality" not in text  # South only
    assert "Total actions 5" in text


def test_asking_again_returns_the_ready_report_untouched(
    programme, django_capture_on_commit_callbacks
):
    build_programme(programme)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    first, enqueued = _request(period, django_capture_on_commit_callbacks)
    assert enqueued and first.state == Report.State.READY
    digest, name = first.sha256, first.pdf.name
    again, enqueued = _request(period, django_capture_on_commit_callbacks)
    assert not enqueued and again.pk == first.pk
    services.report_generate(report_id=first.pk)  # a stray task for a ready report
    first.refresh_from_db()
    assert (first.sha256, first.pdf.name) == (digest, name)
    assert Report.objects.count() == 1


def test_a_report_needs_a_locked_period(programme):
    period = services.period_open(month=OCTOBER)
    with pytest.raises(services.ReportingError, match="Lock the period October 2026"):
        services.report_request(period=period)
    assert not Report.objects.exists()


def test_board_members_are_emailed_a_link(
    programme, board_member, officer, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL_BASE_URL = "https://send.example.org"
    build_programme(programme)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    report, _ = _request(period, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[board_member.email]]
    assert f"https://send.example.org/reports/{report.pk}/download/" in mail.outbox[0].body


def test_a_monthly_update_after_the_deadline_is_marked_late(programme):
    from datetime import datetime

    from django.utils import timezone

    from workstreams.models import MonthlyUpdate

    build_programme(programme)
    period = services.period_open(month=OCTOBER)
    late = timezone.make_aware(datetime(2026, 11, 6, 9, 0))
    MonthlyUpdate.objects.filter(workstream__code="B").update(submitted_at=late)
    services.period_lock(period=period, today=AFTER_OCTOBER)
    period.refresh_from_db()
    snaps = {s.code: s for s in WorkstreamSnapshot.objects.filter(period=period)}
    assert snaps["B"].update_submitted and snaps["B"].update_late
    assert not snaps["A"].update_submitted and not snaps["A"].update_late
    html = render_html(Report(period=period, scope="portfolio"))
    assert "Submitted after the deadline (5 November 2026)" in html
