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
