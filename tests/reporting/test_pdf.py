"""The PDF's content, read back with pypdf."""

import re

import pytest
from pypdf import PdfReader

from workstreams.reporting import services
from workstreams.reporting.models import Report

from .factories import ProgrammeFactory
from .helpers import AFTER_OCTOBER, OCTOBER, build_programme, pdf_text


@pytest.fixture
def october_report(db, django_capture_on_commit_callbacks):
    programme = ProgrammeFactory(name="Kent Written Statement of Action", slug="kent-wsoa")
    build_programme(programme)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    with django_capture_on_commit_callbacks(execute=True):
        report, enqueued = services.report_request(period=period, requested_by=None)
    assert enqueued
    report.refresh_from_db()
    return report


def test_the_report_is_ready_with_its_pdf_size_and_hash(october_report):
    import hashlib

    report = october_report
    assert report.state == Report.State.READY, report.failure_reason
    assert report.progress == 100
    data = report.pdf.read()
    assert data.startswith(b"%PDF")
    assert report.size == len(data)
    assert report.sha256 == hashlib.sha256(data).hexdigest()


def test_the_pdf_holds_the_cover_summary_and_workstreams(october_report):
    text = pdf_text(october_report)
    assert "Whole portfolio" in text
    assert "October 2026" in text
    assert "Kent Written Statement of Action" in text
    # Progress summary, in the words of source 003 (docs/domain.md).
    assert "Action not started: 1" in text
    assert "Action underway (but behind target): 2" in text
    assert "Action underway (on target): 2" in text
    assert "Completed: 1" in text
    for name in ("Identification of need", "Joint commissioning", "Preparing for adulthood"):
        assert name in text
    # RAG by word: B is red (overdue B.1), C blue, A green; overall red.
    overall = re.search(r"Overall RAG\s+(\w+)", text)
    assert overall and overall[1] == "Red"
    assert "Therapists cannot be recruited" in text  # risk scoring 20 on the exceptions page
    assert "A low risk" not in text.split("Exceptions")[1].split("Workstream A")[0]
    assert "Fund two posts." in text
    assert re.search(r"Page 1 of \d+", text)


def test_the_pdf_is_tagged_with_title_and_language(october_report):
    with october_report.pdf.open("rb") as handle:
        reader = PdfReader(handle)
        root = reader.trailer["/Root"]
        assert root.get("/Lang") == "en-GB"
        assert "/StructTreeRoot" in root
        assert reader.metadata.title == october_report.title
        assert len(reader.pages) == october_report.pages >= 5


def test_the_exceptions_fit_on_one_page_however_many_there_are(
    db, django_capture_on_commit_callbacks
):
    from datetime import date

    from workstreams.status import ActionStatus

    from .factories import ActionFactory, RiskFactory, WorkstreamFactory

    workstream = WorkstreamFactory(programme=ProgrammeFactory(), code="Z", title="Overloaded")
    for n in range(60):
        ActionFactory(
            workstream=workstream,
            ref=f"Z.{n:02}",
            title="A long action title that wraps onto a second line of the exceptions table " * 2,
            status=ActionStatus.BEHIND,
            due_date=date(2026, 9, 1),
        )
    for n in range(15):
        RiskFactory(
            workstream=workstream, description=f"High risk {n} " * 12, likelihood=5, impact=5
        )
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = services.report_request(period=period)
    report.refresh_from_db()
    with report.pdf.open("rb") as handle:
        pages = [page.extract_text() for page in PdfReader(handle).pages]
    starts = [i for i, text in enumerate(pages) if text.lstrip().startswith("Exceptions")]
    assert len(starts) == 1
    exceptions = pages[starts[0]]
    assert "40 more red or overdue actions are marked in the workstream sections" in " ".join(
        exceptions.split()
    )
    assert "9 more high risks" in " ".join(exceptions.split())
    assert pages[starts[0] + 1].lstrip().startswith("Workstream Z: Overloaded")


def test_indicators_with_charts_and_the_months_decisions(db, django_capture_on_commit_callbacks):
    from datetime import date
    from decimal import Decimal

    from workstreams.reporting.models import IndicatorSnapshot, MeetingItemSnapshot

    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    IndicatorSnapshot.objects.create(
        period=period,
        name="EHC plans issued within 20 weeks",
        unit="%",
        value=Decimal("58.5"),
        value_label="September 2026",
        series=[["Jun", 41], ["Jul", 47], ["Aug", 52], ["Sep", 58.5]],
    )
    MeetingItemSnapshot.objects.create(
        period=period,
        kind="decision",
        meeting="SEND Executive",
        meeting_date=date(2026, 10, 14),
        text="It was agreed to fund two educational psychologists.",
    )
    MeetingItemSnapshot.objects.create(
        period=period,
        kind="action",
        meeting="SEND Executive",
        meeting_date=date(2026, 10, 14),
        text="Draft the recruitment plan.",
        owner="Head of SEN",
        due_date=date(2026, 11, 30),
    )
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = services.report_request(period=period)
    report.refresh_from_db()
    text = pdf_text(report)
    assert "EHC plans issued within 20 weeks Latest: 58.5% (September 2026)" in text
    assert "Jun Jul Aug Sep" in text  # the chart's axis labels, drawn as SVG text
    assert "It was agreed to fund two educational psychologists." in text
    assert "Draft the recruitment plan. Head of SEN 30 Nov 2026" in text
