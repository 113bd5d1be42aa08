"""import_actions: the columns, date formats, all-or-nothing, re-import, and every bad input."""

import csv
import io
import re

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from inspections.models import AreaOfWeakness, Inspection
from workstreams.importer import COLUMNS, ImportFileError, import_actions
from workstreams.models import Action, Workstream
from workstreams.status import ActionStatus

from .factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def row(**values) -> dict:
    base = {
        "programme": "Kent SEND Improvement Programme (WSoA)",
        "workstream_code": "C",
        "workstream_title": "Quality of Education, Health and Care Plans",
        "weakness": "6",
        "ref": "C.1",
        "title": "New template for EHCPs",
        "owner": "",
        "areas": "",
        "start": "2026-01-05",
        "due": "31/03/2026",
        "status": "Underway – on target",
        "rag": "",
        "evidence": "",
    }
    base.update(values)
    return base


def to_csv(rows, columns=COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow(r)
    return buffer.getvalue().encode()


def to_xlsx(rows, columns=COLUMNS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for r in rows:
        sheet.append([r.get(c, "") for c in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def kent(area_ne, area_south, officer):
    inspection = Inspection.objects.create(
        kind=Inspection.Kind.JOINT,
        local_area="Kent",
        start_date="2019-01-28",
        end_date="2019-02-01",
    )
    for number in range(1, 10):
        AreaOfWeakness.objects.create(inspection=inspection, number=number, wording=f"W{number}")
    return ProgrammeFactory(
        name="Kent SEND Improvement Programme (WSoA)", slug="kent-wsoa", inspection=inspection
    )


def test_a_good_csv_imports_every_column(kent, officer, area_ne, area_south):
    data = to_csv(
        [
            row(),
            row(
                ref="C.2",
                title="Quality assurance framework",
                owner=officer.email,
                areas="North East; south",
                weakness="6;8",
                start="01/02/2026",
                due="2026-06-30",
                status="COMPLETED",
                rag="Blue",
                evidence="Audits show better plans",
            ),
        ]
    )
    result = import_actions(name="plan.csv", data=data, by=officer)
    assert result.ok and (result.created, result.updated, result.workstreams_created) == (2, 0, 1)
    c2 = Action.objects.get(ref="C.2")
    assert c2.owner == officer and c2.status == ActionStatus.COMPLETED
    assert {a.name for a in c2.areas.all()} == {"North East", "South"}
    assert sorted(w.number for w in c2.weaknesses.all()) == [6, 8]
    assert str(c2.start_date) == "2026-02-01" and str(c2.due_date) == "2026-06-30"
    assert c2.evidence_of_impact == "Audits show better plans"
    assert c2.rag_override == ""  # blue is what the rule suggests: no override
    c1 = Action.objects.get(ref="C.1")
    assert c1.areas.count() == 0  # county-wide
    assert c1.history.count() == 1


def test_reimporting_updates_rather_than_duplicates(kent, officer):
    data = to_csv([row(), row(ref="C.2", title="Second")])
    import_actions(name="plan.csv", data=data)
    again = import_actions(name="plan.csv", data=data)
    assert (again.created, again.updated) == (0, 0)
    assert Action.objects.count() == 2
    changed = to_csv([row(status="underway, behind target"), row(ref="C.2", title="Renamed")])
    result = import_actions(name="plan.csv", data=changed)
    assert (result.created, result.updated) == (0, 2)
    assert Action.objects.count() == 2
    c1 = Action.objects.get(ref="C.1")
    assert c1.status == ActionStatus.BEHIND and c1.version == 2
    assert Action.objects.get(ref="C.2").title == "Renamed"


def test_xlsx_imports_with_real_dates(kent):
    import datetime

    data = to_xlsx([row(start=datetime.datetime(2026, 1, 5), due=datetime.date(2026, 3, 31))])
    result = import_actions(name="plan.xlsx", data=data)
    assert result.ok and result.created == 1
    assert str(Action.objects.get().due_date) == "2026-03-31"


def test_a_rag_unlike_the_suggestion_is_kept_as_an_override_with_its_reason(kent):
    import_actions(name="plan.csv", data=to_csv([row(rag="amber", due="2099-01-01")]))
    action = Action.objects.get()
    assert action.rag_override == "amber"
    assert "plan.csv" in action.rag_override_reason


# Bad input: (name, file bytes, expected messages). Nothing is ever imported.
def _bad_cases():
    headers_missing = [c for c in COLUMNS if c not in {"due", "status"}]
    return {
        "missing columns": (
            "plan.csv",
            to_csv([row()], columns=headers_missing),
            ["The file is missing the columns due, status"],
        ),
        "unknown columns": (
            "plan.csv",
            to_csv([row()], columns=[*COLUMNS, "colour"]),
            ["The file has an unknown column colour"],
        ),
        "bad dates": (
            "plan.csv",
            to_csv([row(start="5th January"), row(ref="C.2", due="2026-02-30")]),
            [
                'Row 2, column start: "5th January" is not a date. Enter the date as YYYY-MM-DD or DD/MM/YYYY',
                'Row 3, column due: "2026-02-30" is not a date.',
            ],
        ),
        "due before start": (
            "plan.csv",
            to_csv([row(start="2026-05-01", due="2026-04-01")]),
            ["Row 2, column due: The due date must be the same as or after the start date"],
        ),
        "unknown status": (
            "plan.csv",
            to_csv([row(status="nearly there")]),
            ['Row 2, column status: "nearly there" is not a status. Use one of: not started'],
        ),
        "unknown RAG": (
            "plan.csv",
            to_csv([row(rag="purple")]),
            ['Row 2, column rag: "purple" is not a RAG rating'],
        ),
        "unknown area": (
            "plan.csv",
            to_csv([row(areas="North East;Atlantis")]),
            ['Row 2, column areas: There is no area called "Atlantis"'],
        ),
        "unknown programme": (
            "plan.csv",
            to_csv([row(programme="Narnia")]),
            ['Row 2, column programme: There is no programme called "Narnia"'],
        ),
        "unknown weakness": (
            "plan.csv",
            to_csv([row(weakness="12")]),
            ['Row 2, column weakness: "12" is not the number of one of the inspection\'s findings'],
        ),
        "duplicate refs": (
            "plan.csv",
            to_csv([row(), row(title="Again"), row(ref="C.9")]),
            ["Row 3, column ref: The reference C.1 is also on row 2"],
        ),
        "completed without evidence": (
            "plan.csv",
            to_csv([row(status="completed", evidence="")]),
            ["Row 2, column evidence: Add evidence of impact before marking this action completed"],
        ),
        "missing values": (
            "plan.csv",
            to_csv([row(title="", ref="", status="")]),
            [
                "Row 2, column ref: Enter the action's reference",
                "Row 2, column title: Enter the action's title",
                "Row 2, column status: Enter the status",
            ],
        ),
        "empty file": ("plan.csv", b"", ["The file is empty"]),
        "blank lines only": ("plan.csv", b"\r\n,,,\r\n", ["The file is empty"]),
        "header only": (
            "plan.csv",
            to_csv([]),
            ["The file has a header row but no actions"],
        ),
        "wrong file type": (
            "plan.pdf",
            b"%PDF-1.4",
            ["The file must be a CSV file (.csv) or an Excel workbook (.xlsx)"],
        ),
        "xlsx that is not a workbook": (
            "plan.xlsx",
            b"programme,ref\n",
            ["The file is not an Excel workbook (.xlsx) that can be read"],
        ),
        "workbook called csv": (
            "plan.csv",
            to_xlsx([row()]),
            ["The file is not a CSV file: it looks like a binary file"],
        ),
    }


def _assert_refused(kent, name, data, expected):
    before = (Action.objects.count(), Workstream.objects.count())
    try:
        result = import_actions(name=name, data=data)
        messages = [str(p) for p in result.problems]
        assert not result.ok
    except ImportFileError as exc:
        messages = [str(exc)]
    for text in expected:
        assert any(text in m for m in messages), (text, messages)
    assert (Action.objects.count(), Workstream.objects.count()) == before


@pytest.mark.parametrize("case", sorted(_bad_cases()))
def test_bad_input_is_refused_with_its_message_and_nothing_imported(case, kent):
    _assert_refused(kent, *_bad_cases()[case])


@pytest.mark.postgres
@pytest.mark.parametrize("case", sorted(_bad_cases()))
def test_bad_input_on_postgresql(case, kent):
    _assert_refused(kent, *_bad_cases()[case])


def test_one_bad_row_among_good_ones_imports_nothing_and_reports_every_bad_row(kent):
    rows = [row(ref=f"C.{i}") for i in range(1, 6)]
    rows[1]["due"] = "tomorrow"
    rows[3]["status"] = "done-ish"
    rows[3]["areas"] = "Nowhere"
    result = import_actions(name="plan.csv", data=to_csv(rows))
    assert [(p.row, p.column) for p in result.problems] == [
        (3, "due"),
        (5, "status"),
        (5, "areas"),
    ]
    assert Action.objects.count() == 0


def test_an_existing_action_is_not_half_updated_when_another_row_is_bad(kent):
    import_actions(name="plan.csv", data=to_csv([row(title="Kept")]))
    result = import_actions(
        name="plan.csv", data=to_csv([row(title="Changed"), row(ref="C.2", due="nope")])
    )
    assert not result.ok
    assert Action.objects.get().title == "Kept"


def test_the_command_reports_and_exits_non_zero(kent, tmp_path, capsys):
    bad = tmp_path / "plan.csv"
    bad.write_bytes(to_csv([row(status="nearly there")]))
    with pytest.raises(CommandError, match=re.escape("1 problem found. Nothing was imported")):
        call_command("import_actions", str(bad))
    assert 'Row 2, column status: "nearly there" is not a status' in capsys.readouterr().err
    assert Action.objects.count() == 0


def test_the_command_imports_a_good_file(kent, tmp_path, capsys):
    good = tmp_path / "plan.xlsx"
    good.write_bytes(to_xlsx([row(), row(ref="C.2")]))
    call_command("import_actions", str(good))
    assert "2 actions added, 0 updated" in capsys.readouterr().out
    assert Action.objects.count() == 2


def test_the_command_refuses_an_unreadable_file(kent, tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_actions", str(tmp_path / "missing.csv"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match=re.escape("The file is empty. Nothing was imported")):
        call_command("import_actions", str(empty))


def test_ten_thousand_rows_import_and_reimport(kent):
    """Size, not speed (speed is measured by `make bench-import`)."""
    rows = [
        row(ref=f"C.{i}", title=f"Action {i}", areas="North East" if i % 2 else "")
        for i in range(10_000)
    ]
    data = to_csv(rows)
    result = import_actions(name="big.csv", data=data)
    assert result.ok and result.created == 10_000
    assert Action.objects.count() == 10_000
    assert Action.areas.through.objects.count() == 5_000
    rows[0]["title"] = "Changed"
    result = import_actions(name="big.csv", data=to_csv(rows))
    assert (result.created, result.updated) == (0, 1)


def test_ten_thousand_rows_with_one_bad_import_nothing(kent):
    rows = [row(ref=f"C.{i}") for i in range(10_000)]
    rows[9_999]["due"] = "never"
    result = import_actions(name="big.csv", data=to_csv(rows))
    assert [str(p.row) for p in result.problems] == ["10001"]
    assert Action.objects.count() == 0


@pytest.mark.postgres
def test_an_owner_two_people_are_called_is_reported_ambiguous_and_nothing_imported(
    kent, tmp_path, capsys
):
    """Two active accounts called Ruth Sturdy: the row's owner is not guessed; the file is
    refused with the row's problem; by email address the same row links the right one."""
    from tests.core.factories import UserFactory

    UserFactory(full_name="Ruth Sturdy", email="ruth.sturdy@test.example")
    second = UserFactory(full_name="Ruth Sturdy", email="r.sturdy@test.example")
    bad = tmp_path / "plan.csv"
    bad.write_bytes(to_csv([row(owner="ruth sturdy"), row(ref="C.2", owner="")]))
    with pytest.raises(CommandError, match=re.escape("1 problem found. Nothing was imported")):
        call_command("import_actions", str(bad))
    assert (
        "Row 2, column owner: 2 people are called Ruth Sturdy, so the owner is ambiguous: "
        "give the email address of the one who owns the action"
    ) in capsys.readouterr().err
    assert Action.objects.count() == 0

    result = import_actions(name="plan.csv", data=to_csv([row(owner="R.Sturdy@test.example")]))
    assert result.ok
    assert (Action.objects.get().owner, Action.objects.get().owner_name) == (second, "")
