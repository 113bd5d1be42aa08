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
        writer.writerow([escape_csv_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(actions: QuerySet[Action]) -> bytes:
    """Every text is a string cell (never a formula), so no cell needs escaping."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Actions")
    for row in export_rows(actions):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would take a text starting "=" for a formula
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# What a spreadsheet would read as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = frozenset({"=", "+", "-", "@", "\t", "\r"})


def escape_csv_cell(value):
    """A CSV cell that would start a formula gets a leading ' (and only such a cell; also one
    that already starts with ' and a formula character, so that importing undoes exactly this)."""
    if isinstance(value, str) and _escaped(value):
        return "'" + value
    return value


def unescape_cell(value):
    """The inverse of ``escape_csv_cell``: the ' it added is removed on import."""
    if isinstance(value, str) and value[:1] == "'" and _escaped(value):
        return value[1:]
    return value


def _escaped(text: str) -> bool:
    """A formula start, after any number of ' (so that escaping is always undone exactly)."""
    return text.lstrip("'")[:1] in FORMULA_STARTS
