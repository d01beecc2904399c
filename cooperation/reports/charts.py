"""Charts drawn on the server as inline SVG: no JavaScript, no CDN, and they print and go into PDFs as they are.

Every label is escaped: titles and country names come from imported documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Colour-blind-safe pair (Okabe-Ito blue and orange) plus a neutral; series beyond three reuse them.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int]


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    # role=img + <title> gives screen readers the chart's name; the numbers are in the table beside it.
    return mark_safe(
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def bar_chart(*, title: str, labels: Sequence[str], series: Sequence[Series], rtl: bool = False) -> SafeString:
    """Vertical grouped bars, one group per label (e.g. per year), with a legend for several series."""
    width, height = 560, 240
    left, right, top, bottom = 36, 12, 44 if len(series) > 1 else 20, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([v for s in series for v in s.values] or [0]) or 1
    body: list[str] = []
    # Three horizontal grid lines with their values.
    # Up to four whole-number grid lines; small peaks (1, 2) get no repeated labels.
    for value in sorted({round(peak * i / 3) for i in range(4)}):
        y = top + plot_h - plot_h * (value / peak)
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        body.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{value}</text>')
    groups = len(labels) or 1
    group_w = plot_w / groups
    bar_w = max(2.0, min(36.0, (group_w * 0.8) / max(len(series), 1)))
    order = list(range(groups))
    if rtl:
        order.reverse()
    for slot, index in enumerate(order):
        x0 = left + slot * group_w + (group_w - bar_w * len(series)) / 2
        for s_index, s in enumerate(series):
            value = s.values[index] if index < len(s.values) else 0
            bar_h = plot_h * value / peak
            x = x0 + s_index * bar_w
            y = top + plot_h - bar_h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 1:.1f}" height="{bar_h:.1f}" '
                f'fill="{PALETTE[s_index % len(PALETTE)]}"><title>{escape(s.name)}, {escape(labels[index])}: '
                f"{value}</title></rect>"
            )
            if value:
                body.append(
                    f'<text x="{x + (bar_w - 1) / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" class="value">'
                    f"{value}</text>"
                )
        body.append(
            f'<text x="{left + slot * group_w + group_w / 2:.1f}" y="{height - 10}" text-anchor="middle" '
            f'class="axis">{escape(labels[index]) if labels else ""}</text>'
        )
    if len(series) > 1:
        x = left
        for s_index, s in enumerate(series):
            body.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{PALETTE[s_index % len(PALETTE)]}"/>')
            body.append(f'<text x="{x + 16}" y="16" class="legend">{escape(s.name)}</text>')
            x += 24 + 8 * len(s.name)
    return _svg(width, height, title, body)


def hbar_chart(*, title: str, items: Sequence[tuple[str, int]], rtl: bool = False) -> SafeString:
    """Horizontal bars, one per item (e.g. countries or statuses), longest first as given."""
    row_h, label_w, width = 24, 170, 560
    height = max(row_h * len(items) + 8, 32)
    plot_w = width - label_w - 48
    peak = max([v for _, v in items] or [0]) or 1
    body: list[str] = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * row_h
        bar = plot_w * value / peak
        colour = PALETTE[0]
        if rtl:
            # Mirror: labels on the right, bars grow to the left.
            body.append(
                f'<text x="{width - 4}" y="{y + 16}" text-anchor="end" class="axis">{escape(label[:28])}</text>'
            )
            x = width - label_w - bar
            body.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{bar:.1f}" height="{row_h - 8}" fill="{colour}"/>')
            body.append(f'<text x="{x - 4:.1f}" y="{y + 16}" text-anchor="end" class="value">{value}</text>')
        else:
            body.append(
                f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" class="axis">{escape(label[:28])}</text>'
            )
            body.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="{row_h - 8}" fill="{colour}"/>')
            body.append(f'<text x="{label_w + bar + 4:.1f}" y="{y + 16}" class="value">{value}</text>')
    return _svg(width, height, title, body)
