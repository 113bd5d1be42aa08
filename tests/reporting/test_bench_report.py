"""The ceiling `make bench-report` compares the report with: full pages of plain text."""

from workstreams.reporting.management.commands.bench_report import (
    PLAIN_PARAGRAPHS_PER_PAGE,
    plain_text_html,
)
from workstreams.reporting.render import html_to_pdf


def pages_of(html: str) -> int:
    return html_to_pdf(html, title="Plain text pages")[1]


def test_the_ceiling_prints_as_many_pages_as_asked():
    assert pages_of(plain_text_html(3)) == 3


def test_each_page_of_the_ceiling_is_full():
    # One paragraph more than a page holds starts a second page: no half-empty ceiling pages.
    assert pages_of(plain_text_html(1)) == 1
    assert pages_of(plain_text_html(1, per_page=PLAIN_PARAGRAPHS_PER_PAGE + 1)) == 2
