"""An indicator snapshot's chart in the report, drawn by the shared chart module
(``send_portal/core/charts.py``)."""

from django.utils.safestring import SafeString, mark_safe

from send_portal.core.charts import line_chart
from send_portal.core.suppression import drawn_count


def indicator_chart(indicator) -> SafeString:
    """An indicator snapshot's chart, with its comparators and target."""
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
    return f"{float(value):g}{unit}"


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
