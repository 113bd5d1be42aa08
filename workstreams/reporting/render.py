"""The PDF: Django templates → HTML → WeasyPrint, with a URL fetcher that never reaches the network."""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .charts import indicator_chart, indicator_table
from .content import build_report_content
from .models import Report

# WeasyPrint logs every layout step at INFO: too much for a worker log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PDF_TEMPLATE = "reporting/pdf/report.html"


class URLRefused(ValueError):
    """WeasyPrint asked for something that is not one of the project's static files."""


def base_url() -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + "/"


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves the project's own static files (found as ``collectstatic`` would find them).

    Everything else (other hosts, file:, ftp:, data:, a path outside the static files) is
    refused with ``URLRefused``; nothing is ever fetched over the network.
    """

    def __init__(self, **kwargs):
        super().__init__(allowed_protocols=[], **kwargs)
        self.refused: list[str] = []
        self.served: list[str] = []

    def static_path(self, url: str) -> str | None:
        prefix = base_url().rstrip("/") + settings.STATIC_URL
        if not url.startswith(prefix):
            return None
        parts = urlsplit(url)
        relative = unquote(parts.path[len(settings.STATIC_URL) :])
        if not relative or ".." in relative.split("/") or relative.startswith("/"):
            return None
        try:
            return finders.find(relative)
        except SuspiciousFileOperation:
            return None

    def fetch(self, url, headers=None):
        path = self.static_path(url)
        if path is None:
            self.refused.append(url)
            raise URLRefused(f"Refused to fetch {url}: only the portal's static files are allowed")
        self.served.append(url)
        with open(path, "rb") as handle:
            body = handle.read()
        content_type = "text/css" if path.endswith(".css") else None
        headers = {"Content-Type": content_type} if content_type else {}
        return URLFetcherResponse(url, body=body, headers=headers)


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
    fetcher = StaticFilesOnlyFetcher()
    document = HTML(string=html, base_url=base_url(), url_fetcher=fetcher).render(
        pdf_variant="pdf/ua-1"
    )
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf, len(document.pages), fetcher


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
