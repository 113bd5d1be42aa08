"""python manage.py import_official_values FILE --indicator SLUG --value-column COLUMN
[--where COLUMN=VALUE ...] [--format ees|fingertips] [--publication TEXT]

An official statistics file (Explore Education Statistics tidy CSV, or OHID Fingertips CSV)
into one indicator: the council's value (PORTAL_LA_CODE), its region's, England's, its
statistical neighbours' mean and, when the file holds every local authority, its rank and
quartile. All or nothing; a re-import replaces the same periods.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inspections.models import Indicator, OfficialImport
from inspections.official import parse_where
from inspections.services import IndicatorImportError, official_values_import


def describe(error) -> str:
    if error.row and error.column:
        return f"Row {error.row}, column {error.column}: {error.reason}"
    if error.row:
        return f"Row {error.row}: {error.reason}"
    return error.reason


class Command(BaseCommand):
    help = __doc__.split("\n\n")[1].replace("\n", " ")

    def add_arguments(self, parser):
        parser.add_argument("file", help="The publication's CSV file")
        parser.add_argument("--indicator", required=True, help="The indicator's slug")
        parser.add_argument("--value-column", required=True, help="The column holding the figure")
        parser.add_argument(
            "--where",
            action="append",
            default=[],
            metavar="COLUMN=VALUE",
            help="Keep only the rows whose COLUMN is VALUE (any number of them)",
        )
        parser.add_argument(
            "--format", choices=[c for c, _ in OfficialImport.Format.choices], default="ees"
        )
        parser.add_argument("--publication", default="", help="The publication, as named")

    def handle(self, *args, file, indicator, value_column, where, format, publication, **opts):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file at {file}")
        target = Indicator.objects.filter(slug=indicator).first()
        if target is None:
            known = ", ".join(
                Indicator.objects.exclude(slug=None).order_by("slug").values_list("slug", flat=True)
            )
            raise CommandError(
                f"There is no indicator with the slug “{indicator}”. "
                f"The indicators with slugs are: {known or '(none yet)'}"
            )
        filters, problems = parse_where(where)
        if problems:
            raise CommandError(". ".join(problems))
        try:
            outcome = official_values_import(
                indicator=target,
                name=path.name,
                data=path.read_bytes(),
                value_column=value_column,
                filters=filters,
                file_format=format,
                publication=publication,
            )
        except IndicatorImportError as exc:
            for error in exc.errors:
                self.stderr.write(describe(error))
            raise CommandError(
                f"{path.name}: {len(exc.errors)} problem{'' if len(exc.errors) == 1 else 's'}. "
                "Nothing was imported."
            ) from exc
        periods = outcome.official_import.periods
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {path.name} into {target.name}: {len(periods)} period"
                f"{'' if len(periods) == 1 else 's'} ({', '.join(periods)}), "
                f"{outcome.created} added and {outcome.replaced} replaced."
            )
        )
