"""The Local Offer, modelled on the Open Referral UK data standard, with the SEND specifics.

Open Referral UK (ORUK) names: organisation → ``Organisation``, service → ``Service``,
location (through service_at_location) → ``Location``, contact → ``Contact``, taxonomy →
``Category`` (Kent's Local Offer headings) and ``AreaOfNeed`` (the four broad areas of need).
A service's ``assured_date`` is when it was last checked.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from send_portal.core.concurrency import VERSION_HELP
from send_portal.core.models import Area, Setting
from send_portal.core.validators import validate_web_address

MIN_AGE = 0
MAX_AGE = 25


class Category(models.Model):
    """A heading of the Local Offer (an ORUK taxonomy term)."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class AreaOfNeed(models.Model):
    """One of the four broad areas of need of the SEND Code of Practice (an ORUK taxonomy term)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = "area of need"
        verbose_name_plural = "areas of need"

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """Who provides services (ORUK organization)."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    url = models.URLField("website", blank=True, validators=[validate_web_address])
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceQuerySet(models.QuerySet):
    def public(self):
        """What families may see: active and temporarily closed services, never inactive ones."""
        return self.filter(status__in=Service.PUBLIC_STATUSES)

    def for_lists(self):
        return (
            self.select_related("organisation")
            .prefetch_related("categories", "needs", "areas")
            .defer("search_vector")  # the search reads it in the database, pages never do
        )


# Stable Open Referral UK ids. A service keeps its ``uuid`` (migration 0004 gave existing ones
# uuid5 over this namespace and "service:<pk>"; new ones get a random one when created). Other
# objects' ids are uuid5 of "<kind>:<pk>", the same every time they are read.
ORUK_NAMESPACE = uuid.UUID("4b1f3b0e-6c8a-5d2e-9f3a-2c7d1e0b9a61")


def oruk_uuid(kind: str, pk) -> uuid.UUID:
    return uuid.uuid5(ORUK_NAMESPACE, f"{kind}:{pk}")


class SynonymGroup(models.Model):
    """Words families use for the same need or service, kept by officers.

    A search for any one of the words also finds services described with the others
    ("SALT" finds speech and language therapy; "respite" finds short breaks).
    """

    words = models.TextField(
        help_text="One word or phrase a line, or separated by commas. "
        'For example: "autism, autistic, ASD, ASC".'
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["words"]

    def __str__(self) -> str:
        return ", ".join(self.word_list)

    @property
    def word_list(self) -> list[str]:
        return split_words(self.words)


def split_words(text: str) -> list[str]:
    """The words of a synonym group: split on commas and new lines, trimmed, no repeats."""
    seen: dict[str, str] = {}
    for part in text.replace("\n", ",").split(","):
        word = " ".join(part.split())
        if word and word.lower() not in seen:
            seen[word.lower()] = word
    return list(seen.values())


class Service(models.Model):
    """A service families can use (ORUK service), with the SEND specifics."""

    class Access(models.TextChoices):
        SELF_REFERRAL = "self-referral", "Families can contact the service themselves"
        REFERRAL = "referral", "A referral is needed"
        EITHER = "either", "Families can contact it themselves, or be referred"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
        INACTIVE = "inactive", "Inactive"

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        CHARGE = "charge", "There is a charge"

    PUBLIC_STATUSES = (Status.ACTIVE, Status.TEMPORARILY_CLOSED)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(help_text="In plain English: what it is and who it is for.")
    url = models.URLField("website", blank=True, validators=[validate_web_address])
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    categories = models.ManyToManyField(Category, related_name="services")
    needs = models.ManyToManyField(
        AreaOfNeed, related_name="services", blank=True, verbose_name="areas of need"
    )
    areas = models.ManyToManyField(
        Area,
        related_name="local_offer_services",
        blank=True,
        verbose_name="areas served",
        help_text="Leave empty when the service covers the whole county.",
    )
    min_age = models.PositiveSmallIntegerField(
        "youngest age served",
        default=MIN_AGE,
        validators=[MinValueValidator(MIN_AGE), MaxValueValidator(MAX_AGE)],
    )
    max_age = models.PositiveSmallIntegerField(
        "oldest age served",
        default=MAX_AGE,
        validators=[MinValueValidator(MIN_AGE), MaxValueValidator(MAX_AGE)],
    )
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    fees = models.CharField(
        "cost details", max_length=300, blank=True, help_text='For example "£5 a session".'
    )
    assured_date = models.DateField(
        "last checked", null=True, blank=True, help_text="When the information was last checked."
    )
    officer_notes = models.TextField(
        blank=True, help_text="Only officers see these notes. They are never published."
    )
    access = models.CharField(
        "how to access the service",
        max_length=20,
        choices=Access.choices,
        default=Access.SELF_REFERRAL,
    )
    referral_by = models.CharField(
        "who can refer",
        max_length=300,
        blank=True,
        help_text='For example "a GP, health visitor or your child\'s school".',
    )
    is_illustrative = models.BooleanField(
        "illustrative example",
        default=False,
        help_text="A made-up example service for the demonstration; families are told so.",
    )
    uuid = models.UUIDField("Open Referral UK id", unique=True, editable=False, default=uuid.uuid4)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    # The keyword search's document on PostgreSQL: the name (weight A), the organisation's name
    # (C) and the description (B) in English, kept by the database itself (triggers on the
    # service and on its organisation, migration 0009, so bulk_create and renames keep it too)
    # with a GIN index. Always empty on SQLite, whose search is icontains. Never edited here.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ServiceQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=["categories", "needs", "areas"], excluded_fields=["search_vector"]
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="localoffer_service_org_name_unique",
                violation_error_message=(
                    "There is already a service with this name from this organisation"
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(min_age__lte=models.F("max_age")),
                name="localoffer_service_ages_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("localoffer:service", kwargs={"slug": self.slug})

    @property
    def needs_referral(self) -> bool:
        return self.access == self.Access.REFERRAL

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def ages_label(self) -> str:
        return f"{self.min_age} to {self.max_age}"


class Location(models.Model):
    """Where a service is delivered (ORUK location, through service_at_location)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=200)
    address = models.CharField("address", max_length=300, blank=True)
    town = models.CharField("town or city", max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    description = models.TextField("how to get there", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Schedule(models.Model):
    """When a service is open (an ORUK schedule: weekly, on some days, from one time to another)."""

    class Day(models.TextChoices):
        MO = "MO", "Monday"
        TU = "TU", "Tuesday"
        WE = "WE", "Wednesday"
        TH = "TH", "Thursday"
        FR = "FR", "Friday"
        SA = "SA", "Saturday"
        SU = "SU", "Sunday"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    days = models.CharField(
        max_length=20, help_text="Days of the week, as ORUK's byday: for example MO,TU,WE."
    )
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    description = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__lt=models.F("closes_at")),
                name="localoffer_schedule_opens_before_closing",
                violation_error_message="The closing time must be after the opening time",
            )
        ]

    def __str__(self) -> str:
        return f"{self.days_label}, {self.opens_at:%H:%M} to {self.closes_at:%H:%M}"

    @property
    def day_codes(self) -> list[str]:
        return [d for d in self.days.split(",") if d in self.Day.values]

    @property
    def days_label(self) -> str:
        labels = dict(self.Day.choices)
        codes = self.day_codes
        order = list(self.Day.values)
        indexes = [order.index(c) for c in codes]
        if len(codes) > 2 and indexes == list(range(indexes[0], indexes[0] + len(codes))):
            return f"{labels[codes[0]]} to {labels[codes[-1]]}"
        return ", ".join(labels[c] for c in codes)


class Contact(models.Model):
    """A person or team to contact about a service (ORUK contact)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=150)
    title = models.CharField("job title", max_length=150, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    is_public = models.BooleanField(
        "show to families",
        default=True,
        help_text="Contacts not shown to families still get the yearly review request.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ReviewRequest(models.Model):
    """A monthly email asking a provider contact to check their services: one per address a month."""

    email = models.EmailField()
    month = models.DateField(help_text="The first day of the month the request was for.")
    services = models.ManyToManyField(Service, related_name="review_requests")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "month"], name="localoffer_review_request_once_a_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.month:%B %Y})"


class Feedback(models.Model):
    """What a family told us, moderated by officers; approved items appear in "You said, we did"."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for moderation"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    you_said = models.TextField("feedback")
    name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    we_did = models.TextField("what we did", blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return self.you_said[:60]


class SenReportItem(models.IntegerChoices):
    """The ten things every school's SEN information report must cover (source 004 in docs/domain.md)."""

    KINDS_OF_NEED = 1, "The kinds of special educational needs that are provided for in the school."
    IDENTIFYING = (
        2,
        ("Policies for identifying children and young people with SEN and assessing their needs"),
    )
    CONSULTING_PARENTS = (
        3,
        (
            "Arrangements for consulting parents of children with SEN and involving them in their "
            "child's education."
        ),
    )
    REVIEWING_PROGRESS = (
        4,
        ("Arrangements for assessing and reviewing children's progress towards outcomes."),
    )
    TRANSITIONS = (
        5,
        (
            "Arrangements for children and young people moving between phases of education and in "
            "preparing for adulthood."
        ),
    )
    TEACHING = (
        6,
        (
            "Approach to teaching, the expertise and training of school staff and how specialist "
            "expertise will be available."
        ),
    )
    EMOTIONAL_SOCIAL = (
        7,
        (
            "Support for improving emotional and social development, including listening to the "
            "views of children with SEN and measures to prevent bullying."
        ),
    )
    ACTIVITIES = (
        8,
        (
            "How children with SEN are supported to access activities in the school that are "
            "available to pupils without SEN."
        ),
    )
    PARTNERS = (
        9,
        (
            "How the school involves health, social care and local authorities to provide support "
            "for families."
        ),
    )
    COMPLAINTS = 10, "Arrangements for handling complaints from parents of children with SEN."


class Judgement(models.TextChoices):
    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"


class SenReportReview(models.Model):
    """A review of a setting's published SEN information report against the ten items."""

    setting = models.ForeignKey(Setting, on_delete=models.CASCADE, related_name="sen_reviews")
    report_url = models.URLField(
        "report's web address", max_length=500, validators=[validate_web_address]
    )
    review_date = models.DateField()
    comments = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    version = models.PositiveIntegerField(default=1, help_text=VERSION_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-review_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.setting} ({self.review_date})"

    @property
    def area(self) -> Area:
        return self.setting.area


class SenReportJudgement(models.Model):
    review = models.ForeignKey(SenReportReview, on_delete=models.CASCADE, related_name="judgements")
    item = models.PositiveSmallIntegerField(choices=SenReportItem.choices)
    judgement = models.CharField(max_length=12, choices=Judgement.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item"]
        verbose_name = "SEN report judgement"
        constraints = [
            models.UniqueConstraint(fields=["review", "item"], name="localoffer_sen_item_once")
        ]

    def __str__(self) -> str:
        return f"Item {self.item}: {self.get_judgement_display()}"


class Strand(models.TextChoices):
    CONTENT = "content", "Content"
    ENGAGEMENT = "engagement", "Engagement"
    GOVERNANCE = "governance", "Governance"


class SelfEvaluationQuestion(models.TextChoices):
    """Kent's self-evaluation questions A to C (source 004 in docs/domain.md)."""

    A = (
        "A",
        (
            "How closely have educational settings been involved in the development and review of "
            "the Local Offer?"
        ),
    )
    B = (
        "B",
        (
            "How have educational settings been supported to contribute to the Local Offer and also "
            "publish the required information?"
        ),
    )
    C = (
        "C",
        (
            "How comprehensive is the information about and for educational settings on the Local Offer"
        ),
    )


class Score(models.IntegerChoices):
    INADEQUATE = 1, "1: Not in place"
    DEVELOPING = 2, "2: Developing"
    ESTABLISHED = 3, "3: Established"
    EMBEDDED = 4, "4: Embedded"


class SelfEvaluation(models.Model):
    """One year's self-evaluation of the Local Offer against Kent's framework."""

    year = models.PositiveSmallIntegerField(
        unique=True, validators=[MinValueValidator(2014), MaxValueValidator(2100)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Self-evaluation {self.year}"


class SelfEvaluationAnswer(models.Model):
    evaluation = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="answers")
    strand = models.CharField(max_length=12, choices=Strand.choices)
    question = models.CharField(max_length=1, choices=SelfEvaluationQuestion.choices)
    score = models.PositiveSmallIntegerField(choices=Score.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["strand", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "strand", "question"], name="localoffer_answer_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_strand_display()} {self.question}: {self.score}"


class FeedbackSendCount(models.Model):
    """How many feedback messages one client has sent in one hour (the send limit's counter).

    Counted with a conditional ``UPDATE ... SET count = count + 1 WHERE count < limit`` in the
    same transaction as the feedback itself, so only sends that were saved count and two
    sends at once can never both take the last place.
    """

    client_key = models.CharField(max_length=64, help_text="A hash of the client's address.")
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client_key", "window_start"], name="localoffer_feedback_count_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.client_key[:8]} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"
