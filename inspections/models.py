"""Inspections and their findings. Areas of weakness keep the inspectors' exact wording."""

from django.db import models


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
    workstreams = models.ManyToManyField(
        "workstreams.Workstream", blank=True, related_name="weaknesses"
    )

    class Meta:
        ordering = ["inspection", "number"]
        verbose_name_plural = "areas of weakness"
        constraints = [
            models.UniqueConstraint(fields=["inspection", "number"], name="weakness_number_unique")
        ]

    def __str__(self) -> str:
        return f"Area of weakness {self.number}"
