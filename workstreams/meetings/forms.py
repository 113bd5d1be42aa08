from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

from send_portal.core.concurrency import VersionedFormMixin
from send_portal.core.forms import GDSForm, GDSModelForm
from workstreams.forms import LinkOrCreateActionForm, OwnerField, people_datalist

from .models import Attendee, Group, Meeting, MinuteItem


class GroupForm(GDSModelForm):
    submit_text = "Save group"

    class Meta:
        model = Group
        fields = ["name", "slug", "area", "description"]
        labels = {"slug": "Short name for web addresses", "area": "Area"}
        help_texts = {
            "slug": "Lower-case letters, numbers and hyphens, like headteacher-round-table"
        }

    def get_layout(self):
        return Layout(
            Field.text("name"),
            Field.text("slug", field_width=20),
            Field.select("area"),
            Field.textarea("description", rows=4),
            Submit("submit", self.submit_text),
        )


class MeetingForm(VersionedFormMixin, GDSModelForm):
    submit_text = "Save meeting"

    class Meta:
        model = Meeting
        fields = ["title", "date", "start_time", "end_time", "venue"]
        error_messages = {
            "date": {"required": "Enter the date of the meeting"},
            "start_time": {"invalid": "Enter a real start time, like 14:00"},
            "end_time": {"invalid": "Enter a real end time, like 16:00"},
        }

    def get_layout(self):
        return Layout(
            Field.text("title"),
            Field("date"),
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field.text("venue"),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time")
        return data


class FutureDateForm(MeetingForm):
    submit_text = "Add date"

    class Meta(MeetingForm.Meta):
        fields = ["date", "start_time", "end_time", "venue"]

    def get_layout(self):
        return Layout(
            Field("date"),
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field.text("venue"),
            Submit("submit", self.submit_text),
        )


class AttendeeForm(GDSModelForm):
    submit_text = "Add person"

    class Meta:
        model = Attendee
        fields = ["kind", "name", "role", "organisation", "area"]
        labels = {"kind": "Attended or sent apologies"}
        error_messages = {"name": {"required": "Enter the person's name"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget = forms.RadioSelect(choices=Attendee.Kind.choices)

    def get_layout(self):
        return Layout(
            Field.radios("kind", legend_size=Size.SMALL),
            Field.text("name"),
            Field.text("role"),
            Field.text("organisation"),
            Field.select("area"),
            Submit("submit", self.submit_text),
        )


class ItemForm(VersionedFormMixin, GDSModelForm):
    submit_text = "Save item"

    class Meta:
        model = MinuteItem
        fields = ["title", "discussion"]
        error_messages = {"title": {"required": "Enter the title of the item"}}
        help_texts = {
            "discussion": "Paragraphs, lists, bold, italic and links are kept; other markup is removed."
        }

    def get_layout(self):
        return Layout(
            Field.text("title"),
            Field.textarea("discussion", rows=12),
            Submit("submit", self.submit_text),
        )


class DecisionForm(VersionedFormMixin, GDSForm):
    submit_text = "Add decision"

    text = forms.CharField(
        label="What was agreed",
        widget=forms.Textarea,
        error_messages={"required": "Enter what was agreed"},
        help_text='In the minutes\' words, for example "It was agreed that …".',
    )
    item = forms.ModelChoiceField(
        label="Item (optional)", queryset=MinuteItem.objects.none(), required=False
    )

    def __init__(self, *args, meeting: Meeting, submit_text: str | None = None, **kwargs):
        if submit_text:
            self.submit_text = submit_text
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.all()

    def get_layout(self):
        return Layout(
            Field.textarea("text", rows=4), Field.select("item"), Submit("submit", self.submit_text)
        )


class NextStepForm(GDSForm):
    submit_text = "Add next step"
    text = forms.CharField(
        label="Next step", max_length=500, error_messages={"required": "Enter the next step"}
    )

    def get_layout(self):
        return Layout(Field.text("text"), Submit("submit", self.submit_text))


class ActionArisingForm(LinkOrCreateActionForm):
    submit_text = "Add action"
    allow_none = True

    description = forms.CharField(
        label="Action", widget=forms.Textarea, error_messages={"required": "Enter the action"}
    )
    owner_name = OwnerField(error_messages={"required": "Enter who owns the action"})
    due_date = forms.DateField(
        label="Due date",
        required=False,
    )

    def get_layout(self):
        return Layout(
            Field.textarea("description", rows=3),
            Field.text("owner_name"),
            people_datalist(),
            Field("due_date"),
            Field.radios("programme", legend_size=Size.SMALL),
            Field.select("programme_action"),
            Field.select("workstream"),
            Field.text("ref", field_width=10),
            Submit("submit", self.submit_text),
        )


class DecisionSearchForm(forms.Form):
    q = forms.CharField(label="Search decisions", required=False, max_length=200)
