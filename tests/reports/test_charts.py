from __future__ import annotations

import xml.etree.ElementTree as ET

from cooperation.reports.charts import Series, bar_chart, hbar_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_chart_labels_from_documents_are_escaped_and_the_svg_is_well_formed():
    svg = hbar_chart(title="Agreements <script>", items=[("<b>Korea</b> & co", 3), ("Беларусь", 1)])
    root = ET.fromstring(str(svg))  # raises on markup injected through a label
    assert root.find(f"{SVG}title").text == "Agreements <script>"
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "<b>Korea</b> & co" in labels and "Беларусь" in labels


def test_bars_are_proportional_to_their_values():
    root = ET.fromstring(str(hbar_chart(title="t", items=[("a", 4), ("b", 2)])))
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1]


def test_grouped_bars_have_one_bar_per_series_and_year_and_mirror_in_rtl():
    args = {"title": "t", "labels": ["2024", "2025"], "series": [Series("in", [1, 2]), Series("out", [3, 0])]}
    ltr = ET.fromstring(str(bar_chart(**args)))
    rtl = ET.fromstring(str(bar_chart(**args, rtl=True)))
    bars = [r for r in ltr.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == 4
    year_x = {t.text: float(t.get("x")) for t in ltr.iter(f"{SVG}text") if t.text in ("2024", "2025")}
    year_x_rtl = {t.text: float(t.get("x")) for t in rtl.iter(f"{SVG}text") if t.text in ("2024", "2025")}
    assert year_x["2024"] < year_x["2025"] and year_x_rtl["2024"] > year_x_rtl["2025"]
