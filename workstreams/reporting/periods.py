"""Months as reporting periods: plain functions over dates."""

import calendar
import re
from datetime import date, timedelta

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


class BadPeriod(ValueError):
    pass


def parse_period(text: str, *, today: date) -> date:
    """'2026-10' → date(2026, 10, 1). Refuses a malformed month or one that has not started."""
    match = _PERIOD.match((text or "").strip())
    if not match:
        raise BadPeriod(f"Enter the period as a year and month, like 2026-10 (not {text!r})")
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise BadPeriod(f"The month must be between 01 and 12 (not {text!r})")
    if year < 2000:
        raise BadPeriod(f"The year must be 2000 or later (not {text!r})")
    first = date(year, month, 1)
    if first > today:
        raise BadPeriod(f"The period {text} has not started yet")
    return first


def month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def previous_month(first: date) -> date:
    return (first - timedelta(days=1)).replace(day=1)


def next_month(first: date) -> date:
    return month_end(first) + timedelta(days=1)


def default_deadline(first: date) -> date:
    """Updates are due on the fifth day of the following month."""
    return next_month(first).replace(day=5)


def latest_month_past_deadline(today: date) -> date:
    """The newest month whose leads' deadline (the 5th of the next month) has passed: the month
    the scheduled job has locked by ``today``."""
    month = previous_month(today.replace(day=1))
    if today <= default_deadline(month):
        month = previous_month(month)
    return month
