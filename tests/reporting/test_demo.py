"""The demo: three locked months and a ready portfolio report, loaded twice without change."""

import pytest
from django.core.management import call_command

from workstreams.reporting.models import ActionSnapshot, Report, ReportingPeriod

pytestmark = pytest.mark.django_db


def test_the_demo_locks_three_months_and_readies_a_report_idempotently(demo, settings):
    """``demo`` is the demo as ``load_demo`` left it (restored from the session's load); the
    second load must change nothing."""
    settings.DEBUG = True
    periods = list(ReportingPeriod.objects.order_by("month"))
    assert len(periods) == 3 and all(p.is_locked for p in periods)
    report = Report.objects.get()
    assert report.state == Report.State.READY and report.period == periods[-1]
    first = (report.sha256, report.pdf.name, ActionSnapshot.objects.count())
    call_command("load_demo")
    report.refresh_from_db()
    assert (report.sha256, report.pdf.name, ActionSnapshot.objects.count()) == first
    assert ReportingPeriod.objects.count() == 3 and Report.objects.count() == 1


def test_the_demos_latest_locked_report_is_the_board_paper(demo, settings):
    """The issue's "done when": page 1 holds the executive summary; every red action's full
    title, every lead's risks; each area report's workstream RAGs equal the portfolio's."""
    from django.utils import timezone
    from pypdf import PdfReader

    from workstreams.models import MonthlyUpdate
    from workstreams.reporting import services
    from workstreams.reporting.periods import latest_month_past_deadline

    from .helpers import pdf_text
    from .test_one_roll_up import report_rags

    settings.DEBUG = True
    report = Report.objects.get()
    assert report.period.month == latest_month_past_deadline(timezone.localdate())
    with report.pdf.open("rb") as handle:
        first = " ".join(PdfReader(handle).pages[0].extract_text().split())
    assert "Executive summary" in first and "Overall RAG:" in first and "Headlines" in first
    assert "Decisions the board is asked to make" in first and "Contents" in first
    text = pdf_text(report)
    for title in report.period.action_snapshots.filter(rag="red").values_list("title", flat=True):
        assert " ".join(title.split()) in text, title
    risks = MonthlyUpdate.objects.filter(month=report.period.month).exclude(risks_and_issues="")
    assert risks.count() >= 2
    for update in risks:
        assert " ".join(update.risks_and_issues.split()) in text
    portfolio = report_rags(report)
    from send_portal.core.models import Area

    areas = list(Area.objects.filter(name__in=["North East", "South"]))  # the issue's two
    assert len(areas) == 2
    for area in areas:
        area_report = Report(
            period=report.period, scope="area", area=area, scope_key=f"area:{area.pk}"
        )
        area_report.save()
        area_report = services.report_generate(report_id=area_report.pk)
        assert report_rags(area_report) == portfolio, area.name
