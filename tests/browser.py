"""Debian's Chromium for the browser tests (reports, CSP, XSS): where it is, how it starts, how a test skips
when the machine has none. Playwright drives it; it is not downloaded by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# No sandbox (containers run as root), and nothing that talks to the network behind the test's back.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def close_connections_of_this_context() -> None:
    """Close the database connections a test opened while Playwright's loop ran (call it before leaving
    ``sync_playwright()``): they belong to that context, so nothing else closes them, and PostgreSQL refuses to
    drop a test database that still has a session."""
    from django.db import connections

    connections.close_all()
