from datetime import date

import pytest

from localoffer.freshness import is_stale, month_of, stale_cutoff
from localoffer.models import Service
from localoffer.selectors import stale_services
from tests.localoffer.factories import ServiceFactory

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("assured", "stale"),
    [
        (None, True),
        (date(2026, 11, 23), False),
        (date(2025, 11, 24), False),  # a day under 12 months
        (date(2025, 11, 23), True),  # exactly 12 months
        (date(2024, 1, 1), True),
    ],
)
def test_staleness_rule(assured, stale):
    assert is_stale(assured, today=TODAY) is stale


def test_cutoff_handles_leap_days():
    assert stale_cutoff(date(2025, 2, 28)) == date(2024, 2, 28)
    assert stale_cutoff(date(2028, 2, 29)) == date(2027, 2, 28)


def test_month_of():
    assert month_of(date(2026, 11, 23)) == date(2026, 11, 1)


@pytest.mark.django_db
def test_stale_services_selector_excludes_inactive_and_recent():
    never = ServiceFactory(name="Never checked", assured_date=None)
    old = ServiceFactory(name="Old", assured_date=date(2025, 1, 1))
    ServiceFactory(name="Recent", assured_date=date(2026, 10, 1))
    ServiceFactory(name="Inactive", assured_date=None, status=Service.Status.INACTIVE)
    closed = ServiceFactory(
        name="Closed", assured_date=date(2024, 1, 1), status=Service.Status.TEMPORARILY_CLOSED
    )
    assert list(stale_services(on=TODAY)) == [never, closed, old]
