"""The reports in Debian's Chromium: they load without console errors, and screenshots are kept for a look."""

from __future__ import annotations

from django.utils import translation
from django_countries.fields import Country

from tests.reports.chromium import ARTIFACTS, browser_page, needs_chromium, seeded_committed, visit

pytestmark = needs_chromium
__all__ = ["browser_page", "seeded_committed"]  # fixtures, used by name


def test_the_dashboard_loads_with_charts_and_no_console_errors(browser_page, live_server, seeded_committed):
    visit(browser_page, f"{live_server.url}/reports/", "reports-dashboard-en.png")
    assert browser_page.locator(".chart").count() >= 3
    assert browser_page.locator("html").get_attribute("dir") == "ltr"
    visit(browser_page, f"{live_server.url}/reports/", "reports-dashboard-tablet-ru.png", language="ru", width=820)
    assert browser_page.locator("html").get_attribute("lang") == "ru"
    assert browser_page.problems == []


def test_the_belarus_profile_in_arabic_is_right_to_left(browser_page, live_server, seeded_committed):
    visit(browser_page, f"{live_server.url}/reports/countries/by/", "reports-country-by-ar.png", language="ar")
    html = browser_page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    with translation.override("ar"):
        assert browser_page.locator("h1").inner_text() == str(Country("BY").name)
    assert "زيارة وفد بيلاروسي إلى دولة الإمارات" in browser_page.content()
    assert browser_page.problems == []


def test_the_agreement_tracker_loads_and_the_language_switch_works(browser_page, live_server, seeded_committed):
    visit(browser_page, f"{live_server.url}/reports/agreements/", "reports-agreements-en.png")
    assert browser_page.locator("table caption").count() >= 3
    browser_page.get_by_role("button", name="Русский").click()
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.locator("html").get_attribute("lang") == "ru"
    browser_page.screenshot(path=str(ARTIFACTS / "reports-agreements-ru.png"), full_page=True)
    # Keyboard users reach the content first through the skip link.
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.className") == "skip-link"
    assert browser_page.problems == []
