"""Periods follow the deadline: locking through a confirmation, reopening with a reason while
no report is ready, and late updates refused in plain words (never saved where nothing reads)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from workstreams.models import MonthlyUpdate
from workstreams.reporting import selectors, services
from workstreams.reporting.models import PeriodEvent, Report, ReportingPeriod
from workstreams.reporting.periods import next_month, previous_month
from workstreams.status import ActionStatus

from .factories import ActionFactory, MonthlyUpdateFactory, ProgrammeFactory, WorkstreamFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(db):
    programme = ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa")
    build_programme(programme)
    return programme


def test_the_confirmation_lists_what_is_missing_and_locks_only_on_the_second_click(
    client_for, programme
):
    from tests.workstreams.factories import ProgressUpdateFactory

    period = services.period_open(month=OCTOBER)
    reviewed = programme.actions.get(ref="A.1")
    ProgressUpdateFactory(action=reviewed, date=date(2026, 10, 20))
    ProgressUpdateFactory(action=programme.actions.get(ref="A.3"), date=date(2026, 9, 20))
    client = client_for("officer")
    url = reverse("reporting:period_lock", args=[period.pk])
    page = client.get(url).content.decode()
    # B has its October update; A and C have none.
    missing = page[page.index('id="without-update"') :][:800]
    assert "A – Identification of need" in missing and "C – Preparing for adulthood" in missing
    assert "B – Joint commissioning" not in missing
    assert "Workstreams without an update (2 of 3)" in page
    # Not completed, not reviewed in October: A.2, A.3 (reviewed in September), B.1, B.2.
    table = page[page.index('id="not-reviewed"') :]
    for ref in ("A.2", "A.3", "B.1", "B.2"):
        assert f">{ref} " in table
    assert ">A.1 " not in table and ">C.1 " not in table
    assert "(4 of 5)" in page
    assert 'name="confirm" value="yes"' in page
    period.refresh_from_db()
    assert not period.is_locked  # looking changes nothing
    # A POST without the confirmation is refused with the page again.
    response = client.post(url, {})
    assert response.status_code == 400
    assert "Confirm that you want to lock October 2026" in response.content.decode()
    period.refresh_from_db()
    assert not period.is_locked
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.is_locked and period.locked_by.email == "officer@test.example"
    assert [e.kind for e in period.events.all()] == ["opened", "locked"]
    assert "is already locked" in client.get(url).content.decode()


def test_reopening_needs_a_reason_kept_in_the_history(client_for, programme):
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    client = client_for("officer")
    url = reverse("reporting:period_reopen", args=[period.pk])
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 400
    assert "Enter why you are reopening the month" in response.content.decode()
    period.refresh_from_db()
    assert period.is_locked
    response = client.post(url, {"reason": "Workstream A's update arrived on the 7th"})
    assert response.status_code == 302
    period.refresh_from_db()
    assert not period.is_locked and period.as_of is None
    assert not period.workstream_snapshots.exists() and not period.action_snapshots.exists()
    event = period.events.get(kind=PeriodEvent.Kind.REOPENED)
    assert event.reason == "Workstream A's update arrived on the 7th"
    assert event.by.email == "officer@test.example"
    listing = client.get(reverse("reporting:periods")).content.decode()
    assert "Workstream A&#x27;s update arrived on the 7th" in listing
    # Locked again, it takes a fresh snapshot.
    assert services.period_lock(period=period, today=AFTER_OCTOBER)
    assert period.workstream_snapshots.count() == 3


def test_a_month_with_a_ready_report_is_final(
    client_for, programme, django_capture_on_commit_callbacks
):
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = services.report_request(period=period)
    report.refresh_from_db()
    assert report.state == Report.State.READY
    client = client_for("officer")
    url = reverse("reporting:period_reopen", args=[period.pk])
    page = client.get(url).content.decode()
    assert "is final" in page and 'name="reason"' not in page
    response = client.post(url, {"reason": "Try anyway"})
    assert response.status_code == 400
    period.refresh_from_db()
    assert period.is_locked and not period.events.filter(kind="reopened").exists()
    with pytest.raises(services.ReportingError, match="the month is final"):
        services.period_reopen(period=period, reason="Try anyway", by=None)
    assert "Reopen<" not in client.get(reverse("reporting:periods")).content.decode()


def test_a_month_whose_report_is_generating_cannot_be_reopened(programme):
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    Report.objects.create(period=period, scope="portfolio", scope_key="portfolio", state="queued")
    with pytest.raises(services.ReportingError, match="being generated"):
        services.period_reopen(period=period, reason="A late update", by=None)


@pytest.mark.parametrize("role", ["head_x", "board"])
def test_only_officers_lock_and_reopen(client_for, programme, role):
    period = services.period_open(month=OCTOBER)
    client = client_for(role)
    assert client.get(reverse("reporting:period_lock", args=[period.pk])).status_code == 403
    assert (
        client.post(reverse("reporting:period_lock", args=[period.pk]), {"confirm": "yes"})
    ).status_code == 403
    services.period_lock(period=period, today=AFTER_OCTOBER)
    assert (
        client.post(reverse("reporting:period_reopen", args=[period.pk]), {"reason": "x"})
    ).status_code == 403
    period.refresh_from_db()
    assert period.is_locked


def test_updates_are_asked_for_last_month_until_it_is_locked():
    today = date(2026, 12, 3)
    assert selectors.update_month(on=today) == (date(2026, 11, 1), None)
    assert selectors.update_month(on=date(2026, 12, 6))[0] == date(2026, 12, 1)
    november = services.period_open(month=date(2026, 11, 1))
    assert selectors.update_month(on=date(2026, 12, 20)) == (date(2026, 11, 1), november)
    services.period_lock(period=november, today=today)
    assert selectors.update_month(on=today)[0] == date(2026, 12, 1)


def _update_data(month: date, **extra) -> dict:
    return {
        "month": month.isoformat(),
        "current_position": "Panels now meet weekly.",
        "rag": "amber",
        "rag_reason": "Two posts are vacant.",
        "achievements": "",
        "planned_next": "",
        "risks_and_issues": "Therapists cannot be recruited before spring.",
        "decisions_needed": "",
        **extra,
    }


def test_a_late_update_is_refused_in_plain_words_and_kept_for_the_next_month(client_for, db):
    today = timezone.localdate()
    asked, _ = selectors.update_month(on=today)
    workstream = WorkstreamFactory(code="D", title="Health provision")
    ActionFactory(workstream=workstream, status=ActionStatus.ON_TARGET)
    url = reverse("workstreams:workstream_detail", args=[workstream.programme.slug, "D"])
    client = client_for("officer")
    assert f"Monthly update for {asked:%B %Y}" in client.get(url).content.decode()
    home = client.get(reverse("officer_home")).content.decode()
    assert f"Monthly updates due for {asked:%B %Y}" in home
    # The month is locked while the lead writes.
    services.period_open_and_lock(month=asked, today=today)
    following = next_month(asked)
    response = client.post(url, _update_data(asked))
    page = response.content.decode()
    assert response.status_code == 400
    assert f"{asked:%B %Y} is locked, so this update was not saved" in page
    assert f"The update can go into {following:%B %Y}" in page
    assert "Therapists cannot be recruited before spring." in page  # the text is kept
    assert f'value="{following.isoformat()}"' in page
    assert not MonthlyUpdate.objects.exists()
    # The pages stop asking for the locked month.
    assert f"Monthly update for {following:%B %Y}" in client.get(url).content.decode()
    home = client.get(reverse("officer_home")).content.decode()
    assert f"Monthly updates due for {following:%B %Y}" in home
    assert f"Monthly updates due for {asked:%B %Y}" not in home
    # Submitted again, it goes into the next month.
    assert client.post(url, _update_data(following)).status_code == 302
    update = MonthlyUpdate.objects.get()
    assert update.month == following
    assert update.risks_and_issues == "Therapists cannot be recruited before spring."


def test_the_service_refuses_an_update_for_a_locked_month(db):

    workstream = WorkstreamFactory()
    services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    with pytest.raises(services.MonthLocked):
        services.monthly_update_submit(
            workstream=workstream,
            month=OCTOBER,
            data={"current_position": "x", "rag": "green", "rag_reason": "y"},
            by=None,
        )
    assert not MonthlyUpdate.objects.exists()


def test_an_update_made_before_the_lock_is_in_the_snapshot(db):
    workstream = WorkstreamFactory(code="A")
    MonthlyUpdateFactory(workstream=workstream, month=OCTOBER, risks_and_issues="Staffing gaps.")
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    snap = period.workstream_snapshots.get()
    assert snap.update_submitted and snap.risks_and_issues == "Staffing gaps."
    assert ReportingPeriod.objects.get().month == previous_month(next_month(OCTOBER))
