"""The harness itself: ``assert_accessible`` fails on a page axe finds a violation on (so a green
browser test means axe looked), and names the rule and the element."""

import pytest

from tests.browser.conftest import assert_accessible

PAGE = """<!DOCTYPE html><html lang="en-GB"><head><title>A page with faults</title></head>
<body><main><h1>Faults</h1><img src="chart.png" id="chart"><a href="/next"></a></main></body></html>"""


def test_axe_violations_fail_the_test_with_the_rule_and_the_element(browser):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(PAGE)
        with pytest.raises(AssertionError) as failed:
            assert_accessible(page)
        assert "image-alt" in str(failed.value) and "#chart" in str(failed.value)
        assert "link-name" in str(failed.value)
    finally:
        context.close()
