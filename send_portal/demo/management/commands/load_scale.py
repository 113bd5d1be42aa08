"""Build the large local area beside the demo (for `make bench`)."""

import time

from django.core.management.base import BaseCommand, CommandError

from send_portal.demo import scale


class Command(BaseCommand):
    help = (
        "Build a large local area beside the demo: 8 areas, 600 settings, 40 workstreams, "
        "2,000 actions, 50,000 progress updates with history, indicators, meetings, "
        "Local Offer services and locked reporting periods. Deterministic; refuses to run twice "
        "(--reset rebuilds the large area only, never the demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the large area (never the demo) and build it again.",
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Keep the large area when it is already loaded (for `make bench`).",
        )

    def handle(self, *args, reset: bool = False, if_missing: bool = False, **options):
        started = time.perf_counter()
        if scale.scale_exists():
            if if_missing and not reset:
                self.stdout.write("The large local area is already loaded: kept as it is.")
                return
            if not reset:
                raise CommandError(
                    "The large local area is already loaded. "
                    "Use --reset to delete it and build it again (the demo is kept)."
                )
            self.stdout.write("Deleting the large local area (the demo is kept)...")
            scale.scale_delete()
        self.stdout.write("Building the large local area...")
        counts = scale.scale_load(log=self.stdout.write)
        scale.analyse()
        seconds = time.perf_counter() - started
        summary = ", ".join(f"{name.replace('_', ' ')} {n:,}" for name, n in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Large local area loaded in {seconds:.0f} s: {summary}.")
        )
