"""Charts drawn on the server: no JavaScript, no CDN, and they print and go into PDFs as they are.

Graphics (bars, grid lines, numbers) are SVG; every word (axis labels, legends, bar names) is HTML beside the SVG.
WeasyPrint lays SVG ``<text>`` out one letter at a time (weasyprint/svg/text.py), so Arabic inside an SVG comes
out unjoined and in reverse order in the PDF, and SVG text neither wraps nor follows the page's direction. As
HTML the same labels are shaped by the text engine, wrap inside their column, mirror with the page in RTL and
keep a title in another script in its own direction (bidi.py). Maintained renderers (matplotlib, pygal, plotly,
Vega) all put their labels in SVG text, so they would bring the same PDF fault; matplotlib cannot shape Arabic.

Every label is escaped: titles and country names come from imported documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .bidi import isolate

# Okabe-Ito blue, orange, green and pink: told apart with any colour vision; series beyond four reuse them.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7")
GRID, INK, MUTED = "#e1e4e8", "#1b1f24", "#59636e"
XMLNS = "http://www.w3.org/2000/svg"
# The figures in the SVG take a Latin font on every page: the Arabic font's tall line box would reach into the bars.
FIGURES_FONT = "Noto Sans, DejaVu Sans, sans-serif"
# Longer labels are cut with an ellipsis and keep their whole text as a tooltip.
LABEL_MAX = 48

# Vertical bars: the plot's size in SVG units; the value axis takes a margin on the reading-start side.
WIDTH, HEIGHT, GAP, TOP = 560, 180, 12, 16


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int]


def _label(text: object) -> SafeString:
    text = str(text)
    if len(text) <= LABEL_MAX:
        return isolate(text)
    return isolate(text[: LABEL_MAX - 1].rstrip() + "…", title=text)


def _swatch(index: int) -> SafeString:
    # An SVG square rather than a CSS background: browsers leave backgrounds out when printing.
    return format_html(
        '<svg class="chart__swatch" width="12" height="12" aria-hidden="true" xmlns="{}">'
        '<rect width="12" height="12" fill="{}"/></svg>',
        XMLNS,
        PALETTE[index % len(PALETTE)],
    )


def _text(x: float, y: float, value: int, anchor: str, *, size: int = 11, fill: str = MUTED) -> str:
    # Presentation attributes, not CSS classes: WeasyPrint ignores fill and stroke set from a stylesheet.
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}">{int(value)}</text>'


def _digits_width(value: int, size: int) -> float:
    # Tabular digits are about 0.6 em wide in the report fonts (Noto Sans, DejaVu Sans).
    return len(str(value)) * size * 0.6


def bar_chart(*, title: str, labels: Sequence[str], series: Sequence[Series], rtl: bool = False) -> SafeString:
    """Vertical grouped bars, one group per label (e.g. per year), with a legend for several series.

    In RTL the groups run from the right and the value axis stands on the right, as the labels below do."""
    peak = max([v for s in series for v in s.values] or [0]) or 1
    axis = round(_digits_width(peak, 11)) + 10  # room for the widest number on the axis
    plot_x0, plot_x1 = (GAP, WIDTH - axis) if rtl else (axis, WIDTH - GAP)
    plot_w, plot_h = plot_x1 - plot_x0, HEIGHT - TOP - 2
    body: list[str] = []
    # Up to four whole-number grid lines; small peaks (1, 2) get no repeated labels.
    for value in sorted({round(peak * i / 3) for i in range(4)}):
        y = TOP + plot_h - plot_h * (value / peak)
        body.append(f'<line x1="{plot_x0}" x2="{plot_x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        axis_x, anchor = (plot_x1 + 6, "start") if rtl else (plot_x0 - 6, "end")
        body.append(_text(axis_x, y + 4, value, anchor))
    groups = max(len(labels), 1)
    group_w = plot_w / groups
    bar_w = max(2.0, min(36.0, (group_w * 0.8) / max(len(series), 1)))
    for index in range(len(labels)):
        slot = groups - 1 - index if rtl else index
        x0 = plot_x0 + slot * group_w + (group_w - bar_w * len(series)) / 2
        for s_index, s in enumerate(series):
            value = s.values[index] if index < len(s.values) else 0
            bar_h = plot_h * value / peak
            x = x0 + s_index * bar_w
            y = TOP + plot_h - bar_h
            body.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}, {}: {}</title></rect>',
                    f"{x:.1f}",
                    f"{y:.1f}",
                    f"{bar_w - 1:.1f}",
                    f"{bar_h:.1f}",
                    PALETTE[s_index % len(PALETTE)],
                    s.name,
                    labels[index],
                    value,
                )
            )
            # A value goes above its bar only where it fits the bar's width; the table beside has them all.
            if value and _digits_width(value, 10) <= bar_w + 1:
                body.append(_text(x + (bar_w - 1) / 2, y - 4, value, "middle", size=10, fill=INK))
    svg = (
        f'<svg class="chart__plot" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" direction="ltr" '
        f'aria-hidden="true" font-family="{FIGURES_FONT}" xmlns="{XMLNS}">{"".join(body)}</svg>'
    )
    legend = SafeString("")
    if len(series) > 1:
        legend = format_html(
            '<ul class="chart__legend">{}</ul>',
            format_html_join("", "<li>{} {}</li>", ((_swatch(i), _label(s.name)) for i, s in enumerate(series))),
        )
    # The labels below share the plot's margins (as percentages of its width) so each sits under its group.
    x_labels = format_html(
        '<div class="chart__xlabels" style="padding-inline: {}% {}%">{}</div>',
        f"{100 * axis / WIDTH:.2f}",
        f"{100 * GAP / WIDTH:.2f}",
        format_html_join("", "<span>{}</span>", ((_label(x),) for x in labels)),
    )
    return _chart(title, "chart--bars", legend + mark_safe(svg) + x_labels)


def hbar_chart(*, title: str, items: Sequence[tuple[str, int]], rtl: bool = False) -> SafeString:
    """Horizontal bars, one per item (e.g. countries or statuses), in the order given.

    A row per item: its name (wrapping in its column), its bar, its value; the row mirrors with the page in RTL,
    and the bar grows from the name's side."""
    peak = max([v for _, v in items] or [0]) or 1
    rows = []
    for label, value in items:
        share = 100 * value / peak
        x = 100 - share if rtl else 0
        bar = (
            f'<svg class="chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="14" '
            f'aria-hidden="true" xmlns="{XMLNS}"><rect x="{x:.2f}" width="{share:.2f}" height="10" '
            f'fill="{PALETTE[0]}"/></svg>'
        )
        rows.append(
            format_html(
                '<div class="hbar"><span class="hbar__label">{}</span><span class="hbar__track">{}</span>'
                '<span class="hbar__value">{}</span></div>',
                _label(label),
                mark_safe(bar),
                value,
            )
        )
    return _chart(title, "chart--hbars", mark_safe("".join(rows)))


def _chart(title: str, kind: str, inner: SafeString) -> SafeString:
    # role=img with the chart's name: one item for screen readers; the numbers are in the table beside it.
    return format_html('<div class="chart {}" role="img" aria-label="{}">{}</div>', kind, title, inner)
