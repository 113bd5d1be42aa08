"""The inspection readiness PDF, printed with WeasyPrint.

The URL fetcher serves only the project's own static files (found by Django's staticfiles
finders) and refuses everything else: the PDF never reaches the network or the file system.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse, URLFetchingError

BASE_URL = "https://portal.invalid/"


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves ``{STATIC_URL}...`` under ``BASE_URL`` from the project's static files only."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        base = urlsplit(BASE_URL)
        static_prefix = settings.STATIC_URL
        if (
            parts.scheme != base.scheme
            or parts.netloc != base.netloc
            or not parts.path.startswith(static_prefix)
        ):
            raise URLFetchingError(
                f"Refused: the PDF may only use the portal's static files ({url})"
            )
        relative = unquote(parts.path[len(static_prefix) :])
        if ".." in relative.split("/"):
            raise URLFetchingError(f"Refused: {url}")
        path = finders.find(relative)
        if not path:
            raise URLFetchingError(f"No such static file: {url}")
        with open(path, "rb") as handle:
            body = handle.read()
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})


def render_pdf(template: str, context: dict) -> bytes:
    html = render_to_string(template, context)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnlyFetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
