"""The staleness rule, as pure functions: a service not checked for 12 months is out of date."""

from datetime import date

from dateutil.relativedelta import relativedelta

STALE_AFTER_MONTHS = 12


def stale_cutoff(today: date) -> date:
    """Services last checked on or before this date are out of date."""
    return today - relativedelta(months=STALE_AFTER_MONTHS)


def is_stale(assured_date: date | None, *, today: date) -> bool:
    """Never checked, or last checked 12 months or more ago."""
    return assured_date is None or assured_date <= stale_cutoff(today)


def month_of(day: date) -> date:
    """The first day of the month ``day`` falls in: review requests are counted per month."""
    return day.replace(day=1)
