"""The report's rules as plain functions."""

from send_portal.core.rag import RAG
from workstreams.reporting.content import (
    IMPROVED,
    NEW,
    SAME,
    WORSE,
    action_in_area,
    rag_change,
)
from workstreams.status import ActionStatus, progress_summary


def test_rag_change_arrows():
    assert rag_change(RAG.RED, RAG.AMBER) == IMPROVED
    assert rag_change(RAG.GREEN, RAG.RED) == WORSE
    assert rag_change(RAG.AMBER, RAG.AMBER) == SAME
    assert rag_change(RAG.GREEN, RAG.BLUE) == IMPROVED
    assert rag_change(None, RAG.GREEN) == NEW
    assert (IMPROVED.arrow, WORSE.arrow, SAME.arrow) == ("↑", "↓", "→")


def test_progress_summary_takes_statuses_or_counts():
    assert progress_summary({ActionStatus.COMPLETED: 3, ActionStatus.BEHIND: None}) == [
        ("Action not started", 0),
        ("Action underway (but behind target)", 0),
        ("Action underway (on target)", 0),
        ("Completed", 3),
    ]


def test_progress_summary_uses_seed_003s_words_in_its_order():
    statuses = [ActionStatus.COMPLETED] * 12 + [ActionStatus.ON_TARGET] * 2 + [ActionStatus.BEHIND]
    assert progress_summary(statuses) == [
        ("Action not started", 0),
        ("Action underway (but behind target)", 1),
        ("Action underway (on target)", 2),
        ("Completed", 12),
    ]


def test_an_area_holds_its_own_and_county_wide_actions():
    assert action_in_area([], 3)  # county-wide
    assert action_in_area([3, 4], 3)
    assert not action_in_area([4], 3)
    assert action_in_area([4], None)  # not an area report


def test_codes_and_references_sort_as_people_number_them():
    from workstreams.reporting.content import natural_key

    codes = ["10", "2", "1", "C.10", "C.2", "A"]
    assert sorted(codes, key=natural_key) == ["1", "2", "10", "A", "C.2", "C.10"]
