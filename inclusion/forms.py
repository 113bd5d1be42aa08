from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils import timezone

from send_portal.core.concurrency import VersionedFormMixin
from send_portal.core.forms import GDSForm, GDSModelForm
from send_portal.core.meaning import PERCENT, value_problem
from workstreams.forms import LinkOrCreateActionForm, OwnerField, people_datalist

from .models import (
    Consultation,
    ConsultationTopic,
    ResponseFigure,
    StatementVersion,
    TopicFigure,
    TopicPoint,
)

RICH_HELP = "Paragraphs, lists, bold, italic and links are kept; other markup is removed."


class VersionForm(GDSModelForm):
    submit_text = "Start the new version"

    class Meta:
        model = StatementVersion
        fields = ["title", "summary"]
        error_messages = {"title": {"required": "Enter a title for the version"}}
        help_texts = {"summary": RICH_HELP}

    def get_layout(self):
        return Layout(
            Field.text("title"),
            Field.textarea("summary", rows=5),
            Submit("submit", self.submit_text),
        )


class SectionForm(VersionedFormMixin, GDSForm):
    submit_text = "Save section"
    heading = forms.CharField(
        max_length=200,
        help_text='For example "What we stand for" or "We commit".',
        error_messages={"required": "Enter the heading of the section"},
    )

    def get_layout(self):
        return Layout(Field.text("heading"), Submit("submit", self.submit_text))


class StatementForm(VersionedFormMixin, GDSForm):
    submit_text = "Save statement"
    text = forms.CharField(
        label="Statement",
        widget=forms.Textarea,
        help_text=RICH_HELP,
        error_messages={"required": "Enter the statement"},
    )

    def get_layout(self):
        return Layout(Field.textarea("text", rows=6), Submit("submit", self.submit_text))


class AdoptForm(GDSForm):
    submit_text = "Adopt this version"
    adopted_on = forms.DateField(
        label="Date adopted",
        error_messages={"required": "Enter the date it was adopted"},
    )

    def get_layout(self):
        return Layout(Field("adopted_on"), Submit("submit", self.submit_text))

    def clean_adopted_on(self):
        day = self.cleaned_data["adopted_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date adopted must be today or in the past")
        return day


class CompareForm(forms.Form):
    old = forms.TypedChoiceField(label="Compare version", coerce=int)
    new = forms.TypedChoiceField(label="with version", coerce=int)

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, f"Version {n}") for n in numbers]
        self.fields["old"].choices = choices
        self.fields["new"].choices = choices


class ConsultationForm(GDSModelForm):
    submit_text = "Save consultation"

    class Meta:
        model = Consultation
        fields = [
            "title",
            "slug",
            "organisation",
            "start_date",
            "end_date",
            "published_on",
            "introduction",
            "statement_version",
        ]
        labels = {"slug": "Short name for web addresses", "statement_version": "Statement version"}
        help_texts = {"introduction": RICH_HELP}
        error_messages = {"title": {"required": "Enter the title of the consultation"}}

    def get_layout(self):
        return Layout(
            Field.text("title"),
            Field.text("slug", field_width=20),
            Field.text("organisation"),
            Field("start_date"),
            Field("end_date"),
            Field("published_on"),
            Field.textarea("introduction", rows=6),
            Field.select("statement_version"),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must be on or after the start date")
        return data


class ResponseFigureForm(GDSModelForm):
    submit_text = "Add figure"

    class Meta:
        model = ResponseFigure
        fields = ["respondent_type", "count", "description"]
        labels = {"count": "Number of responses"}
        error_messages = {
            "respondent_type": {"required": "Enter who responded, for example Schools"},
            "count": {"required": "Enter the number of responses"},
            "description": {"required": "Enter how they responded, for example online survey"},
        }

    def get_layout(self):
        return Layout(
            Field.text("respondent_type"),
            Field.text("count", field_width=5),
            Field.text("description"),
            Submit("submit", self.submit_text),
        )


class TopicForm(GDSModelForm):
    submit_text = "Add topic"

    class Meta:
        model = ConsultationTopic
        fields = ["title", "purpose"]
        error_messages = {"title": {"required": "Enter the topic"}}
        help_texts = {"purpose": RICH_HELP}

    def get_layout(self):
        return Layout(
            Field.text("title"),
            Field.textarea("purpose", rows=5),
            Submit("submit", self.submit_text),
        )


class TopicPointForm(GDSForm):
    submit_text = "Add"
    kind = forms.ChoiceField(
        label="What is it",
        choices=TopicPoint.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a key theme, an immediate activity or a next step"},
    )
    text = forms.CharField(
        label="Text", widget=forms.Textarea, help_text=RICH_HELP,
        error_messages={"required": "Enter the text"},
    )  # fmt: skip

    def get_layout(self):
        return Layout(
            Field.radios("kind", legend_size=Size.SMALL),
            Field.textarea("text", rows=5),
            Submit("submit", self.submit_text),
        )


class TopicFigureForm(GDSModelForm):
    submit_text = "Add figure"

    class Meta:
        model = TopicFigure
        fields = ["value", "unit", "statement"]
        error_messages = {
            "value": {"required": "Enter the figure", "invalid": "Enter the figure as a number"},
            "statement": {"required": "Enter what the figure measures"},
        }

    def get_layout(self):
        return Layout(
            Field.text("value", field_width=5),
            Field.text("unit", field_width=4),
            Field.text("statement"),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        if (data.get("unit") or "").strip() == "%" and (
            problem := value_problem(data.get("value"), unit=PERCENT, label="the figure")
        ):
            self.add_error("value", problem)
        return data


class WeDidForm(GDSForm):
    submit_text = "Save"
    we_did = forms.CharField(
        label="What we did", widget=forms.Textarea, help_text=RICH_HELP,
        error_messages={"required": "Enter what was done in response"},
    )  # fmt: skip

    def get_layout(self):
        return Layout(Field.textarea("we_did", rows=5), Submit("submit", self.submit_text))


class NextStepActionForm(LinkOrCreateActionForm):
    submit_text = "Save"

    title = forms.CharField(label="Title of the new action", max_length=500, required=False)
    owner_name = OwnerField(required=False)
    due_date = forms.DateField(
        label="Due date",
        required=False,
    )

    def get_layout(self):
        return Layout(
            Field.radios("programme", legend_size=Size.SMALL),
            Field.select("programme_action"),
            Field.select("workstream"),
            Field.text("ref", field_width=10),
            Field.text("title"),
            Field.text("owner_name"),
            people_datalist(),
            Field("due_date"),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        if data.get("programme") == self.CREATE and not (data.get("title") or "").strip():
            self.add_error("title", "Enter a title for the new action")
        return data
