"""The RAG rules (docs/domain.md), and the database expression that mirrors them."""

import itertools
from datetime import date, timedelta

import pytest

from send_portal.core.rag import RAG
from workstreams.models import Action
from workstreams.rag import effective_rag, is_overdue, roll_up, suggest_rag
from workstreams.selectors import with_rag
from workstreams.status import ActionStatus

from .factories import ActionFactory

TODAY = date(2026, 3, 15)
PAST, FUTURE = TODAY - timedelta(days=1), TODAY + timedelta(days=1)


@pytest.mark.parametrize(
    ("status", "start", "due", "expected"),
    [
        (ActionStatus.NOT_STARTED, FUTURE, FUTURE, RAG.GREY),
        (ActionStatus.NOT_STARTED, None, None, RAG.GREY),
        (ActionStatus.NOT_STARTED, PAST, FUTURE, RAG.RED),  # start date passed
        (ActionStatus.NOT_STARTED, TODAY, FUTURE, RAG.GREY),  # starts today: not late yet
        (ActionStatus.ON_TARGET, PAST, FUTURE, RAG.GREEN),
        (ActionStatus.ON_TARGET, PAST, PAST, RAG.RED),  # past due: never green
        (ActionStatus.ON_TARGET, PAST, TODAY, RAG.GREEN),  # due today is not overdue
        (ActionStatus.BEHIND, PAST, FUTURE, RAG.AMBER),
        (ActionStatus.BEHIND, PAST, PAST, RAG.RED),
        (ActionStatus.COMPLETED, PAST, PAST, RAG.BLUE),
        (ActionStatus.COMPLETED, None, None, RAG.BLUE),
    ],
)
def test_suggested_rag(status, start, due, expected):
    assert suggest_rag(status=status, start=start, due=due, today=TODAY) == expected


def test_overdue_means_not_completed_and_past_due():
    assert is_overdue(status=ActionStatus.ON_TARGET, due=PAST, today=TODAY)
    assert not is_overdue(status=ActionStatus.COMPLETED, due=PAST, today=TODAY)
    assert not is_overdue(status=ActionStatus.ON_TARGET, due=TODAY, today=TODAY)
    assert not is_overdue(status=ActionStatus.ON_TARGET, due=None, today=TODAY)


def test_an_override_wins():
    shown = effective_rag(
        status=ActionStatus.ON_TARGET, start=PAST, due=FUTURE, override=RAG.RED, today=TODAY
    )
    assert shown == RAG.RED


def test_an_overdue_action_is_never_shown_green_even_when_overridden():
    shown = effective_rag(
        status=ActionStatus.ON_TARGET, start=PAST, due=PAST, override=RAG.GREEN, today=TODAY
    )
    assert shown == RAG.RED


def test_only_a_completed_action_is_shown_blue():
    shown = effective_rag(
        status=ActionStatus.BEHIND, start=PAST, due=FUTURE, override=RAG.BLUE, today=TODAY
    )
    assert shown == RAG.AMBER


@pytest.mark.parametrize(
    ("rags", "expected"),
    [
        ([RAG.GREEN, RAG.BLUE, RAG.RED, RAG.AMBER], RAG.RED),
        ([RAG.GREEN, RAG.AMBER, RAG.BLUE], RAG.AMBER),
        ([RAG.BLUE, RAG.GREY, RAG.GREEN], RAG.GREEN),
        ([RAG.BLUE, RAG.BLUE], RAG.BLUE),
        ([], None),
    ],
)
def test_roll_up_never_hides_a_red(rags, expected):
    assert roll_up(rags) == expected


@pytest.mark.django_db
def test_the_database_expression_agrees_with_the_rule_in_every_case():
    dates = [None, PAST, TODAY, FUTURE]
    overrides = ["", *RAG.values]
    cases = list(itertools.product(ActionStatus.values, dates, dates, overrides))
    for i, (status, start, due, override) in enumerate(cases):
        ActionFactory(
            ref=f"X.{i}",
            status=status,
            start_date=start,
            due_date=due,
            rag_override=override,
            rag_override_reason="reason" if override else "",
        )
    rows = with_rag(Action.objects.all(), TODAY).values_list(
        "status", "start_date", "due_date", "rag_override", "rag", "suggested_rag", "overdue"
    )
    assert len(rows) == len(cases)
    for status, start, due, override, rag, suggested, overdue in rows:
        args = {"status": status, "start": start, "due": due, "today": TODAY}
        assert suggested == suggest_rag(**args)
        assert rag == effective_rag(**args, override=override)
        assert overdue == is_overdue(status=status, due=due, today=TODAY)
