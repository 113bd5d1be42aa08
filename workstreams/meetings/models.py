"""Programme governance: groups, their meetings and the minutes of each."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from send_portal.core.concurrency import VERSION_HELP
from send_portal.core.models import Area
from send_portal.core.richtext import RichTextMixin


class Group(RichTextMixin, models.Model):
    """A board or group that meets: SEND Executive, Headteacher Round Table, a DSPL area group."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_groups",
        help_text="Leave empty for a county-wide group.",
    )
    description = models.TextField(blank=True)

    rich_text_fields = ("description",)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings:group_detail", kwargs={"slug": self.slug})


class Meeting(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(
        max_length=200,
        blank=True,
        help_text='For example "SEND Strategy – Headteacher Round Table".',
    )
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    announced_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="future_meetings",
        help_text="The meeting whose minutes set this date.",
    )
    sequence = models.PositiveIntegerField(
        default=0, help_text="The calendar revision: bumped when the date, time or place changes."
    )
    updated_at = models.DateTimeField(auto_now=True)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="meeting_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_title}, {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        return self.title or self.group.name

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Attendee(models.Model):
    """Someone who attended, or sent apologies."""

    class Kind(models.TextChoices):
        ATTENDED = "attended", "In attendance"
        APOLOGIES = "apologies", "Apologies"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ATTENDED)
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "kind", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class MinuteItem(RichTextMixin, models.Model):
    """A numbered item of the minutes with its discussion."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    discussion = models.TextField(blank=True)

    rich_text_fields = ("discussion",)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="minute_item_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Decision(RichTextMixin, models.Model):
    """What "was agreed", kept in the decisions register."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    item = models.ForeignKey(
        MinuteItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()

    rich_text_fields = ("text",)

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class ActionArising(models.Model):
    """An action arising from a meeting, linked to (or creating) a programme action."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions_arising")
    item = models.ForeignKey(
        MinuteItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.TextField()
    owner_name = models.CharField("owner", max_length=200)
    due_date = models.DateField(null=True, blank=True)
    is_done = models.BooleanField("done", default=False)
    programme_action = models.ForeignKey(
        "workstreams.Action",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_actions",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "due_date", "pk"]
        verbose_name = "action arising"
        verbose_name_plural = "actions arising"

    def __str__(self) -> str:
        return self.description[:80]


class NextStep(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="next_steps")
    position = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=500)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class CalendarSubscription(models.Model):
    """A person's private calendar address: the secret token in its URL.

    The feed at that address works without a session (calendar apps have none) and lists only
    the meetings its owner may see. Regenerating the token stops the old address working;
    revoking deletes it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_subscription"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar address of {self.user}"
