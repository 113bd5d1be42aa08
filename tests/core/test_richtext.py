import pytest
from django.template import Context, Template

from send_portal.core.richtext import clean_rich_text

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    '<img src=x onerror="alert(1)">',
    '<p onclick="alert(1)">x</p>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1))">x</div>',
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_nothing_executable_survives(payload):
    cleaned = clean_rich_text(payload).lower()
    for bad in [
        "<script",
        "javascript:",
        "onerror",
        "onclick",
        "onload",
        "<svg",
        "style",
        "expression(",
        "<iframe",
        "data:",
    ]:
        assert bad not in cleaned


def test_formatting_and_links_are_kept():
    html = (
        "<p>It was <strong>agreed</strong> to <em>adopt</em> "
        '<a href="https://example.org/plan">the plan</a>.</p><ul><li>one</li></ul>'
    )
    cleaned = clean_rich_text(html)
    assert "<strong>agreed</strong>" in cleaned
    assert "<em>adopt</em>" in cleaned
    assert '<a href="https://example.org/plan" rel="noopener noreferrer">the plan</a>' in cleaned
    assert "<ul><li>one</li></ul>" in cleaned


def test_filter_keeps_plain_text_paragraphs_and_escapes_it():
    out = Template("{% load portal %}{{ v|rich_text }}").render(
        Context({"v": "First & second\n\nThird <b"})
    )
    assert out == "<p>First &amp; second</p>\n\n<p>Third &lt;b</p>"


MINUTES_TABLE = (
    "<h3>Participants by phase and provision</h3>"
    '<table><caption>Participants</caption><thead><tr><th scope="col">Phase</th>'
    '<th scope="col" onclick="x()">Mainstream</th><th scope="bogus">Special</th></tr></thead>'
    '<tbody><tr><th scope="row">Primary</th><td colspan="2" style="color:red">12</td>'
    '<td rowspan="javascript:1">3</td></tr></tbody></table>'
)


def test_headings_and_simple_tables_are_kept_still_sanitised():
    cleaned = clean_rich_text(MINUTES_TABLE)
    assert "<h3>Participants by phase and provision</h3>" in cleaned
    assert "<caption>Participants</caption>" in cleaned
    assert '<th scope="col">Phase</th>' in cleaned
    assert '<th scope="row">Primary</th>' in cleaned
    assert '<td colspan="2">12</td>' in cleaned
    for bad in ("onclick", "style", "bogus", "javascript"):
        assert bad not in cleaned
    assert "<th>Special</th>" in cleaned and "<td>3</td>" in cleaned


def test_the_filter_gives_tables_and_headings_govuk_classes():
    out = Template("{% load portal %}{{ v|rich_text }}").render(Context({"v": MINUTES_TABLE}))
    assert '<h3 class="govuk-heading-s">Participants' in out
    assert '<table class="govuk-table">' in out
    assert '<thead class="govuk-table__head">' in out
    assert '<th class="govuk-table__header" scope="col">Phase</th>' in out
    assert '<td class="govuk-table__cell" colspan="2">12</td>' in out
    assert out.count("class=") == 13  # one per element, none from the input
