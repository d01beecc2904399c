"""The reports in Debian's Chromium: they load without console errors, and screenshots are kept for a look."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.utils import translation
from django_countries.fields import Country

from tests.conftest import load_seeded

# Playwright's sync API runs an event loop in this thread; pytest-django's database access from it is safe
# here because the live server and the browser never touch the same connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def browser_page(live_server, reader, client):
    from playwright.sync_api import sync_playwright

    client.force_login(reader)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.problems = problems
        yield page
        context.close()
        browser.close()


@pytest.fixture
def seeded_committed(transactional_db):
    """The fixtures, committed: the live server reads them on a connection of its own."""
    load_seeded()


def _visit(page, url: str, shot: str, *, language: str = "en", width: int = 1366) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    response = page.goto(url)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)


def test_the_dashboard_loads_with_charts_and_no_console_errors(browser_page, live_server, seeded_committed):
    _visit(browser_page, f"{live_server.url}/reports/", "reports-dashboard-en.png")
    assert browser_page.locator("svg.chart").count() >= 3
    assert browser_page.locator("html").get_attribute("dir") == "ltr"
    _visit(browser_page, f"{live_server.url}/reports/", "reports-dashboard-tablet-ru.png", language="ru", width=820)
    assert browser_page.locator("html").get_attribute("lang") == "ru"
    assert browser_page.problems == []


def test_the_belarus_profile_in_arabic_is_right_to_left(browser_page, live_server, seeded_committed):
    _visit(browser_page, f"{live_server.url}/reports/countries/by/", "reports-country-by-ar.png", language="ar")
    html = browser_page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    with translation.override("ar"):
        assert browser_page.locator("h1").inner_text() == str(Country("BY").name)
    assert "زيارة وفد بيلاروسي إلى دولة الإمارات" in browser_page.content()
    assert browser_page.problems == []


def test_the_agreement_tracker_loads_and_the_language_switch_works(browser_page, live_server, seeded_committed):
    _visit(browser_page, f"{live_server.url}/reports/agreements/", "reports-agreements-en.png")
    assert browser_page.locator("table caption").count() >= 3
    browser_page.get_by_role("button", name="Русский").click()
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.locator("html").get_attribute("lang") == "ru"
    browser_page.screenshot(path=str(ARTIFACTS / "reports-agreements-ru.png"), full_page=True)
    # Keyboard users reach the content first through the skip link.
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.className") == "skip-link"
    assert browser_page.problems == []
