"""Driving Debian's Chromium through Playwright for the report tests: fixtures and page checks shared by
``test_browser.py`` (behaviour) and ``test_layout.py`` (layout and accessibility of every report)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import close_connections_of_this_context, launch, needs_chromium  # noqa: F401 (needs_chromium is imported from here by the report tests)
from tests.conftest import load_seeded

# Playwright's sync API runs an event loop in this thread; pytest-django's database access from it is safe
# here because the live server and the browser never touch the same connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture
def browser_page(live_server, reader, client):
    sync_api = pytest.importorskip("playwright.sync_api")
    client.force_login(reader)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.problems = problems
        yield page
        close_connections_of_this_context()
        context.close()
        browser.close()


@pytest.fixture
def seeded_committed(transactional_db):
    """The fixtures, committed: the live server reads them on a connection of its own."""
    load_seeded()


def visit(page, url: str, shot: str, *, language: str = "en", width: int = 1366) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    response = page.goto(url)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
