import pytest

from workstreams.status import ActionStatus, parse_status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not started", ActionStatus.NOT_STARTED),
        ("Action not started", ActionStatus.NOT_STARTED),
        ("NOT STARTED", ActionStatus.NOT_STARTED),
        ("underway – on target", ActionStatus.ON_TARGET),
        ("Underway, on target", ActionStatus.ON_TARGET),
        ("Action underway (on target)", ActionStatus.ON_TARGET),
        ("underway - behind target", ActionStatus.BEHIND),
        ("Action Underway (but behind target)", ActionStatus.BEHIND),
        ("Completed", ActionStatus.COMPLETED),
        ("completed", ActionStatus.COMPLETED),
        ("underway_on_target", ActionStatus.ON_TARGET),
    ],
)
def test_status_words_are_understood_case_insensitively(text, expected):
    assert parse_status(text) == expected


@pytest.mark.parametrize("text", ["", "done-ish", "started", "red"])
def test_unknown_status_words_are_refused(text):
    assert parse_status(text) is None
