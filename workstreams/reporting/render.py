"""The PDF: Django templates → HTML → WeasyPrint, with a URL fetcher that never reaches the network."""

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from send_portal.core.pdf import StaticFilesOnlyFetcher, render_document

from .charts import indicator_chart, indicator_table
from .content import build_report_content
from .models import Report

PDF_TEMPLATE = "reporting/pdf/report.html"


def base_url() -> str:
    """The report's links resolve against the portal's own address (``PORTAL_BASE_URL``)."""
    return settings.PORTAL_BASE_URL.rstrip("/") + "/"


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    pages: int
    gather_seconds: float
    render_seconds: float


def render_html(report: Report) -> str:
    content = build_report_content(report, generated_at=timezone.localtime())
    charts = {indicator.pk: indicator_chart(indicator) for indicator in content.indicators}
    tables = {indicator.pk: indicator_table(indicator) for indicator in content.indicators}
    return render_to_string(PDF_TEMPLATE, {"r": content, "charts": charts, "chart_tables": tables})


def html_to_pdf(html: str, *, title: str = "") -> tuple[bytes, int, StaticFilesOnlyFetcher]:
    rendered = render_document(html, base_url=base_url(), title=title or None)
    return rendered.pdf, rendered.pages, rendered.fetcher


def render_report_pdf(
    report: Report, *, progress: Callable[[int], None] | None = None
) -> RenderResult:
    progress = progress or (lambda _p: None)
    started = time.perf_counter()
    progress(15)
    html = render_html(report)
    gathered = time.perf_counter()
    progress(40)
    pdf, pages, _fetcher = html_to_pdf(html, title=report.title)
    progress(90)
    return RenderResult(
        pdf=pdf,
        pages=pages,
        gather_seconds=gathered - started,
        render_seconds=time.perf_counter() - gathered,
    )
