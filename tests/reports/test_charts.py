from __future__ import annotations

import xml.etree.ElementTree as ET

from cooperation.reports.charts import LABEL_MAX, Series, bar_chart, hbar_chart

SVG = "{http://www.w3.org/2000/svg}"


def _parse(chart) -> ET.Element:
    return ET.fromstring(str(chart))  # raises on markup injected through a label


def _labels(root: ET.Element) -> dict[str, ET.Element]:
    return {"".join(b.itertext()): b for b in root.iter("bdi")}


def test_chart_labels_from_documents_are_escaped_and_the_markup_is_well_formed():
    root = _parse(hbar_chart(title="Agreements <script>", items=[("<b>Korea</b> & co", 3), ("Беларусь", 1)]))
    assert root.get("aria-label") == "Agreements <script>" and root.get("role") == "img"
    assert set(_labels(root)) == {"<b>Korea</b> & co", "Беларусь"}


def test_words_are_html_and_the_svg_holds_only_figures():
    # WeasyPrint draws SVG text letter by letter, which would break Arabic in the PDF.
    args = {
        "title": "t",
        "labels": ["الوفود الواردة", "Events"],
        "series": [Series("2024", [3, 1]), Series("2025", [2, 40])],
    }
    root = _parse(bar_chart(**args, rtl=True))
    svg_texts = [t.text for t in root.iter(f"{SVG}text")]
    assert svg_texts and all(text.isdigit() for text in svg_texts)
    assert set(_labels(root)) == {"الوفود الواردة", "Events", "2024", "2025"}


def test_bars_are_proportional_to_their_values_and_grow_from_the_label_side():
    ltr = list(_parse(hbar_chart(title="t", items=[("a", 4), ("b", 2)])).iter(f"{SVG}rect"))
    assert [float(r.get("width")) for r in ltr] == [100.0, 50.0] and ltr[1].get("x") == "0.00"
    rtl = list(_parse(hbar_chart(title="t", items=[("a", 4), ("b", 2)], rtl=True)).iter(f"{SVG}rect"))
    assert float(rtl[1].get("x")) + float(rtl[1].get("width")) == 100.0  # ends at the right, beside its label


def test_grouped_bars_have_one_bar_per_series_and_year_and_mirror_in_rtl():
    args = {"title": "t", "labels": ["2024", "2025"], "series": [Series("in", [1, 2]), Series("out", [3, 0])]}

    def bar_x(root: ET.Element) -> dict[str, float]:
        bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
        assert len(bars) == 4
        return {r.find(f"{SVG}title").text: float(r.get("x")) for r in bars}

    ltr, rtl = bar_x(_parse(bar_chart(**args))), bar_x(_parse(bar_chart(**args, rtl=True)))
    assert ltr["in, 2024: 1"] < ltr["in, 2025: 2"] and rtl["in, 2024: 1"] > rtl["in, 2025: 2"]
    # The value axis stands on the reading-start side: left in LTR, right in RTL.
    axis_ltr = [
        float(t.get("x")) for t in _parse(bar_chart(**args)).iter(f"{SVG}text") if t.get("text-anchor") != "middle"
    ]
    axis_rtl = [
        float(t.get("x"))
        for t in _parse(bar_chart(**args, rtl=True)).iter(f"{SVG}text")
        if t.get("text-anchor") != "middle"
    ]
    assert max(axis_ltr) < 40 and min(axis_rtl) > 520


def test_long_labels_are_cut_with_the_whole_text_as_a_tooltip():
    long = "Agreements entered into force under the framework memorandum of 2019 " * 2
    labels = _labels(_parse(hbar_chart(title="t", items=[(long, 1), ("Signed", 2)])))
    cut = next(b for text, b in labels.items() if text.endswith("…"))
    assert len("".join(cut.itertext())) == LABEL_MAX and cut.get("title") == long
    assert labels["Signed"].get("title") is None


def test_value_labels_appear_only_where_they_fit_above_their_bar():
    few = _parse(bar_chart(title="t", labels=["2024", "2025"], series=[Series("n", [12345, 2])]))
    many = _parse(bar_chart(title="t", labels=[str(y) for y in range(2000, 2030)], series=[Series("n", [12345] * 30)]))
    values = {t.text for t in few.iter(f"{SVG}text") if t.get("text-anchor") == "middle"}
    assert values == {"12345", "2"}
    assert not [t for t in many.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
