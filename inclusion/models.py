"""Inclusion statements (versions of ordered sections of ordered statements) and consultations."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

# Imported here too because the first migrations of inclusion and meetings name it
# ``inclusion.models.RichTextMixin`` as a base class.
from send_portal.core.concurrency import VERSION_HELP
from send_portal.core.richtext import RichTextMixin


class StatementVersion(RichTextMixin, models.Model):
    """One version of the partnership's inclusion statement."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        CONSULTATION = "consultation", "Out for consultation"
        ADOPTED = "adopted", "Adopted"
        SUPERSEDED = "superseded", "Superseded"

    number = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=200)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    summary = models.TextField(
        blank=True, help_text="How this version came about (rich text: paragraphs, lists, links)."
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    adopted_on = models.DateField(null=True, blank=True)

    rich_text_fields = ("summary",)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["state"],
                condition=models.Q(state="adopted"),
                name="inclusion_one_adopted_statement",
            )
        ]

    def __str__(self) -> str:
        return f"Version {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("inclusion:version_detail", kwargs={"number": self.number})

    @property
    def is_editable(self) -> bool:
        return self.state in {self.State.DRAFT, self.State.CONSULTATION}


class StatementSection(models.Model):
    """A heading such as "What we stand for", "We recognise", "We strive", "We commit"."""

    version = models.ForeignKey(StatementVersion, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField()
    heading = models.CharField(max_length=200)
    # ``version`` is the statement version it belongs to: its edit counter is ``revision``.
    revision = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    VERSION_FIELD = "revision"

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="inclusion_section_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.heading


class Statement(RichTextMixin, models.Model):
    section = models.ForeignKey(
        StatementSection, on_delete=models.CASCADE, related_name="statements"
    )
    position = models.PositiveIntegerField()
    text = models.TextField()

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    rich_text_fields = ("text",)

    class Meta:
        ordering = ["section", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "position"], name="inclusion_statement_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Consultation(RichTextMixin, models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    organisation = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    published_on = models.DateField(
        null=True, blank=True, help_text="When the feedback was published."
    )
    introduction = models.TextField(blank=True)
    statement_version = models.ForeignKey(
        StatementVersion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
    )

    rich_text_fields = ("introduction",)

    class Meta:
        ordering = ["-start_date", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("inclusion:consultation_detail", kwargs={"slug": self.slug})


class ResponseFigure(models.Model):
    """How many responded, by respondent type: "79 responses from schools to the online survey"."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="response_figures"
    )
    position = models.PositiveIntegerField(default=0)
    respondent_type = models.CharField(max_length=100, help_text='For example "Schools".')
    count = models.PositiveIntegerField()
    description = models.CharField(max_length=300, help_text='For example "online survey".')

    class Meta:
        ordering = ["consultation", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.count} {self.respondent_type}: {self.description}"


class ConsultationTopic(RichTextMixin, models.Model):
    """A topic consulted on, such as "Statement of Inclusion" or "Parent Voice"."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="topics")
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)

    rich_text_fields = ("purpose",)

    class Meta:
        ordering = ["consultation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "position"], name="inclusion_topic_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class TopicPoint(RichTextMixin, models.Model):
    """A key theme (what people said), an immediate activity (what was done) or a next step."""

    class Kind(models.TextChoices):
        KEY_THEME = "key_theme", "Key theme"
        IMMEDIATE_ACTIVITY = "immediate_activity", "Immediate activity"
        NEXT_STEP = "next_step", "Next step"

    topic = models.ForeignKey(ConsultationTopic, on_delete=models.CASCADE, related_name="points")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    position = models.PositiveIntegerField()
    text = models.TextField()
    we_did = models.TextField(
        "what we did", blank=True, help_text="For a key theme: what was done in response."
    )
    action = models.ForeignKey(
        "workstreams.Action",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_points",
        help_text="For a next step: the programme action that carries it out.",
    )

    rich_text_fields = ("text", "we_did")

    class Meta:
        ordering = ["topic", "kind", "position"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class TopicFigure(models.Model):
    """A figure the feedback reports, such as "81% ... SENCO was part of the leadership team"."""

    topic = models.ForeignKey(ConsultationTopic, on_delete=models.CASCADE, related_name="figures")
    value = models.DecimalField(max_digits=7, decimal_places=1)
    unit = models.CharField(max_length=20, default="%", blank=True)
    statement = models.CharField(
        max_length=400, help_text="What the figure measures, in the consultation's words."
    )

    class Meta:
        ordering = ["topic", "pk"]

    def __str__(self) -> str:
        return f"{self.display_value} {self.statement}"

    @property
    def display_value(self) -> str:
        value = self.value.normalize() if self.value == self.value.to_integral() else self.value
        return f"{value:f}{self.unit}"
