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


def _pages(report) -> list[str]:
    with report.pdf.open("rb") as handle:
        return [" ".join(page.extract_text().split()) for page in PdfReader(handle).pages]


def test_page_one_is_the_executive_summary(october_report, settings):
    first = _pages(october_report)[0]
    assert "Demo County Council" in first or settings.COUNCIL_NAME in first
    assert "highlight report: October 2026" in first
    assert "Kent Written Statement of Action" in first
    assert "Executive summary" in first
    # The overall RAG and why: workstream B's overdue action B.1.
    assert re.search(r"Overall RAG: Red", first)
    assert "Workstream B, Joint commissioning, is red" in first
    assert "B.1 Agree a joint commissioning strategy (overdue)" in first
    assert "Headlines" in first and "1 of 3 workstream leads sent their monthly update." in first
    # RAG counts with the change since last month (no earlier month here).
    assert re.search(r"Actions by RAG RAG This month Last month Change Red 1 None", first)
    assert "Decisions the board is asked to make" in first
    assert "Workstream B: Fund two posts." in first
    assert "Contents" in first and "Workstream A: Identification of need" in first


def test_the_pdf_holds_the_summary_commentary_and_workstreams(october_report):
    text = pdf_text(october_report)
    # Progress summary, in the words of source 003 (docs/domain.md), each count printed once.
    assert "Action not started 1 " in text and "Action not started: 1" not in text
    assert "Action underway (but behind target) 2 " in text
    assert "Action underway (on target) 2 " in text
    assert "Completed 1 " in text
    for name in ("Identification of need", "Joint commissioning", "Preparing for adulthood"):
        assert name in text
    assert "Therapists cannot be recruited" in text  # risk scoring 20 on the exceptions page
    assert "A low risk" not in text.split("Risks scoring 15 or more")[1].split("Workstream A")[0]
    # The lead's commentary whole, risks and issues included.
    assert "Risks and issues Speech therapists are leaving for the NHS." in text
    assert "Achievements this period Achieved a thing." in text
    assert "Planned for next period Plan the next thing." in text
    assert re.search(r"Page 1 of \d+", text)


def test_the_pdf_is_tagged_with_title_and_language(october_report):
    with october_report.pdf.open("rb") as handle:
        reader = PdfReader(handle)
        root = reader.trailer["/Root"]
        assert root.get("/Lang") == "en-GB"
        assert "/StructTreeRoot" in root
        assert reader.metadata.title == october_report.title
        assert len(reader.pages) == october_report.pages >= 2


def test_nothing_is_cut_short_and_workstreams_flow(db, django_capture_on_commit_callbacks):
    from datetime import date

    from tests.workstreams.factories import ProgressUpdateFactory
    from workstreams.status import ActionStatus

    from .factories import ActionFactory, RiskFactory, WorkstreamFactory

    programme = ProgrammeFactory()
    long_title = (
        "Ensure the EP service is targeted to maximise the available resource to meet agreed "
        "objectives in every quadrant, step {n}"
    )
    workstream = WorkstreamFactory(programme=programme, code="Z", title="Overloaded")
    for n in range(30):
        action = ActionFactory(
            workstream=workstream,
            ref=f"Z.{n:02}",
            title=long_title.format(n=n),
            status=ActionStatus.BEHIND,
            due_date=date(2026, 9, 1),
        )
        if n == 3:
            ProgressUpdateFactory(
                action=action,
                date=date(2026, 10, 20),
                narrative="Two EPs recruited; the waiting list is still 14 weeks.",
                status=ActionStatus.BEHIND,
            )
    for n in range(8):
        RiskFactory(
            workstream=workstream,
            description=f"High risk {n}: " + "the workforce cannot meet demand " * 4,
            mitigation="Recruit from the regional pool and commission an agency " * 2,
            likelihood=5,
            impact=5,
        )
    for n in range(1, 5):
        small = WorkstreamFactory(programme=programme, code=f"Y{n}", title=f"Small one {n}")
        ActionFactory(workstream=small, ref=f"Y{n}.1", status=ActionStatus.ON_TARGET)
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = services.report_request(period=period)
    report.refresh_from_db()
    text = pdf_text(report)
    for n in range(30):  # every exception's full title, never "…"
        assert text.count(long_title.format(n=n)) >= 2  # exceptions table and workstream
    assert "…" not in text
    assert text.count("the workforce cannot meet demand " * 4) >= 8
    # The owner's latest progress note beside the red action.
    assert "Latest progress note, 20 October 2026: Two EPs recruited" in text
    # No page per workstream: the small workstreams' sections share pages.
    pages = _pages(report)
    sections = [sum(f"Workstream Y{n}: Small one {n}" in p for n in range(1, 5)) for p in pages]
    assert max(sections) >= 2


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


def _struct_elements(node, kind: str) -> list:
    """Every structure element of type ``kind`` under ``node`` (the PDF's tag tree)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    found = []
    node = node.get_object()
    if node.get("/S") == kind:
        found.append(node)
    kids = node.get("/K")
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, DictionaryObject) and "/S" in kid:  # not a marked-content reference
            found += _struct_elements(kid, kind)
    return found


def test_the_pdf_carries_the_pdf_ua_1_markers_and_every_figure_has_alt_text(
    db, django_capture_on_commit_callbacks
):
    # veraPDF is not available from the registries this project installs from, so the markers
    # PDF/UA-1 requires are checked in the file itself.
    from .helpers import kent_programme_with_an_indicator

    kent_programme_with_an_indicator()
    period = services.period_open_and_lock(month=OCTOBER, today=AFTER_OCTOBER)
    with django_capture_on_commit_callbacks(execute=True):
        report, _enqueued = services.report_request(period=period, requested_by=None)
    report.refresh_from_db()

    with report.pdf.open("rb") as handle:
        reader = PdfReader(handle)
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert root["/Lang"] == "en-GB"
        assert reader.metadata.title == report.title
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        xmp = root["/Metadata"].get_object().get_data().decode()
        assert re.search(r'pdfuaid:part(="1"|>1<)', xmp)
        figures = _struct_elements(root["/StructTreeRoot"], "/Figure")
        assert len(figures) == 1  # the indicator's chart
        assert all(str(figure.get("/Alt", "")).strip() for figure in figures)
        assert "EHC plans issued within 20 weeks" in str(figures[0]["/Alt"])
