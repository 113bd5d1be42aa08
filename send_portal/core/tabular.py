"""The one tabular reader: every importer reads its CSV or Excel upload through here.

``read_table`` turns an upload's bytes into a header and numbered rows of cells, or raises
``TableFileError`` saying in plain English why the file as a whole cannot be read (empty, not a
CSV file or workbook, unreadable text, wrong columns). Each importer then checks its own rows and
reports every problem as a ``RowError`` (row, column, reason), the row numbered as a spreadsheet
shows it: the header is row 1.

What it accepts: CSV in UTF-8 (with or without Excel's byte-order mark) or Windows-1252 (what
Excel on Windows writes as plain "CSV"); the first worksheet of an Excel workbook (.xlsx), where
date cells arrive as ``date`` values and whole numbers as text without ".0". Rows with no value
at all are skipped but keep their numbers, so a reason always points at the right row.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

CSV = "csv"
XLSX = "xlsx"
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
DATE_HELP = "Enter the date as YYYY-MM-DD or DD/MM/YYYY, for example 2026-03-31 or 31/03/2026"

Cell = str | date


@dataclass(frozen=True)
class RowError:
    """One problem in one row (and column, when it is about one cell) of an uploaded table."""

    row: int  # the spreadsheet's row number: the header is row 1
    column: str
    reason: str

    def __str__(self) -> str:
        if self.column:
            return f"Row {self.row}, column {self.column}: {self.reason}"
        return f"Row {self.row}: {self.reason}"


class TableFileError(Exception):
    """The file as a whole cannot be read (wrong type, empty, unreadable text, bad header)."""

    def __init__(self, reason: str, *, row: int = 1):
        super().__init__(reason)
        self.reason = reason
        self.row = row

    def as_row_error(self) -> RowError:
        return RowError(self.row, "", self.reason)


@dataclass(frozen=True)
class TableRow:
    number: int  # as the spreadsheet numbers it: the header is row 1
    values: dict[str, Cell]  # by lower-case column name; a missing cell is ""
    extra: tuple[Cell, ...] = ()  # non-empty cells to the right of the last column


@dataclass
class Table:
    header: list[str]
    rows: list[TableRow] = field(default_factory=list)


def cell(value) -> Cell:
    """A cell as the importers see it: text stripped, dates as ``date``, 3.0 as "3"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_date(value) -> date | None:
    """A date from an Excel date cell, YYYY-MM-DD or DD/MM/YYYY; ``None`` if it is none of them."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _formats_words(formats: Sequence[str]) -> str:
    words = {CSV: "a CSV file (.csv)", XLSX: "an Excel workbook (.xlsx)"}
    return " or ".join(words[f] for f in formats)


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (its BOM dropped), else Windows-1252."""
    if data.startswith(b"PK\x03\x04") or b"\x00" in data[:4096]:
        raise TableFileError(
            "The file is not a CSV file: it looks like a binary file, such as a spreadsheet. "
            "Save it as CSV UTF-8 and try again"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise TableFileError(
                "The file's text cannot be read. Save it as CSV UTF-8 and try again"
            ) from exc


def _csv_rows(data: bytes) -> list[tuple[int, list[Cell]]]:
    reader = csv.reader(io.StringIO(decode_csv(data), newline=""))
    try:
        return [(number, [cell(c) for c in row]) for number, row in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise TableFileError(
            f"The file is not a readable CSV file: {exc}", row=reader.line_num
        ) from exc


def _xlsx_rows(data: bytes) -> list[tuple[int, list[Cell]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableFileError(
            "The file is not an Excel workbook (.xlsx) that can be read. Save it again from "
            "Excel as .xlsx, or as CSV"
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        return [
            (number, [cell(c) for c in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def read_rows(
    data: bytes, *, name: str = "", formats: Sequence[str] = (CSV, XLSX)
) -> list[tuple[int, list[Cell]]]:
    """Every row that holds a value, numbered from 1, from a CSV or XLSX file's bytes.

    The file's type comes from ``name``'s extension; without a name the file is read as CSV.
    """
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if name and extension not in formats:
        raise TableFileError(f"The file must be {_formats_words(formats)}")
    if not data:
        raise TableFileError("The file is empty")
    rows = _xlsx_rows(data) if extension == XLSX else _csv_rows(data)
    rows = [(number, cells) for number, cells in rows if any(c != "" for c in cells)]
    if not rows:
        raise TableFileError("The file is empty")
    return rows


def check_header(
    header: list[str],
    *,
    columns: Sequence[str],
    required: Sequence[str] | None = None,
    ordered: bool = False,
) -> None:
    """Raise ``TableFileError`` unless ``header`` names the columns as the importer needs.

    ``required`` (default: every column) must be there; any other name must be one of
    ``columns``; none may appear twice; with ``ordered`` they must be exactly ``columns``.
    """
    required = list(columns if required is None else required)
    named = [h for h in header if h]
    missing = [c for c in required if c not in named]
    unknown = [h for h in named if h not in columns]
    duplicated = sorted({h for h in named if named.count(h) > 1})
    problems = []
    if missing:
        problems.append(
            "The file is missing the column"
            + ("s " if len(missing) > 1 else " ")
            + ", ".join(missing)
        )
    if unknown:
        problems.append(
            "The file has "
            + ("unknown columns " if len(unknown) > 1 else "an unknown column ")
            + ", ".join(unknown)
        )
    if duplicated:
        problems.append("The file has the column " + ", ".join(duplicated) + " more than once")
    if not problems and ordered and named != list(columns):
        problems.append("The file's columns are not in the right order")
    if not problems:
        return
    if ordered:
        wanted = "exactly these columns, in this order: " + ", ".join(columns)
    elif len(required) == len(columns):
        wanted = "exactly these columns, in any order: " + ", ".join(columns)
    else:
        optional = [c for c in columns if c not in required]
        wanted = (
            "these columns, in any order: "
            + ", ".join(required)
            + "; and it may have: "
            + ", ".join(optional)
        )
    raise TableFileError(". ".join(problems) + ". The header row must have " + wanted)


def read_table(
    data: bytes,
    *,
    columns: Sequence[str],
    name: str = "",
    required: Sequence[str] | None = None,
    ordered: bool = False,
    formats: Sequence[str] = (CSV, XLSX),
    what: str = "rows",
) -> Table:
    """The header (lower case) and every row holding a value, keyed by column.

    ``what`` names the rows in the message for a file with a header and nothing under it
    ("The file has a header row but no actions").
    """
    rows = read_rows(data, name=name, formats=formats)
    _number, header_cells = rows[0]
    header = [str(h).strip().lower() for h in header_cells]
    while header and not header[-1]:
        header.pop()
    check_header(header, columns=columns, required=required, ordered=ordered)
    table = Table(header=header)
    width = len(header)
    for number, cells in rows[1:]:
        values = {col: (cells[i] if i < len(cells) else "") for i, col in enumerate(header) if col}
        extra = tuple(c for c in cells[width:] if c != "")
        table.rows.append(TableRow(number=number, values=values, extra=extra))
    if not table.rows:
        raise TableFileError(f"The file has a header row but no {what}", row=2)
    return table
