"""The one tabular reader: CSV (UTF-8, BOM, Windows-1252) and XLSX, rows numbered as spreadsheets do."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from send_portal.core.tabular import (
    CSV,
    RowError,
    TableFileError,
    check_header,
    parse_date,
    read_rows,
    read_table,
)

COLUMNS = ["ref", "title", "due"]


def xlsx(*rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_csv_rows_are_keyed_by_column_and_numbered_from_the_header():
    table = read_table(
        b"Ref, Title ,due\r\nA.1,Plan,2026-03-31\r\n,,\r\nA.2,Do,\r\n", columns=COLUMNS
    )
    assert table.header == COLUMNS
    assert [(r.number, r.values) for r in table.rows] == [
        (2, {"ref": "A.1", "title": "Plan", "due": "2026-03-31"}),
        (4, {"ref": "A.2", "title": "Do", "due": ""}),  # the blank row 3 keeps its number
    ]


def test_a_quoted_cell_over_two_lines_is_one_row():
    table = read_table(b'ref,title,due\nA.1,"two\nlines",\nA.2,x,\n', columns=COLUMNS)
    assert [(r.number, r.values["title"]) for r in table.rows] == [(2, "two\nlines"), (3, "x")]


@pytest.mark.parametrize(
    "data",
    [
        "ref,title,due\nA.1,Café,\n".encode(),
        "\ufeffref,title,due\nA.1,Café,\n".encode(),  # Excel's "CSV UTF-8" starts with a BOM
        "ref,title,due\nA.1,Café,\n".encode("cp1252"),  # Excel's plain "CSV" on Windows
    ],
)
def test_encodings(data):
    assert read_table(data, columns=COLUMNS).rows[0].values["title"] == "Café"


def test_xlsx_dates_and_whole_numbers():
    data = xlsx(
        ["ref", "title", "due"],
        ["A.1", 3.0, datetime(2026, 3, 31, 0, 0)],
        [None, None, None],
        ["A.2", 2.5, date(2026, 4, 1)],
    )
    table = read_table(data, name="plan.XLSX", columns=COLUMNS)
    assert [(r.number, r.values) for r in table.rows] == [
        (2, {"ref": "A.1", "title": "3", "due": date(2026, 3, 31)}),
        (4, {"ref": "A.2", "title": "2.5", "due": date(2026, 4, 1)}),
    ]


def test_cells_beyond_the_header_are_kept_aside():
    table = read_table(b"ref,title,due\nA.1,x,,extra,\nA.2\n", columns=COLUMNS)
    assert table.rows[0].extra == ("extra",)
    assert table.rows[1].extra == () and table.rows[1].values == {
        "ref": "A.2",
        "title": "",
        "due": "",
    }


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"name": "plan.csv", "data": b""}, "The file is empty"),
        ({"name": "plan.csv", "data": b"\r\n,,\r\n"}, "The file is empty"),
        ({"name": "plan.pdf", "data": b"x"}, "The file must be a CSV file (.csv) or an Excel workbook (.xlsx)"),
        ({"name": "plan.xlsx", "data": b"x", "formats": (CSV,)}, "The file must be a CSV file (.csv)"),
        ({"name": "plan.csv", "data": b"PK\x03\x04rest"}, "The file is not a CSV file: it looks like a binary file"),
        ({"data": "ref\n".encode("utf-16")}, "The file is not a CSV file: it looks like a binary file"),
        ({"data": b"ref,title,due\n\x81\x8d\n"}, "The file's text cannot be read"),
        ({"name": "plan.xlsx", "data": b"not a zip"}, "The file is not an Excel workbook (.xlsx) that can be read"),
    ],
)  # fmt: skip
def test_files_that_cannot_be_read(kwargs, reason):
    with pytest.raises(TableFileError) as raised:
        read_rows(**kwargs)
    assert raised.value.reason.startswith(reason)
    assert raised.value.as_row_error() == RowError(1, "", raised.value.reason)


def test_a_header_without_rows():
    with pytest.raises(TableFileError) as raised:
        read_table(b"ref,title,due\n", columns=COLUMNS, what="actions")
    assert raised.value.as_row_error() == RowError(
        2, "", "The file has a header row but no actions"
    )


@pytest.mark.parametrize(
    ("header", "options", "reason"),
    [
        (["ref", "title"], {}, "The file is missing the column due. The header row must have exactly these columns, in any order: ref, title, due"),
        (["ref"], {}, "The file is missing the columns title, due."),
        (["ref", "title", "due", "colour"], {}, "The file has an unknown column colour."),
        (["ref", "title", "due", "a", "b"], {}, "The file has unknown columns a, b."),
        (["ref", "ref", "title", "due"], {}, "The file has the column ref more than once."),
        (["title", "ref", "due"], {"ordered": True}, "The file's columns are not in the right order. The header row must have exactly these columns, in this order: ref, title, due"),
        (["title"], {"required": ["ref", "title"]}, "The file is missing the column ref. The header row must have these columns, in any order: ref, title; and it may have: due"),
    ],
)  # fmt: skip
def test_header_problems_in_one_style(header, options, reason):
    with pytest.raises(TableFileError) as raised:
        check_header(header, columns=COLUMNS, **options)
    assert raised.value.reason.startswith(reason)


def test_good_headers_pass():
    check_header(["due", "ref", "title"], columns=COLUMNS)
    check_header(["ref", "title", "due"], columns=COLUMNS, ordered=True)
    check_header(["title", "ref"], columns=COLUMNS, required=["ref", "title"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-31", date(2026, 3, 31)),
        ("31/03/2026", date(2026, 3, 31)),
        (" 1/4/2026 ", date(2026, 4, 1)),
        (date(2026, 3, 31), date(2026, 3, 31)),
        (datetime(2026, 3, 31, 9, 30), date(2026, 3, 31)),
        ("31/02/2026", None),
        ("2026-13-01", None),
        ("next week", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_row_errors_read_as_sentences():
    assert str(RowError(3, "due", "Enter a date")) == "Row 3, column due: Enter a date"
    assert str(RowError(1, "", "The file is empty")) == "Row 1: The file is empty"
