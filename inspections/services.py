"""Writes for inspections and indicators: keyword-only, typed, atomic."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from send_portal.core.models import Area
from send_portal.core.tabular import RowError

from .imports import parse_indicator_csv
from .models import (
    AreaOfWeakness,
    Indicator,
    IndicatorValue,
    Inspection,
    MonitoringMilestone,
    WeaknessJudgement,
)

MAX_UPLOAD_BYTES = 1_000_000


class IndicatorImportError(Exception):
    """The upload was refused; ``errors`` lists every problem (row, column, reason)."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} problem(s) in the file")
        self.errors = errors


@dataclass(frozen=True)
class ImportOutcome:
    created: int
    updated: int


@transaction.atomic
def indicator_value_record(
    *,
    indicator: Indicator,
    period: str,
    period_start: date,
    value: Decimal,
    region: Decimal | None = None,
    statistical_neighbours: Decimal | None = None,
    england: Decimal | None = None,
    area: Area | None = None,
) -> tuple[IndicatorValue, bool]:
    """Record one period's figure; a figure already recorded for the period is replaced."""
    return IndicatorValue.objects.update_or_create(
        indicator=indicator,
        period_start=period_start,
        area=area,
        defaults={
            "period": period,
            "value": value,
            "region": region,
            "statistical_neighbours": statistical_neighbours,
            "england": england,
        },
    )


def _area_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for pk, name, slug in Area.objects.values_list("pk", "name", "slug"):
        lookup[name.lower()] = pk
        lookup[slug.lower()] = pk
    return lookup


def indicator_values_import(*, indicator: Indicator, data: bytes) -> ImportOutcome:
    """Import a CSV of values for one indicator: all rows or none.

    Raises ``IndicatorImportError`` with every problem found when any row is wrong.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise IndicatorImportError([RowError(0, "", "The file must be smaller than 1 MB")])
    rows, errors = parse_indicator_csv(
        data, period_kind=indicator.period_kind, areas=_area_lookup(), unit=indicator.unit
    )
    if errors:
        raise IndicatorImportError(errors)
    created = updated = 0
    with transaction.atomic():
        # One import per indicator at a time: a second waits, then sees the first one's rows.
        Indicator.objects.select_for_update().filter(pk=indicator.pk).first()
        existing = {
            (v.period_start, v.area_id): v
            for v in IndicatorValue.objects.filter(indicator=indicator).order_by()
        }
        to_create = []
        for row in rows:
            fields = {
                "period": row.period,
                "value": row.value,
                "region": row.region,
                "statistical_neighbours": row.statistical_neighbours,
                "england": row.england,
            }
            current = existing.get((row.period_start, row.area_id))
            if current is None:
                to_create.append(
                    IndicatorValue(
                        indicator=indicator,
                        period_start=row.period_start,
                        area_id=row.area_id,
                        **fields,
                    )
                )
                created += 1
            else:
                for name, value in fields.items():
                    setattr(current, name, value)
                current.save()
                updated += 1
        IndicatorValue.objects.bulk_create(to_create)
    return ImportOutcome(created=created, updated=updated)


@transaction.atomic
def milestone_update(
    *, milestone: MonitoringMilestone, state: str, notes: str
) -> MonitoringMilestone:
    milestone.state = state
    milestone.notes = notes
    milestone.full_clean()
    milestone.save(update_fields=["state", "notes"])
    return milestone


INDICATOR_FIELDS = (
    "name",
    "unit",
    "direction",
    "target",
    "monitoring_only",
    "period_kind",
    "region_name",
    "data_source",
)


@transaction.atomic
def indicator_create(*, weakness: AreaOfWeakness, **fields) -> Indicator:
    indicator = Indicator(weakness=weakness, **{k: fields[k] for k in INDICATOR_FIELDS})
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def indicator_update(*, indicator: Indicator, **fields) -> Indicator:
    for name in INDICATOR_FIELDS:
        setattr(indicator, name, fields[name])
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def judgement_record(
    *,
    revisit: Inspection,
    weakness: AreaOfWeakness,
    sufficient_progress: bool,
    inspectors_words: str,
) -> WeaknessJudgement:
    """A revisit's judgement on one of the inspection's areas of weakness (replaces any earlier)."""
    if revisit.kind != Inspection.Kind.REVISIT or weakness.inspection_id != revisit.revisit_of_id:
        raise ValueError("A judgement belongs to a revisit of the weakness's inspection")
    judgement, _ = WeaknessJudgement.objects.update_or_create(
        revisit=revisit,
        weakness=weakness,
        defaults={
            "sufficient_progress": sufficient_progress,
            "inspectors_words": inspectors_words.strip(),
        },
    )
    return judgement
