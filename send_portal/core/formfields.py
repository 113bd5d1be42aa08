"""Form fields every app shares: the GOV.UK date input and a time typed as text.

``DateField`` renders GOV.UK's date-input pattern (day, month and year as three text inputs
with ``inputmode="numeric"`` in a fieldset with ``role="group"``), shows a saved date as its
three parts and gives errors that name the part at fault ("Due date must include a month").
``GDSFormMixin`` puts it in place of every plain ``forms.DateField`` (and a text ``TimeField``
in place of every ``forms.TimeField``), so every form enters dates the same way.
"""

import datetime as dt
import re
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.forms.widgets import Input

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

DATE_HINT = "For example, 27 3 2007"
TIME_HINT = "Use the 24-hour clock, for example 9:30 or 14:00"
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H%M", "%I:%M%p", "%I:%M %p", "%I%p", "%I %p"]
PARTS = ("day", "month", "year")
_WHOLE_DATE = re.compile(r"^\s*(\d{1,2})[/\s.-](\d{1,2})[/\s.-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def split_whole_date(text: str) -> list[str]:
    """A date typed in one piece ("31/03/2026", "2026-03-31") as [day, month, year]."""
    if match := _ISO_DATE.match(text or ""):
        year, month, day = match.groups()
        return [day, month, year]
    if match := _WHOLE_DATE.match(text or ""):
        return list(match.groups())
    return [text or "", "", ""] if text else ["", "", ""]


class DateInput(forms.MultiWidget):
    """Day, month and year, as GOV.UK's date input renders them."""

    template_name = "core/widgets/date_input.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        def part(width: int) -> forms.TextInput:
            return forms.TextInput(
                attrs={
                    "class": f"govuk-input govuk-date-input__input govuk-input--width-{width}",
                    "inputmode": "numeric",
                }
            )

        super().__init__({"day": part(2), "month": part(2), "year": part(4)}, attrs)
        self.error_parts: set[str] = set()

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return split_whole_date(value)
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = super().value_from_datadict(data, files, name)
        if all(p is None for p in parts) and name in data:
            # A date sent in one piece (a script, an older form) is read as its parts.
            return split_whole_date(data.get(name))
        return parts

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and name not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        field_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context["widget"]["field_id"] = field_id
        for part, sub in zip(PARTS, context["widget"]["subwidgets"], strict=True):
            # Each part has its own classes (crispy's layout classes are for one-piece inputs);
            # only the parts at fault are marked as errors.
            width = 4 if part == "year" else 2
            sub["attrs"]["class"] = (
                f"govuk-input govuk-date-input__input govuk-input--width-{width}"
            )
            sub["attrs"]["inputmode"] = "numeric"
            sub["attrs"]["id"] = f"{field_id}_{part}"
            sub["attrs"].pop("aria-describedby", None)
            sub["attrs"].pop("aria-invalid", None)
            sub["attrs"].pop("required", None)
            sub["label"] = part.capitalize()
            if part in self.error_parts:
                sub["attrs"]["class"] += " govuk-input--error"
        return context

    def id_for_label(self, id_):
        return f"{id_}_day" if id_ else ""


class DateField(forms.MultiValueField):
    """A date entered as day, month and year; ``None`` when all three are empty (and allowed).

    ``error_messages``: ``required``; ``invalid`` (not a real date) replaces the default
    "<Label> must be a real date".
    """

    widget = DateInput

    def __init__(self, *, help_text=DATE_HINT, error_messages=None, **kwargs):
        kwargs.pop("input_formats", None)
        kwargs.pop("max_length", None)
        parts = tuple(forms.CharField(required=False) for _ in PARTS)
        self._custom_invalid = bool(error_messages and "invalid" in error_messages)
        super().__init__(
            fields=parts,
            require_all_fields=False,
            help_text=help_text,
            error_messages=error_messages,
            **kwargs,
        )

    def _name(self) -> str:
        label = str(self.label or "The date")
        return label[0].upper() + label[1:]

    def _fail(self, parts, message: "_StrOrPromise", code: str = "invalid"):
        self.widget.error_parts = set(parts)
        raise ValidationError(message, code=code)

    def _invalid(self, parts):
        message = self.error_messages["invalid"] if self._custom_invalid else None
        self._fail(parts, message or f"{self._name()} must be a real date")

    def clean(self, value):
        self.widget.error_parts = set()
        if not isinstance(value, list | tuple):
            value = self.widget.decompress(value)  # type: ignore[call-arg]  # an instance here
        day, month, year = ((str(v) if v is not None else "").strip() for v in value)
        if not (day or month or year):
            if self.required:
                self._fail(PARTS, self.error_messages["required"], code="required")
            return None
        given = dict(zip(PARTS, (day, month, year), strict=True))
        missing = [part for part, text in given.items() if not text]
        if missing:
            self._fail(missing, f"{self._name()} must include a {' and a '.join(missing)}")
        not_numbers = [part for part, text in given.items() if not text.isdigit()]
        if not_numbers:
            self._invalid(not_numbers)
        if len(year) != 4:
            self._fail(["year"], "Year must include 4 numbers")
        d, m, y = int(day), int(month), int(year)
        if not 1 <= m <= 12:
            self._invalid(["month"])
        try:
            result = dt.date(y, m, d)
        except ValueError:
            self._invalid(["day"])
        self.validate(result)
        self.run_validators(result)
        return result

    def compress(self, data_list):  # clean() does the work; kept for the MultiValueField API
        return None

    def validate(self, value):
        pass

    def has_changed(self, initial, data):
        shown = set(self.widget.error_parts)
        try:
            now = self.clean(data)
        except ValidationError:
            return True
        finally:
            self.widget.error_parts = shown
        if isinstance(initial, str):
            try:
                initial = dt.date.fromisoformat(initial)
            except ValueError:
                return True
        return now != (initial or None)


class TimeField(forms.TimeField):
    """A time typed as text ("14:00", "2pm"), shown back as 24-hour "14:00"."""

    widget = forms.TextInput

    def __init__(self, *, help_text=TIME_HINT, **kwargs):
        kwargs.setdefault("input_formats", TIME_FORMATS)
        super().__init__(help_text=help_text, **kwargs)

    def prepare_value(self, value):
        return value.strftime("%H:%M") if isinstance(value, dt.time) else value

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "class": "govuk-input govuk-input--width-5"}

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "") if value.strip() else value
            value = value.replace("am", "AM").replace("pm", "PM")
        return super().to_python(value)


def replacement_for(field: forms.Field) -> forms.Field | None:
    """The shared field to use instead of a plain date or time field (``None``: keep it)."""
    if field.widget.is_hidden or isinstance(field, DateField):
        return None
    if isinstance(field, forms.DateTimeField):
        return None
    common = {
        "label": field.label,
        "required": field.required,
        "initial": field.initial,
        "disabled": field.disabled,
        "validators": list(field.validators),
    }
    if isinstance(field, forms.DateField):
        messages = {
            k: v
            for k, v in field.error_messages.items()
            if k in {"required", "invalid"}
            and v
            not in {
                forms.Field.default_error_messages["required"],
                forms.DateField.default_error_messages["invalid"],
            }
        }
        hint = field.help_text if field.help_text and "For example" not in field.help_text else ""
        help_text = f"{hint} {DATE_HINT}".strip() if hint else DATE_HINT
        return DateField(help_text=help_text, error_messages=messages or None, **common)
    if isinstance(field, forms.TimeField) and not isinstance(field, TimeField):
        messages = {k: v for k, v in field.error_messages.items() if k in {"required", "invalid"}}
        return TimeField(help_text=field.help_text or TIME_HINT, error_messages=messages, **common)
    return None


def summary_target(bound_field) -> str:
    """The id an error-summary link for this field points at: the day input of a date (or the
    part at fault), the first radio or checkbox of a group, otherwise the field itself."""
    field = bound_field.field
    if isinstance(field, DateField):
        at_fault = [p for p in PARTS if p in field.widget.error_parts] or ["day"]
        return f"{bound_field.auto_id}_{at_fault[0]}"
    widget = field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        if not list(getattr(field, "choices", [])):
            return f"div_{bound_field.auto_id}"  # no options to pick: the question itself
        return f"id_{bound_field.html_name}_1"
    return bound_field.auto_id


TEXT_INPUT_TYPES = {"text", "number", "email", "url", "tel", "search", "password", "date", "time"}


class GovukClassesMixin:
    """Gives a select, text input or textarea GOV.UK's class, and its error class when the
    field has an error (Django marks it ``aria-invalid``): crispy-forms-gds gives a select the
    input's error class and number, email and link inputs no class at all."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)  # type: ignore[misc]  # the widget it mixes into
        widget_attrs = context["widget"]["attrs"]
        if isinstance(self, forms.Select):
            base = "govuk-select"
        elif isinstance(self, forms.Textarea):
            base = "govuk-textarea"
        else:
            base = "govuk-input"
        error = f"{base}--error"
        classes = [
            c
            for c in str(widget_attrs.get("class", "")).split()
            if c not in {"govuk-input--error", "govuk-select--error", "govuk-textarea--error"}
        ]
        if base not in classes:
            classes.insert(0, base)
        if str(widget_attrs.get("aria-invalid", "")).lower() == "true":
            classes.append(error)
        widget_attrs["class"] = " ".join(dict.fromkeys(classes))
        return context


_WITH_CLASSES: dict[type, type] = {}


def with_govuk_classes(widget: forms.Widget) -> None:
    """Give ``widget`` (in place) GOV.UK's classes; radios, checkboxes and date inputs have
    their own markup and are left alone."""
    cls = type(widget)
    skip = (GovukClassesMixin, forms.RadioSelect, forms.CheckboxInput, forms.MultiWidget)
    if isinstance(widget, (*skip, forms.FileInput, forms.HiddenInput)):
        return
    if isinstance(widget, Input) and widget.input_type not in TEXT_INPUT_TYPES:
        return
    if not isinstance(widget, Input | forms.Select | forms.Textarea):
        return
    if cls not in _WITH_CLASSES:
        # The same class name: crispy-forms-gds chooses its markup by the widget's class name.
        _WITH_CLASSES[cls] = type(cls.__name__, (GovukClassesMixin, cls), {})
    widget.__class__ = _WITH_CLASSES[cls]
