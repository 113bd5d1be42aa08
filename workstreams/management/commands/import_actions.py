"""python manage.py import_actions FILE: actions from a CSV or XLSX file, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workstreams.importer import COLUMNS, ImportFileError, import_actions


class Command(BaseCommand):
    help = (
        "Import actions from a CSV or Excel (.xlsx) file with the columns "
        + ", ".join(COLUMNS)
        + ". Nothing is imported if any row is wrong; re-importing updates by programme + ref."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .xlsx file")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file at {file}")
        try:
            result = import_actions(name=path.name, data=path.read_bytes())
        except ImportFileError as exc:
            raise CommandError(f"{path.name}: {exc}. Nothing was imported.") from exc
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{path.name}: {len(result.problems)} problem"
                f"{'' if len(result.problems) == 1 else 's'} found. Nothing was imported: "
                "correct the rows above and import the file again."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {path.name}: {result.created} actions added, {result.updated} "
                f"updated, {result.workstreams_created} workstreams added."
            )
        )
