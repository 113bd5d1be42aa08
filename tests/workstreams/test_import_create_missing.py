"""A council's own plan into an empty portal: ``import_actions --create-missing`` makes the
programme the file names, its inspection and (from the words in the weakness column) its
findings; a preview lists what would be created and changed, saving nothing."""

import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from inspections.models import AreaOfWeakness, Inspection
from workstreams.importer import CreateMissing, ImportFileError, import_actions
from workstreams.models import Action, Programme

pytestmark = pytest.mark.django_db

FILE = Path(__file__).resolve().parents[1] / "fixtures" / "wsoa_findings_in_words.csv"
WORDS = [
    "The lack of co-production with parents and carers in reviewing and designing services",
    "The inconsistent quality of the EHC process; the lack of up to date assessment",
    "The unacceptable waiting times for children and young people to be seen by some health "
    "services",
]


def test_an_empty_portal_refuses_the_file_without_create_missing(capsys):
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_actions", str(FILE))
    assert "import with --create-missing" in capsys.readouterr().err
    assert not Programme.objects.exists() and not Inspection.objects.exists()


def test_create_missing_makes_the_programme_its_inspection_and_findings_in_words(capsys):
    call_command("import_actions", str(FILE), "--create-missing")
    programme = Programme.objects.get()
    assert (programme.name, programme.kind) == ("Our Written Statement of Action", "wsoa")
    assert programme.start_date == datetime.date(2019, 5, 13)  # the earliest start
    inspection = programme.inspection
    assert (inspection.framework, inspection.kind, inspection.start_date) == (
        "2016",
        Inspection.Kind.JOINT,
        datetime.date(2019, 5, 13),
    )
    findings = list(inspection.weaknesses.values_list("number", "wording", "kind"))
    assert findings == [(n, w, "significant_weakness") for n, w in enumerate(WORDS, start=1)]
    linked = {
        a.ref: sorted(w.number for w in a.weaknesses.all())
        for a in Action.objects.prefetch_related("weaknesses")
    }
    assert linked == {"A.1": [1], "A.2": [1, 2], "B.1": [2], "B.2": [3]}
    out = capsys.readouterr().out
    assert "Programme created: Our Written Statement of Action (Written Statement of Action)" in out
    assert "Finding created: Area of weakness 3: The unacceptable waiting times" in out

    # Again: the words now match the findings entered, so nothing new is made.
    call_command("import_actions", str(FILE), "--create-missing")
    assert Programme.objects.count() == 1 and Inspection.objects.count() == 1
    assert AreaOfWeakness.objects.count() == 3


def test_words_that_match_no_finding_of_an_inspection_with_findings_are_refused():
    call_command("import_actions", str(FILE), "--create-missing")
    text = (
        FILE.read_text()
        .replace("Commission additional", "Commission more")
        .replace("The unacceptable waiting times", "The long waits")
    )
    result = import_actions(name="plan.csv", data=text.encode(), create_missing=CreateMissing())
    assert [(p.row, p.column) for p in result.problems] == [(5, "weakness")]
    assert "does not match the words of any of the inspection's findings" in (
        result.problems[0].reason
    )
    assert Action.objects.get(ref="B.2").title.startswith("Commission additional")


def test_numbers_still_work_and_words_link_to_an_existing_finding():
    call_command("import_actions", str(FILE), "--create-missing")
    text = FILE.read_text().replace(
        '"The unacceptable waiting times for children and young people to be seen by some '
        'health services"',
        "3",
    )
    result = import_actions(name="plan.csv", data=text.encode())
    assert result.ok
    assert [w.number for w in Action.objects.get(ref="B.2").weaknesses.all()] == [3]


def test_a_priority_action_plan_answers_a_2023_inspection():
    call_command(
        "import_actions",
        str(FILE),
        "--create-missing",
        "--kind",
        "pap",
        "--framework",
        "2023",
        "--inspected",
        "2025-11-10",
    )
    programme = Programme.objects.get()
    assert programme.kind == Programme.Kind.PRIORITY_ACTION_PLAN
    assert (programme.inspection.framework, programme.inspection.start_date) == (
        "2023",
        datetime.date(2025, 11, 10),
    )
    assert set(programme.inspection.weaknesses.values_list("kind", flat=True)) == {
        AreaOfWeakness.Kind.PRIORITY_ACTION
    }


def test_a_strategy_answers_no_inspection_and_a_wsoa_no_2023_inspection():
    result = import_actions(
        name="plan.csv", data=FILE.read_bytes(), create_missing=CreateMissing(kind="strategy")
    )
    assert {p.column for p in result.problems} == {"weakness"}
    assert "is not linked to an inspection" in result.problems[0].reason
    assert not Programme.objects.exists()
    with pytest.raises(CommandError, match="Written Statement of Action answers a 2016"):
        call_command("import_actions", str(FILE), "--create-missing", "--framework", "2023")
    call_command(
        "import_actions", str(FILE), "--create-missing", "--kind", "strategy", "--framework", "2023"
    )
    assert Programme.objects.get().kind == Programme.Kind.STRATEGIC_PLAN


def test_the_preview_lists_what_would_be_created_and_saves_nothing():
    result = import_actions(
        name="plan.csv", data=FILE.read_bytes(), create_missing=CreateMissing(), preview=True
    )
    assert result.ok and result.preview
    assert result.programmes_created == [
        "Our Written Statement of Action (Written Statement of Action)"
    ]
    assert len(result.inspections_created) == 1
    assert [f.split(": ", 1)[1] for f in result.findings_created] == WORDS
    assert result.refs_created == ["A.1", "A.2", "B.1", "B.2"]
    assert len(result.workstreams_added) == 2
    assert not Programme.objects.exists()
    assert not Inspection.objects.exists()
    assert not Action.objects.exists()


def test_bad_options_are_refused():
    with pytest.raises(ImportFileError, match="add framework 2023"):
        import_actions(
            name="plan.csv", data=FILE.read_bytes(), create_missing=CreateMissing(kind="pap")
        )


@pytest.mark.postgres
def test_create_missing_on_postgresql_is_all_or_nothing():
    text = FILE.read_text().replace("2019-09-02", "2 September")
    result = import_actions(name="plan.csv", data=text.encode(), create_missing=CreateMissing())
    assert [(p.row, p.column) for p in result.problems] == [(5, "start")]
    assert not Programme.objects.exists() and not Inspection.objects.exists()
    assert not AreaOfWeakness.objects.exists()
    assert import_actions(
        name="plan.csv", data=FILE.read_bytes(), create_missing=CreateMissing()
    ).ok
    assert AreaOfWeakness.objects.count() == 3


def test_the_upload_page_offers_to_create_the_programme_previews_then_imports(client_for):
    from django.urls import reverse

    url = reverse("workstreams:action_import")
    client = client_for("officer")
    with open(FILE, "rb") as f:
        offered = client.post(url, {"file": f})
    text = offered.content.decode()
    assert offered.status_code == 400
    assert "The portal has no programme called “Our Written Statement of Action”" in text
    data = offered.context["create_form"].initial["data"]
    fields = {
        "data": data,
        "file_name": "wsoa_findings_in_words.csv",
        "kind": "wsoa",
        "framework": "2016",
        "inspected_day": "",
        "inspected_month": "",
        "inspected_year": "",
    }
    refused = client.post(url, {**fields, "framework": "2023", "step": "preview"})
    assert "Written Statement of Action answers a 2016-framework inspection" in (
        refused.content.decode()
    )
    preview = client.post(url, {**fields, "step": "preview"})
    text = preview.content.decode()
    assert "Preview: nothing is saved yet" in text
    assert "Our Written Statement of Action (Written Statement of Action)" in text
    assert "Area of weakness 1: The lack of co-production with parents" in text
    assert "A.1, A.2, B.1, B.2" in text
    assert not Programme.objects.exists()
    done = client.post(
        url,
        {
            **fields,
            "step": "confirm",
            "inspected_0": "13",
            "inspected_1": "5",
            "inspected_2": "2019",
        },
    )
    assert done.status_code == 302
    assert Programme.objects.get().inspection.weaknesses.count() == 3
    assert Action.objects.count() == 4
