import pytest
from django.template import Context, Template

from send_portal.core.suppression import suppress_count


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, "fewer than 5"),
        (1, "fewer than 5"),
        (4, "fewer than 5"),
        (5, "5"),
        (12, "12"),
        (1234, "1,234"),
        (None, "no data"),
    ],
)
def test_counts_below_five_are_suppressed(count, shown):
    assert suppress_count(count) == shown


def test_template_filter_suppresses():
    out = Template("{% load portal %}{{ a|pupil_count }} / {{ b|pupil_count }}").render(
        Context({"a": 3, "b": 27})
    )
    assert out == "fewer than 5 / 27"
