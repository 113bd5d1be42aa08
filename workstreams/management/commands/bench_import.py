"""python manage.py bench_import [--rows N]: time importing N generated actions (default 10,000).

Everything it creates is rolled back: it measures, it never leaves data behind.
"""

import csv
import io
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from send_portal.core.models import Area
from workstreams.importer import COLUMNS, import_actions
from workstreams.models import Programme


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Measure importing a generated spreadsheet of actions (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows: int, **options):
        try:
            with transaction.atomic():
                self._run(rows)
                raise _Rollback
        except _Rollback:
            pass

    def _run(self, rows: int) -> None:
        programme = Programme.objects.create(
            name="Benchmark programme",
            slug="benchmark-programme",
            kind="strategy",
            start_date="2026-01-01",
        )
        area, _ = Area.objects.get_or_create(name="Benchmark area", slug="benchmark-area")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(COLUMNS)
        statuses = ["not started", "underway – on target", "underway – behind target"]
        for i in range(rows):
            writer.writerow(
                [
                    programme.name,
                    f"W{i % 10}",
                    f"Workstream {i % 10}",
                    "",
                    f"B.{i}",
                    f"Benchmark action {i}",
                    "",
                    area.name if i % 3 == 0 else "",
                    "2026-01-05",
                    "31/12/2026",
                    statuses[i % 3],
                    "",
                    "",
                ]
            )
        data = buffer.getvalue().encode()
        for label in ("first import", "re-import (no changes)"):
            started = time.perf_counter()
            result = import_actions(name="bench.csv", data=data)
            elapsed = time.perf_counter() - started
            assert result.ok, result.problems[:3]
            self.stdout.write(
                f"{label}: {rows} rows in {elapsed:.1f} s "
                f"({result.created} added, {result.updated} updated)"
            )
