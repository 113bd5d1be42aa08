"""Forms officers use: one indicator value, a CSV of values, a milestone's outcome."""

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms

from send_portal.core.forms import GDSForm
from send_portal.core.models import Area

from .imports import COLUMNS, parse_number
from .models import Indicator, MonitoringMilestone
from .periods import EXAMPLES, PeriodError, parse_period


class IndicatorValueForm(GDSForm):
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
        number, reason = parse_number(
            self.cleaned_data.get(name, ""), required=required, column=name
        )
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
        return upload


class MilestoneForm(GDSForm):
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
