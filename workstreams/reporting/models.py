"""Reporting periods, their locked snapshots, and the PDF highlight reports built from them.

A period is one calendar month. Locking it copies the programme's state into snapshot rows
(actions, workstreams, risks, indicators, the month's meeting decisions); a report is built only
from those rows, so later edits never change an archived month.
"""

from django.conf import settings
from django.db import models

from send_portal.core.models import Area
from send_portal.core.rag import RAG
from send_portal.core.suppression import is_small_count
from workstreams.models import Action, Programme, Workstream
from workstreams.status import ActionStatus


class ReportingPeriod(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        LOCKED = "locked", "Locked"

    month = models.DateField(unique=True, help_text="The first day of the month.")
    deadline = models.DateField(help_text="Workstream leads submit their monthly update by then.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    as_of = models.DateField(
        null=True, blank=True, help_text="The date the snapshot's RAG and overdue were judged at."
    )

    class Meta:
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{self.month:%B %Y}"

    @property
    def is_locked(self) -> bool:
        return self.state == self.State.LOCKED

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"

    @property
    def is_final(self) -> bool:
        """One of its reports is ready: the month can never be reopened (reads ``reports``,
        prefetched by ``selectors.periods``)."""
        return any(report.state == "ready" for report in self.reports.all())


class PeriodEvent(models.Model):
    """The period's history: opened, locked, reopened (with the officer's written reason)."""

    class Kind(models.TextChoices):
        OPENED = "opened", "Opened"
        LOCKED = "locked", "Locked"
        REOPENED = "reopened", "Reopened"

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.period}: {self.get_kind_display()}"

    @property
    def by_label(self) -> str:
        return self.by.full_name if self.by else "The scheduled job"


class WorkstreamSnapshot(models.Model):
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="workstream_snapshots"
    )
    # Removing a workstream (or undoing it) leaves a snapshot as it was: the id is kept, with
    # no constraint (as a history keeps it), so a locked period's reports never change.
    workstream = models.ForeignKey(
        Workstream,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    programme = models.ForeignKey(Programme, null=True, on_delete=models.SET_NULL, related_name="+")
    programme_name = models.CharField(max_length=200)
    programme_order = models.PositiveIntegerField(default=0)
    code = models.CharField(max_length=10)
    title = models.CharField(max_length=300)
    lead = models.CharField(max_length=200, blank=True)
    current_position = models.TextField(blank=True)
    achievements = models.TextField(blank=True)
    planned_next = models.TextField(blank=True)
    risks_and_issues = models.TextField(blank=True)
    decisions_needed = models.TextField(blank=True)
    update_submitted = models.BooleanField(default=False)
    update_late = models.BooleanField(
        default=False, help_text="The monthly update came in after the period's deadline."
    )
    rolled_up_rag = models.CharField(max_length=10, choices=RAG.choices, blank=True)
    stated_rag = models.CharField(max_length=10, choices=RAG.choices, blank=True)
    stated_rag_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["programme_order", "programme_name", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "workstream"], name="workstream_snapshot_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.title} ({self.period})"


class ActionSnapshot(models.Model):
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="action_snapshots"
    )
    workstream_snapshot = models.ForeignKey(
        WorkstreamSnapshot, on_delete=models.CASCADE, related_name="actions"
    )
    # As the workstream's above: removing an action leaves its snapshots as they were.
    action = models.ForeignKey(
        Action, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    ref = models.CharField(max_length=20)
    title = models.CharField(max_length=500)
    owner = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    rag = models.CharField("RAG", max_length=10, choices=RAG.choices)
    is_overdue = models.BooleanField(default=False)
    area_ids = models.JSONField(default=list, help_text="Empty means county-wide.")
    latest_note = models.TextField(
        blank=True, help_text="The owner's latest progress note by the time the RAG was judged."
    )
    latest_note_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["workstream_snapshot", "ref"]
        constraints = [
            models.UniqueConstraint(fields=["period", "action"], name="action_snapshot_unique")
        ]

    def __str__(self) -> str:
        return f"{self.ref} ({self.period})"


class RiskSnapshot(models.Model):
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="risks")
    workstream_snapshot = models.ForeignKey(
        WorkstreamSnapshot, on_delete=models.CASCADE, related_name="risks"
    )
    kind = models.CharField(max_length=10)
    description = models.TextField()
    score = models.PositiveSmallIntegerField()
    mitigation = models.TextField(blank=True)
    owner = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-score", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} scoring {self.score} ({self.period})"


class IndicatorSnapshot(models.Model):
    """An indicator's latest value at lock time, with the points its chart draws."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="indicators")
    programme = models.ForeignKey(Programme, null=True, on_delete=models.SET_NULL, related_name="+")
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=30, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=3, null=True)
    value_label = models.CharField(max_length=100, blank=True, help_text="When the value is.")
    series = models.JSONField(default=list, help_text='[["label", value], ...] for the chart.')
    comparators = models.JSONField(
        default=dict, help_text='{"England": [value or null per label], ...} for the chart.'
    )
    target = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    direction = models.CharField(
        max_length=10, blank=True, help_text='"higher" or "lower" is better; empty if unknown.'
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.value} ({self.period})"

    @property
    def counts_children(self) -> bool:
        """An area's figure of a "number" indicator (the only unit stored without a suffix)
        counts children or pupils: below 5 it is not shown or drawn (small-number suppression)."""
        return self.area_id is not None and self.unit == ""

    @property
    def suppressed(self) -> bool:
        return self.counts_children and is_small_count(self.value)

    @property
    def meets_target(self) -> bool | None:
        """Whether the latest value has reached the target (None without value, target or
        direction)."""
        if self.value is None or self.target is None or self.direction not in {"higher", "lower"}:
            return None
        if self.direction == "higher":
            return self.value >= self.target
        return self.value <= self.target


class MeetingItemSnapshot(models.Model):
    """A decision or action arising from a meeting held in the period."""

    class Kind(models.TextChoices):
        DECISION = "decision", "Decision"
        ACTION = "action", "Action arising"

    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.CASCADE, related_name="meeting_items"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The meeting group's area; empty for a county-wide group.",
    )
    meeting = models.CharField(max_length=300)
    meeting_date = models.DateField(null=True)
    text = models.TextField()
    owner = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["meeting_date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.meeting} ({self.period})"


class Report(models.Model):
    class Scope(models.TextChoices):
        PORTFOLIO = "portfolio", "Whole portfolio"
        PROGRAMME = "programme", "One programme"
        AREA = "area", "One area"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        GENERATING = "generating", "Generating"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="reports")
    scope = models.CharField(max_length=10, choices=Scope.choices)
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    scope_key = models.CharField(
        max_length=40, editable=False, help_text='"portfolio", "programme:<id>" or "area:<id>".'
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent.")
    failure_reason = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Leases (services.py): a queued report's message must be picked up, and a generating
    # report's worker must renew its lease, before ``lease_expires_at``; else the sweeper acts.
    queued_at = models.DateTimeField(null=True, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(
        max_length=32, blank=True, editable=False, help_text="The worker run holding the lease."
    )
    sweeps = models.PositiveSmallIntegerField(
        default=0, help_text="Times the sweeper queued it again after a worker stopped."
    )
    awaiting_broker = models.BooleanField(
        default=False,
        help_text="The task queue could not be reached; the sweeper queues it when it answers.",
    )
    pdf = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    size = models.PositiveIntegerField(null=True, blank=True, help_text="Bytes.")
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-period__month", "-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "scope_key"], name="report_period_scope_unique"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(scope="portfolio", programme__isnull=True, area__isnull=True)
                    | models.Q(scope="programme", programme__isnull=False, area__isnull=True)
                    | models.Q(scope="area", programme__isnull=True, area__isnull=False)
                ),
                name="report_scope_matches_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_state_display()})"

    @staticmethod
    def make_scope_key(*, scope: str, programme_id: int | None, area_id: int | None) -> str:
        if scope == Report.Scope.PROGRAMME:
            return f"programme:{programme_id}"
        if scope == Report.Scope.AREA:
            return f"area:{area_id}"
        return "portfolio"

    @property
    def scope_label(self) -> str:
        if self.scope == self.Scope.PROGRAMME and self.programme_id:
            return self.programme.name
        if self.scope == self.Scope.AREA and self.area_id:
            return f"{self.area.name} area"
        return "Whole portfolio"

    @property
    def title(self) -> str:
        return f"Highlight report, {self.period.month:%B %Y}: {self.scope_label}"

    @property
    def is_finished(self) -> bool:
        return self.state in {self.State.READY, self.State.FAILED}
