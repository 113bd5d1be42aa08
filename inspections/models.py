"""Inspections and their findings. Areas of weakness keep the inspectors' exact wording."""

from django.db import models
from simple_history.models import HistoricalRecords

from send_portal.core.concurrency import VERSION_HELP


class Inspection(models.Model):
    class Kind(models.TextChoices):
        JOINT = "joint", "Joint local area SEND inspection"
        REVISIT = "revisit", "Revisit"
        MONITORING = "monitoring", "DfE–NHS England monitoring visit"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    local_area = models.CharField(
        max_length=100, help_text="The local area inspected, for example Kent or Surrey."
    )
    ofsted = models.BooleanField("Ofsted", default=True)
    cqc = models.BooleanField("CQC", default=True)
    start_date = models.DateField()
    end_date = models.DateField()
    outcome_summary = models.TextField(blank=True)
    wsoa_required = models.BooleanField("Written Statement of Action required", default=False)
    revisit_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisits",
        help_text="For a revisit or monitoring visit: the inspection it follows up.",
    )

    class Meta:
        ordering = ["start_date"]

    def __str__(self) -> str:
        return f"{self.local_area}: {self.get_kind_display()}, {self.start_date:%-d %B %Y}"


class AreaOfWeakness(models.Model):
    """A finding, in the inspectors' words: stored verbatim and never reworded by the portal."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="weaknesses")
    number = models.PositiveSmallIntegerField()
    wording = models.TextField(help_text="Exactly as the inspection report words it.")
    # ``weakness.workstreams``: the workstreams that answer it, a field of ``Workstream``
    # (workstreams/models.py): the programme owns every link between it and the inspection.

    class Meta:
        ordering = ["inspection", "number"]
        verbose_name_plural = "areas of weakness"
        constraints = [
            models.UniqueConstraint(fields=["inspection", "number"], name="weakness_number_unique")
        ]

    def __str__(self) -> str:
        return f"Area of weakness {self.number}"


class WeaknessJudgement(models.Model):
    """A revisit's judgement on one area of weakness: sufficient progress or not."""

    revisit = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    weakness = models.ForeignKey(
        AreaOfWeakness, on_delete=models.CASCADE, related_name="judgements"
    )
    sufficient_progress = models.BooleanField()
    inspectors_words = models.TextField(
        "the inspectors' words", blank=True, help_text="As the revisit letter words it."
    )

    class Meta:
        ordering = ["revisit", "weakness__number"]
        constraints = [
            models.UniqueConstraint(fields=["revisit", "weakness"], name="judgement_unique")
        ]

    def __str__(self) -> str:
        verdict = "sufficient progress" if self.sufficient_progress else "not sufficient progress"
        return f"{self.weakness}: {verdict}"


class MonitoringMilestone(models.Model):
    """A follow-up after a revisit (for example at 3, 6 and 12 months), with its due date."""

    class State(models.TextChoices):
        DUE = "due", "Due"
        MET = "met", "Met"
        NOT_MET = "not_met", "Not met"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="milestones")
    weakness = models.ForeignKey(
        AreaOfWeakness,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="milestones",
        help_text="The area of weakness it follows up, when it is about one.",
    )
    title = models.CharField(max_length=300)
    months_after = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Months after the inspection's last day, if it says so."
    )
    due_date = models.DateField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.DUE)
    notes = models.TextField(blank=True)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "due_date", "pk"]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """A key indicator of impact: a measured figure that shows whether a weakness is improving."""

    class Unit(models.TextChoices):
        PERCENT = "percent", "%"
        NUMBER = "number", "number"
        DAYS = "days", "days"
        WEEKS = "weeks", "weeks"

    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    class PeriodKind(models.TextChoices):
        YEAR = "year", "Year (as published, for example a January census)"
        ACADEMIC_YEAR = "academic_year", "Academic year"
        FINANCIAL_YEAR = "financial_year", "Financial year"
        TERM = "term", "Term"
        QUARTER = "quarter", "Quarter"
        MONTH = "month", "Month"

    weakness = models.ForeignKey(
        AreaOfWeakness, on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    direction = models.CharField(
        "which direction is better", max_length=10, choices=Direction.choices
    )
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    data_source = models.TextField(help_text="Where the figures come from.")
    monitoring_only = models.BooleanField(
        default=False, help_text="Watched, but never RAG-rated: shown grey."
    )
    region_name = models.CharField(
        "name of the region",
        max_length=100,
        default="Region",
        help_text='For example "South East".',
    )
    period_kind = models.CharField(
        "periods", max_length=20, choices=PeriodKind.choices, default=PeriodKind.ACADEMIC_YEAR
    )

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["weakness", "name"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """One period's figure for the local area (or, with ``area``, one of its areas)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(max_length=40, help_text='As written, for example "2018/19".')
    period_start = models.DateField(help_text="The period's first day: orders the periods.")
    area = models.ForeignKey(
        "core.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicator_values",
        help_text="Blank for the whole local area.",
    )
    value = models.DecimalField(max_digits=12, decimal_places=2)
    region = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    statistical_neighbours = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True
    )
    england = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_start", "area__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start"],
                condition=models.Q(area__isnull=True),
                name="indicator_value_unique_local_area",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start", "area"],
                condition=models.Q(area__isnull=False),
                name="indicator_value_unique_area",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.period}"
