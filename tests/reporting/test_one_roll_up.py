"""One roll-up everywhere: for the same month on the same data, each workstream's RAG on its web
page, in the portfolio report and in every area report is the same (``rag.roll_up`` over all of
its actions). An area report shows fewer actions, never a kinder RAG."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from workstreams.reporting import services
from workstreams.reporting.models import Report
from workstreams.status import ActionStatus

from .factories import ActionFactory, ProgrammeFactory, WorkstreamFactory
from .helpers import pdf_text

pytestmark = pytest.mark.django_db

_SECTION = re.compile(r"Workstream (\w+): .*? Workstream RAG (\w+(?: rated)?)")


def report_rags(report) -> dict[str, str]:
    """Each workstream's RAG as the PDF's workstream sections print it."""
    rags = {}
    for code, rag in _SECTION.findall(pdf_text(report)):
        rags.setdefault(code, rag)
    return rags


def page_rag(client, workstream) -> str:
    html = client.get(
        reverse("workstreams:workstream_detail", args=[workstream.programme.slug, workstream.code])
    ).content.decode()
    cell = html[html.index('id="roll-up"') :][:400]
    return re.search(r"<strong[^>]*>([A-Za-z ]+?)(?:<|$)", cell)[1].strip()


def test_the_web_page_the_portfolio_report_and_every_area_report_agree(
    client_for, area_ne, area_south, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    programme = ProgrammeFactory(name="Essex SEND Strategy", slug="essex")
    # E: red only in the North East (overdue), blue in the South: Red everywhere.
    e = WorkstreamFactory(programme=programme, code="E", title="Early years")
    ActionFactory(
        workstream=e,
        ref="E.1",
        status=ActionStatus.BEHIND,
        due_date=today - timedelta(days=10),
        areas=[area_ne],
    )
    ActionFactory(
        workstream=e,
        ref="E.2",
        status=ActionStatus.COMPLETED,
        evidence_of_impact="Audit",
        areas=[area_south],
    )
    # D: amber county-wide, green in the South.
    d = WorkstreamFactory(programme=programme, code="D", title="Data")
    ActionFactory(workstream=d, ref="D.1", status=ActionStatus.BEHIND)
    ActionFactory(workstream=d, ref="D.2", status=ActionStatus.ON_TARGET, areas=[area_south])
    # 10: only North East actions: the South's report lists it with no action in the area.
    ten = WorkstreamFactory(programme=programme, code="10", title="Transport")
    ActionFactory(workstream=ten, ref="10.1", status=ActionStatus.ON_TARGET, areas=[area_ne])
    workstreams = [e, d, ten]

    period = services.period_open_and_lock(month=today.replace(day=1), today=today)
    reports = {}
    with django_capture_on_commit_callbacks(execute=True):
        reports["portfolio"], _ = services.report_request(period=period)
        for area in (area_ne, area_south):
            reports[area.slug], _ = services.report_request(
                period=period, scope=Report.Scope.AREA, area=area
            )
    client = client_for("officer")
    web = {w.code: page_rag(client, w) for w in workstreams}
    assert web == {"E": "Red", "D": "Amber", "10": "Green"}
    for name, report in reports.items():
        report.refresh_from_db()
        assert report.state == Report.State.READY, report.failure_reason
        assert report_rags(report) == web, name
    south = pdf_text(reports["south"])
    assert "Transport (no action in this area)" in south
    assert "No action of this workstream touches this area" in south
    assert "including actions outside this area" in south  # E: red from the North East
    assert "E.1" not in south.split("Workstream E: Early years")[-1].split("Workstream ")[0]
    # The snapshot holds the same RAG too.
    snapshots = dict(period.workstream_snapshots.values_list("code", "rolled_up_rag"))
    assert {code: rag.capitalize() for code, rag in snapshots.items()} == web
