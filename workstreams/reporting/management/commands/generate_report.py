"""python manage.py generate_report --period YYYY-MM [--programme SLUG] [--area SLUG] [--wait]"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from send_portal.core.models import Area
from workstreams.models import Programme
from workstreams.reporting import services
from workstreams.reporting.models import Report
from workstreams.reporting.periods import BadPeriod, parse_period


class Command(BaseCommand):
    help = (
        "Enqueue the highlight report for a month, opening and locking the period if needed. "
        "Without --programme or --area: the whole portfolio."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="The month, as YYYY-MM.")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--programme", help="A programme's slug: report on that programme.")
        scope.add_argument("--area", help="An area's slug: report on that area.")
        parser.add_argument(
            "--wait", action="store_true", help="Wait for the report and print the PDF's path."
        )
        parser.add_argument(
            "--timeout", type=int, default=600, help="Seconds --wait waits (default 600)."
        )

    def handle(self, *args, period: str, programme: str | None, area: str | None, **options):
        try:
            month = parse_period(period, today=timezone.localdate())
        except BadPeriod as exc:
            raise CommandError(str(exc)) from exc
        scope, programme_obj, area_obj = Report.Scope.PORTFOLIO, None, None
        if programme:
            programme_obj = Programme.objects.filter(slug=programme).first()
            if programme_obj is None:
                slugs = ", ".join(Programme.objects.values_list("slug", flat=True)) or "none"
                raise CommandError(f"No programme has the slug {programme!r} (known: {slugs})")
            scope = Report.Scope.PROGRAMME
        if area:
            area_obj = Area.objects.filter(slug=area).first()
            if area_obj is None:
                slugs = ", ".join(Area.objects.values_list("slug", flat=True)) or "none"
                raise CommandError(f"No area has the slug {area!r} (known: {slugs})")
            scope = Report.Scope.AREA

        with transaction.atomic():
            period_obj = services.period_open_and_lock(month=month)
            report, enqueued = services.report_request(
                period=period_obj, scope=scope, programme=programme_obj, area=area_obj
            )
        if enqueued:
            self.stdout.write(f"Queued: {report.title} (report {report.pk}).")
        else:
            self.stdout.write(
                f"Already {report.get_state_display().lower()}: {report.title} (report {report.pk})."
            )
        if not options["wait"]:
            return
        deadline = time.monotonic() + options["timeout"]
        while True:
            report.refresh_from_db()
            if report.state == Report.State.READY:
                try:
                    location = report.pdf.path
                except NotImplementedError:  # a storage without local paths
                    location = report.pdf.name
                self.stdout.write(location)
                return
            if report.state == Report.State.FAILED:
                raise CommandError(f"The report failed: {report.failure_reason}")
            if time.monotonic() > deadline:
                raise CommandError(
                    f"The report is still {report.get_state_display().lower()} after "
                    f"{options['timeout']} seconds: is a Celery worker running?"
                )
            time.sleep(0.5)
