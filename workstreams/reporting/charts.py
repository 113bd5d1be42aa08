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
