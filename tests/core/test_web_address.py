"""Web addresses: http and https only, one validator in core for every URL field."""

import contextlib
import importlib

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from send_portal.core.forms import WebAddressField
from send_portal.core.validators import WEB_ADDRESS_MESSAGE, validate_web_address

PROJECT_PACKAGES = ("send_portal", "workstreams", "inspections", "inclusion", "localoffer")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("https://www.example.org/page?q=1", "https://www.example.org/page?q=1"),
        ("http://example.org", "http://example.org"),
        ("  www.example.org ", "https://www.example.org"),
        ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
    ],
)
def test_http_and_https_addresses_are_accepted(typed, kept):
    assert WebAddressField().clean(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "ftp://files.example.org/report.pdf",
        "//evil.example/page",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "mailto:someone@example.org",
        "data:text/html,hello",
        "https://",
    ],
)
def test_other_schemes_and_schemeless_hosts_are_refused_with_a_clear_message(typed):
    with pytest.raises(ValidationError) as error:
        WebAddressField().clean(typed)
    assert error.value.messages == [WEB_ADDRESS_MESSAGE]


def test_a_field_may_say_it_in_its_own_words():
    field = WebAddressField(message="Enter a link that starts with http:// or https://")
    with pytest.raises(ValidationError) as error:
        field.clean("ftp://example.org")
    assert error.value.messages == ["Enter a link that starts with http:// or https://"]


def test_the_validator_refuses_ftp_that_djangos_default_allows():
    with pytest.raises(ValidationError):
        validate_web_address("ftp://example.org")


def test_every_model_url_field_uses_the_core_validator():
    url_fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith(PROJECT_PACKAGES)
        for field in model._meta.get_fields()
        if isinstance(field, models.URLField)
        and validate_web_address not in field.validators
        and not model._meta.label.split(".")[1].startswith("Historical")
    ]
    assert url_fields == []


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def test_every_form_url_field_is_a_web_address_field():
    for app in apps.get_app_configs():
        if app.name.startswith(PROJECT_PACKAGES):
            with contextlib.suppress(ModuleNotFoundError):
                importlib.import_module(f"{app.name}.forms")
    plain = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _all_subclasses(forms.BaseForm)
        if form.__module__.startswith(PROJECT_PACKAGES)
        for name, field in form.base_fields.items()
        if isinstance(field, forms.URLField) and not isinstance(field, WebAddressField)
    ]
    assert plain == []
    found = [
        form
        for form in _all_subclasses(forms.BaseForm)
        if form.__module__.startswith(PROJECT_PACKAGES)
        and any(isinstance(f, WebAddressField) for f in form.base_fields.values())
    ]
    assert len(found) >= 3
