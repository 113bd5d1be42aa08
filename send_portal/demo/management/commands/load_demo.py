"""Build the demo local area from the council papers listed in docs/domain.md. Running it twice changes nothing."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from send_portal.core.history import write_history_baselines
from send_portal.demo import core

# Each domain's demo module has `load(stdout)`; order matters (reference data first).
DEMO_MODULES: list[str] = [
    "send_portal.demo.inspections",
    "send_portal.demo.workstreams",
    "send_portal.demo.inclusion",
    "send_portal.demo.meetings",
    "send_portal.demo.localoffer",
    "send_portal.demo.reporting",
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
            core.load_reference_data()
            core.load_users()
            for module in DEMO_MODULES:
                import_module(module).load(self.stdout)
            # Rows the demo wrote in bulk get a "History begins" row, as older rows did when
            # history was added: every record's timeline starts from its values.
            for config in apps.get_app_configs():
                write_history_baselines(apps, config.label)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
