"""Forms: generate a report now, open, lock and reopen a period."""

from crispy_forms_gds.layout import Field, Layout, Submit
from django import forms

from send_portal.core.forms import GDSForm

from .models import Report


class ReportFilterForm(forms.Form):
    """The reports page's filters (a GET form written in the template)."""

    year = forms.IntegerField(
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": "Choose a year from the list",
            "min_value": "Choose a year from the list",
            "max_value": "Choose a year from the list",
        },
    )
    scope = forms.ChoiceField(
        required=False,
        choices=[("", "All scopes"), *Report.Scope.choices],
        error_messages={"invalid_choice": "Choose a scope from the list"},
    )


class GenerateReportForm(GDSForm):
    submit_text = "Generate now"

    period = forms.ModelChoiceField(
        queryset=None,
        label="Month",
        empty_label=None,
        help_text="Only locked months can be reported on.",
        error_messages={"required": "Select the month", "invalid_choice": "Select a locked month"},
    )
    scope = forms.ChoiceField(
        label="What the report covers",
        choices=Report.Scope.choices,
        widget=forms.RadioSelect,
        initial=Report.Scope.PORTFOLIO,
        error_messages={"required": "Select what the report covers"},
    )
    programme = forms.ModelChoiceField(
        queryset=None, required=False, label="Programme (for one programme)"
    )
    area = forms.ModelChoiceField(queryset=None, required=False, label="Area (for one area)")

    def __init__(self, *args, periods, programmes, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods
        self.fields["period"].label_from_instance = lambda p: f"{p.month:%B %Y}"
        self.fields["programme"].queryset = programmes
        self.fields["area"].queryset = areas

    def get_layout(self) -> Layout:
        return Layout(
            Field.select("period"),
            Field.radios("scope"),
            Field.select("programme"),
            Field.select("area"),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        scope = data.get("scope")
        if scope == Report.Scope.PROGRAMME and not data.get("programme"):
            self.add_error("programme", "Select the programme for a programme report")
        if scope == Report.Scope.AREA and not data.get("area"):
            self.add_error("area", "Select the area for an area report")
        return data


class OpenPeriodForm(GDSForm):
    submit_text = "Open period"

    month = forms.ChoiceField(
        label="Month",
        error_messages={
            "required": "Select the month to open",
            "invalid_choice": "Select a month from the list",
        },
    )

    def __init__(self, *args, months, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [(f"{m:%Y-%m}", f"{m:%B %Y}") for m in months]

    def get_layout(self) -> Layout:
        return Layout(Field.select("month"), Submit("submit", self.submit_text))


class LockPeriodForm(GDSForm):
    """The second click: the confirmation page posts ``confirm=yes``."""

    confirm = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, period, **kwargs):
        self.period = period
        super().__init__(*args, initial={"confirm": "yes"}, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("confirm") != "yes":  # a hidden field's error would not be summarised
            raise forms.ValidationError(
                f"Confirm that you want to lock {self.period.month:%B %Y}: use the button below"
            )
        return data

    def get_layout(self) -> Layout:
        return Layout(
            "confirm",
            Submit("submit", f"Lock {self.period.month:%B %Y}", css_class="govuk-button--warning"),
        )


class ReopenPeriodForm(GDSForm):
    reason = forms.CharField(
        label="Why are you reopening the month?",
        help_text="Kept in the month's history. For example, which late update is to come in.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={
            "required": "Enter why you are reopening the month",
            "max_length": "The reason must be 2,000 characters or fewer",
        },
    )

    def __init__(self, *args, period, **kwargs):
        self.period = period
        super().__init__(*args, **kwargs)

    def get_layout(self) -> Layout:
        return Layout(
            Field.textarea("reason", rows=4),
            Submit("submit", f"Reopen {self.period.month:%B %Y}"),
        )
