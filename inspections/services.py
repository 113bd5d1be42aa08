"""Writes for inspections and indicators: keyword-only, typed, atomic."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from send_portal.core.models import Area
from send_portal.core.tabular import RowError

from .frameworks import FRAMEWORK_2023
from .imports import parse_indicator_csv
from .models import (
    AreaOfWeakness,
    Indicator,
    IndicatorValue,
    Inspection,
    MonitoringMilestone,
    OfficialImport,
    StatisticalNeighbour,
    WeaknessJudgement,
)
from .official import MAX_BYTES, parse_neighbour_table, parse_official_csv

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


@transaction.atomic
def indicator_value_correct(
    *,
    value: IndicatorValue,
    period: str,
    period_start: date,
    figure: Decimal,
    region: Decimal | None = None,
    statistical_neighbours: Decimal | None = None,
    england: Decimal | None = None,
    area: Area | None = None,
) -> IndicatorValue:
    """Correct a recorded value (its history keeps the old one). Refused with a
    ``ValidationError`` on ``period`` when another value is recorded for that period and area."""
    clash = (
        IndicatorValue.objects.filter(
            indicator_id=value.indicator_id, period_start=period_start, area=area
        )
        .exclude(pk=value.pk)
        .exists()
    )
    if clash:
        where = area.name if area else "the whole local area"
        raise ValidationError(
            {
                "period": f"A value for {period} ({where}) is already recorded: correct or "
                "remove that one instead"
            }
        )
    value.period, value.period_start, value.area = period, period_start, area
    value.value, value.region, value.england = figure, region, england
    value.statistical_neighbours = statistical_neighbours
    value.save()
    return value


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
    follow_ups = (Inspection.Kind.REVISIT, Inspection.Kind.MONITORING_INSPECTION)
    if revisit.kind not in follow_ups or weakness.inspection_id != revisit.revisit_of_id:
        raise ValueError(
            "A judgement belongs to a revisit or monitoring inspection of the finding's inspection"
        )
    judgement, _ = WeaknessJudgement.objects.update_or_create(
        revisit=revisit,
        weakness=weakness,
        defaults={
            "sufficient_progress": sufficient_progress,
            "inspectors_words": inspectors_words.strip(),
        },
    )
    return judgement


# The 2023 framework: what follows an inspection -----------------------------------------------


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    import calendar

    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@transaction.atomic
def inspection_plan_follow_ups(*, inspection: Inspection) -> list[MonitoringMilestone]:
    """For a 2023-framework inspection with its outcome: the monitoring inspection (third
    outcome) and the next full inspection window as milestones, counted from the inspection's
    last day with the inspection's own timescales (or the defaults of docs/domain.md).

    Run again after the outcome or a timescale changes: it moves the milestones, keeping any
    outcome and notes recorded on them; a milestone no longer due (outcome changed) is removed.
    """
    if inspection.framework != FRAMEWORK_2023 or not inspection.outcome:
        return []
    Kind = MonitoringMilestone.Kind
    wanted: dict[str, tuple[str, int]] = {}
    if inspection.outcome == Inspection.Outcome.SYSTEMIC:
        months = inspection.monitoring_months_used
        wanted[Kind.MONITORING_INSPECTION] = (
            f"Monitoring inspection: about {months} months after the inspection",
            months,
        )
    next_months = inspection.next_inspection_months_used
    if next_months:
        wanted[Kind.NEXT_INSPECTION] = (
            f"Next full area SEND inspection: within about {next_months} months",
            next_months,
        )
    kept = []
    for kind in (Kind.MONITORING_INSPECTION, Kind.NEXT_INSPECTION):
        current = MonitoringMilestone.objects.filter(inspection=inspection, kind=kind)
        if kind not in wanted:
            current.delete()
            continue
        title, months = wanted[kind]
        milestone = current.first() or MonitoringMilestone(inspection=inspection, kind=kind)
        milestone.title = title
        milestone.months_after = months
        milestone.due_date = months_after(inspection.end_date, months)
        milestone.full_clean()
        milestone.save()
        kept.append(milestone)
    return kept


@transaction.atomic
def engagement_meeting_record(
    *, inspection: Inspection, on: date, notes: str, title: str = ""
) -> MonitoringMilestone:
    """An annual engagement meeting between inspections: a dated milestone with its notes."""
    if inspection.framework != FRAMEWORK_2023:
        raise ValueError("Annual engagement meetings follow a 2023-framework inspection")
    meeting = MonitoringMilestone(
        inspection=inspection,
        kind=MonitoringMilestone.Kind.ENGAGEMENT_MEETING,
        title=title.strip() or f"Annual engagement meeting, {on:%-d %B %Y}",
        due_date=on,
        notes=notes.strip(),
        state=(
            MonitoringMilestone.State.MET
            if on <= timezone.localdate()
            else MonitoringMilestone.State.DUE
        ),
    )
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def finding_add(
    *, inspection: Inspection, wording: str, kind: str | None = None, partners: str = ""
) -> AreaOfWeakness:
    """A finding of the inspection, numbered after its last (its kind from the framework)."""
    if kind is None:
        kind = (
            AreaOfWeakness.Kind.PRIORITY_ACTION
            if inspection.framework == FRAMEWORK_2023
            else AreaOfWeakness.Kind.SIGNIFICANT_WEAKNESS
        )
    Inspection.objects.select_for_update().filter(pk=inspection.pk).first()
    last = inspection.weaknesses.aggregate(last=Max("number"))["last"] or 0
    finding = AreaOfWeakness(
        inspection=inspection, number=last + 1, kind=kind, wording=wording, partners=partners
    )
    finding.full_clean()
    finding.save()
    return finding


# Official statistics ---------------------------------------------------------------------------


def statistical_neighbours(la_code: str) -> list[str]:
    """The council's statistical neighbours, in order: the imported workbook's, else the
    PORTAL_STATISTICAL_NEIGHBOURS setting."""
    from django.conf import settings

    imported = list(
        StatisticalNeighbour.objects.filter(la_code=la_code).values_list(
            "neighbour_code", flat=True
        )
    )
    return imported or list(settings.PORTAL_STATISTICAL_NEIGHBOURS)


def _checked(data: bytes) -> bytes:
    if len(data) > MAX_BYTES:
        raise IndicatorImportError([RowError(0, "", "The file must be smaller than 20 MB")])
    return data


@dataclass(frozen=True)
class OfficialOutcome:
    official_import: OfficialImport
    created: int
    replaced: int


def official_values_import(
    *,
    indicator: Indicator,
    name: str,
    data: bytes,
    value_column: str,
    filters: dict[str, str],
    file_format: str = OfficialImport.Format.EES,
    publication: str = "",
    by=None,
    la_code: str | None = None,
    neighbours: list[str] | None = None,
) -> OfficialOutcome:
    """Import an official statistics file into ``indicator``: all periods or none.

    Raises ``IndicatorImportError`` listing every problem (row, column, reason). A period
    already recorded for the whole local area is replaced (its area breakdown is kept).
    """
    from django.conf import settings

    la_code = (la_code if la_code is not None else settings.PORTAL_LA_CODE).strip().upper()
    if neighbours is None:
        neighbours = statistical_neighbours(la_code)
    parsed, errors = parse_official_csv(
        _checked(data),
        file_format=file_format,
        value_column=value_column,
        filters=filters,
        la_code=la_code,
        neighbours=neighbours,
        period_kind=indicator.period_kind,
        higher_is_better=indicator.direction == Indicator.Direction.HIGHER,
        rank_min=settings.PORTAL_RANK_MIN_AUTHORITIES,
    )
    if errors:
        raise IndicatorImportError(errors)
    assert parsed is not None, "a file read without errors is parsed"
    created = replaced = 0
    with transaction.atomic():
        Indicator.objects.select_for_update().filter(pk=indicator.pk).first()
        record = OfficialImport.objects.create(
            indicator=indicator,
            file_name=name[:255],
            publication=publication.strip() or indicator.publication,
            format=file_format,
            value_column=value_column,
            filters=filters,
            la_code=la_code,
            imported_by=by,
            periods=[p.label for p in parsed.periods],
        )
        for figures in parsed.periods:
            suppressed = {}
            if figures.council.number is None:
                suppressed["value"] = figures.council.symbol
            for column, figure in (("region", figures.region), ("england", figures.england)):
                if figure is not None and figure.number is None:
                    suppressed[column] = figure.symbol
            _value, was_created = IndicatorValue.objects.update_or_create(
                indicator=indicator,
                period_start=figures.start,
                area=None,
                defaults={
                    "period": figures.label,
                    "value": figures.council.number,
                    "region": figures.region.number if figures.region else None,
                    "england": figures.england.number if figures.england else None,
                    "statistical_neighbours": figures.neighbours_mean,
                    "neighbours_with_value": figures.neighbours_with_value
                    if figures.neighbours_total
                    else None,
                    "neighbours_total": figures.neighbours_total or None,
                    "rank": figures.rank,
                    "rank_of": figures.rank_of,
                    "quartile": figures.quartile,
                    "suppressed": suppressed,
                    "official_import": record,
                },
            )
            created += was_created
            replaced += not was_created
        if parsed.region_name and indicator.region_name in ("", "Region"):
            indicator.region_name = parsed.region_name[:100]
            indicator.save(update_fields=["region_name"])
    return OfficialOutcome(record, created, replaced)


@transaction.atomic
def statistical_neighbours_import(
    *, header: list[str], rows: list[tuple[int, list[str]]], la_code: str
) -> list[StatisticalNeighbour]:
    """Replace the council's statistical neighbours with those of the workbook's row."""
    found, errors = parse_neighbour_table(header, rows, la_code=la_code)
    if errors:
        raise IndicatorImportError(errors)
    StatisticalNeighbour.objects.filter(la_code=la_code).delete()
    return StatisticalNeighbour.objects.bulk_create(
        StatisticalNeighbour(la_code=la_code, position=n, neighbour_code=code, neighbour_name=name)
        for n, (code, name) in enumerate(found, start=1)
    )


@transaction.atomic
def indicator_from_catalogue(
    *, weakness: AreaOfWeakness, slug: str, target=None, monitoring_only: bool = False
) -> Indicator:
    """An indicator of ``weakness`` that is the catalogue's entry ``slug``."""
    from .catalogue import entry

    item = entry(slug)
    if item is None:
        raise ValueError(f"There is no catalogue entry {slug}")
    indicator_slug, n = item.slug, 1
    while Indicator.objects.filter(slug=indicator_slug).exists():
        n += 1
        indicator_slug = f"{item.slug}-{n}"
    indicator = Indicator(
        weakness=weakness,
        name=item.name,
        slug=indicator_slug,
        catalogue=item.slug,
        publication=item.publication,
        unit=item.unit,
        direction=item.direction,
        period_kind=item.period_kind,
        data_source=item.data_source,
        target=target,
        monitoring_only=monitoring_only,
    )
    indicator.full_clean()
    indicator.save()
    return indicator
