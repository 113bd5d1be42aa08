"""Validators every app shares."""

from django.core.validators import URLValidator

WEB_ADDRESS_MESSAGE = (
    "Enter a web address that starts with http:// or https://, like https://www.example.org"
)

# Web addresses: http and https only (no ftp:, file:, javascript:, mailto:). Every URL field,
# model or form, uses this one (forms through ``send_portal.core.forms.WebAddressField``).
validate_web_address = URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_MESSAGE)
