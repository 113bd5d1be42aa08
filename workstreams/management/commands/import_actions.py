"""python manage.py import_actions FILE [--create-missing [--kind wsoa|pap|strategy]
[--framework 2016|2023] [--inspected YYYY-MM-DD]]: actions from a CSV or XLSX file, all or
nothing. With --create-missing the programmes the file names that the portal does not have are
made (a plan answering an inspection with its inspection, and the findings the weakness column
gives in words when that inspection has none yet)."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workstreams.importer import (
    COLUMNS,
    CreateMissing,
    ImportFileError,
    import_actions,
    parse_date,
)


def _day(text: str) -> date:
    day = parse_date(text)
    if day is None:
        from argparse import ArgumentTypeError

        raise ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD")
    return day


class Command(BaseCommand):
    help = (
        "Import actions from a CSV or Excel (.xlsx) file with the columns "
        + ", ".join(COLUMNS)
        + ". Nothing is imported if any row is wrong; re-importing updates by programme + ref."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .xlsx file")
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="Make the programmes the file names that the portal does not have yet",
        )
        parser.add_argument(
            "--kind",
            choices=["wsoa", "pap", "strategy"],
            default="wsoa",
            help="Of a programme made: Written Statement of Action (default), priority action "
            "plan (2023), or strategy (with --framework 2023: the updated strategic plan)",
        )
        parser.add_argument(
            "--framework",
            choices=["2016", "2023"],
            default=None,
            help="The framework of the inspection the plan answers (default 2016)",
        )
        parser.add_argument(
            "--inspected",
            type=_day,
            default=None,
            help="The inspection's first day (default: the earliest start date in the file)",
        )

    def handle(self, *args, file: str, create_missing: bool, kind, framework, inspected, **opts):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file at {file}")
        if not create_missing and (framework or inspected or kind != "wsoa"):
            raise CommandError("--kind, --framework and --inspected go with --create-missing")
        options = (
            CreateMissing(kind=kind, framework=framework, inspected=inspected)
            if create_missing
            else None
        )
        try:
            result = import_actions(name=path.name, data=path.read_bytes(), create_missing=options)
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
        for label, items in (
            ("Programme created", result.programmes_created),
            ("Inspection created", result.inspections_created),
            ("Finding created", result.findings_created),
        ):
            for item in items:
                self.stdout.write(f"{label}: {item}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {path.name}: {result.created} actions added, {result.updated} "
                f"updated, {result.workstreams_created} workstreams added."
            )
        )
