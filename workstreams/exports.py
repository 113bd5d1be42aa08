"""CSV and XLSX exports of the action list: exactly the actions filtered, in the import's
columns (so an exported file can be edited and imported again)."""

import csv
import io

from django.db.models import Prefetch, QuerySet

from inspections.models import AreaOfWeakness

from .importer import COLUMNS
from .models import Action
from .status import ActionStatus


def export_rows(actions: QuerySet[Action]):
    actions = actions.prefetch_related(
        Prefetch("weaknesses", queryset=AreaOfWeakness.objects.only("pk", "number"))
    )
    yield COLUMNS
    for action in actions.iterator(chunk_size=2000):
        yield [
            action.programme.name,
            action.workstream.code,
            action.workstream.title,
            ";".join(str(w.number) for w in action.weaknesses.all()),
            action.ref,
            action.title,
            action.owner.email if action.owner_id else action.owner_name,
            ";".join(a.name for a in action.areas.all()),
            action.start_date.isoformat() if action.start_date else "",
            action.due_date.isoformat() if action.due_date else "",
            ActionStatus(action.status).label,
            action.rag,
            action.evidence_of_impact,
        ]


def to_csv(actions: QuerySet[Action]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in export_rows(actions):
        writer.writerow([_safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(actions: QuerySet[Action]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Actions")
    for row in export_rows(actions):
        sheet.append([_safe_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _safe_cell(value):
    """Refuse spreadsheet formula injection: text starting =, +, - or @ is kept as text."""
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@"}:
        return "'" + value
    return value
