"""Inspections and their findings, under the 2016 or the 2023 framework (see frameworks.py).

A finding (``AreaOfWeakness``) keeps the inspectors' exact wording whatever its kind: an area of
significant weakness (2016), an area for priority action or an area for improvement (2023).
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from send_portal.core.concurrency import VERSION_HELP

from .frameworks import (
    FINDING_KIND_WORDS,
    FRAMEWORK_2016,
    FRAMEWORK_2023,
    MONITORING_MONTHS,
    NEXT_INSPECTION_MONTHS,
    OUTCOME_WORDS,
    vocabulary,
)


class Inspection(models.Model):
    class Kind(models.TextChoices):
        JOINT = "joint", "Joint local area SEND inspection"
        REVISIT = "revisit", "Revisit"
        MONITORING = "monitoring", "DfE–NHS England monitoring visit"
        AREA_SEND = "area_send", "Area SEND inspection"
        MONITORING_INSPECTION = "monitoring_inspection", "Monitoring inspection"

    class Framework(models.TextChoices):
        F2016 = FRAMEWORK_2016, "2016 framework (joint local area SEND inspection)"
        F2023 = FRAMEWORK_2023, "2023 framework (area SEND framework and handbook)"

    class Outcome(models.TextChoices):
        POSITIVE = "1", OUTCOME_WORDS["1"]
        INCONSISTENT = "2", OUTCOME_WORDS["2"]
        SYSTEMIC = "3", OUTCOME_WORDS["3"]

    kind = models.CharField(max_length=30, choices=Kind.choices)
    framework = models.CharField(max_length=4, choices=Framework.choices, default=Framework.F2016)
    outcome = models.CharField(
        "outcome (2023 framework)",
        max_length=1,
        choices=Outcome.choices,
        blank=True,
        help_text="One of the three outcomes, in the handbook's words.",
    )
    monitoring_months = models.PositiveSmallIntegerField(
        "months to the monitoring inspection",
        null=True,
        blank=True,
        help_text=f"2023 framework: blank for the default ({MONITORING_MONTHS}, docs/domain.md).",
    )
    next_inspection_months = models.PositiveSmallIntegerField(
        "months to the next full inspection",
        null=True,
        blank=True,
        help_text="2023 framework: blank for the default (60 for outcome 1, 36 for outcomes 2 "
        "and 3; docs/domain.md).",
    )
    illustrative = models.BooleanField(
        default=False, help_text="Demo content not taken from a real report: the page says so."
    )
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

    def clean(self) -> None:
        if self.outcome and self.framework != FRAMEWORK_2023:
            raise ValidationError({"outcome": "Only a 2023-framework inspection has an outcome"})

    @property
    def words(self):
        """The framework's vocabulary for this inspection's pages."""
        return vocabulary(self.framework)

    @property
    def is_2023(self) -> bool:
        return self.framework == FRAMEWORK_2023

    @property
    def monitoring_months_used(self) -> int:
        return self.monitoring_months or MONITORING_MONTHS

    @property
    def next_inspection_months_used(self) -> int | None:
        if self.next_inspection_months:
            return self.next_inspection_months
        return NEXT_INSPECTION_MONTHS.get(self.outcome)


class AreaOfWeakness(models.Model):
    """A finding, in the inspectors' words: stored verbatim and never reworded by the portal.

    Under the 2016 framework an area of significant weakness; under the 2023 framework an area
    for priority action or an area for improvement, with the partner(s) who take it forward.
    Either plays the same part: finding → workstreams and actions → evidence → indicators →
    judgement.
    """

    class Kind(models.TextChoices):
        SIGNIFICANT_WEAKNESS = "significant_weakness", "Area of significant weakness (2016)"
        PRIORITY_ACTION = "priority_action", "Area for priority action (2023)"
        IMPROVEMENT = "improvement", "Area for improvement (2023)"

    class Partners(models.TextChoices):
        LOCAL_AUTHORITY = "la", "The local authority"
        ICB = "icb", "The integrated care board (ICB)"
        BOTH = "both", "The local authority and the ICB"
        OTHERS = "others", "Others"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="weaknesses")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.SIGNIFICANT_WEAKNESS)
    wording = models.TextField(help_text="Exactly as the inspection report words it.")
    partners = models.CharField(
        "partner(s) who take it forward",
        max_length=10,
        choices=Partners.choices,
        blank=True,
        help_text="2023 framework: as the report names them.",
    )
    partners_named = models.CharField(
        "the partners, as the report names them",
        max_length=300,
        blank=True,
        help_text='For "Others" (or to add to the local authority and the ICB), for example '
        '"schools and colleges".',
    )
    # ``weakness.workstreams``: the workstreams that answer it, a field of ``Workstream``
    # (workstreams/models.py): the programme owns every link between it and the inspection.

    class Meta:
        ordering = ["inspection", "number"]
        verbose_name_plural = "areas of weakness"
        constraints = [
            models.UniqueConstraint(fields=["inspection", "number"], name="weakness_number_unique")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def kind_words(self) -> str:
        """What this finding is called, lower case: "area for improvement"."""
        return FINDING_KIND_WORDS[self.kind]

    @property
    def label(self) -> str:
        """ "Area of weakness 3", "Area for priority action 1"."""
        return f"{self.kind_words[:1].upper()}{self.kind_words[1:]} {self.number}"

    @property
    def partners_text(self) -> str:
        """Who takes it forward: "The local authority and the ICB", or the partners named."""
        if self.partners == self.Partners.OTHERS:
            return self.partners_named or "Others"
        names = [self.get_partners_display()] if self.partners else []
        if self.partners_named:
            names.append(self.partners_named)
        return "; ".join(names)

    def clean(self) -> None:
        framework = self.inspection.framework if self.inspection_id else None
        if framework == FRAMEWORK_2023 and self.kind == self.Kind.SIGNIFICANT_WEAKNESS:
            raise ValidationError(
                {
                    "kind": "A 2023-framework finding is an area for priority action or an area "
                    "for improvement"
                }
            )
        if framework == FRAMEWORK_2016 and self.kind != self.Kind.SIGNIFICANT_WEAKNESS:
            raise ValidationError(
                {"kind": "A 2016-framework finding is an area of significant weakness"}
            )


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
    """A follow-up with its due date: after a revisit (for example at 3, 6 and 12 months), or
    under the 2023 framework the monitoring inspection, the next full inspection and the annual
    engagement meetings (dated, with notes)."""

    class Kind(models.TextChoices):
        FOLLOW_UP = "follow_up", "Follow-up"
        MONITORING_INSPECTION = "monitoring_inspection", "Monitoring inspection"
        NEXT_INSPECTION = "next_inspection", "Next full inspection"
        ENGAGEMENT_MEETING = "engagement_meeting", "Annual engagement meeting"

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
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.FOLLOW_UP)
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
    slug = models.SlugField(
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text="Names it on the command line: import_official_values FILE --indicator SLUG.",
    )
    catalogue = models.CharField(
        "catalogue entry",
        max_length=100,
        blank=True,
        help_text="The official figure it is (inspections/catalogue.py), if it is one.",
    )
    publication = models.CharField(
        max_length=300, blank=True, help_text="The official publication its figures come from."
    )
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
    value = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, help_text="None when suppressed."
    )
    region = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    statistical_neighbours = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True
    )
    england = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    # From official statistics: why a figure is missing (the symbol the file gave, per column:
    # {"value": "c", "england": "x"}), how many neighbours had a value, the rank and quartile.
    suppressed = models.JSONField(default=dict, blank=True)
    neighbours_with_value = models.PositiveSmallIntegerField(null=True, blank=True)
    neighbours_total = models.PositiveSmallIntegerField(null=True, blank=True)
    rank = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 is the best.")
    rank_of = models.PositiveSmallIntegerField(null=True, blank=True)
    quartile = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1: the best quarter of local authorities; 4: the worst."
    )
    official_import = models.ForeignKey(
        "OfficialImport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="values",
        help_text="The official statistics file it came from.",
    )

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


class OfficialImport(models.Model):
    """One import of official statistics into an indicator: the provenance of its values."""

    class Format(models.TextChoices):
        EES = "ees", "Explore Education Statistics tidy CSV"
        FINGERTIPS = "fingertips", "OHID Fingertips CSV"

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="official_imports"
    )
    file_name = models.CharField(max_length=255)
    publication = models.CharField(max_length=300, blank=True)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.EES)
    value_column = models.CharField(max_length=200)
    filters = models.JSONField(default=dict, blank=True, help_text="The --where filters used.")
    la_code = models.CharField("local authority code", max_length=9)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    periods = models.JSONField(default=list, help_text="The periods it recorded.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%-d %B %Y})"


class StatisticalNeighbour(models.Model):
    """The council's statistical neighbours, in order, from the DfE workbook (these take the
    place of the PORTAL_STATISTICAL_NEIGHBOURS setting once imported)."""

    la_code = models.CharField(max_length=9, help_text="The council the list is for.")
    position = models.PositiveSmallIntegerField()
    neighbour_code = models.CharField(max_length=9)
    neighbour_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["la_code", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["la_code", "position"], name="statistical_neighbour_position_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.neighbour_name or self.neighbour_code}"
