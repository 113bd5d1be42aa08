"""The one PDF renderer: HTML → WeasyPrint → a tagged PDF (PDF/UA-1), never touching the network.

Every PDF in the portal (the monthly highlight report, the minutes of a meeting, the inspection
readiness narrative) is printed here. ``StaticFilesOnlyFetcher`` is the only URL fetcher
WeasyPrint is given: it serves the project's own static files (found by Django's staticfiles
finders, as ``collectstatic`` would find them) and refuses everything else, so a stylesheet or
image pointing at another host, ``file:``, ``data:`` or a path outside the static files is
never read.

WeasyPrint loads its own stylesheets when first imported (about half a second): views import
this module inside the view that prints, not at the top of the module.
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

# WeasyPrint logs every layout step at INFO: too much for a worker log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# The base a PDF's relative URLs resolve against when the caller gives none: a host that cannot
# exist (".invalid", RFC 2606), so nothing could be fetched from it even if the fetcher allowed it.
BASE_URL = "https://portal.invalid/"

PDF_VARIANT = "pdf/ua-1"


class URLRefused(URLFetchingError):
    """WeasyPrint asked for something that is not one of the project's static files."""


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves ``{base_url}{STATIC_URL}<path>`` from the project's static files; refuses the rest.

    Refused: another scheme or host than ``base_url``'s, a path outside ``STATIC_URL``, an empty
    path, any ``..`` segment, an absolute path, a backslash or NUL (each checked after
    percent-decoding, so ``%2e%2e`` is ``..``), and a file the staticfiles finders do not know.
    ``served`` and ``refused`` record each URL asked for, in order.
    """

    def __init__(self, base_url: str = BASE_URL, **kwargs):
        # No protocol at all for WeasyPrint's own fetching: ``fetch`` below is the only way in.
        super().__init__(allowed_protocols=[], **kwargs)
        self.base = urlsplit(base_url)
        self.refused: list[str] = []
        self.served: list[str] = []

    def static_path(self, url: str) -> str | None:
        """The file system path of the static file ``url`` names, or ``None`` when refused."""
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (self.base.scheme, self.base.netloc):
            return None
        prefix = settings.STATIC_URL
        if not prefix.startswith("/"):
            prefix = "/" + prefix
        if not parts.path.startswith(prefix):
            return None
        relative = unquote(parts.path[len(prefix) :])
        if (
            not relative
            or relative.startswith("/")
            or "\\" in relative
            or "\x00" in relative
            or ".." in relative.split("/")
        ):
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
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})


@dataclass(frozen=True)
class RenderedPdf:
    pdf: bytes
    pages: int
    fetcher: StaticFilesOnlyFetcher


def render_document(
    html: str, *, base_url: str | None = None, title: str | None = None, lang: str = "en-GB"
) -> RenderedPdf:
    """Print ``html`` as a tagged PDF; also says how many pages and what was fetched.

    ``title`` replaces the document's ``<title>`` in the PDF's metadata when given; ``lang`` is
    the language PDF/UA requires, used when the HTML does not say.
    """
    fetcher = StaticFilesOnlyFetcher(base_url or BASE_URL)
    document = HTML(string=html, base_url=base_url or BASE_URL, url_fetcher=fetcher).render(
        pdf_variant=PDF_VARIANT
    )
    if title:
        document.metadata.title = title
    if not document.metadata.lang:
        document.metadata.lang = lang
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    return RenderedPdf(pdf=pdf, pages=len(document.pages), fetcher=fetcher)


def render_pdf(
    html: str, *, base_url: str | None = None, title: str | None = None, lang: str = "en-GB"
) -> bytes:
    """Print ``html`` as a tagged PDF (PDF/UA-1) with only the project's static files."""
    return render_document(html, base_url=base_url, title=title, lang=lang).pdf
