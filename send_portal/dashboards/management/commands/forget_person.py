"""manage.py forget_person EMAIL: replace a person's names and email address everywhere."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from send_portal.dashboards.personal_data import person_forget


class Command(BaseCommand):
    help = (
        "Replace the names and email address of the person with this address across accounts, "
        "attendees, contacts, feedback and history, and deactivate their account. Records stay, "
        "no longer saying who. Cannot be undone."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        try:
            validate_email(email.strip())
        except ValidationError as exc:
            raise CommandError(f"{email!r} is not an email address") from exc
        changed = person_forget(email=email)
        if not changed:
            self.stdout.write("Nothing held about that address.")
            return
        for label, count in changed.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(self.style.SUCCESS("Forgotten."))
