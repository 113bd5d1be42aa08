"""A small SVG line chart for an indicator's values (a stand-in until the shared chart module
``send_portal/core/charts.py`` is on main). Presentation attributes only: no inline styles."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from send_portal.core.suppression import drawn_count

WIDTH, HEIGHT = 320, 120
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 40, 10, 10, 24


def _number(value: float) -> str:
    return f"{value:g}"


def line_chart_svg(series, *, title: str, unit: str = "") -> SafeString:
    """``series`` is [[label, value], ...], oldest first."""
    points = [(str(label), float(value)) for label, value in series if value is not None]
    label = escape(f"{title}: " + ", ".join(f"{lab} {_number(v)}{unit}" for lab, v in points))
    if not points:
        return mark_safe("")
    low = min(0.0, min(v for _, v in points))
    high = max(v for _, v in points) or 1.0
    span = (high - low) or 1.0
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_w / max(1, len(points) - 1)

    def xy(index: int, value: float) -> tuple[float, float]:
        x = PAD_LEFT + (index * step if len(points) > 1 else inner_w / 2)
        y = PAD_TOP + inner_h - (value - low) / span * inner_h
        return round(x, 1), round(y, 1)

    coords = [xy(i, v) for i, (_, v) in enumerate(points)]
    path = " ".join(f"{x},{y}" for x, y in coords)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" '
        f'width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">',
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP + inner_h}" x2="{WIDTH - PAD_RIGHT}" '
        f'y2="{PAD_TOP + inner_h}" stroke="#505a5f" stroke-width="1"/>',
        f'<line x1="{PAD_LEFT}" y1="{PAD_TOP}" x2="{PAD_LEFT}" y2="{PAD_TOP + inner_h}" '
        f'stroke="#505a5f" stroke-width="1"/>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + 4}" font-size="9" text-anchor="end" '
        f'fill="#0b0c0c">{escape(_number(high))}{escape(unit)}</text>',
        f'<text x="{PAD_LEFT - 4}" y="{PAD_TOP + inner_h}" font-size="9" text-anchor="end" '
        f'fill="#0b0c0c">{escape(_number(low))}{escape(unit)}</text>',
        f'<polyline points="{path}" fill="none" stroke="#1d70b8" stroke-width="2"/>',
    ]
    for (x, y), (lab, _v) in zip(coords, points, strict=True):
        parts.append(f'<circle cx="{x}" cy="{y}" r="3" fill="#1d70b8"/>')
        parts.append(
            f'<text x="{x}" y="{HEIGHT - 6}" font-size="9" text-anchor="middle" '
            f'fill="#0b0c0c">{escape(lab)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text part is escaped above


def indicator_chart(indicator) -> SafeString:
    """An indicator snapshot's chart: the shared chart module when it is installed (with the
    comparators and target), else the small chart above."""
    try:
        from send_portal.core.charts import line_chart
    except ImportError:
        return line_chart_svg(indicator.series, title=indicator.name, unit=indicator.unit)
    periods = [str(label) for label, _value in indicator.series]
    if not periods:
        return mark_safe("")
    values = [value for _label, value in indicator.series]
    if indicator.counts_children:  # a count below 5 is not drawn (small-number suppression)
        values = [drawn_count(v) for v in values]
    series = [("Local area", values)]
    series += [
        (name, values)
        for name, values in (indicator.comparators or {}).items()
        if len(values) == len(periods)
    ]
    return line_chart(
        title=indicator.name,
        description=f"Line chart of {indicator.name}.",
        periods=periods,
        series=series,
        target=indicator.target,
        unit=indicator.unit,
        chart_id=f"indicator-snapshot-{indicator.pk}",
    )


def _cell(value, *, unit: str, counts_children: bool) -> str:
    if value is None:
        return "No data"
    if counts_children:
        from send_portal.core.suppression import suppress_count

        return suppress_count(int(value))
    return f"{_number(float(value))}{unit}"


def indicator_table(indicator) -> dict:
    """The chart's figures as a table (printed after each chart): a row per period, the local
    area's figure then each comparator's; small counts suppressed as on the chart."""
    comparators = {
        name: values
        for name, values in (indicator.comparators or {}).items()
        if len(values) == len(indicator.series)
    }
    rows = []
    for index, (label, value) in enumerate(indicator.series):
        cells = [_cell(value, unit=indicator.unit, counts_children=indicator.counts_children)]
        cells += [
            _cell(values[index], unit=indicator.unit, counts_children=False)
            for values in comparators.values()
        ]
        rows.append((str(label), cells))
    return {"headings": ["Local area", *comparators], "rows": rows}
