"""manage.py export_person EMAIL: everything held about a person, as JSON on standard output."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from send_portal.dashboards.personal_data import person_export_json


class Command(BaseCommand):
    help = "Print, as JSON, everything the portal holds about the person with this email address."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        try:
            validate_email(email.strip())
        except ValidationError as exc:
            raise CommandError(f"{email!r} is not an email address") from exc
        self.stdout.write(person_export_json(email=email))
