"""The shared SVG line chart: valid XML, one series per comparator, accessible, CSP-safe."""

import re
import xml.etree.ElementTree as ET

import pytest

from send_portal.core.charts import Series, format_value, line_chart

SVG = "{http://www.w3.org/2000/svg}"

FIGURE_1 = {
    "Surrey": [11.00, 11.30, 11.70],
    "South East": [11.20, 11.10, 11.40],
    "Statistical neighbours": [10.29, 10.69, 10.78],
    "England": [11.60, 11.60, 11.70],
}


def _chart(**overrides) -> str:
    arguments = {
        "title": "% of pupils with SEN support",
        "description": "Surrey against its comparators.",
        "periods": ["2016", "2017", "2018"],
        "series": [Series(name, values) for name, values in FIGURE_1.items()],
        "target": 12,
        "unit": "%",
    }
    arguments.update(overrides)
    return line_chart(**arguments)


def test_output_is_valid_xml_with_one_group_per_series():
    root = ET.fromstring(_chart())
    assert root.tag == f"{SVG}svg"
    groups = root.findall(f".//{SVG}g[@class='portal-chart__series']")
    assert [g.get("data-series") for g in groups] == list(FIGURE_1)
    # each series has a marker per known value
    for group in groups:
        markers = [el for el in group if not el.tag.endswith("polyline")]
        assert len(markers) == 3


def test_title_and_desc_label_the_image():
    root = ET.fromstring(_chart())
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.text == "% of pupils with SEN support"
    assert "Surrey: 11% in 2016, 11.7% in 2018" in desc.text
    assert "Target: 12%" in desc.text
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_series_differ_without_colour():
    root = ET.fromstring(_chart())
    groups = root.findall(f".//{SVG}g[@class='portal-chart__series']")
    dashes = [g.find(f"{SVG}polyline").get("stroke-dasharray") for g in groups]
    assert len(set(dashes)) == len(groups)
    shapes = [(g[-1].tag, g[-1].get("fill")) for g in groups]
    assert len(set(shapes)) == len(groups)


def test_target_line_is_drawn_and_labelled():
    svg = _chart()
    assert 'class="portal-chart__target"' in svg
    assert "Target: 12%" in svg
    assert 'class="portal-chart__target"' not in _chart(target=None)


def test_no_inline_style_or_script():
    svg = _chart()
    assert "style=" not in svg
    assert "<script" not in svg
    assert not re.search(r"\son\w+=", svg)


def test_text_is_escaped():
    svg = _chart(title="<script>alert(1)</script>", series=[("A & B <x>", [1, 2, 3])])
    ET.fromstring(svg)
    assert "<script>" not in svg
    assert "A &amp; B &lt;x&gt;" in svg


def test_gaps_break_the_line():
    root = ET.fromstring(_chart(periods=list("abcde"), series=[("X", [1, 2, None, 4, 5])]))
    group = root.find(f".//{SVG}g[@class='portal-chart__series']")
    assert len(group.findall(f"{SVG}polyline")) == 2


def test_no_data_says_so():
    svg = _chart(series=[("X", [None, None, None])], target=None)
    ET.fromstring(svg)
    assert "No data yet" in svg


def test_mismatched_values_are_refused():
    with pytest.raises(ValueError, match="2 values for 3 periods"):
        _chart(series=[("X", [1, 2])])


def test_ids_unique_per_chart():
    first = ET.fromstring(_chart()).get("id")
    second = ET.fromstring(_chart(title="Another")).get("id")
    assert first != second
    assert ET.fromstring(_chart(chart_id="mine")).get("id") == "mine"


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (11.7, "%", "11.7%"),
        (10.29, "%", "10.29%"),
        (20, "weeks", "20 weeks"),
        (None, "", "no data"),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text
