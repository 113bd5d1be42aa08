"""Writes: opening and locking periods (the snapshot), asking for and generating reports."""

import hashlib
import logging
import threading
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from send_portal.core.dates import today as local_today
from send_portal.core.models import Area
from send_portal.core.richtext import clean_rich_text
from send_portal.core.roles import Role
from send_portal.core.selectors import users_with_role
from workstreams.models import Action, MonthlyUpdate, Programme, ProgressUpdate, Risk, Workstream
from workstreams.rag import roll_up
from workstreams.selectors import with_rag

from . import sources
from .models import (
    ActionSnapshot,
    IndicatorSnapshot,
    MeetingItemSnapshot,
    PeriodEvent,
    Report,
    ReportingPeriod,
    RiskSnapshot,
    WorkstreamSnapshot,
)
from .periods import default_deadline, month_end, previous_month

logger = logging.getLogger(__name__)

# Leases. A worker generating a report holds its lease (``REPORT_LEASE``) and renews it while
# it renders; a queued report's message must be picked up within ``REPORT_QUEUED_LEASE``. When a
# lease runs out (the worker was killed, the message lost), a redelivered or retried task takes
# the report over, and the sweeper (``report_sweep``, every few minutes) queues it once more,
# then marks it failed with a plain reason.
STOPPED_GENERATING = "The worker stopped while generating the report."
NEVER_STARTED = "No worker started generating the report."


class ReportingError(Exception):
    """A request that cannot be carried out, with a message for the person who asked."""


# Periods -------------------------------------------------------------------------------------


def period_open(*, month: date, opened_by=None, deadline: date | None = None) -> ReportingPeriod:
    """Open the period for ``month`` (any day in it); an existing period is returned unchanged."""
    first = month.replace(day=1)
    try:
        with transaction.atomic():
            period, created = ReportingPeriod.objects.get_or_create(
                month=first,
                defaults={"deadline": deadline or default_deadline(first), "opened_by": opened_by},
            )
            if created:
                PeriodEvent.objects.create(
                    period=period, kind=PeriodEvent.Kind.OPENED, by=opened_by
                )
    except IntegrityError:  # opened at the same moment by someone else
        period = ReportingPeriod.objects.get(month=first)
    return period


@transaction.atomic
def period_lock(*, period: ReportingPeriod, locked_by=None, today: date | None = None) -> bool:
    """Lock the period and take its snapshot. False if it was already locked (nothing changes)."""
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.is_locked:
        return False
    today = today or timezone.localdate()
    period.as_of = min(today, month_end(period.month))
    _take_snapshot(period)
    period.state = ReportingPeriod.State.LOCKED
    period.locked_by = locked_by
    period.locked_at = timezone.now()
    period.save(update_fields=["state", "locked_by", "locked_at", "as_of"])
    PeriodEvent.objects.create(period=period, kind=PeriodEvent.Kind.LOCKED, by=locked_by)
    return True


REOPEN_REASON_MAX = 2000


@transaction.atomic
def period_reopen(*, period: ReportingPeriod, reason: str, by) -> ReportingPeriod:
    """Open a locked month again (its snapshot is thrown away and taken again at the next lock).

    Refused once any of its reports is ready (the month is final: a board may hold that paper)
    or while one is being generated from the snapshot. The reason is kept in its history.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ReportingError("Enter the reason for reopening the month")
    if len(reason) > REOPEN_REASON_MAX:
        raise ReportingError(
            f"The reason must be {REOPEN_REASON_MAX:,} characters or fewer (it is {len(reason):,})"
        )
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if not period.is_locked:
        raise ReportingError(f"{period} is not locked: there is nothing to reopen")
    states = set(period.reports.values_list("state", flat=True))
    if Report.State.READY in states:
        raise ReportingError(
            f"{period} cannot be reopened: one of its reports is ready, so the month is final"
        )
    if states & {Report.State.QUEUED, Report.State.GENERATING}:
        raise ReportingError(
            f"{period} cannot be reopened while one of its reports is being generated: "
            "try again when it has finished"
        )
    period.workstream_snapshots.all().delete()  # their action and risk rows go with them
    period.indicators.all().delete()
    period.meeting_items.all().delete()
    period.state = ReportingPeriod.State.OPEN
    period.locked_by = None
    period.locked_at = None
    period.as_of = None
    period.save(update_fields=["state", "locked_by", "locked_at", "as_of"])
    PeriodEvent.objects.create(period=period, kind=PeriodEvent.Kind.REOPENED, by=by, reason=reason)
    return period


def periods_due_for_locking(*, today: date) -> list[ReportingPeriod]:
    """The months the scheduled job locks: every open month whose leads' deadline has passed
    (last month is opened first if nobody has). A month an officer reopened is left for them
    to lock by hand."""
    last_month = previous_month(today.replace(day=1))
    if today > default_deadline(last_month):
        period_open(month=last_month)
    return list(
        ReportingPeriod.objects.filter(state=ReportingPeriod.State.OPEN, deadline__lt=today)
        .exclude(events__kind=PeriodEvent.Kind.REOPENED)
        .order_by("month")
    )


def period_open_and_lock(*, month: date, user=None, today: date | None = None) -> ReportingPeriod:
    """Open (if need be) and lock ``month`` at once: for the demo, the benchmark and tests."""
    period = period_open(month=month, opened_by=user)
    period_lock(period=period, locked_by=user, today=today)
    period.refresh_from_db()
    return period


def _take_snapshot(period: ReportingPeriod) -> None:
    """Copy every active programme's state into the period's snapshot rows."""
    as_of = period.as_of
    assert as_of is not None, "period_lock sets the as-of date before the snapshot"
    programmes = list(Programme.objects.filter(is_active=True).order_by("start_date", "name"))
    order = {programme.pk: index for index, programme in enumerate(programmes)}
    latest_note = ProgressUpdate.objects.filter(action=OuterRef("pk"), date__lte=as_of).order_by(
        "-date", "-created_at", "-pk"
    )
    workstreams = (
        Workstream.objects.filter(programme__in=programmes)
        .select_related("programme", "lead")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=with_rag(Action.objects.all(), as_of)
                .annotate(
                    latest_note=Subquery(latest_note.values("narrative")[:1]),
                    latest_note_date=Subquery(latest_note.values("date")[:1]),
                )
                .select_related("owner")
                .prefetch_related("areas")
                .order_by("ref"),
            ),
            Prefetch(
                "monthly_updates",
                queryset=MonthlyUpdate.objects.filter(month=period.month),
                to_attr="this_month_updates",
            ),
            Prefetch(
                "risks",
                queryset=Risk.objects.filter(status=Risk.Status.OPEN).select_related("owner"),
                to_attr="open_risks",
            ),
        )
        .order_by("programme__start_date", "programme__name", "code")
    )
    workstream_rows, action_rows, risk_rows = [], [], []
    for workstream in workstreams:
        actions = []
        for action in workstream.actions.all():
            # The RAG and overdue every page shows (selectors.with_rag), judged at ``as_of``.
            rag, overdue = action.rag, action.overdue  # type: ignore[attr-defined]  # annotated
            actions.append(
                ActionSnapshot(
                    period=period,
                    action=action,
                    ref=action.ref,
                    title=action.title,
                    owner=action.owner_display,
                    start_date=action.start_date,
                    due_date=action.due_date,
                    status=action.status,
                    rag=rag,
                    is_overdue=overdue,
                    area_ids=sorted(area.pk for area in action.areas.all()),
                    latest_note=action.latest_note or "",  # type: ignore[attr-defined]  # annotated
                    latest_note_date=action.latest_note_date,  # type: ignore[attr-defined]
                )
            )
        update = workstream.this_month_updates[0] if workstream.this_month_updates else None
        snapshot = WorkstreamSnapshot(
            period=period,
            workstream=workstream,
            programme=workstream.programme,
            programme_name=workstream.programme.name,
            programme_order=order[workstream.programme_id],
            code=workstream.code,
            title=workstream.title,
            lead=workstream.lead_display,
            current_position=update.current_position if update else workstream.current_position,
            achievements=update.achievements if update else "",
            planned_next=update.planned_next if update else "",
            risks_and_issues=update.risks_and_issues if update else "",
            decisions_needed=update.decisions_needed if update else "",
            update_submitted=update is not None,
            update_late=update is not None
            and timezone.localdate(update.submitted_at) > period.deadline,
            rolled_up_rag=roll_up(a.rag for a in actions) or "",
            stated_rag=update.rag if update else workstream.stated_rag,
            stated_rag_reason=update.rag_reason if update else workstream.stated_rag_reason,
        )
        workstream_rows.append((snapshot, actions, workstream.open_risks))
    WorkstreamSnapshot.objects.bulk_create([row[0] for row in workstream_rows])
    for snapshot, actions, risks in workstream_rows:
        for action_snapshot in actions:
            action_snapshot.workstream_snapshot = snapshot
            action_rows.append(action_snapshot)
        for risk in risks:
            risk_rows.append(
                RiskSnapshot(
                    period=period,
                    workstream_snapshot=snapshot,
                    kind=risk.get_kind_display(),
                    description=risk.description,
                    score=risk.score,
                    mitigation=risk.mitigation,
                    owner=risk.owner_display,
                )
            )
    ActionSnapshot.objects.bulk_create(action_rows, batch_size=500)
    RiskSnapshot.objects.bulk_create(risk_rows, batch_size=500)
    IndicatorSnapshot.objects.bulk_create(
        [
            IndicatorSnapshot(
                period=period,
                programme_id=value.programme_id,
                area_id=value.area_id,
                name=value.name,
                unit=value.unit,
                value=value.value,
                value_label=value.value_label,
                series=[[str(label), None if v is None else float(v)] for label, v in value.series],
                comparators=value.comparators,
                target=value.target,
                direction=value.direction,
            )
            for value in sources.indicator_values(as_of=as_of)
        ]
    )
    MeetingItemSnapshot.objects.bulk_create(
        [
            MeetingItemSnapshot(
                period=period,
                kind=item.kind,
                area_id=item.area_id,
                meeting=item.meeting,
                meeting_date=item.meeting_date,
                text=item.text,
                owner=item.owner,
                due_date=item.due_date,
            )
            for item in sources.meeting_items(
                month_start=period.month, month_end=month_end(period.month)
            )
        ]
    )


# Reports -------------------------------------------------------------------------------------


def report_request(
    *,
    period: ReportingPeriod,
    scope: str = Report.Scope.PORTFOLIO,
    programme: Programme | None = None,
    area: Area | None = None,
    requested_by=None,
) -> tuple[Report, bool]:
    """Ask for the report of ``period`` and scope. Returns (report, enqueued).

    A report that exists and is ready, queued or generating is returned as it is; a failed one
    is queued again. The generation task is enqueued only after the transaction commits, and a
    unique constraint makes two requests at once end in one report.
    """
    if scope == Report.Scope.PROGRAMME and programme is None:
        raise ReportingError("Choose the programme for a programme report")
    if scope == Report.Scope.AREA and area is None:
        raise ReportingError("Choose the area for an area report")
    if scope == Report.Scope.PORTFOLIO:
        programme = area = None
    elif scope == Report.Scope.PROGRAMME:
        area = None
    else:
        programme = None
    if not period.is_locked:
        raise ReportingError(f"Lock the period {period} before asking for its report")
    key = Report.make_scope_key(
        scope=scope,
        programme_id=programme.pk if programme else None,
        area_id=area.pk if area else None,
    )
    with transaction.atomic():
        try:
            with transaction.atomic():
                report, created = Report.objects.get_or_create(
                    period=period,
                    scope_key=key,
                    defaults={
                        "scope": scope,
                        "programme": programme,
                        "area": area,
                        "requested_by": requested_by,
                    },
                )
        except IntegrityError:  # the other request won the race: use its report
            report, created = Report.objects.get(period=period, scope_key=key), False
        if not created:
            report = Report.objects.select_for_update().get(pk=report.pk)
            if not _needs_queueing(report):
                return report, False
            report.requested_by = requested_by or report.requested_by
        _queue(report)
    return report, True


def _needs_queueing(report: Report) -> bool:
    """A failed report, one the task queue never got, or one whose worker stopped."""
    if report.state == Report.State.FAILED:
        return True
    if report.state == Report.State.QUEUED:
        return report.awaiting_broker
    if report.state == Report.State.GENERATING:
        return report.lease_expires_at is None or report.lease_expires_at <= timezone.now()
    return False


def _queue(report: Report, *, sweeps: int = 0) -> None:
    """Mark the (locked) report queued and enqueue its task once the transaction commits."""
    now = timezone.now()
    report.state = Report.State.QUEUED
    report.progress = 0
    report.failure_reason = ""
    report.queued_at = now
    report.lease_expires_at = now + settings.REPORT_QUEUED_LEASE
    report.claim_token = ""
    report.sweeps = sweeps
    report.save()
    _enqueue_on_commit(report.pk)


def _enqueue_on_commit(report_id: int) -> None:
    transaction.on_commit(lambda: report_enqueue(report_id=report_id))


def report_enqueue(*, report_id: int) -> bool:
    """Hand the report's task to the broker. When the broker cannot be reached, the report is
    marked ``awaiting_broker`` (the sweeper enqueues it later) and False is returned."""
    from kombu.exceptions import OperationalError as BrokerError

    from .tasks import generate_report

    try:
        generate_report.apply_async(
            (report_id,), retry=True, retry_policy=settings.REPORT_PUBLISH_RETRY_POLICY
        )
    except (BrokerError, OSError) as exc:
        logger.warning("Report %s not queued, the broker did not answer: %s", report_id, exc)
        Report.objects.filter(pk=report_id, state=Report.State.QUEUED).update(awaiting_broker=True)
        return False
    Report.objects.filter(pk=report_id, awaiting_broker=True).update(awaiting_broker=False)
    return True


class ReportHeld(Exception):
    """Another worker holds the report's lease; try again once it may have run out."""

    def __init__(self, retry_in: float):
        super().__init__(f"Another worker holds the lease for {retry_in:.0f} more seconds")
        self.retry_in = retry_in


@dataclass(frozen=True)
class Claim:
    report: Report
    token: str


def _claim(report_id: int) -> Claim | None:
    """Take the report's lease. None when there is nothing to do (ready, or failed for good);
    ``ReportHeld`` when another worker's lease has not run out."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.state in {Report.State.READY, Report.State.FAILED}:
            return None
        now = timezone.now()
        if (
            report.state == Report.State.GENERATING
            and report.lease_expires_at
            and report.lease_expires_at > now
        ):
            raise ReportHeld((report.lease_expires_at - now).total_seconds() + 1)
        token = uuid.uuid4().hex
        report.state = Report.State.GENERATING
        report.progress = 5
        report.failure_reason = ""
        report.attempts += 1
        report.started_at = now
        report.lease_expires_at = now + settings.REPORT_LEASE
        report.claim_token = token
        report.awaiting_broker = False
        report.save()
    return Claim(report=report, token=token)


class LeaseKeeper:
    """While rendering, renews the lease every third of its length, from a thread of its own
    (WeasyPrint's layout is one long call). A render shorter than that never touches it."""

    def __init__(self, report_id: int, token: str):
        self.report_id, self.token = report_id, token
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        interval = settings.REPORT_LEASE.total_seconds() / 3
        try:
            while not self._stop.wait(interval):
                renew_lease(report_id=self.report_id, token=self.token)
        finally:
            connection.close()  # this thread's own connection


def renew_lease(*, report_id: int, token: str) -> bool:
    """Extend the lease; False when it is no longer ours (taken over, or finished)."""
    return bool(
        Report.objects.filter(
            pk=report_id, state=Report.State.GENERATING, claim_token=token
        ).update(lease_expires_at=timezone.now() + settings.REPORT_LEASE)
    )


def report_set_progress(*, report_id: int, progress: int, token: str = "") -> None:
    updates: dict[str, object] = {"progress": progress}
    if token:  # progress is a sign of life: it renews the lease too
        updates["lease_expires_at"] = timezone.now() + settings.REPORT_LEASE
    reports = Report.objects.filter(pk=report_id, state=Report.State.GENERATING)
    if token:
        reports = reports.filter(claim_token=token)
    reports.update(**updates)


def report_generate(*, report_id: int) -> Report:
    """Render the report's PDF from its period's snapshot and store it. Idempotent.

    A ready report is returned untouched (never overwritten). A worker whose lease was taken
    over meanwhile throws its PDF away. Errors propagate to the caller, which decides between
    a retry and ``report_fail``; ``ReportHeld`` means another worker holds the lease.
    """
    from .render import render_report_pdf

    claim = _claim(report_id)
    if claim is None:
        return Report.objects.get(pk=report_id)
    with LeaseKeeper(report_id, claim.token):
        result = render_report_pdf(
            claim.report,
            progress=lambda p: report_set_progress(
                report_id=report_id, progress=p, token=claim.token
            ),
        )
    digest = hashlib.sha256(result.pdf).hexdigest()
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.state != Report.State.GENERATING or report.claim_token != claim.token:
            logger.warning("Report %s was taken over while this worker rendered it", report_id)
            return report
        name = f"highlight-report-{report.period.key}-{report.scope_key.replace(':', '-')}.pdf"
        report.pdf.save(name, ContentFile(result.pdf), save=False)
        report.size = len(result.pdf)
        report.sha256 = digest
        report.pages = result.pages
        report.state = Report.State.READY
        report.progress = 100
        report.failure_reason = ""
        report.finished_at = timezone.now()
        report.lease_expires_at = None
        report.save()
        transaction.on_commit(lambda: _notify_quietly(report_id))
    return report


def report_fail(*, report_id: int, reason: str) -> None:
    Report.objects.filter(pk=report_id).exclude(state=Report.State.READY).update(
        state=Report.State.FAILED,
        failure_reason=reason[:2000],
        finished_at=timezone.now(),
        lease_expires_at=None,
        awaiting_broker=False,
    )


def report_note_retry(*, report_id: int, reason: str) -> None:
    now = timezone.now()
    Report.objects.filter(pk=report_id).exclude(state=Report.State.READY).update(
        state=Report.State.QUEUED,
        progress=0,
        failure_reason=f"Trying again after a temporary problem: {reason}"[:2000],
        started_at=None,
        queued_at=now,
        lease_expires_at=now + settings.REPORT_QUEUED_LEASE,
        claim_token="",
    )


def report_retry(*, report_id: int, requested_by=None) -> Report:
    """An officer's "Try again" on a failed report: queued afresh."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        if report.state != Report.State.FAILED:
            raise ReportingError(f"{report.title} has not failed, so there is nothing to try again")
        report.requested_by = requested_by or report.requested_by
        _queue(report)
    report.refresh_from_db()
    return report


@dataclass
class SweepResult:
    queued: int = 0
    requeued: int = 0
    failed: int = 0


def report_sweep(*, now: datetime | None = None) -> SweepResult:
    """Every few minutes (beat): queue what the broker never got; queue once more, then fail
    with a plain reason, any report queued or generating past its lease."""
    now = now or timezone.now()
    result = SweepResult()
    stuck = Report.objects.filter(state__in=[Report.State.QUEUED, Report.State.GENERATING]).filter(
        Q(awaiting_broker=True)
        | Q(lease_expires_at__lte=now)
        | Q(lease_expires_at__isnull=True, requested_at__lte=now - settings.REPORT_QUEUED_LEASE)
    )
    for report_id in stuck.values_list("pk", flat=True):
        with transaction.atomic():
            report = Report.objects.select_for_update(skip_locked=True).filter(pk=report_id).first()
            if report is None or report.state not in {
                Report.State.QUEUED,
                Report.State.GENERATING,
            }:
                continue
            if report.awaiting_broker:  # never handed over: not stuck, waiting for the broker
                _enqueue_on_commit(report.pk)
                result.queued += 1
                continue
            expires = report.lease_expires_at or (
                report.requested_at + settings.REPORT_QUEUED_LEASE
            )
            if expires > now:
                continue
            if report.sweeps < settings.REPORT_SWEEP_REQUEUES:
                logger.warning("Report %s stuck %s: queued again", report.pk, report.state)
                _queue(report, sweeps=report.sweeps + 1)
                result.requeued += 1
            else:
                reason = (
                    STOPPED_GENERATING if report.state == Report.State.GENERATING else NEVER_STARTED
                )
                logger.warning("Report %s stuck %s: failed", report.pk, report.state)
                report_fail(report_id=report.pk, reason=reason)
                result.failed += 1
    return result


def _notify_quietly(report_id: int) -> None:
    """The report is ready whatever happens to the email; a failure is logged, not raised."""
    try:
        report_notify_board(report_id=report_id)
    except Exception:
        logger.exception("Could not email the board about report %s", report_id)


def report_notify_board(*, report_id: int) -> int:
    """Email every board member a link to the ready report. Returns how many were sent."""
    report = Report.objects.select_related("period", "programme", "area").get(pk=report_id)
    link = settings.PORTAL_BASE_URL.rstrip("/") + reverse("reporting:download", args=[report.pk])
    recipients = list(
        users_with_role(role=Role.BOARD_MEMBER).values_list("email", flat=True).distinct()
    )
    if not recipients:
        return 0
    body = (
        f"The {report.title} is ready.\n\n"
        f"Download it (sign in first): {link}\n\n"
        f"All reports: {settings.PORTAL_BASE_URL.rstrip('/')}{reverse('reporting:list')}\n"
    )
    sent = 0
    for email in recipients:
        sent += send_mail(
            subject=f"{report.title} is ready",
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
            fail_silently=True,
        )
    return sent


class MonthLocked(ValueError):
    """The month's reporting period is locked: no report would ever read an update for it."""

    def __init__(self, month: date, *, locked: bool = True):
        self.month = month
        self.locked = locked  # False: a month that is not (or no longer) collected
        super().__init__(f"{month:%B %Y} is locked" if locked else f"{month:%B %Y} is not open")


class UpdateAlreadySubmitted(ValueError):
    """A first update for the month was sent from a form opened before anyone had submitted
    one, and meanwhile a colleague did: theirs is kept (the caller shows it, merged)."""

    def __init__(self, update: MonthlyUpdate):
        self.update = update
        super().__init__(f"An update for {update.month:%B %Y} has already been submitted")


class WorkstreamChanged(ValueError):
    """The workstream's position or stated RAG was changed (by an officer's edit or another
    update) after the lead's form was opened: nothing was saved, so the lead's update cannot
    silently overwrite it. ``workstream`` is the workstream as it is now."""

    def __init__(self, workstream: Workstream):
        self.workstream = workstream
        super().__init__(f"Workstream {workstream.code} changed since the form was opened")


@transaction.atomic
def monthly_update_submit(
    *,
    workstream: Workstream,
    month: date,
    data: dict,
    by,
    first: bool = False,
    workstream_version: int | None = None,
) -> tuple[MonthlyUpdate, bool]:
    """The lead's monthly update (one per workstream per month; a second submission replaces
    the first). Also sets the workstream's current position and stated RAG with its reason.

    Refused with ``MonthLocked`` once the month is locked (the period row is locked first, so a
    lock happening at the same moment waits for this update or refuses it: never both). With
    ``first=True`` (sent from a form opened when there was no update for the month) refused
    with ``UpdateAlreadySubmitted`` if one exists by now: the workstream's row is locked first,
    so of two first submissions at the same moment one is saved and the other refused, never
    one silently replacing the other.

    The workstream's fields are written under the same version check as an officer's edit of
    the workstream: its version goes up, so a workstream form opened before this update is
    refused and merged; and with ``workstream_version`` (the version the lead's form was opened
    at) refused with ``WorkstreamChanged`` when the workstream has changed since."""
    month = month.replace(day=1)
    period = ReportingPeriod.objects.select_for_update().filter(month=month).first()
    if period is not None and period.is_locked:
        raise MonthLocked(month)
    locked = Workstream.objects.select_for_update().get(pk=workstream.pk)
    prose: tuple[str, ...] = ("current_position", "rag_reason", "achievements", "planned_next")
    prose += ("risks_and_issues", "decisions_needed")
    cleaned = {k: clean_rich_text(v) if k in prose else v for k, v in data.items()}
    existing = (
        MonthlyUpdate.objects.select_for_update().filter(workstream=workstream, month=month).first()
    )
    if existing is not None and first:
        raise UpdateAlreadySubmitted(existing)
    if existing is not None and all(getattr(existing, k) == v for k, v in cleaned.items()):
        return existing, False  # submitted again unchanged: nothing changes, not even who
    update, created = MonthlyUpdate.objects.update_or_create(
        workstream=workstream, month=month, defaults={**cleaned, "submitted_by": by}
    )
    values: dict[str, object] = {
        "current_position": update.current_position,
        "stated_rag": update.rag,
        "stated_rag_reason": update.rag_reason,
    }
    if not created and all(getattr(locked, k) == v for k, v in values.items()):
        return update, created  # the workstream already says this: it is not written
    if workstream_version is not None and locked.version != workstream_version:
        raise WorkstreamChanged(locked)  # everything above is rolled back
    values.update(current_position_date=local_today(), version=locked.version + 1)
    for record in (locked, workstream):
        for name, value in values.items():
            setattr(record, name, value)
    locked.save(update_fields=list(values))
    return update, created
