"""python manage.py import_statistical_neighbours FILE: the council's statistical neighbours,
in order, from the Department for Education's statistical neighbour workbook layout (one row
per local authority, its code, then its neighbours' codes in order: SN1, SN2, ...). CSV or
the workbook's first sheet (.xlsx). They replace PORTAL_STATISTICAL_NEIGHBOURS."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inspections.management.commands.import_official_values import describe
from inspections.services import IndicatorImportError, statistical_neighbours_import
from send_portal.core.tabular import TableFileError, read_rows


class Command(BaseCommand):
    help = __doc__.replace("\n", " ")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--la-code", default="", help="The council's code (default: PORTAL_LA_CODE)"
        )

    def handle(self, *args, file, la_code, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file at {file}")
        la_code = (la_code or settings.PORTAL_LA_CODE).strip().upper()
        if not la_code:
            raise CommandError("Set PORTAL_LA_CODE (or give --la-code)")
        try:
            rows = read_rows(path.read_bytes(), name=path.name)
        except TableFileError as exc:
            raise CommandError(f"{path.name}: {exc}") from exc
        (_n, header), body = rows[0], rows[1:]
        try:
            saved = statistical_neighbours_import(
                header=[str(h) for h in header],
                rows=[(n, [str(c) for c in cells]) for n, cells in body],
                la_code=la_code,
            )
        except IndicatorImportError as exc:
            for error in exc.errors:
                self.stderr.write(describe(error))
            raise CommandError(f"{path.name}: nothing was imported.") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(saved)} statistical neighbours of {la_code}: "
                + ", ".join(n.neighbour_code for n in saved)
            )
        )
