"""python manage.py generate_report --period YYYY-MM [--programme SLUG] [--area SLUG] [--wait]"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from workstreams.reporting.models import Report, ReportingPeriod

from .factories import ProgrammeFactory
from .helpers import build_programme

pytestmark = pytest.mark.django_db(transaction=True)  # the task runs after the command commits


@pytest.fixture
def programme(db):
    programme = ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa")
    build_programme(programme)
    return programme


def _run(*args) -> str:
    out = StringIO()
    call_command("generate_report", *args, stdout=out)
    return out.getvalue()


def test_it_opens_and_locks_the_period_and_prints_the_pdf_path_with_wait(programme):
    output = _run("--period", "2026-10", "--wait")
    report = Report.objects.get()
    assert report.scope == "portfolio" and report.state == "ready"
    assert ReportingPeriod.objects.get().is_locked
    path = output.strip().splitlines()[-1]
    assert Path(path).is_file() and path == report.pdf.path
    assert Path(path).read_bytes().startswith(b"%PDF")


def test_a_programme_report_and_asking_again(programme):
    _run("--period", "2026-10", "--programme", "kent-wsoa", "--wait")
    output = _run("--period", "2026-10", "--programme", "kent-wsoa")
    report = Report.objects.get()
    assert (report.scope, report.programme) == ("programme", programme)
    assert f"Already ready: {report.title}" in output


def test_an_area_report(programme, area_ne):
    _run("--period", "2026-10", "--area", "north-east", "--wait")
    report = Report.objects.get()
    assert (report.scope, report.area) == ("area", area_ne)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "October"], "Enter the period as a year and month, like 2026-10"),
        (["--period", "2026-13"], "The month must be between 01 and 12"),
        (["--period", "2999-01"], "The period 2999-01 has not started yet"),
        (["--period", "2026-10", "--programme", "nope"], "No programme has the slug 'nope'"),
        (["--period", "2026-10", "--area", "atlantis"], "No area has the slug 'atlantis'"),
    ],
)
def test_bad_input_exits_non_zero_with_a_clear_message(programme, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        _run(*args)
    assert not Report.objects.exists()
    assert not ReportingPeriod.objects.exists()
