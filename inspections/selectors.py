"""Reads for inspections, weaknesses and indicators: bounded queries, no N+1."""

import datetime
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import F, Prefetch, QuerySet, Value, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from send_portal.core.charts import Series, format_value, line_chart
from send_portal.core.concurrency import normalise
from send_portal.core.models import Area
from send_portal.core.permissions import reads_everything
from send_portal.core.suppression import SUPPRESSED_TEXT, drawn_count, is_small_count

from .models import (
    AreaOfWeakness,
    Indicator,
    IndicatorValue,
    Inspection,
    MonitoringMilestone,
    WeaknessJudgement,
)
from .rag import IndicatorRating, indicator_rag

UNIT_SUFFIX = {"percent": "%", "number": "", "days": "days", "weeks": "weeks"}

# Pages that show many indicators (a weakness, the indicator list, the dashboards) show the
# latest periods of each: a year of a monthly indicator, twelve of a yearly one. The indicator's
# own page shows every period.
RECENT_PERIODS = 12


def visible_area_ids(user) -> set[int] | None:
    """Areas whose breakdown the user may see: None means all of them."""
    if reads_everything(user):
        return None
    return {user.area.pk} if getattr(user, "area", None) is not None else set()


# Inspections --------------------------------------------------------------------------------


def inspection_list() -> QuerySet[Inspection]:
    """First inspections (not revisits), each with its follow-ups and weaknesses counted."""
    return (
        Inspection.objects.filter(revisit_of__isnull=True)
        .prefetch_related("revisits", "weaknesses")
        .order_by("-start_date")
    )


def inspection_with_findings(pk: int) -> Inspection:
    return (
        Inspection.objects.select_related("revisit_of")
        .prefetch_related(
            Prefetch(
                "weaknesses",
                queryset=AreaOfWeakness.objects.prefetch_related("indicators"),
            )
        )
        .get(pk=pk)
    )


@dataclass
class TimelineEvent:
    date: datetime.date
    end_date: datetime.date | None
    stage: str  # Inspection, the plan's kind, Revisit, Monitoring inspection, Monitoring...
    title: str
    summary: str = ""
    inspection: Inspection | None = None
    judgements: list = field(default_factory=list)
    milestone: MonitoringMilestone | None = None
    order: int = 0  # within a day: inspection, plan, follow-up, milestone


def inspection_events(root: Inspection) -> list[TimelineEvent]:
    """A first inspection's own events: itself, its revisits or monitoring inspections, their
    milestones, in date order. The plans made in answer to it are the programme's
    (``workstreams.findings.selectors.inspection_timeline`` adds them)."""
    follow_ups = list(
        Inspection.objects.filter(revisit_of=root).prefetch_related(
            Prefetch(
                "judgements",
                queryset=WeaknessJudgement.objects.select_related("weakness"),
            )
        )
    )
    weaknesses = list(AreaOfWeakness.objects.filter(inspection=root))
    milestones = list(
        MonitoringMilestone.objects.filter(inspection__in=[root, *follow_ups]).select_related(
            "weakness"
        )
    )
    events = [
        TimelineEvent(
            root.start_date,
            root.end_date,
            "Inspection",
            root.get_kind_display(),
            root.outcome_summary,
            inspection=root,
        )
    ]
    for follow_up in follow_ups:
        stage = {
            Inspection.Kind.REVISIT: "Revisit",
            Inspection.Kind.MONITORING_INSPECTION: "Monitoring inspection",
        }.get(follow_up.kind, "Monitoring")  # type: ignore[call-overload]  # kind is a Kind value
        events.append(
            TimelineEvent(
                follow_up.start_date,
                follow_up.end_date,
                stage,
                follow_up.get_kind_display(),
                follow_up.outcome_summary,
                inspection=follow_up,
                judgements=_judgement_rows(follow_up, weaknesses),
                order=2,
            )
        )
    for milestone in milestones:
        stage = (
            "Monitoring"
            if milestone.kind == MonitoringMilestone.Kind.FOLLOW_UP
            else milestone.get_kind_display()
        )
        events.append(
            TimelineEvent(
                milestone.due_date,
                None,
                stage,
                milestone.title,
                milestone.notes,
                milestone=milestone,
                order=3,
            )
        )
    return sorted(events, key=lambda e: (e.date, e.order))


@dataclass(frozen=True)
class JudgementRow:
    weakness: AreaOfWeakness
    judgement: WeaknessJudgement | None


def _judgement_rows(follow_up: Inspection, weaknesses: list[AreaOfWeakness]) -> list[JudgementRow]:
    """For a revisit or monitoring inspection: every finding, with its judgement if recorded."""
    if follow_up.kind not in (Inspection.Kind.REVISIT, Inspection.Kind.MONITORING_INSPECTION):
        return []
    by_weakness = {j.weakness_id: j for j in follow_up.judgements.all()}
    return [JudgementRow(w, by_weakness.get(w.pk)) for w in weaknesses]


def milestone_state_text(milestone: MonitoringMilestone, today: date | None = None) -> str:
    today = today or timezone.localdate()
    if milestone.state == MonitoringMilestone.State.DUE and milestone.due_date < today:
        return "Due date passed: no outcome recorded"
    return milestone.get_state_display()


# Weaknesses ---------------------------------------------------------------------------------


def weaknesses(
    *, periods: int = RECENT_PERIODS, local_only: bool = False
) -> QuerySet[AreaOfWeakness]:
    """Areas of weakness with what their pages show of the inspection: its judgements and
    milestones, and the latest ``periods`` of each indicator series (``local_only``: the whole
    local area's alone). The programme's answer (workstreams, actions) is read by
    ``workstreams.findings.selectors.weakness_detail``."""
    return AreaOfWeakness.objects.select_related("inspection").prefetch_related(
        Prefetch("judgements", queryset=WeaknessJudgement.objects.select_related("revisit")),
        Prefetch("milestones", queryset=MonitoringMilestone.objects.all()),
        Prefetch(
            "indicators", queryset=_indicators_with_values(periods=periods, local_only=local_only)
        ),
    )


# Indicators ---------------------------------------------------------------------------------


def recent_values(values: QuerySet[IndicatorValue], periods: int = RECENT_PERIODS):
    """``values`` cut by the database to the latest ``periods`` of each indicator and area, and
    one more where there is one: ``split_recent`` drops it and tells the page that earlier
    periods exist (on the indicator's own page). One more row is cheaper than counting each
    series, which would make the database number every value instead of stopping at the cut.
    """
    return values.annotate(
        recency=Window(
            RowNumber(),
            partition_by=[F("indicator_id"), F("area_id")],
            order_by=F("period_start").desc(),
        ),
        periods_kept=Value(periods),
    ).filter(recency__lte=periods + 1)


def split_recent(values) -> tuple[list, bool]:
    """(the values to show, whether any series has earlier periods) of ``recent_values`` rows;
    values read without the cut are all shown."""
    shown, earlier = [], False
    for value in values:
        if getattr(value, "recency", 0) > getattr(value, "periods_kept", 0) > 0:
            earlier = True
        else:
            shown.append(value)
    return shown, earlier


def _indicators_with_values(
    *, periods: int | None = None, local_only: bool = False
) -> QuerySet[Indicator]:
    """Indicators with their values: the latest ``periods`` of each series, or all (None);
    ``local_only``: the whole local area's series alone (no area breakdown read)."""
    # Not the model's ordering (indicator → weakness → inspection, area name): that joins four
    # tables and sorts every value; indicator_summary orders them itself.
    values = IndicatorValue.objects.select_related("area", "official_import__imported_by").order_by(
        "indicator_id", "period_start", "area_id"
    )
    if local_only:
        values = values.filter(area__isnull=True)
    if periods is not None:
        values = recent_values(values, periods)
    return Indicator.objects.prefetch_related(Prefetch("values", queryset=values))


def indicator_list(
    *, periods: int = RECENT_PERIODS, local_only: bool = False
) -> QuerySet[Indicator]:
    """Every indicator with the latest ``periods`` of its values (the indicator page has all)."""
    return _indicators_with_values(periods=periods, local_only=local_only).select_related(
        "weakness__inspection"
    )


def indicator_detail(pk: int) -> Indicator:
    return _indicators_with_values().select_related("weakness__inspection").get(pk=pk)


@dataclass(frozen=True)
class TableRow:
    period: str
    cells: list[str]


@dataclass
class FigureRow:
    """One period of an indicator's figures table: the local area's figure, then the others."""

    period: str
    local: str
    others: list[tuple[str, str]]


@dataclass
class AreaFigure:
    """One area's figure for one period (a row of the indicator's "figures by area" table)."""

    period: str
    area: str
    value: str


@dataclass
class IndicatorSummary:
    indicator: Indicator
    unit: str
    latest: IndicatorValue | None
    previous: IndicatorValue | None
    rating: IndicatorRating
    trend: str
    chart: str
    headings: list[str]
    rows: list[TableRow]
    area_chart: str = ""
    # Each area's figures, a row per period and area (three columns fit a 390 px screen).
    area_figures: list[AreaFigure] = field(default_factory=list)
    earlier_periods: bool = False  # values before the ones shown are on the indicator's page
    recent_periods: int = 0  # how many periods of each series are shown (0: all of them)
    england_text: str = ""  # better or worse than England, in words
    rank_text: str = ""  # the latest rank and quartile, where known
    symbols: list[tuple[str, str]] = field(default_factory=list)  # suppression symbols shown
    source: object = None  # the latest OfficialImport shown, if any
    last_period: IndicatorValue | None = None  # the latest period, even when suppressed

    @property
    def latest_text(self) -> str:
        text = (
            "No values yet"
            if self.latest is None
            else f"{format_value(self.latest.value, self.unit)} ({self.latest.period})"
        )
        last = self.last_period
        if last is not None and last.value is None:
            from .official import SUPPRESSION

            symbol = (last.suppressed or {}).get("value", "")
            reason = SUPPRESSION.get(symbol, "not published")
            text = f"No figure for {last.period} ({symbol or 'blank'}: {reason}). " + (
                f"Latest figure: {text}" if self.latest else text
            )
        return text

    @property
    def target_text(self) -> str:
        if self.indicator.target is None:
            return "No target set"
        return format_value(self.indicator.target, self.unit)

    @property
    def figure_rows(self) -> list[FigureRow]:
        """The figures table in three columns (it fits a 390 px screen): each period, the local
        area's figure, and the comparators' figures (and rank) as labelled lines."""
        return [
            FigureRow(
                row.period,
                row.cells[0] if row.cells else "",
                [
                    (h, cell)
                    for h, cell in zip(self.headings[1:], row.cells[1:], strict=True)
                    if cell
                ],
            )
            for row in self.rows
        ]


QUARTILE_WORDS = {
    1: "the best quarter",
    2: "the second quarter",
    3: "the third quarter",
    4: "the worst quarter",
}


def _england_text(latest, higher_is_better: bool, unit: str) -> str:
    """Whether the council is better or worse than England in its latest period, in words."""
    if latest is None:
        return "No value to compare with England"
    if latest.england is None:
        return f"No England figure for {latest.period}"
    ours, england = format_value(latest.value, unit), format_value(latest.england, unit)
    if latest.value == latest.england:
        return f"The same as England in {latest.period} ({ours})"
    better = (latest.value > latest.england) == higher_is_better
    word = "Better" if better else "Worse"
    return f"{word} than England in {latest.period}: {ours} against England's {england}"


def _rank_text(value) -> str:
    if value is None or value.rank is None:
        return ""
    return (
        f"Ranked {value.rank} of {value.rank_of} local authorities in {value.period} "
        f"(1 is the best): {QUARTILE_WORDS.get(value.quartile, '')}"
    )


def _cell(value, attribute: str, unit: str) -> str:
    figure = getattr(value, attribute)
    if figure is None and (value.suppressed or {}).get(attribute) is not None:
        return value.suppressed[attribute] or "no figure"
    return format_value(figure, unit)


def _trend(latest, previous, higher_is_better: bool, unit: str = "") -> str:
    if latest is None or previous is None:
        return "Not enough values for a trend"
    change = latest.value - previous.value
    if change == 0:
        return f"No change since {previous.period}"
    better = (change > 0) == higher_is_better
    direction = "Up" if change > 0 else "Down"
    amount = (
        f"{format_value(abs(change))} percentage point{'' if abs(change) == 1 else 's'}"
        if unit == "%"
        else format_value(abs(change), unit)
    )
    return f"{direction} {amount} since {previous.period} ({'better' if better else 'worse'})"


def indicator_summary(
    indicator: Indicator, *, area_ids: set[int] | None = None, charts: bool = True
) -> IndicatorSummary:
    """Everything the pages and the PDF show for one indicator, from its prefetched values.

    ``area_ids`` limits the area breakdown (None: every area). ``charts=False``: only what a
    row of an indicator table shows (RAG, latest value, trend, target); no chart, no figures.
    """
    unit = UNIT_SUFFIX[indicator.unit]
    values, earlier = split_recent(indicator.values.all())
    values.sort(key=lambda v: v.period_start)
    local = [v for v in values if v.area_id is None]
    by_area = [
        v for v in values if v.area_id is not None and (area_ids is None or v.area_id in area_ids)
    ]
    # The latest figures with a number (a suppressed period has none) are rated and compared.
    numbered = [v for v in local if v.value is not None]
    latest = numbered[-1] if numbered else None
    previous = numbered[-2] if len(numbered) > 1 else None
    higher = indicator.direction == Indicator.Direction.HIGHER
    rating = indicator_rag(
        latest=latest.value if latest else None,
        target=indicator.target,
        higher_is_better=higher,
        monitoring_only=indicator.monitoring_only,
    )
    if not charts:
        return IndicatorSummary(
            indicator,
            unit,
            latest,
            previous,
            rating,
            _trend(latest, previous, higher, unit),
            "",
            [],
            [],
        )
    local_name = indicator.weakness.inspection.local_area
    comparators = [
        ("region", indicator.region_name),
        ("statistical_neighbours", "Statistical neighbours"),
        ("england", "England"),
    ]
    comparators = [
        (f, name) for f, name in comparators if any(getattr(v, f) is not None for v in local)
    ]
    periods = [v.period for v in local]
    series = [Series(local_name, [v.value for v in local])]
    series += [Series(name, [getattr(v, f) for v in local]) for f, name in comparators]
    direction = indicator.get_direction_display().lower()
    chart = line_chart(
        title=indicator.name,
        description=f"Line chart of {local_name} against its comparators; {direction}.",
        periods=periods,
        series=series,
        target=indicator.target,
        unit=unit,
        chart_id=f"indicator-{indicator.pk}-chart",
    )
    headings = [local_name] + [name for _f, name in comparators]
    with_counts = any(v.neighbours_total for v in local)
    with_ranks = any(v.rank for v in local)
    if with_counts:
        headings.append("Neighbours with a figure")
    if with_ranks:
        headings.append("Rank (quartile)")

    def extra(v) -> list[str]:
        cells = []
        if with_counts:
            cells.append(
                f"{v.neighbours_with_value} of {v.neighbours_total}" if v.neighbours_total else ""
            )
        if with_ranks:
            cells.append(f"{v.rank} of {v.rank_of} (Q{v.quartile})" if v.rank else "")
        return cells

    rows = [
        TableRow(
            v.period,
            [_cell(v, "value", unit)] + [_cell(v, f, unit) for f, _n in comparators] + extra(v),
        )
        for v in local
    ]
    from .official import SUPPRESSION

    used = sorted({symbol for v in local for symbol in (v.suppressed or {}).values()})
    imports = [v.official_import for v in local if v.official_import_id]
    summary = IndicatorSummary(
        indicator,
        unit,
        latest,
        previous,
        rating,
        _trend(latest, previous, higher, unit),
        chart,
        headings,
        rows,
        earlier_periods=earlier,
        recent_periods=getattr(values[0], "periods_kept", 0) if values else 0,
        england_text=_england_text(latest, higher, unit),
        rank_text=_rank_text(next((v for v in reversed(local) if v.rank), None)),
        symbols=[(symbol or "blank", SUPPRESSION.get(symbol, "")) for symbol in used],
        source=max(imports, key=lambda i: (i.imported_at, i.pk)) if imports else None,
        last_period=local[-1] if local else None,
    )
    if by_area:
        area_names = sorted({v.area.name for v in by_area})
        area_periods = sorted({(v.period_start, v.period) for v in by_area})
        grid: dict[tuple, Decimal] = {(v.period_start, v.area.name): v.value for v in by_area}
        # An area's figure of a "number" indicator counts children or pupils: below 5 it is
        # shown as "fewer than 5" and not drawn (as on the area dashboard).
        is_count = indicator.unit == Indicator.Unit.NUMBER

        def shown(value) -> str:
            return (
                SUPPRESSED_TEXT if is_count and is_small_count(value) else format_value(value, unit)
            )

        def drawn(value):
            return drawn_count(value) if is_count else value

        summary.area_figures = [
            AreaFigure(label, name, shown(grid.get((start, name))))
            for start, label in area_periods
            for name in area_names
        ]
        description = "Line chart of each area's figures."
        if is_count and any(is_small_count(value) for value in grid.values()):
            description += " Counts below 5 are not drawn."
        summary.area_chart = line_chart(
            title=f"{indicator.name}, by area",
            description=description,
            periods=[label for _s, label in area_periods],
            series=[
                Series(name, [drawn(grid.get((start, name))) for start, _l in area_periods])
                for name in area_names
            ],
            target=indicator.target,
            unit=unit,
            chart_id=f"indicator-{indicator.pk}-area-chart",
        )
    return summary


def areas() -> QuerySet[Area]:
    return Area.objects.order_by("name")


def indicator_value_initial(value) -> dict:
    """What the correction form shows for a recorded value: the figures as they were typed."""
    return {
        "period": value.period,
        "value": normalise(value.value),
        "region": normalise(value.region),
        "statistical_neighbours": normalise(value.statistical_neighbours),
        "england": normalise(value.england),
        "area": value.area_id,
    }


def indicator_history(indicator: Indicator) -> list:
    """Who changed the indicator and its values, and when (newest first)."""
    from send_portal.core.history import history_of

    from .models import IndicatorValue

    def subject(record) -> str:
        if record.instance_type is IndicatorValue:
            return f"Value for {record.period}"
        return "Indicator"

    return history_of(
        Indicator.history.filter(id=indicator.pk),
        IndicatorValue.history.filter(indicator_id=indicator.pk),
        subject=subject,
    )


def removed_indicators() -> list:
    """The indicators that were removed (and not put back), with their undo."""
    from send_portal.core.history import removed_history

    return removed_history(Indicator.history.all(), subject=lambda r: f"Indicator “{r.name}”")
