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
    # Progress summary, in seed 003's words.
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
