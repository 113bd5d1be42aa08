"""The indicator RAG rule: latest value against target and direction."""

from decimal import Decimal

import pytest

from inspections.rag import indicator_rag
from send_portal.core.rag import RAG


def rate(latest, target, higher=True, monitoring=False):
    return indicator_rag(
        latest=None if latest is None else Decimal(str(latest)),
        target=None if target is None else Decimal(str(target)),
        higher_is_better=higher,
        monitoring_only=monitoring,
    ).rag


@pytest.mark.parametrize(
    ("latest", "target", "expected"),
    [
        (65, 60, RAG.GREEN),
        (60, 60, RAG.GREEN),
        (55, 60, RAG.AMBER),
        (54, 60, RAG.AMBER),
        (53.9, 60, RAG.RED),
        (10, 60, RAG.RED),
    ],
)
def test_higher_is_better(latest, target, expected):
    assert rate(latest, target, higher=True) == expected


@pytest.mark.parametrize(
    ("latest", "target", "expected"),
    [
        (15, 20, RAG.GREEN),
        (20, 20, RAG.GREEN),
        (22, 20, RAG.AMBER),
        (22.1, 20, RAG.RED),
        (40, 20, RAG.RED),
    ],
)
def test_lower_is_better(latest, target, expected):
    assert rate(latest, target, higher=False) == expected


def test_the_same_value_rates_opposite_ways_by_direction():
    assert rate(70, 60, higher=True) == RAG.GREEN
    assert rate(70, 60, higher=False) == RAG.RED


def test_monitoring_only_is_grey_whatever_the_value():
    assert rate(10, 60, monitoring=True) == RAG.GREY
    assert rate(None, None, monitoring=True) == RAG.GREY


def test_no_target_is_not_rated():
    rating = indicator_rag(
        latest=Decimal("11.7"), target=None, higher_is_better=True, monitoring_only=False
    )
    assert rating.rag is None
    assert rating.reason == "Not rated: no target set"


def test_no_data_is_not_rated():
    rating = indicator_rag(
        latest=None, target=Decimal(60), higher_is_better=True, monitoring_only=False
    )
    assert rating.rag is None
    assert rating.reason == "Not rated: no values yet"


def test_zero_target_lower_is_better():
    assert rate(0, 0, higher=False) == RAG.GREEN
    assert rate(1, 0, higher=False) == RAG.RED
