"""People, areas and settings: the reference data every app shares."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from .roles import Role


class Area(models.Model):
    """A geographical sub-area of the local area: quadrant, district or DSPL area."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("area_dashboard", kwargs={"slug": self.slug})


class Setting(models.Model):
    """Any school, nursery, college, PRU or alternative provision."""

    class Phase(models.TextChoices):
        EARLY_YEARS = "early_years", "Early years"
        PRIMARY = "primary", "Primary"
        SECONDARY = "secondary", "Secondary"
        ALL_THROUGH = "all_through", "All-through"
        POST_16 = "post_16", "Post-16"

    class Kind(models.TextChoices):
        MAINSTREAM = "mainstream", "Mainstream"
        ENHANCED = "enhanced", "Enhanced provision (SRP)"
        SPECIAL = "special", "Special"
        AP_PRU = "ap_pru", "Alternative provision or PRU"

    name = models.CharField(max_length=200)
    urn = models.CharField(
        "URN",
        max_length=8,
        blank=True,
        help_text="Unique reference number from Get Information about Schools",
    )
    phase = models.CharField(max_length=20, choices=Phase.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MAINSTREAM)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="settings")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["urn"], condition=~models.Q(urn=""), name="setting_urn_unique"
            ),
            models.UniqueConstraint(fields=["name", "area"], name="setting_name_area_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("Enter an email address")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their email address."""

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    organisation = models.CharField(max_length=150, blank=True)
    setting = models.ForeignKey(
        Setting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
        help_text="For headteachers and SENCOs: their school, which decides the area they see.",
    )
    is_staff = models.BooleanField(
        "can use Django admin", default=False, help_text="Administrators only."
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, role: Role) -> bool:
        return role.value in self.role_names

    @cached_property
    def area(self) -> Area | None:
        """The area a headteacher belongs to, through their setting."""
        if self.setting_id is None:
            return None
        if not User.setting.is_cached(self):  # one query for the setting and its area, not two
            self.setting = Setting.objects.select_related("area").get(pk=self.setting_id)
        setting = self.setting
        return setting.area if setting is not None else None


class SignInAttempt(models.Model):
    """The sign-in log: one row per attempt to sign in, kept for ``SIGN_IN_LOG_RETENTION_DAYS``.

    Failures count towards the client's and the account's limits (``signin.py``) until they are
    older than the lockout period, or until the same client signs in to the same account.
    """

    class Outcome(models.TextChoices):
        SUCCEEDED = "succeeded", "Signed in"
        FAILED = "failed", "Wrong email address or password"
        REFUSED = "refused", "Refused while locked"

    attempted_at = models.DateTimeField(default=timezone.now, db_index=True)
    email = models.CharField(max_length=254, blank=True, db_index=True)
    client_address = models.GenericIPAddressField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    counted = models.BooleanField(
        default=True, help_text="A failure still counting towards the limits."
    )

    class Meta:
        ordering = ["-attempted_at"]
        indexes = [models.Index(fields=["client_address", "attempted_at"])]

    def __str__(self) -> str:
        return f"{self.email or '(no email)'} from {self.client_address}: {self.outcome}"


class SignInLockout(models.Model):
    """A client (its address) or an account (its email address) that may not sign in until
    ``ends_at``."""

    class Scope(models.TextChoices):
        CLIENT = "client", "Client address"
        ACCOUNT = "account", "Account"

    scope = models.CharField(max_length=10, choices=Scope.choices)
    key = models.CharField(max_length=254)
    started_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["scope", "key", "ends_at"])]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} {self.key} until {self.ends_at:%H:%M}"


class PasswordResetRequest(models.Model):
    """One request for a password reset email: the limits per address and per client count them."""

    requested_at = models.DateTimeField(default=timezone.now, db_index=True)
    email = models.CharField(max_length=254, db_index=True)
    client_address = models.GenericIPAddressField()
    sent = models.BooleanField(help_text="An email went to the address.")

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.email} from {self.client_address}"


class RemovedLink(models.Model):
    """A link that removing a record broke and that the row's own history cannot keep: a
    many-to-many link of a removed row (an action's areas), or a row without history that
    pointed at a removed row and lost the link (a consultation's point at a removed action).
    Undoing the removal makes the link again (``send_portal/core/removal.py``)."""

    removed_at = models.DateTimeField(db_index=True, help_text="The removal's moment.")
    record = models.CharField(max_length=100, help_text='The record removed: "workstreams.Action".')
    record_pk = models.CharField(max_length=40)
    table = models.CharField(
        max_length=200, help_text='The link\'s model: "workstreams.Action_areas".'
    )
    row_pk = models.CharField(
        max_length=40, blank=True, help_text="The row that lost its link; blank: a link row."
    )
    values = models.JSONField(
        encoder=DjangoJSONEncoder, help_text="The link row's values, or the row's lost link."
    )

    class Meta:
        indexes = [models.Index(fields=["record", "record_pk", "removed_at"])]

    def __str__(self) -> str:
        return f"{self.table} of {self.record} {self.record_pk} ({self.removed_at:%-d %B %Y})"
