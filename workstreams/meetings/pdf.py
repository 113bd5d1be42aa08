"""Minutes as PDF with WeasyPrint 70: only the project's static files may be fetched."""

from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://portal.invalid/"


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves files under STATIC_URL from the project's static files; refuses everything else
    (the network, file:// paths, data: URLs)."""

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        base = urlparse(BASE_URL)
        if (parsed.scheme, parsed.netloc) != (
            base.scheme,
            base.netloc,
        ) or not parsed.path.startswith(settings.STATIC_URL):
            raise ValueError(
                f"Refused to fetch {url!r}: only the portal's static files are allowed"
            )
        relative = parsed.path[len(settings.STATIC_URL) :]
        if ".." in relative.split("/"):
            raise ValueError(f"Refused to fetch {url!r}")
        path = finders.find(relative)
        if not path:
            raise ValueError(f"No static file {relative!r}")
        with open(path, "rb") as handle:
            body = handle.read()
        mime = "text/css" if relative.endswith(".css") else None
        return URLFetcherResponse(url, body=body, headers={"Content-Type": mime} if mime else None)


def render_pdf(template: str, context: dict) -> bytes:
    html = render_to_string(template, context)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnlyFetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
