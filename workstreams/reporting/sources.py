"""What the snapshot needs from other apps' data, behind small functions.

Indicators come from the inspections app and the month's decisions from the meetings app.
Until those apps' models are on main, these return nothing and the report says so.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class IndicatorValue:
    name: str
    unit: str
    value: Decimal | None
    value_label: str
    series: list = field(default_factory=list)  # [(label, value), ...] oldest first
    programme_id: int | None = None
    area_id: int | None = None


@dataclass(frozen=True)
class MeetingItem:
    kind: str  # "decision" or "action"
    meeting: str
    meeting_date: date | None
    text: str
    owner: str = ""
    due_date: date | None = None


def indicator_values(*, as_of: date) -> list[IndicatorValue]:
    """Every key indicator's latest value on or before ``as_of`` (and each area's breakdown)."""
    try:
        from inspections import selectors  # noqa: F401  (lands with the inspections issue)
    except ImportError:
        return []
    return _indicator_values_from_inspections(as_of=as_of)


def _indicator_values_from_inspections(*, as_of: date) -> list[IndicatorValue]:
    from inspections import selectors

    reader = getattr(selectors, "indicator_latest_values", None)
    if reader is None:
        return []
    return list(reader(as_of=as_of))


def meeting_items(*, month_start: date, month_end: date) -> list[MeetingItem]:
    """Decisions and actions arising from meetings held in the month."""
    try:
        from workstreams.meetings import selectors
    except ImportError:
        return []
    reader = getattr(selectors, "decisions_and_actions_between", None)
    if reader is None:
        return []
    return list(reader(start=month_start, end=month_end))


def meetings_available() -> bool:
    try:
        from workstreams.meetings import selectors
    except ImportError:
        return False
    return hasattr(selectors, "decisions_and_actions_between")


def indicators_available() -> bool:
    try:
        from inspections import selectors
    except ImportError:
        return False
    return hasattr(selectors, "indicator_latest_values")
