"""Build the demo local area from the council papers in the seeds. Running it twice changes nothing."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from send_portal.core import demo

# Each app's demo module has `load(stdout)`; order matters (reference data first).
DEMO_MODULES: list[str] = [
    "inspections.demo",
    "workstreams.demo",
    "inclusion.demo",
    "workstreams.meetings.demo",
    "localoffer.demo",
    "workstreams.reporting.demo",
]


class Command(BaseCommand):
    help = "Load the demo local area and demo logins (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Create demo users even though DJANGO_DEBUG is off.",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to create demo users with known passwords while DJANGO_DEBUG is off. "
                "Use --force if this really is a demonstration system."
            )
        with transaction.atomic():
            demo.load_reference_data()
            demo.load_users()
            for module in DEMO_MODULES:
                import_module(module).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
