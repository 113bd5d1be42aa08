"""WeasyPrint never reaches the network: only the project's static files are served."""

import pytest
from django.conf import settings

from workstreams.reporting.render import StaticFilesOnlyFetcher, URLRefused, base_url, html_to_pdf


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/logo.png",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "ftp://example.org/file.css",
        "data:text/css,body{color:red}",
        "http://127.0.0.1:8000/media/reports/secret.pdf",
        "http://127.0.0.1:8000/static/../../send_portal/settings.py",
        "http://127.0.0.1:8000/static/%2e%2e/%2e%2e/send_portal/settings.py",
        "http://127.0.0.1:8000/static/reporting/no-such-file.css",
    ],
)
def test_everything_but_the_static_files_is_refused(url):
    fetcher = StaticFilesOnlyFetcher()
    with pytest.raises(URLRefused):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_the_projects_static_files_are_served():
    fetcher = StaticFilesOnlyFetcher()
    url = base_url() + settings.STATIC_URL.lstrip("/") + "reporting/report-print.css"
    response = fetcher.fetch(url)
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_a_document_pointing_at_the_network_still_renders_without_fetching_it(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("WeasyPrint tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    html = (
        '<html lang="en-GB"><head><title>T</title>'
        '<link rel="stylesheet" href="https://example.org/evil.css">'
        '<link rel="stylesheet" href="/static/reporting/report-print.css"></head>'
        '<body><p>Hello</p><img src="http://example.org/pixel.png" alt="pixel"></body></html>'
    )
    pdf, pages, fetcher = html_to_pdf(html)
    assert pdf.startswith(b"%PDF") and pages == 1
    assert "https://example.org/evil.css" in fetcher.refused
    assert "http://example.org/pixel.png" in fetcher.refused
    assert fetcher.served == [base_url() + "static/reporting/report-print.css"]
