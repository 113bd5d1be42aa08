"""The report's PDF is printed by the one renderer (send_portal.core.pdf) under PORTAL_BASE_URL."""

from workstreams.reporting.render import base_url, html_to_pdf


def test_the_report_renders_with_the_portals_static_files_only():
    html = (
        '<html lang="en-GB"><head><title>T</title>'
        '<link rel="stylesheet" href="https://example.org/evil.css">'
        '<link rel="stylesheet" href="/static/reporting/report-print.css"></head>'
        "<body><p>Hello</p></body></html>"
    )
    pdf, pages, fetcher = html_to_pdf(html)
    assert pdf.startswith(b"%PDF") and pages == 1
    assert fetcher.refused == ["https://example.org/evil.css"]
    assert fetcher.served == [base_url() + "static/reporting/report-print.css"]
