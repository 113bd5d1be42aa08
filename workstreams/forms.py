"""Forms for actions, progress updates, the lead's monthly update and the import."""

from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.core import signing

from send_portal.core.concurrency import VersionedFormMixin, normalise
from send_portal.core.formfields import DateField
from send_portal.core.forms import GDSForm, GDSModelForm, WebAddressField
from send_portal.core.rag import RAG

from . import selectors
from .evidence import ALLOWED_DESCRIPTION, ALLOWED_EXTENSIONS, evidence_file_problem, human_size
from .models import Action, Evidence, Milestone, MonthlyUpdate, ProgressUpdate, Risk, Workstream
from .owners import AmbiguousOwner, match_owner, owner_as_typed, people_offered
from .services import COMPLETED_NEEDS_EVIDENCE, OVERRIDE_NEEDS_REASON
from .status import ActionStatus

RAG_OVERRIDE_CHOICES = [("", "No override: show the suggested RAG")] + [
    (value, label) for value, label in RAG.choices
]


class ActionForm(VersionedFormMixin, GDSModelForm):
    submit_text = "Save changes"

    start_date = DateField(label="Start date", required=False)
    due_date = DateField(label="Due date", required=False)

    class Meta:
        model = Action
        fields = [
            "title",
            "owner",
            "start_date",
            "due_date",
            "status",
            "rag_override",
            "rag_override_reason",
            "evidence_of_impact",
            "areas",
            "weaknesses",
        ]
        widgets = {
            "status": forms.RadioSelect,
            "areas": forms.CheckboxSelectMultiple,
            "weaknesses": forms.CheckboxSelectMultiple,
        }
        labels = {"rag_override": "Override the suggested RAG"}
        help_texts = {
            "rag_override_reason": "Required when you override the suggested RAG.",
            "evidence_of_impact": (
                "Required to mark the action completed: what changed for children and young "
                "people, and how you know."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.officers()
        self.fields["owner"].required = False
        self.fields["owner"].empty_label = "No owner chosen"
        self.fields["rag_override"] = forms.ChoiceField(
            label="Override the suggested RAG", choices=RAG_OVERRIDE_CHOICES, required=False
        )
        self.fields["status"].choices = ActionStatus.choices
        self.fields["status"].error_messages["required"] = "Select the status"
        self.fields["title"].error_messages["required"] = "Enter the action's title"
        self.fields["areas"].required = False
        self.fields["areas"].help_text = "Leave empty for a county-wide action."
        self.fields["weaknesses"].required = False
        self.fields["weaknesses"].label = "Areas of weakness it addresses"
        inspection_id = getattr(getattr(self.instance, "programme", None), "inspection_id", None)
        weaknesses = self.fields["weaknesses"].queryset
        self.fields["weaknesses"].queryset = (
            weaknesses.filter(inspection_id=inspection_id).order_by("number")
            if inspection_id
            else weaknesses.none()
        )

    def get_layout(self):
        return Layout(
            Field.text("title"),
            Field.select("owner"),
            Field("start_date"),
            Field("due_date"),
            Field.radios("status", legend_size=Size.SMALL),
            Field.select("rag_override"),
            Field.textarea("rag_override_reason", rows=3),
            Field.textarea("evidence_of_impact", rows=5),
            Field.checkboxes("areas", legend_size=Size.SMALL, small=True),
            Field.checkboxes("weaknesses", legend_size=Size.SMALL, small=True),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        start, due = data.get("start_date"), data.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", "The due date must be the same as or after the start date")
        if (
            data.get("status") == ActionStatus.COMPLETED
            and not (data.get("evidence_of_impact") or "").strip()
        ):
            self.add_error("evidence_of_impact", COMPLETED_NEEDS_EVIDENCE)
        if data.get("rag_override") and not (data.get("rag_override_reason") or "").strip():
            self.add_error("rag_override_reason", OVERRIDE_NEEDS_REASON)
        return data

    def changed_data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class QuickStatusForm(GDSForm):
    submit_text = "Update status"

    status = forms.ChoiceField(
        label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, action=None, **kwargs):
        self.action = action
        super().__init__(*args, **kwargs)
        self.fields["status"].error_messages["required"] = "Select the status"

    def get_layout(self):
        return Layout(
            Field.radios("status", legend_size=Size.SMALL),
            "version",
            Submit("submit", self.submit_text),
        )

    def clean_status(self):
        status = self.cleaned_data["status"]
        if (
            status == ActionStatus.COMPLETED
            and self.action is not None
            and not self.action.evidence_of_impact.strip()
        ):
            raise forms.ValidationError(COMPLETED_NEEDS_EVIDENCE)
        return status


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": _ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


_ACCEPT = ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)


class ProgressUpdateForm(GDSForm):
    submit_text = "Add progress update"

    narrative = forms.CharField(
        label="What has happened since the last update",
        widget=forms.Textarea,
        help_text="Progress, what it shows, and what comes next.",
    )
    link = WebAddressField(
        label="Link to evidence (optional)",
        required=False,
        help_text="For example a published report or a page on the Local Offer.",
        message="Enter a link in the correct format, like https://www.example.org",
    )
    link_description = forms.CharField(
        label="What the link shows (optional)", required=False, max_length=300
    )
    files = MultipleFileField(
        label="Upload evidence (optional)",
        required=False,
        help_text=f"You can choose more than one file: {ALLOWED_DESCRIPTION}.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["narrative"].error_messages["required"] = "Enter what has happened"

    def get_layout(self):
        return Layout(
            Field.textarea("narrative", rows=6),
            Fieldset(
                Field.text("link"),
                Field.text("link_description"),
                Field("files"),
                legend="Evidence",
                legend_size=Size.SMALL,
            ),
            Submit("submit", self.submit_text),
        )

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        for upload in files:
            check_evidence_file(upload)
        return files


def check_evidence_file(upload) -> None:
    """Refuse a file evidence may not hold (too big, or not the kind its name claims)."""
    limit = settings.EVIDENCE_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            f"{upload.name}: the file must be smaller than {human_size(limit)}"
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    problem = evidence_file_problem(name=upload.name, data=data, max_bytes=limit)
    if problem:
        raise forms.ValidationError(f"{upload.name}: {problem}")


class ProgressUpdateCorrectForm(VersionedFormMixin, GDSModelForm):
    """Correct what a progress update says (its date, status and RAG stay as recorded)."""

    submit_text = "Save the correction"

    class Meta:
        model = ProgressUpdate
        fields = ["narrative"]
        labels = {"narrative": "What has happened since the last update"}
        help_texts = {"narrative": "Progress, what it shows, and what comes next."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["narrative"].error_messages["required"] = "Enter what has happened"

    def get_layout(self):
        return Layout(Field.textarea("narrative", rows=6), Submit("submit", self.submit_text))


class EvidenceCorrectForm(VersionedFormMixin, GDSModelForm):
    """Correct a piece of evidence: what it shows, and its link or (for a file) the file."""

    submit_text = "Save the correction"

    replacement = forms.FileField(
        label="Replace the file (optional)",
        required=False,
        help_text=f"Leave this empty to keep the file. {ALLOWED_DESCRIPTION[:1].upper()}"
        f"{ALLOWED_DESCRIPTION[1:]}.",
        widget=forms.ClearableFileInput(attrs={"accept": _ACCEPT}),
    )
    url = WebAddressField(
        label="Link to the evidence",
        max_length=500,
        help_text="For example a published report or a page on the Local Offer.",
        message="Enter a link in the correct format, like https://www.example.org",
        error_messages={"required": "Enter the link to the evidence"},
    )

    class Meta:
        model = Evidence
        fields = ["description", "url"]
        labels = {"description": "What the evidence shows"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].required = False
        # A file is replaced; a link is corrected (each piece of evidence is one or the other).
        del self.fields["url" if self.instance.file else "replacement"]

    def get_layout(self):
        other = Field("replacement") if self.instance.file else Field.text("url")
        return Layout(Field.text("description"), other, Submit("submit", self.submit_text))

    def clean_replacement(self):
        upload = self.cleaned_data.get("replacement")
        if upload:
            check_evidence_file(upload)
        return upload


class WorkstreamForm(VersionedFormMixin, GDSModelForm):
    """An officer's edit of a workstream: its title, lead, position and stated RAG. The lead's
    monthly update sets the position and stated RAG too, under the same version check."""

    submit_text = "Save the workstream"

    class Meta:
        model = Workstream
        fields = [
            "title",
            "lead",
            "lead_name",
            "current_position",
            "stated_rag",
            "stated_rag_reason",
        ]
        labels = {
            "lead": "Lead's account",
            "lead_name": "Lead as the programme names them",
            "current_position": "Summary of current position",
            "stated_rag": "Lead's stated RAG",
            "stated_rag_reason": "Reason for the stated RAG",
        }
        help_texts = {
            "lead_name": "Shown when the lead has no account, for example “Head of SEN”.",
            "stated_rag_reason": "Required when a RAG is stated.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the workstream's title"
        self.fields["lead"].queryset = selectors.officers().order_by("full_name")
        self.fields["lead"].required = False
        self.fields["lead"].empty_label = "No account chosen"
        self.fields["stated_rag"] = forms.ChoiceField(
            label="Lead's stated RAG",
            choices=[("", "No stated RAG"), *RAG.choices],
            required=False,
        )

    def get_layout(self):
        return Layout(
            Field.text("title"),
            Field.select("lead"),
            Field.text("lead_name"),
            Field.textarea("current_position", rows=5),
            Field.select("stated_rag"),
            Field.textarea("stated_rag_reason", rows=3),
            Submit("submit", self.submit_text),
        )

    def clean(self):
        data = super().clean()
        if data.get("stated_rag") and not (data.get("stated_rag_reason") or "").strip():
            self.add_error("stated_rag_reason", "Enter the reason for the stated RAG")
        return data


# The lead's update's fields → the workstream's fields the update sets.
UPDATE_SETS_WORKSTREAM = {
    "current_position": "current_position",
    "rag": "stated_rag",
    "rag_reason": "stated_rag_reason",
}
_WORKSTREAM_SALT = "workstreams.forms.MonthlyUpdateForm.workstream_base"


def workstream_snapshot(workstream: Workstream) -> str:
    """The workstream's version and the values a monthly update sets (as loaded), signed."""
    values = {
        name: normalise(getattr(workstream, name)) for name in UPDATE_SETS_WORKSTREAM.values()
    }
    return signing.dumps(
        {**values, "version": workstream.version}, salt=_WORKSTREAM_SALT, compress=True
    )


class MonthlyUpdateForm(VersionedFormMixin, GDSModelForm):
    """The lead's update for the month; once submitted, submitting it again edits it (with
    the version check, so a colleague's change meanwhile is merged, never reverted)."""

    submit_text = "Submit the monthly update"

    month = forms.DateField(widget=forms.HiddenInput)
    # The workstream's position and stated RAG as the lead's form was opened (signed): an
    # update sent after an officer changed them is refused and merged, never overwrites them.
    workstream_base = forms.CharField(widget=forms.HiddenInput, required=False)
    unedited_fields = ("workstream_base",)

    class Meta:
        model = MonthlyUpdate
        fields = [
            "current_position",
            "rag",
            "rag_reason",
            "achievements",
            "planned_next",
            "risks_and_issues",
            "decisions_needed",
        ]
        widgets = {"rag": forms.RadioSelect}
        labels = {
            "rag": "Your RAG for the workstream",
            "rag_reason": "Reason for the RAG",
        }

    def __init__(self, *args, workstream: Workstream | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if workstream is not None and not self.is_bound:
            self.fields["workstream_base"].initial = workstream_snapshot(workstream)
        self.fields["rag"].choices = list(RAG.choices)
        self.fields["rag"].error_messages["required"] = "Select your RAG for the workstream"
        self.fields["rag_reason"].error_messages["required"] = "Enter the reason for the RAG"
        self.fields["current_position"].error_messages["required"] = (
            "Enter the summary of current position"
        )

    def workstream_seen(self) -> dict | None:
        """The workstream as the form was opened (``workstream_snapshot``), if it says."""
        raw = self.data.get(self.add_prefix("workstream_base")) if self.is_bound else None
        try:
            return signing.loads(raw, salt=_WORKSTREAM_SALT) if raw else None
        except signing.BadSignature:
            return None

    def get_layout(self):
        return Layout(
            "month",
            "workstream_base",
            Field.textarea("current_position", rows=5),
            Field.radios("rag", legend_size=Size.SMALL, inline=False),
            Field.textarea("rag_reason", rows=3),
            Field.textarea("achievements", rows=4),
            Field.textarea("planned_next", rows=4),
            Field.textarea("risks_and_issues", rows=4),
            Field.textarea("decisions_needed", rows=3),
            Submit("submit", self.submit_text),
        )


class ImportForm(GDSForm):
    submit_text = "Import actions"

    file = forms.FileField(
        label="Spreadsheet of actions",
        help_text="A CSV file (.csv) or an Excel workbook (.xlsx) with the columns listed above.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages["required"] = "Choose a spreadsheet to upload"
        self.fields["file"].error_messages["empty"] = "The file is empty"

    def get_layout(self):
        return Layout(Field("file"), Submit("submit", self.submit_text))


class CreateMissingForm(GDSForm):
    """On the import page: make the programme the file names (and what it answers)."""

    submit_text = "Preview what will be created"

    kind = forms.ChoiceField(
        label="What kind of plan is it?",
        choices=[
            ("wsoa", "Written Statement of Action (answers a 2016-framework inspection)"),
            ("pap", "Priority action plan (area SEND) (answers a 2023-framework inspection)"),
            ("strategy", "Strategy, or the updated strategic plan of a 2023-framework inspection"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of plan it is"},
    )
    framework = forms.ChoiceField(
        label="Which framework was the inspection it answers under?",
        choices=[
            ("2016", "2016: joint local area SEND inspection (areas of weakness)"),
            ("2023", "2023: area SEND inspection (areas for priority action and improvement)"),
            ("none", "It answers no inspection (a strategy)"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the framework, or that it answers no inspection"},
    )
    inspected = DateField(
        label="First day of the inspection",
        required=False,
        help_text="For example, 10 11 2025. Leave it blank to use the earliest start date in "
        "the file.",
    )
    data = forms.CharField(widget=forms.HiddenInput)
    file_name = forms.CharField(widget=forms.HiddenInput, max_length=255)

    def get_layout(self):
        return Layout(
            Field.radios("kind", legend_size=Size.SMALL),
            Field.radios("framework", legend_size=Size.SMALL),
            Field("inspected"),
            Field("data"),
            Field("file_name"),
        )  # the page gives the buttons: preview, then import

    def clean(self):
        cleaned = super().clean()
        from workstreams.importer import CreateMissing, create_missing_problem

        kind, framework = cleaned.get("kind"), cleaned.get("framework")
        if kind and framework:
            if framework == "none" and kind != "strategy":
                self.add_error(
                    "framework",
                    "A Written Statement of Action or priority action plan answers "
                    "an inspection: select its framework",
                )
            elif framework != "none":
                reason = create_missing_problem(CreateMissing(kind=kind, framework=framework))
                if reason:
                    self.add_error("kind", reason)
        return cleaned

    def create_missing(self):
        from workstreams.importer import CreateMissing

        framework = self.cleaned_data["framework"]
        return CreateMissing(
            kind=self.cleaned_data["kind"],
            framework=None if framework == "none" else framework,
            inspected=self.cleaned_data.get("inspected"),
        )


class MilestoneForm(GDSForm):
    submit_text = "Add milestone"

    title = forms.CharField(label="Milestone", max_length=300)
    due_date = DateField(label="Due date", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the milestone"

    def get_layout(self):
        return Layout(Field.text("title"), Field("due_date"), Submit("submit", self.submit_text))


class MilestoneDoneForm(VersionedFormMixin, GDSForm):
    """Ticks a milestone (or unticks it), with the version check: pass ``record=`` the
    milestone. The action's page posts it as a one-button form; refused, it is shown on its own
    page with radios."""

    DONE, NOT_DONE = "done", "not_done"
    submit_text = "Save"

    done = forms.ChoiceField(
        label="Is the milestone done?",
        choices=[(DONE, "Done"), (NOT_DONE, "Not done")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select done or not done"},
    )

    def __init__(self, *args, record, **kwargs):
        kwargs.setdefault("initial", {"done": self.DONE if record.done else self.NOT_DONE})
        super().__init__(*args, record=record, **kwargs)

    def get_layout(self):
        return Layout(
            Field.radios("done", legend_size=Size.MEDIUM),
            Submit("submit", self.submit_text),
        )

    def is_done(self) -> bool:
        return self.cleaned_data["done"] == self.DONE


class MilestoneCorrectForm(VersionedFormMixin, GDSModelForm):
    """Correct a milestone's wording or due date (ticking it stays on the action's page)."""

    submit_text = "Save the milestone"

    due_date = DateField(label="Due date", required=False)

    class Meta:
        model = Milestone
        fields = ["title", "due_date"]
        labels = {"title": "Milestone"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the milestone"

    def get_layout(self):
        return Layout(Field.text("title"), Field("due_date"), Submit("submit", self.submit_text))


PEOPLE_LIST_ID = "portal-people"


class OwnerField(forms.CharField):
    """An owner typed as a name or email address, with the portal's people offered as the
    officer types (a ``<datalist>``: works without JavaScript). Saving links the account that
    matches (``owners.match_owner``); a free name is kept only when none does."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Owner")
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault(
            "help_text",
            "Start typing a name: people with an account are suggested. Type the full name of "
            "someone without an account.",
        )
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"list": PEOPLE_LIST_ID, "autocomplete": "off", "spellcheck": "false"}
            ),
        )
        super().__init__(**kwargs)

    def validate(self, value):
        """A name two or more people have is refused: the officer chooses by email address."""
        super().validate(value)
        try:
            match_owner(value)
        except AmbiguousOwner as exc:
            raise forms.ValidationError(str(exc), code="ambiguous_owner") from exc


def people_datalist() -> HTML:
    """The layout object listing the people an owner field offers (``form.people``)."""
    return HTML(
        f'<datalist id="{PEOPLE_LIST_ID}">'
        "{% for value, label in form.people %}"
        '<option value="{{ value }}">{{ label }}</option>'
        "{% endfor %}</datalist>"
    )


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class RiskForm(VersionedFormMixin, GDSModelForm):
    submit_text = "Save the risk or issue"

    owner_name = OwnerField(required=False)

    likelihood = forms.TypedChoiceField(
        label="Likelihood",
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 (rare) to 5 (almost certain)",
    )
    impact = forms.TypedChoiceField(
        label="Impact",
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="1 (negligible) to 5 (severe)",
    )

    class Meta:
        model = Risk
        fields = [
            "kind",
            "description",
            "likelihood",
            "impact",
            "mitigation",
            "owner_name",
            "status",
        ]
        widgets = {"kind": forms.RadioSelect, "status": forms.RadioSelect}
        labels = {"kind": "Risk or issue"}

    def __init__(self, *args, **kwargs):
        given = kwargs.get("initial") or {}
        super().__init__(*args, **kwargs)
        # The owner as the officer reads it: the account's name, or the name typed.
        if self.instance.pk is not None and "owner_name" not in given:
            owner = self.instance.owner
            self.initial["owner_name"] = (
                owner_as_typed(owner) if owner is not None else self.instance.owner_name
            )
        self.people = people_offered(
            selectors.officers().order_by("full_name").values_list("full_name", "email")
        )
        self.fields["kind"].choices = list(Risk.Kind.choices)
        self.fields["status"].choices = list(Risk.Status.choices)
        self.fields["description"].error_messages["required"] = "Describe the risk or issue"
        self.fields["likelihood"].error_messages["required"] = "Select the likelihood, from 1 to 5"
        self.fields["impact"].error_messages["required"] = "Select the impact, from 1 to 5"

    def get_layout(self):
        return Layout(
            Field.radios("kind", legend_size=Size.SMALL, inline=True),
            Field.textarea("description", rows=3),
            Field.radios("likelihood", legend_size=Size.SMALL, inline=True),
            Field.radios("impact", legend_size=Size.SMALL, inline=True),
            Field.textarea("mitigation", rows=3),
            Field.text("owner_name"),
            people_datalist(),
            Field.radios("status", legend_size=Size.SMALL, inline=True),
            Submit("submit", self.submit_text),
        )


class LinkOrCreateActionForm(GDSForm):
    """Link to an existing programme action or create a new one: the one form behind a
    consultation's next step and a meeting's action arising (``allow_none`` adds "Not a
    programme action"). Subclasses add their own fields and layout."""

    LINK, CREATE, NONE = "link", "create", "none"
    allow_none = False

    programme = forms.ChoiceField(
        label="Programme action",
        choices=[
            (LINK, "Link to an existing programme action"),
            (CREATE, "Create a new programme action"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to link to or create a programme action"},
    )
    programme_action = forms.ModelChoiceField(
        label="Existing programme action",
        queryset=Action.objects.select_related("programme").order_by("programme__name", "ref"),
        required=False,
    )
    workstream = forms.ModelChoiceField(
        label="Workstream for the new action",
        queryset=Workstream.objects.select_related("programme"),
        required=False,
    )
    ref = forms.CharField(label="Reference for the new action", max_length=20, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people_offered(
            selectors.officers().order_by("full_name").values_list("full_name", "email")
        )
        if self.allow_none:
            field = self.fields["programme"]
            field.choices = [*field.choices, (self.NONE, "Not a programme action")]
            field.initial = self.NONE
            field.error_messages["required"] = "Select whether this is a programme action"

    def clean(self):
        data = super().clean()
        choice = data.get("programme")
        if choice == self.LINK and not data.get("programme_action"):
            self.add_error("programme_action", "Select the programme action to link to")
        if choice == self.CREATE:
            if not data.get("workstream"):
                self.add_error("workstream", "Select the workstream for the new action")
            if not (data.get("ref") or "").strip():
                self.add_error("ref", "Enter a reference for the new action")
        return data
