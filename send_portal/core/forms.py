"""The shared GDS form base and the sign-in form."""

from urllib.parse import urlsplit

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError

from send_portal.core.formfields import replacement_for, with_govuk_classes

from .validators import WEB_ADDRESS_MESSAGE, validate_web_address


def _required_message(field: forms.Field, label: str) -> str:
    label = label[0].lower() + label[1:] if label else "this"
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return f"Select at least one {label}"
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.BooleanField):
        return f"Select {label}"
    if isinstance(field, forms.FileField):
        return f"Choose {label} to upload"
    return f"Enter {label}"


class GDSFormMixin:
    """Renders with crispy-forms-gds; GOV.UK-style error messages ("Enter a due date");
    dates as GOV.UK's date input and times as text (``send_portal.core.formfields``).

    Subclasses set ``submit_text`` and may override ``get_layout()``. Templates write the
    ``<form>`` element themselves (method, action, enctype, ``novalidate``) and put
    ``{% crispy form %}`` inside it: crispy renders the fields and buttons only.
    """

    submit_text = "Save"
    label_size = Size.SMALL
    fields: dict[str, forms.Field]  # the form's, which this mixes into

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in list(self.fields.items()):
            # Every date is GOV.UK's date input, every time a text input with a hint.
            if (shared := replacement_for(field)) is not None:
                self.fields[name] = shared
            with_govuk_classes(self.fields[name].widget)
        default_required = forms.Field.default_error_messages["required"]
        for name, field in self.fields.items():
            if field.error_messages.get("required") == default_required:
                label = str(field.label or name.replace("_", " "))
                field.error_messages["required"] = _required_message(field, label)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has {% csrf_token %}
        self.helper.label_size = self.label_size
        self.helper.legend_size = self.label_size
        layout = self.get_layout()
        if layout is not None:
            self.helper.layout = layout

    def get_layout(self) -> Layout | None:
        return Layout(*self.fields, Submit("submit", self.submit_text))


class WebAddressField(forms.URLField):
    """A web address: http or https only. One typed without a scheme (``www.example.org``)
    gets https; one naming another scheme (``ftp://``, ``javascript:``) or a host without a
    scheme (``//host``, which a browser resolves against the page) is refused."""

    default_validators = [validate_web_address]

    def __init__(self, *, message: str = WEB_ADDRESS_MESSAGE, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)
        self.error_messages["invalid"] = message  # also replaces the validator's message

    def to_python(self, value):
        text = (value or "").strip()
        scheme = urlsplit(text).scheme.lower()
        other_scheme = scheme not in {"", "http", "https"} and ("://" in text or "." not in scheme)
        if text.startswith("//") or other_scheme:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(text)


class GDSForm(GDSFormMixin, forms.Form):
    pass


class GDSModelForm(GDSFormMixin, forms.ModelForm):
    pass


class SignInForm(GDSFormMixin, AuthenticationForm):
    submit_text = "Sign in"

    error_messages = {
        "invalid_login": ("The email address or password is not right. Check them and try again."),
        "inactive": "This account has been switched off. Ask your administrator to restore it.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].error_messages["required"] = "Enter your email address"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def get_layout(self) -> Layout:
        return Layout(
            Field.text("username", field_width=20),
            Field.text("password", field_width=20),
            Submit("submit", self.submit_text),
        )

    def clean_username(self) -> str:
        return (self.cleaned_data.get("username") or "").strip().lower()


class ResetPasswordForm(GDSFormMixin, PasswordResetForm):
    submit_text = "Send me a reset link"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )


class ChooseNewPasswordForm(GDSFormMixin, SetPasswordForm):
    submit_text = "Change password"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"


class RemovalForm(GDSForm):
    """Removing a record: a reason is required (it stays in the record's history)."""

    submit_text = "Yes, remove it"

    reason = forms.CharField(
        label="Why are you removing it?",
        max_length=100,
        help_text="For example “Entered twice” or “Wrong action”. It is kept in the history.",
        error_messages={"required": "Enter why you are removing it"},
    )

    def __init__(self, *args, noun: str = "record", **kwargs):
        self.noun = noun
        super().__init__(*args, **kwargs)

    def get_layout(self) -> Layout:
        return Layout(
            Field.text("reason"),
            Submit("submit", self.submit_text, css_class="govuk-button--warning"),
        )
