"""The one PDF renderer: tagged PDF/UA-1 output, and a URL fetcher that serves static files only."""

import io
import socket

import pytest
from pypdf import PdfReader

from send_portal.core.pdf import (
    BASE_URL,
    StaticFilesOnlyFetcher,
    URLRefused,
    render_document,
    render_pdf,
)

PORTAL = "http://127.0.0.1:8000/"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/logo.png",
        "https://example.org/static/meetings/minutes-pdf.css",  # static path, another host
        "http://portal.invalid/static/meetings/minutes-pdf.css",  # another scheme
        "https://portal.invalid:8443/static/meetings/minutes-pdf.css",  # another port
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "ftp://example.org/file.css",
        "data:text/css,body{color:red}",
        f"{BASE_URL}media/reports/secret.pdf",
        f"{BASE_URL}static/",
        f"{BASE_URL}static/../settings.py",
        f"{BASE_URL}static/../../send_portal/settings.py",
        f"{BASE_URL}static/%2e%2e/%2e%2e/send_portal/settings.py",
        f"{BASE_URL}static/reporting/%2E%2E/%2E%2E/%2E%2E/send_portal/settings.py",
        f"{BASE_URL}static/%2Fetc%2Fpasswd",
        f"{BASE_URL}static//etc/passwd",
        f"{BASE_URL}static/..%5C..%5Csend_portal%5Csettings.py",
        f"{BASE_URL}static/reporting/report-print.css%00.png",
        f"{BASE_URL}static/reporting/no-such-file.css",
    ],
)
def test_everything_but_the_static_files_is_refused(url):
    fetcher = StaticFilesOnlyFetcher()
    with pytest.raises(URLRefused, match="only the portal's static files"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
    assert fetcher.served == []


@pytest.mark.parametrize(
    ("path", "marker"),
    [
        ("reporting/report-print.css", b"@page"),
        ("meetings/minutes-pdf.css", b"table-layout: fixed"),
        ("inspections/readiness-pdf.css", b"@page"),
    ],
)
def test_the_projects_static_files_are_served(path, marker):
    fetcher = StaticFilesOnlyFetcher()
    url = f"{BASE_URL}static/{path}"
    response = fetcher.fetch(url)
    assert marker in response.read()
    assert response.content_type == "text/css"
    assert fetcher.served == [url]


def test_percent_encoded_names_are_decoded_before_lookup():
    fetcher = StaticFilesOnlyFetcher()
    response = fetcher.fetch(f"{BASE_URL}static/reporting/report%2Dprint.css")
    assert b"@page" in response.read()


def test_the_fetcher_serves_only_under_the_base_it_was_given():
    fetcher = StaticFilesOnlyFetcher(PORTAL)
    assert b"@page" in fetcher.fetch(f"{PORTAL}static/reporting/report-print.css").read()
    with pytest.raises(URLRefused):
        fetcher.fetch(f"{BASE_URL}static/reporting/report-print.css")


def test_a_document_pointing_at_the_network_still_renders_without_fetching_it(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("WeasyPrint tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    html = (
        '<html lang="en-GB"><head><title>T</title>'
        '<link rel="stylesheet" href="https://example.org/evil.css">'
        '<link rel="stylesheet" href="file:///etc/passwd">'
        '<link rel="stylesheet" href="/static/reporting/report-print.css"></head>'
        '<body><p>Hello</p><img src="http://example.org/pixel.png" alt="pixel"></body></html>'
    )
    rendered = render_document(html, base_url=PORTAL)
    assert rendered.pdf.startswith(b"%PDF") and rendered.pages == 1
    assert "https://example.org/evil.css" in rendered.fetcher.refused
    assert "file:///etc/passwd" in rendered.fetcher.refused
    assert "http://example.org/pixel.png" in rendered.fetcher.refused
    assert rendered.fetcher.served == [f"{PORTAL}static/reporting/report-print.css"]


def test_the_pdf_is_tagged_with_its_title_and_language():
    pdf = render_pdf("<html><head><title>Old</title></head><body><h1>Minutes</h1></body></html>",
                     title="Board minutes, 1 December 2026")  # fmt: skip
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == "Board minutes, 1 December 2026"
    assert "Minutes" in reader.pages[0].extract_text()


def test_the_documents_own_language_is_kept():
    pdf = render_pdf(
        '<html lang="cy"><head><title>Cofnodion</title></head><body>Helo</body></html>'
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "cy"
    assert reader.metadata.title == "Cofnodion"
