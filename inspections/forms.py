"""Forms officers use: one indicator value, a CSV of values, a milestone's outcome."""

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms

from send_portal.core.concurrency import VersionedFormMixin
from send_portal.core.formfields import DateField
from send_portal.core.forms import GDSForm, GDSModelForm
from send_portal.core.meaning import value_problem
from send_portal.core.models import Area

from .catalogue import CATALOGUE
from .imports import COLUMNS, parse_number
from .models import Indicator, MonitoringMilestone, OfficialImport
from .official import parse_where
from .periods import EXAMPLES, PeriodError, parse_period


class IndicatorValueForm(VersionedFormMixin, GDSForm):
    """Adds a value, or (with ``record=`` the value and ``initial`` from
    ``selectors.indicator_value_initial``) corrects one, with the version check."""

    submit_text = "Save value"

    period = forms.CharField(
        label="Period", max_length=40, error_messages={"required": "Enter the period"}
    )
    value = forms.CharField(
        label="Value", max_length=20, error_messages={"required": "Enter the value"}
    )
    region = forms.CharField(label="Region", max_length=20, required=False)
    statistical_neighbours = forms.CharField(
        label="Statistical neighbours", max_length=20, required=False
    )
    england = forms.CharField(label="England", max_length=20, required=False)
    area = forms.ModelChoiceField(
        label="Area",
        queryset=Area.objects.order_by("name"),
        required=False,
        empty_label="The whole local area",
        help_text="Choose an area only for a breakdown figure.",
    )

    def __init__(self, *args, indicator: Indicator, **kwargs):
        self.indicator = indicator
        super().__init__(*args, **kwargs)
        self.fields[
            "period"
        ].help_text = (
            f"{indicator.get_period_kind_display()}, for example {EXAMPLES[indicator.period_kind]}"
        )
        self.fields["region"].label = f"{indicator.region_name} (region)"
        unit = indicator.get_unit_display()
        self.fields["value"].help_text = f"In {unit}, up to 2 decimal places"

    def get_layout(self) -> Layout:
        return Layout(
            Field.text("period", field_width=10),
            Field.text("value", field_width=5),
            Fieldset(
                Field.text("region", field_width=5),
                Field.text("statistical_neighbours", field_width=5),
                Field.text("england", field_width=5),
                legend="Comparators (optional)",
                legend_size=Size.SMALL,
            ),
            Field.select("area"),
            Submit("submit", self.submit_text),
        )

    def clean_period(self):
        try:
            return parse_period(self.cleaned_data["period"], self.indicator.period_kind)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from None

    def _number(self, name: str, required: bool):
        label = "Value" if name == "value" else str(self.fields[name].label)
        number, reason = parse_number(
            self.cleaned_data.get(name, ""), required=required, column=label,
            unit=self.indicator.unit,
        )  # fmt: skip
        if reason:
            raise forms.ValidationError(reason)
        return number

    def clean_value(self):
        return self._number("value", True)

    def clean_region(self):
        return self._number("region", False)

    def clean_statistical_neighbours(self):
        return self._number("statistical_neighbours", False)

    def clean_england(self):
        return self._number("england", False)


class IndicatorUploadForm(GDSForm):
    submit_text = "Upload values"

    file = forms.FileField(
        label="CSV file",
        help_text="Columns exactly: " + ", ".join(COLUMNS),
        error_messages={"required": "Choose a CSV file to upload", "empty": "The file is empty"},
    )

    def get_layout(self) -> Layout:
        return Layout(Field("file"), Submit("submit", self.submit_text))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The file must be a CSV file")
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 2 MB")
        return upload


class MilestoneForm(VersionedFormMixin, GDSForm):
    submit_text = "Save outcome"

    state = forms.ChoiceField(
        label="Outcome",
        choices=MonitoringMilestone.State.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)

    def get_layout(self) -> Layout:
        return Layout(
            Field.radios("state", legend_size=Size.SMALL),
            Field.textarea("notes", rows=4),
            Submit("submit", self.submit_text),
        )


class IndicatorForm(VersionedFormMixin, GDSModelForm):
    submit_text = "Save indicator"

    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "direction",
            "target",
            "monitoring_only",
            "period_kind",
            "region_name",
            "data_source",
        ]
        labels = {
            "name": "Name of the indicator",
            "direction": "Which direction is better",
            "monitoring_only": "Monitoring only: never RAG-rated",
            "period_kind": "Periods the values are for",
            "region_name": "Name of the region it is compared with",
        }
        help_texts = {
            "target": "Leave blank if there is no target: the indicator is then not rated.",
        }
        widgets = {
            "unit": forms.RadioSelect,
            "direction": forms.RadioSelect,
            "period_kind": forms.RadioSelect,
            "data_source": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": "Enter the name of the indicator"},
            "unit": {"required": "Select the unit"},
            "direction": {"required": "Select which direction is better"},
            "period_kind": {"required": "Select the periods the values are for"},
            "data_source": {"required": "Enter where the figures come from"},
            "region_name": {"required": "Enter the name of the region"},
            "target": {"invalid": "Enter the target as a number, like 60"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's radio choices include a blank option; a radio list should not.
        for name in ("unit", "direction", "period_kind"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]

    def get_layout(self) -> Layout:
        return Layout(
            Field.text("name"),
            Field.radios("unit", legend_size=Size.SMALL, inline=True),
            Field.radios("direction", legend_size=Size.SMALL),
            Field.text("target", field_width=5),
            Field.checkbox("monitoring_only"),
            Field.radios("period_kind", legend_size=Size.SMALL),
            Field.text("region_name", field_width=20),
            Field.textarea("data_source", rows=3),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        unit, target = data.get("unit"), data.get("target")
        if unit and (problem := value_problem(target, unit=unit, label="the target")):
            self.add_error("target", problem)
        return data

    def clean_period_kind(self):
        kind = self.cleaned_data["period_kind"]
        if self.instance.pk and kind != self.instance.period_kind and self.instance.values.exists():
            raise forms.ValidationError(
                "The periods cannot change once values are recorded: they are read as "
                f"{self.instance.get_period_kind_display().lower()}s"
            )
        return kind


class JudgementForm(GDSForm):
    submit_text = "Save judgement"

    sufficient_progress = forms.TypedChoiceField(
        label="Did the inspectors judge sufficient progress?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if the inspectors judged sufficient progress"},
    )
    inspectors_words = forms.CharField(
        label="The inspectors' words",
        widget=forms.Textarea,
        required=False,
        help_text="Copy them exactly from the revisit letter.",
    )

    def get_layout(self) -> Layout:
        return Layout(
            Field.radios("sufficient_progress", legend_size=Size.SMALL, inline=True),
            Field.textarea("inspectors_words", rows=5),
            Submit("submit", self.submit_text),
        )


class EngagementMeetingForm(GDSForm):
    submit_text = "Save meeting"

    date = DateField(
        label="Date of the meeting",
        help_text="For example, 12 11 2026",
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "The date of the meeting must be a real date, for example 12 11 2026",
        },
    )
    notes = forms.CharField(
        label="Notes",
        widget=forms.Textarea,
        required=False,
        help_text="Who met, what was discussed and what was agreed.",
    )

    def get_layout(self) -> Layout:
        return Layout(
            Field("date"),
            Field.textarea("notes", rows=6),
            Submit("submit", self.submit_text),
        )


class OfficialValuesForm(GDSForm):
    submit_text = "Import the figures"

    file = forms.FileField(
        label="The publication's CSV file",
        help_text="As downloaded, for example from Explore Education Statistics (“Download "
        "data (CSV)”) or OHID Fingertips.",
        error_messages={"required": "Choose the CSV file to import", "empty": "The file is empty"},
    )
    file_format = forms.ChoiceField(
        label="What kind of file is it?",
        choices=OfficialImport.Format.choices,
        initial=OfficialImport.Format.EES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of file it is"},
    )
    value_column = forms.CharField(
        label="Column holding the figure",
        max_length=200,
        help_text="Exactly as the file's first row names it, for example "
        "within_20_weeks_percent (Fingertips: Value).",
        error_messages={"required": "Enter the name of the column holding the figure"},
    )
    where = forms.CharField(
        label="Filters (optional)",
        widget=forms.Textarea,
        required=False,
        help_text="One a line, COLUMN=VALUE: only the rows matching every filter are kept, "
        "for example exceptions=Excluding exceptions.",
    )
    publication = forms.CharField(
        label="Publication",
        max_length=300,
        required=False,
        help_text="Its name and date as the publisher gives them, for example “Education, "
        "health and care plans, reporting year 2025”.",
    )

    def get_layout(self) -> Layout:
        return Layout(
            Field("file"),
            Field.radios("file_format", legend_size=Size.SMALL),
            Field.text("value_column"),
            Field.textarea("where", rows=3),
            Field.text("publication"),
            Submit("submit", self.submit_text),
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The file must be a CSV file")
        return upload

    def clean_where(self):
        lines = [line.strip() for line in self.cleaned_data["where"].splitlines() if line.strip()]
        filters, problems = parse_where(lines)
        if problems:
            raise forms.ValidationError(problems[0])
        return filters


class CatalogueIndicatorForm(GDSForm):
    submit_text = "Add the indicator"

    entry = forms.ChoiceField(
        label="Which official figure?",
        choices=[
            (item.slug, f"{item.name} ({item.publication}; {item.source_label})")
            for item in CATALOGUE
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the official figure"},
    )
    target = forms.DecimalField(
        label="Target (optional)",
        required=False,
        max_digits=12,
        decimal_places=2,
        help_text="Leave blank if there is no target: the indicator is then not rated.",
        error_messages={"invalid": "Enter the target as a number, like 60"},
    )

    def get_layout(self) -> Layout:
        return Layout(
            Field.radios("entry", legend_size=Size.MEDIUM),
            Field.text("target", field_width=5),
            Submit("submit", self.submit_text),
        )


class NeighbourWorkbookForm(GDSForm):
    submit_text = "Import the neighbours"

    file = forms.FileField(
        label="Statistical neighbour workbook",
        help_text="CSV (.csv) or the workbook itself (.xlsx, first sheet): one row per local "
        "authority, its code, then its neighbours' codes in order (SN1, SN2, ...).",
        error_messages={"required": "Choose the workbook to import", "empty": "The file is empty"},
    )

    def get_layout(self) -> Layout:
        return Layout(Field("file"), Submit("submit", self.submit_text))
