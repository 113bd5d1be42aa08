"""What the snapshot needs from other apps' data, behind small functions.

Key indicators of impact come from the inspections app (``Indicator`` and ``IndicatorValue``),
and the month's decisions and actions arising from the meetings app (``Decision`` and
``ActionArising``).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from inspections.models import Indicator
from inspections.models import IndicatorValue as Value
from inspections.selectors import UNIT_SUFFIX
from workstreams.meetings.models import ActionArising, Decision

COMPARATORS = [
    ("region", None),  # named by the indicator's region_name
    ("statistical_neighbours", "Statistical neighbours"),
    ("england", "England"),
]


@dataclass(frozen=True)
class IndicatorValue:
    name: str
    unit: str
    value: Decimal | None
    value_label: str
    series: list = field(default_factory=list)  # [(label, value), ...] oldest first
    comparators: dict = field(default_factory=dict)  # {name: [value or None per label]}
    target: Decimal | None = None
    programme_id: int | None = None
    area_id: int | None = None
    direction: str = ""  # "higher" or "lower" is better


@dataclass(frozen=True)
class MeetingItem:
    kind: str  # "decision" or "action"
    meeting: str
    meeting_date: date | None
    text: str
    owner: str = ""
    due_date: date | None = None
    area_id: int | None = None


def _number(value) -> float | None:
    return None if value is None else float(value)


# The report's charts show the latest periods only: two years of a monthly indicator, and the
# snapshot (taken every month, 24 periods at the size of a large local area) reads no more.
SERIES_PERIODS = 24


def indicator_values(*, as_of: date) -> list[IndicatorValue]:
    """Every key indicator's latest value on or before ``as_of``, and each area's breakdown,
    with the latest ``SERIES_PERIODS`` values of each as the chart's series.

    Three queries whatever the size: the indicators, their programmes, and the values; the
    values are cut to the latest periods of each indicator and area by the database (a window
    function), not by reading ten years of monthly values and keeping the end.
    """
    indicators = list(
        Indicator.objects.select_related("weakness__inspection").prefetch_related(
            "weakness__inspection__programmes"
        )
    )
    recent = (
        Value.objects.filter(period_start__lte=as_of)
        .annotate(
            recency=Window(
                RowNumber(),
                partition_by=[F("indicator_id"), F("area_id")],
                order_by=F("period_start").desc(),
            )
        )
        .filter(recency__lte=SERIES_PERIODS)
        .order_by("indicator_id", "period_start")
        .values_list(
            "indicator_id",
            "area_id",
            "period",
            "value",
            "region",
            "statistical_neighbours",
            "england",
        )
    )
    local_values: dict[int, list] = {}
    area_values: dict[int, dict[int, list]] = {}
    for indicator_id, area_id, *figures in recent:
        if area_id is None:
            local_values.setdefault(indicator_id, []).append(figures)
        else:
            area_values.setdefault(indicator_id, {}).setdefault(area_id, []).append(figures)

    rows = []
    for indicator in indicators:
        unit = UNIT_SUFFIX.get(indicator.unit, "")
        programmes = [p.pk for p in indicator.weakness.inspection.programmes.all() if p.is_active]
        programme_id = programmes[0] if programmes else None
        local = local_values.get(indicator.pk, [])
        comparators = {}
        for index, (_attribute, name) in enumerate(COMPARATORS, start=2):
            figures = [_number(v[index]) for v in local]
            if any(f is not None for f in figures):
                comparators[name or indicator.region_name] = figures
        latest = local[-1] if local else None
        rows.append(
            IndicatorValue(
                name=indicator.name,
                unit=unit,
                value=latest[1] if latest else None,
                value_label=latest[0] if latest else "",
                series=[(v[0], v[1]) for v in local],
                comparators=comparators,
                target=indicator.target,
                programme_id=programme_id,
                direction=indicator.direction,
            )
        )
        for area_id, values in area_values.get(indicator.pk, {}).items():
            rows.append(
                IndicatorValue(
                    name=indicator.name,
                    unit=unit,
                    value=values[-1][1],
                    value_label=values[-1][0],
                    series=[(v[0], v[1]) for v in values],
                    target=indicator.target,
                    programme_id=programme_id,
                    area_id=area_id,
                    direction=indicator.direction,
                )
            )
    return rows


def meeting_items(*, month_start: date, month_end: date) -> list[MeetingItem]:
    """Decisions and actions arising from meetings held in the month (published minutes only)."""
    in_month = {"meeting__date__gte": month_start, "meeting__date__lte": month_end}
    published = {"meeting__status": "published"}
    items = []
    for decision in (
        Decision.objects.filter(**in_month, **published)
        .select_related("meeting__group")
        .order_by("meeting__date", "meeting_id", "position", "pk")
    ):
        meeting = decision.meeting
        items.append(
            MeetingItem(
                kind="decision",
                meeting=meeting.title or meeting.group.name,
                meeting_date=meeting.date,
                text=decision.text,
                area_id=meeting.group.area_id,
            )
        )
    for action in (
        ActionArising.objects.filter(**in_month, **published)
        .select_related("meeting__group")
        .order_by("meeting__date", "meeting_id", "due_date", "pk")
    ):
        meeting = action.meeting
        items.append(
            MeetingItem(
                kind="action",
                meeting=meeting.title or meeting.group.name,
                meeting_date=meeting.date,
                text=action.description,
                owner=action.owner_name,
                due_date=action.due_date,
                area_id=meeting.group.area_id,
            )
        )
    return items
