"""The programme: programmes, workstreams and actions."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from send_portal.core.concurrency import VERSION_HELP
from send_portal.core.models import Area
from send_portal.core.rag import RAG
from send_portal.core.validators import validate_web_address

from .status import ActionStatus


class Programme(models.Model):
    class Kind(models.TextChoices):
        WSOA = "wsoa", "Written Statement of Action"
        STRATEGY = "strategy", "Strategy"
        ACCELERATED_PROGRESS_PLAN = "app", "Accelerated Progress Plan"
        STRATEGIC_PLAN = "strategic_plan", "Updated strategic plan"
        PRIORITY_ACTION_PLAN = "pap", "Priority action plan (area SEND)"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    inspection = models.ForeignKey(
        "inspections.Inspection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        help_text="For a plan that answers an inspection (a WSoA, an Accelerated Progress Plan, "
        "an updated strategic plan, a priority action plan): the inspection whose findings it "
        "addresses.",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["start_date", "name"]

    def __str__(self) -> str:
        return self.name


class Workstream(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="workstreams")
    code = models.CharField(max_length=10, help_text='For example "A" or "3".')
    title = models.CharField(max_length=300)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_workstreams",
    )
    lead_name = models.CharField(
        max_length=200, blank=True, help_text="The lead as the programme names them."
    )
    current_position = models.TextField("summary of current position", blank=True)
    current_position_date = models.DateField(null=True, blank=True)
    stated_rag = models.CharField(
        "lead's stated RAG", max_length=10, choices=RAG.choices, blank=True
    )
    stated_rag_reason = models.TextField("reason for the stated RAG", blank=True)
    objectives = models.JSONField(
        "what will be done", default=list, blank=True, help_text="Ordered: a list of lines."
    )
    outcomes = models.JSONField(
        "intended outcomes", default=list, blank=True, help_text="Ordered: a list of lines."
    )
    weaknesses = models.ManyToManyField(
        "inspections.AreaOfWeakness",
        blank=True,
        related_name="workstreams",
        help_text="The areas of weakness this workstream answers.",
        # The table the link had when it was a field of AreaOfWeakness (same columns).
        db_table="inspections_areaofweakness_workstreams",
    )

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "code"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="workstream_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"

    @property
    def lead_display(self) -> str:
        return self.lead.full_name if self.lead_id else self.lead_name


class Action(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="actions")
    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="actions")
    weaknesses = models.ManyToManyField(
        "inspections.AreaOfWeakness", blank=True, related_name="actions"
    )
    ref = models.CharField("reference", max_length=20, help_text='For example "C.3".')
    title = models.CharField(max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
    )
    owner_name = models.CharField(
        max_length=200, blank=True, help_text="The owner as the plan names them."
    )
    areas = models.ManyToManyField(
        Area, blank=True, related_name="actions", help_text="None means county-wide."
    )
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    rag_override = models.CharField("RAG override", max_length=10, choices=RAG.choices, blank=True)
    rag_override_reason = models.TextField("reason for the override", blank=True)
    evidence_of_impact = models.TextField(blank=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Increases on every save; refuses a save based on an old copy."
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "workstream__code", "ref"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "ref"], name="action_ref_unique")
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"

    @property
    def owner_display(self) -> str:
        return self.owner.full_name if self.owner_id else self.owner_name


class Representative(models.Model):
    """A member of a workstream: a head, parent, officer... with the role the programme gives."""

    workstream = models.ForeignKey(
        Workstream, on_delete=models.CASCADE, related_name="representatives"
    )
    name = models.CharField(max_length=200)
    role_label = models.CharField(
        "role", max_length=200, blank=True, help_text='For example "Primary Head" or "Parent".'
    )
    organisation = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["workstream", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role_label}" if self.role_label else self.name


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    due_date = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "due_date", "pk"]

    def __str__(self) -> str:
        return self.title


class ProgressUpdate(models.Model):
    """A dated narrative on an action by its author, with the status and RAG at that time."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    date = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    narrative = models.TextField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    rag = models.CharField("RAG", max_length=10, choices=RAG.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"Update on {self.action.ref}, {self.date:%-d %B %Y}"


def evidence_upload_to(instance, filename: str) -> str:
    return f"evidence/{instance.progress_update.action_id}/{filename}"


class Evidence(models.Model):
    """A link or an uploaded file (PDF, Office document or image) backing a progress update."""

    progress_update = models.ForeignKey(
        ProgressUpdate, on_delete=models.CASCADE, related_name="evidence"
    )
    description = models.CharField(max_length=300, blank=True)
    url = models.URLField("link", max_length=500, blank=True, validators=[validate_web_address])
    file = models.FileField(upload_to=evidence_upload_to, max_length=300, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(file=""), name="evidence_link_or_file"
            )
        ]

    def __str__(self) -> str:
        return self.description or self.original_name or self.url


class MonthlyUpdate(models.Model):
    """A workstream lead's monthly update to the board (one per workstream per month)."""

    workstream = models.ForeignKey(
        Workstream, on_delete=models.CASCADE, related_name="monthly_updates"
    )
    month = models.DateField(help_text="The first day of the month the update is for.")
    current_position = models.TextField("summary of current position")
    rag = models.CharField("RAG", max_length=10, choices=RAG.choices)
    rag_reason = models.TextField("reason for the RAG")
    achievements = models.TextField("achievements this period", blank=True)
    planned_next = models.TextField("planned for next period", blank=True)
    risks_and_issues = models.TextField("risks and issues", blank=True)
    decisions_needed = models.TextField("decisions needed from the board", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now=True)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month", "workstream__code"]
        constraints = [
            models.UniqueConstraint(fields=["workstream", "month"], name="monthly_update_unique")
        ]

    def __str__(self) -> str:
        return f"{self.workstream.code} update for {self.month:%B %Y}"


class Risk(models.Model):
    """An entry in a workstream's risks and issues log. Score = likelihood × impact (1–25)."""

    class Kind(models.TextChoices):
        RISK = "risk", "Risk"
        ISSUE = "issue", "Issue"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="risks")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.RISK)
    description = models.TextField()
    likelihood = models.PositiveSmallIntegerField(help_text="1 (rare) to 5 (almost certain)")
    impact = models.PositiveSmallIntegerField(help_text="1 (negligible) to 5 (severe)")
    score = models.GeneratedField(
        expression=models.F("likelihood") * models.F("impact"),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    mitigation = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_risks",
    )
    owner_name = models.CharField(
        max_length=200, blank=True, help_text="The owner's name when they have no account."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords(excluded_fields=["score"])

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5),
                name="risk_likelihood_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(impact__gte=1, impact__lte=5), name="risk_impact_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"

    @property
    def owner_display(self) -> str:
        return self.owner.full_name if self.owner_id else self.owner_name


class ActionReminder(models.Model):
    """One reminder email to an action owner on one day: the record that stops a duplicate."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="action_reminders"
    )
    date = models.DateField()
    overdue_count = models.PositiveIntegerField()
    due_soon_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "owner"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "date"], name="one_reminder_per_owner_per_day")
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.owner} on {self.date}"
