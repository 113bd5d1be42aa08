"""Server-rendered SVG line charts: the same markup on screen and in WeasyPrint PDFs.

No JavaScript and no ``style`` attributes (the CSP forbids inline style): only SVG presentation
attributes. Each chart carries ``<title>`` and ``<desc>`` and is labelled by them
(``role="img"``). Series can be told apart without colour: each has its own marker shape and dash
pattern, shown again in the legend. Always put the data table beside a chart.

Usage (plain values in, SVG markup out; safe to embed in a template as is)::

    from send_portal.core.charts import Series, line_chart

    svg = line_chart(
        title="% of pupils with SEN support",
        description="Surrey against the South East, statistical neighbours and England.",
        periods=["2016", "2017", "2018"],
        series=[
            Series("Surrey", [11.0, 11.3, 11.7]),
            Series("England", [11.6, 11.6, 11.7]),
        ],
        target=None,
        unit="%",
    )

``series`` may also be given as ``(name, values)`` pairs. ``values`` line up with ``periods``;
``None`` leaves a gap. The first series is drawn strongest (the local area).
"""

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

Number = int | float | Decimal


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number | None]


@dataclass(frozen=True)
class _Style:
    colour: str
    dash: str  # stroke-dasharray; "" for a solid line
    marker: str  # circle, square, triangle, diamond, cross
    width: float


# Colours meet 3:1 contrast against white; dash and marker differ too, so colour is never alone.
STYLES: tuple[_Style, ...] = (
    _Style("#1d70b8", "", "circle", 3),
    _Style("#4c2c92", "8 4", "square", 2),
    _Style("#d53880", "2 3", "triangle", 2),
    _Style("#505a5f", "10 3 2 3", "diamond", 2),
    _Style("#0b0c0c", "4 2", "cross", 2),
)
TARGET_COLOUR = "#0b0c0c"
TARGET_DASH = "12 6"
TEXT = 'font-family="Arial, Helvetica, sans-serif" fill="#0b0c0c"'

WIDTH = 480  # drawn about 1:1 in a half-width GOV.UK column, and on an A4 page
PLOT_HEIGHT = 200
LEFT, RIGHT, TOP = 56, 16, 16
X_LABELS = 28
LEGEND_ROW = 22
INSET = 40  # room for the first and last period's label


def format_value(value: Number | None, unit: str = "") -> str:
    """A value as the chart and its table show it: up to 2 decimals, with its unit."""
    if value is None:
        return "no data"
    number = Decimal(str(value)).quantize(Decimal("0.01")).normalize()
    text = f"{number:f}"
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _nice_step(span: float) -> float:
    raw = span / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _scale(values: list[float]) -> tuple[float, float, float]:
    low, high = min(values), max(values)
    if low == high:
        pad = abs(low) * 0.1 or 1
        low, high = low - pad, high + pad
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _tick_text(value: float, step: float, unit: str) -> str:
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    if step == 2.5:
        decimals = 1
    text = f"{value:.{decimals}f}"
    return f"{text}{unit}" if unit == "%" else text


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "triangle":
        points = f"{x:.1f},{y - 5.5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "diamond":
        points = f"{x:.1f},{y - 5.5:.1f} {x + 5.5:.1f},{y:.1f} {x:.1f},{y + 5.5:.1f} {x - 5.5:.1f},{y:.1f}"
        return f'<polygon points="{points}" fill="#ffffff" stroke="{colour}" stroke-width="2"/>'
    return (
        f'<path d="M{x - 4:.1f},{y - 4:.1f} L{x + 4:.1f},{y + 4:.1f} '
        f'M{x - 4:.1f},{y + 4:.1f} L{x + 4:.1f},{y - 4:.1f}" stroke="{colour}" stroke-width="2"/>'
    )


def _line(points: list[tuple[float, float]], style: _Style) -> str:
    dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return (
        f'<polyline points="{path}" fill="none" stroke="{style.colour}" '
        f'stroke-width="{style.width}"{dash} stroke-linejoin="round"/>'
    )


def _summary(periods: Sequence[str], series: list[Series], target, unit: str) -> str:
    parts = []
    for item in series:
        known = [(p, v) for p, v in zip(periods, item.values, strict=False) if v is not None]
        if known:
            (first_p, first_v), (last_p, last_v) = known[0], known[-1]
            if first_p == last_p:
                parts.append(f"{item.name}: {format_value(last_v, unit)} in {last_p}")
            else:
                parts.append(
                    f"{item.name}: {format_value(first_v, unit)} in {first_p}, "
                    f"{format_value(last_v, unit)} in {last_p}"
                )
        else:
            parts.append(f"{item.name}: no data")
    if target is not None:
        parts.append(f"Target: {format_value(target, unit)}")
    return ". ".join(parts) + "."


def line_chart(
    *,
    title: str,
    description: str,
    periods: Sequence[str],
    series: Sequence[Series | tuple[str, Sequence[Number | None]]],
    target: Number | None = None,
    unit: str = "",
    chart_id: str | None = None,
) -> SafeString:
    """An accessible SVG line chart of ``series`` over ``periods``, with an optional target line.

    ``unit`` is appended to values ("%" directly, anything else after a space: "days").
    ``chart_id`` makes the ids of ``<title>``/``<desc>`` unique on a page (derived when omitted).
    The ``<desc>`` holds ``description`` and a summary of each series' first and last values.
    """
    items = [s if isinstance(s, Series) else Series(s[0], s[1]) for s in series]
    periods = [str(p) for p in periods]
    for item in items:
        if len(item.values) != len(periods):
            raise ValueError(
                f"Series {item.name!r} has {len(item.values)} values for {len(periods)} periods"
            )
    if chart_id is None:
        digest = hashlib.sha1(
            repr((title, periods, [(s.name, list(s.values)) for s in items], target)).encode(),
            usedforsecurity=False,
        ).hexdigest()[:8]
        chart_id = f"chart-{digest}"
    known = [float(v) for s in items for v in s.values if v is not None]
    if target is not None:
        known.append(float(target))

    legend_rows = len(items) + (1 if target is not None else 0)
    height = TOP + PLOT_HEIGHT + X_LABELS + LEGEND_ROW * legend_rows + 8
    plot_w = WIDTH - LEFT - RIGHT
    bottom = TOP + PLOT_HEIGHT
    summary = _summary(periods, items, target, unit)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="portal-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" id="{chart_id}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)} {escape(summary)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    if not known or not periods:
        out.append(
            f'<text x="{WIDTH / 2:.0f}" y="{TOP + PLOT_HEIGHT / 2:.0f}" text-anchor="middle" '
            f'font-size="16" {TEXT}>No data yet</text></svg>'
        )
        return mark_safe("".join(out))  # every text was escaped above

    low, high, step = _scale(known)

    def y_of(value: Number) -> float:
        return bottom - (float(value) - low) / (high - low) * PLOT_HEIGHT

    def x_of(index: int) -> float:
        if len(periods) == 1:
            return LEFT + plot_w / 2
        return LEFT + INSET + index * (plot_w - 2 * INSET) / (len(periods) - 1)

    # Grid and y axis labels
    out.append('<g aria-hidden="true">')
    ticks = round((high - low) / step)
    for i in range(ticks + 1):
        value = low + i * step
        y = y_of(value)
        out.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="#b1b4b6" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" {TEXT}>'
            f"{escape(_tick_text(value, step, unit))}</text>"
        )
    out.append(
        f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" '
        f'stroke="#0b0c0c" stroke-width="1"/>'
    )
    if unit and unit != "%":
        out.append(
            f'<text x="{LEFT - 8}" y="{TOP - 4}" text-anchor="end" font-size="12" {TEXT}>'
            f"{escape(unit)}</text>"
        )
    longest = max(len(p) for p in periods)
    most_labels = max(2, int((plot_w - 2 * INSET) // (longest * 7 + 12)) + 1)
    label_every = max(1, math.ceil(len(periods) / most_labels))
    for index, period in enumerate(periods):
        if index % label_every == 0:
            out.append(
                f'<text x="{x_of(index):.1f}" y="{bottom + 18}" text-anchor="middle" '
                f'font-size="12" {TEXT}>{escape(period)}</text>'
            )

    if target is not None:
        y = y_of(target)
        out.append(
            f'<line class="portal-chart__target" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" '
            f'y2="{y:.1f}" stroke="{TARGET_COLOUR}" stroke-width="2" '
            f'stroke-dasharray="{TARGET_DASH}"/>'
        )

    for number, item in enumerate(items):
        style = STYLES[number % len(STYLES)]
        out.append(f'<g class="portal-chart__series" data-series="{escape(item.name)}">')
        segment: list[tuple[float, float]] = []
        segments = []
        markers = []
        for index, reading in enumerate(item.values):
            if reading is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            point = (x_of(index), y_of(reading))
            segment.append(point)
            markers.append(_marker(style.marker, *point, style.colour))
        if segment:
            segments.append(segment)
        out.extend(_line(s, style) for s in segments if len(s) > 1)
        out.extend(markers)
        out.append("</g>")

    # Legend: a sample of each line with its marker, then its name
    y = bottom + X_LABELS + 14
    for number, item in enumerate(items):
        style = STYLES[number % len(STYLES)]
        out.append(_line([(LEFT, y), (LEFT + 40, y)], style))
        out.append(_marker(style.marker, LEFT + 20, y, style.colour))
        out.append(
            f'<text x="{LEFT + 50}" y="{y + 4}" font-size="13" {TEXT}>{escape(item.name)}</text>'
        )
        y += LEGEND_ROW
    if target is not None:
        out.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{LEFT + 40}" y2="{y}" stroke="{TARGET_COLOUR}" '
            f'stroke-width="2" stroke-dasharray="{TARGET_DASH}"/>'
        )
        out.append(
            f'<text x="{LEFT + 50}" y="{y + 4}" font-size="13" {TEXT}>'
            f"Target: {escape(format_value(target, unit))}</text>"
        )
    out.append("</g></svg>")
    return mark_safe("".join(out))  # every text and attribute value was escaped above
