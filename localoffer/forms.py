"""Forms for officers and families, with GOV.UK error messages in plain English."""

from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size, Submit
from django import forms
from django.utils import timezone

from send_portal.core.concurrency import VersionedFormMixin
from send_portal.core.formfields import DateField
from send_portal.core.forms import GDSForm, GDSModelForm, WebAddressField
from send_portal.core.models import Area

from .models import (
    MAX_AGE,
    MIN_AGE,
    AreaOfNeed,
    Category,
    Contact,
    Feedback,
    Judgement,
    Location,
    Schedule,
    Score,
    SelfEvaluationQuestion,
    SenReportItem,
    Service,
    Strand,
    SynonymGroup,
    split_words,
)


class NoFormTagMixin:
    """The template writes the <form> element (method, action, enctype); crispy renders fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False


class LocalOfferForm(NoFormTagMixin, GDSForm):
    pass


class LocalOfferModelForm(NoFormTagMixin, GDSModelForm):
    pass


class ServiceForm(VersionedFormMixin, LocalOfferModelForm):
    submit_text = "Save service"

    categories = forms.ModelMultipleChoiceField(
        queryset=Category.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one category"},
    )
    needs = forms.ModelMultipleChoiceField(
        label="Areas of need",
        queryset=AreaOfNeed.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave empty if the service is for every kind of need.",
    )
    areas = forms.ModelMultipleChoiceField(
        label="Areas served",
        queryset=Area.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave empty if the service covers the whole county.",
    )
    url = WebAddressField(
        label="Website",
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        message="Enter the website in the correct format, like https://example.org",
    )
    assured_date = DateField(
        label="Date the information was last checked",
        required=False,
        error_messages={"invalid": "Enter the date last checked as a real date"},
    )

    class Meta:
        model = Service
        fields = [
            "organisation",
            "name",
            "description",
            "categories",
            "needs",
            "min_age",
            "max_age",
            "areas",
            "cost",
            "fees",
            "status",
            "url",
            "email",
            "access",
            "referral_by",
            "assured_date",
            "officer_notes",
        ]
        labels = {"name": "Service name"}
        widgets = {
            "access": forms.RadioSelect,
            "cost": forms.RadioSelect,
            "status": forms.RadioSelect,
            "min_age": forms.TextInput(attrs={"inputmode": "numeric"}),
            "max_age": forms.TextInput(attrs={"inputmode": "numeric"}),
            "email": forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        }
        error_messages = {
            "organisation": {"required": "Select the organisation"},
            "name": {"required": "Enter the service name"},
            "description": {"required": "Enter a description"},
            "url": {"invalid": "Enter the website in the correct format, like https://example.org"},
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.org"
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("min_age", "max_age"):
            field = self.fields[name]
            message = (
                f"Enter the {field.label.lower()} as a whole number from {MIN_AGE} to {MAX_AGE}"
            )
            field.error_messages.update(
                {
                    "invalid": message,
                    "min_value": message,
                    "max_value": message,
                    "required": message,
                }
            )
        if self.instance.pk:
            self.fields["assured_date"].initial = self.instance.assured_date

    def get_layout(self):
        return Layout(
            Field.select("organisation"),
            Field.text("name"),
            Field.textarea("description", rows=5),
            Field.checkboxes("categories", legend_size=Size.SMALL, small=True),
            Field.checkboxes("needs", legend_size=Size.SMALL, small=True),
            Fieldset(
                Field.text("min_age", field_width=2),
                Field.text("max_age", field_width=2),
                legend="Ages served (0 to 25)",
                legend_size=Size.SMALL,
            ),
            Field.checkboxes("areas", legend_size=Size.SMALL, small=True),
            Field.radios("cost", legend_size=Size.SMALL, small=True),
            Field.text("fees"),
            Field.radios("status", legend_size=Size.SMALL, small=True),
            Field.text("url"),
            Field.text("email"),
            Field.radios("access", legend_size=Size.SMALL, small=True),
            Field.text("referral_by"),
            Field("assured_date"),
            Field.textarea("officer_notes", rows=3),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        low, high = data.get("min_age"), data.get("max_age")
        if low is not None and high is not None and low > high:
            self.add_error(
                "max_age", "The oldest age must be the same as or more than the youngest age"
            )
        day = data.get("assured_date")
        if day and day > timezone.localdate():
            self.add_error("assured_date", "The date last checked must be today or in the past")
        if data.get("access") == Service.Access.REFERRAL and not data.get("referral_by"):
            self.add_error("referral_by", "Enter who can refer to this service")
        return data


class ContactForm(LocalOfferModelForm):
    submit_text = "Save contact"

    class Meta:
        model = Contact
        fields = ["name", "title", "email", "phone", "is_public"]
        error_messages = {
            "name": {"required": "Enter the contact's name"},
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.org"
            },
        }

    def get_layout(self):
        return Layout(
            Field.text("name"),
            Field.text("title"),
            Field.text("email"),
            Field.text("phone", field_width=20),
            Field.checkbox("is_public"),
            Submit("submit", self.submit_text),
        )


class ScheduleForm(LocalOfferModelForm):
    """Opening times: the days of the week and the hours (an ORUK weekly schedule)."""

    submit_text = "Save opening times"

    day_list = forms.MultipleChoiceField(
        label="Days",
        choices=Schedule.Day.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the days the service is open"},
    )
    opens_at = forms.TimeField(
        label="Opens at",
        help_text="For example, 09:00",
        input_formats=["%H:%M", "%H.%M"],
        error_messages={
            "required": "Enter the opening time",
            "invalid": "Enter the opening time as hours and minutes, like 09:00",
        },
    )
    closes_at = forms.TimeField(
        label="Closes at",
        help_text="For example, 17:30",
        input_formats=["%H:%M", "%H.%M"],
        error_messages={
            "required": "Enter the closing time",
            "invalid": "Enter the closing time as hours and minutes, like 17:30",
        },
    )

    class Meta:
        model = Schedule
        fields = ["opens_at", "closes_at", "description"]
        labels = {"description": "Notes for families (optional)"}
        help_texts = {"description": 'For example "School holidays only"'}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["day_list"].initial = self.instance.day_codes

    def get_layout(self):
        return Layout(
            Field.checkboxes("day_list", legend_size=Size.SMALL, small=True),
            Field.text("opens_at", field_width=5),
            Field.text("closes_at", field_width=5),
            Field.text("description"),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "The closing time must be after the opening time")
        return data

    def save(self, commit=True):
        order = list(Schedule.Day.values)
        days = sorted(self.cleaned_data["day_list"], key=order.index)
        self.instance.days = ",".join(days)
        return super().save(commit=commit)

    def validate_constraints(self):  # the clean() above says it in plain English
        pass


class SynonymGroupForm(LocalOfferModelForm):
    submit_text = "Save words"

    class Meta:
        model = SynonymGroup
        fields = ["words"]
        labels = {"words": "Words that mean the same to families"}
        error_messages = {"words": {"required": "Enter at least two words or phrases"}}

    def get_layout(self):
        return Layout(Field.textarea("words", rows=4), Submit("submit", self.submit_text))

    def clean_words(self) -> str:
        words = split_words(self.cleaned_data["words"])
        if len(words) < 2:
            raise forms.ValidationError("Enter at least two words or phrases, separated by commas")
        too_long = [w for w in words if len(w) > 100]
        if too_long:
            raise forms.ValidationError(
                f"Each word or phrase must be 100 characters or fewer: {too_long[0][:30]}… is longer"
            )
        return ", ".join(words)


class LocationForm(LocalOfferModelForm):
    submit_text = "Save location"

    class Meta:
        model = Location
        fields = ["name", "address", "town", "postcode", "description"]
        error_messages = {"name": {"required": "Enter the location's name"}}

    def get_layout(self):
        return Layout(
            Field.text("name"),
            Field.text("address"),
            Field.text("town", field_width=20),
            Field.text("postcode", field_width=10),
            Field.textarea("description", rows=3),
            Submit("submit", self.submit_text),
        )


class ServiceImportForm(LocalOfferForm):
    submit_text = "Upload and check"
    MAX_BYTES = 2 * 1024 * 1024

    file = forms.FileField(
        label="CSV file of services",
        help_text="Save the spreadsheet as CSV UTF-8. The columns are listed below.",
        error_messages={"required": "Choose a CSV file to upload"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The file must be a CSV file (ending in .csv)")
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file must be smaller than 2MB")
        if upload.size == 0:
            raise forms.ValidationError("The file is empty")
        return upload


class ShortlistEmailForm(LocalOfferForm):
    submit_text = "Email me my shortlist"

    email = forms.EmailField(
        label="Your email address",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "email"}),
        help_text="We use it only to send this email. We do not keep it.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )

    def get_layout(self):
        return Layout(Field.text("email", field_width=20), Submit("submit", self.submit_text))


class FeedbackForm(LocalOfferForm):
    """Public feedback. ``website`` is a honeypot: people leave it empty, spam robots fill it in."""

    submit_text = "Send feedback"

    you_said = forms.CharField(
        label="Your feedback",
        widget=forms.Textarea,
        max_length=2000,
        help_text="Tell us what works, what does not, or what is missing. Do not include "
        "personal details about your child.",
        error_messages={
            "required": "Enter your feedback",
            "max_length": "Your feedback must be 2,000 characters or fewer",
        },
    )
    service = forms.ModelChoiceField(
        label="Which service is it about? (optional)",
        queryset=Service.objects.public(),
        required=False,
        empty_label="The Local Offer in general",
    )
    name = forms.CharField(label="Your name (optional)", required=False, max_length=150)
    email = forms.EmailField(
        label="Your email address (optional)",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "email"}),
        required=False,
        help_text="Only if you would like a reply. We will not publish it.",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.org"
        },
    )
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        help_text="This field is to catch spam. If you are a person, do not fill it in.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def get_layout(self):
        return Layout(
            Field.textarea("you_said", rows=6),
            Field.select("service"),
            Field.text("name"),
            Field.text("email"),
            HTML('<div class="portal-honeypot">'),
            Field.text("website"),
            HTML("</div>"),
            Submit("submit", self.submit_text),
        )

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class FeedbackModerationForm(LocalOfferForm):
    submit_text = "Save decision"

    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            (Feedback.Status.APPROVED, "Approve: publish in You said, we did"),
            (Feedback.Status.REJECTED, "Reject: do not publish"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select approve or reject"},
    )
    we_did = forms.CharField(
        label="What we did",
        widget=forms.Textarea,
        required=False,
        help_text="Published with the feedback when you approve it.",
    )

    def get_layout(self):
        return Layout(
            Field.radios("decision", legend_size=Size.SMALL, small=True),
            Field.textarea("we_did", rows=4),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        if data.get("decision") == Feedback.Status.APPROVED and not data.get("we_did", "").strip():
            self.add_error("we_did", "Enter what we did before you approve the feedback")
        return data


class SenReviewForm(VersionedFormMixin, LocalOfferForm):
    """Records a review, or (with ``record=`` the review and ``initial`` from
    ``selectors.sen_review_initial``) corrects one, with the version check."""

    submit_text = "Save review"

    report_url = WebAddressField(
        label="Web address of the published SEN information report",
        max_length=500,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        error_messages={"required": "Enter the web address of the report"},
        message="Enter the web address in the correct format, like https://school.example/sen",
    )
    review_date = DateField(
        label="Date of the review",
        error_messages={
            "required": "Enter the date of the review",
            "invalid": "Enter the date of the review as a real date",
        },
    )
    comments = forms.CharField(label="Comments (optional)", widget=forms.Textarea, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item in SenReportItem:
            self.fields[f"item_{item.value}"] = forms.ChoiceField(
                label=f"{item.value}. {item.label}",
                choices=Judgement.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Select met, partly met or not met for item {item.value}"
                },
            )
        self.helper.layout = self.get_layout()

    def get_layout(self):
        if "item_1" not in self.fields:
            return None
        return Layout(
            Field.text("report_url"),
            Field("review_date"),
            Fieldset(
                *[
                    Field.radios(f"item_{item.value}", legend_size=Size.SMALL, small=True)
                    for item in SenReportItem
                ],
                legend="The ten things the report must cover",
                legend_size=Size.MEDIUM,
            ),
            Field.textarea("comments", rows=3),
            Submit("submit", self.submit_text),
        )

    def clean_review_date(self):
        day = self.cleaned_data["review_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                "The date of the review must be today or in the past, not after "
                f"{timezone.localdate():%-d %B %Y}"
            )
        return day

    def judgements(self) -> dict[int, str]:
        return {item.value: self.cleaned_data[f"item_{item.value}"] for item in SenReportItem}


class SelfEvaluationForm(LocalOfferForm):
    submit_text = "Save self-evaluation"

    def __init__(self, *args, year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_year = year
        if year is None:
            self.fields["year"] = forms.IntegerField(
                label="Year",
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
                min_value=2014,
                max_value=2100,
                help_text="For example, 2026",
                error_messages={
                    "required": "Enter the year",
                    "invalid": "Enter the year as four digits, like 2026",
                    "min_value": "Enter a year from 2014, when the Local Offer began",
                    "max_value": "Enter the year as four digits, like 2026",
                },
            )
        for strand in Strand:
            for question in SelfEvaluationQuestion:
                key = f"{strand.value}_{question.value}"
                self.fields[f"score_{key}"] = forms.TypedChoiceField(
                    label=f"{strand.label}, question {question.value}: score",
                    choices=Score.choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": f"Select a score for {strand.label.lower()}, question {question.value}"
                    },
                )
                self.fields[f"comment_{key}"] = forms.CharField(
                    label=f"{strand.label}, question {question.value}: comment",
                    widget=forms.Textarea,
                    required=False,
                )
        self.helper.layout = self.get_layout()

    def get_layout(self):
        if "score_content_A" not in self.fields:
            return None
        parts = [Field.text("year", field_width=4)] if "year" in self.fields else []
        for strand in Strand:
            for question in SelfEvaluationQuestion:
                key = f"{strand.value}_{question.value}"
                parts.append(
                    Fieldset(
                        Field.radios(f"score_{key}", legend_size=Size.SMALL, small=True),
                        Field.textarea(f"comment_{key}", rows=2),
                        legend=f"{strand.label}: {question.value}. {question.label}",
                        legend_size=Size.SMALL,
                    )
                )
        parts.append(Submit("submit", self.submit_text))
        return Layout(*parts)

    def clean_year(self):
        from .models import SelfEvaluation

        year = self.cleaned_data["year"]
        if SelfEvaluation.objects.filter(year=year).exists():
            raise forms.ValidationError(
                f"There is already a self-evaluation for {year}. Change that one instead."
            )
        return year

    @property
    def year(self) -> int:
        return self.fixed_year or self.cleaned_data["year"]

    def answers(self) -> dict[tuple[str, str], tuple[int, str]]:
        return {
            (strand.value, question.value): (
                self.cleaned_data[f"score_{strand.value}_{question.value}"],
                self.cleaned_data[f"comment_{strand.value}_{question.value}"],
            )
            for strand in Strand
            for question in SelfEvaluationQuestion
        }
