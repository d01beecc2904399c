"""Every report in English, Russian and Arabic, looked at in Chromium: nothing wider than its container, no
chart text on top of other chart text or bars, the page's language and direction right, and no serious or
critical axe-core findings. Screenshots go to tests/artifacts/reports-<page>-<lang>.png for a human look."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reports.chromium import browser_page, needs_chromium, seeded_committed, visit

pytestmark = needs_chromium
__all__ = ["browser_page", "seeded_committed"]  # fixtures, used by name

# axe-core 4.14.1 (MPL-2.0, licences beside it), vendored so the check runs offline and gives the same answer.
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"

# The fixtures' records are dated 2022-2026; 2025 is the year with every kind of record.
PAGES = {
    "dashboard": "/reports/",
    "countries": "/reports/countries/",
    "country-by": "/reports/countries/by/",
    "annual": "/reports/annual/?year=2025",
    "agreements": "/reports/agreements/",
    "officials": "/reports/officials/",
    "calendar": "/reports/calendar/?date_from=2025-01-01&date_to=2026-12-31",
}
LANGUAGES = {"en": "ltr", "ru": "ltr", "ar": "rtl"}

# Anything (outside SVG and visually hidden text) reaching past its parent's box, and any scroll container
# hiding part of its content: a table column cut off in a card is exactly that.
OVERFLOW_JS = """() => {
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) found.push(`the page scrolls sideways (${root.scrollWidth}px)`);
  for (const el of document.querySelectorAll('main *')) {
    if (el.ownerSVGElement || el.closest('.visually-hidden')) continue;
    const style = getComputedStyle(el);
    if (style.position === 'absolute' || style.position === 'fixed' || style.display === 'none') continue;
    const r = el.getBoundingClientRect();
    const p = el.parentElement.getBoundingClientRect();
    if (r.width && (r.left < p.left - 1 || r.right > p.right + 1)) {
      const parent = `${name(el.parentElement)} (${Math.round(p.width)}px)`;
      found.push(`${name(el)} (${Math.round(r.width)}px) reaches out of ${parent}`);
    }
    if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${name(el)} hides ${el.scrollWidth - el.clientWidth}px of its content`);
    }
  }
  return found;
}"""

# Text boxes in each chart (SVG numbers and HTML labels): inside the chart, not over one another, not over a bar
# or a legend swatch. A pixel of slack: glyph boxes include the font's line gap, which is not ink.
CHART_JS = """() => {
  const found = [];
  const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  document.querySelectorAll('.chart').forEach((chart, n) => {
    const label = `chart ${n + 1} (${chart.getAttribute('aria-label')})`;
    const box = chart.getBoundingClientRect();
    const texts = [...chart.querySelectorAll('text, bdi, .hbar__value')]
      .map((t) => [t.textContent, t.getBoundingClientRect()]);
    const rects = [...chart.querySelectorAll('rect')].map((r) => r.getBoundingClientRect());
    texts.forEach(([text, r], i) => {
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        found.push(`${label}: "${text}" is cut off at the chart's edge`);
      }
      texts.slice(i + 1).forEach(([other, o]) => {
        if (hit(r, o)) found.push(`${label}: "${text}" overlaps "${other}"`);
      });
      if (rects.some((b) => b.width && hit(r, b))) found.push(`${label}: "${text}" lies over a bar or swatch`);
    });
  });
  return found;
}"""


def _axe_findings(page) -> list[str]:
    # Evaluated through the DevTools protocol: the reports' Content-Security-Policy rightly refuses a <script>.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    results = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"axe {v['impact']}: {v['id']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']})"
        for v in results
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("page_name", PAGES)
def test_the_report_is_laid_out_and_accessible_in_every_language(
    browser_page, live_server, seeded_committed, page_name
):
    findings: list[str] = []
    for language, direction in LANGUAGES.items():
        shot = f"reports-{page_name}-{language}.png"
        visit(browser_page, live_server.url + PAGES[page_name], shot, language=language)
        html = browser_page.locator("html")
        if (html.get_attribute("lang"), html.get_attribute("dir")) != (language, direction):
            findings.append(f"{language}: lang/dir are {html.get_attribute('lang')}/{html.get_attribute('dir')}")
        checks = (browser_page.evaluate(OVERFLOW_JS), browser_page.evaluate(CHART_JS), _axe_findings(browser_page))
        findings += [f"{language}: {problem}" for problems in checks for problem in problems]
    findings += browser_page.problems
    assert not findings, "\n".join(findings)
