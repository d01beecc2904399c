"""A Content-Security-Policy on the admin, the reports and the API docs: only govex's own and nonce'd code runs.

The header comes from django-csp (settings.CONTENT_SECURITY_POLICY). A page keeps working under it only if each
of its inline ``<script>`` and ``<style>`` blocks carries the response's nonce and no element has an ``on…=``
handler; the HTML checks below hold every page to that, and the browser test asks Chromium itself.
"""

from __future__ import annotations

import os
import re

import pytest
from django.test import Client

from cooperation.importing.models import ImportedDocument, ImportStatus
from tests.browser import launch, needs_chromium

INLINE = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def assert_inline_code_carries_the_nonce(response) -> None:
    assert response.status_code == 200
    page = response.content.decode()
    nonces = {value for value in policy(response)["script-src"] if value.startswith("'nonce-")}
    for tag, attributes in INLINE.findall(page):
        if tag.lower() == "script" and "src=" in attributes:
            continue
        nonce = re.search(r'nonce="([^"]+)"', attributes)
        assert nonce and f"'nonce-{nonce.group(1)}'" in nonces, f"<{tag}{attributes}> on {response.wsgi_request.path}"
    assert not HANDLER.search(page), HANDLER.search(page).group(0)


@pytest.fixture
def superuser_client(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client


def test_admin_pages_send_the_policy(superuser_client):
    response = superuser_client.get("/admin/")

    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["script-src"] + directives["style-src"]
    assert_inline_code_carries_the_nonce(response)


@pytest.mark.parametrize(
    "url",
    ["/reports/", "/reports/countries/", "/reports/countries/by/", "/reports/annual/", "/reports/agreements/",
     "/reports/officials/", "/reports/calendar/"],
)  # fmt: skip
def test_report_pages_send_the_policy_and_nonce_their_inline_code(superuser_client, url):
    response = superuser_client.get(url)

    assert "'unsafe-inline'" not in policy(response)["script-src"]
    assert_inline_code_carries_the_nonce(response)


@pytest.mark.parametrize(
    "url",
    ["/admin/cooperation/delegation/", "/admin/cooperation/delegation/add/",
     "/admin/importing/importeddocument/", "/api/v1/docs/", "/api/v1/redoc/"],
)  # fmt: skip
def test_inline_code_on_admin_and_docs_pages_carries_the_nonce(superuser_client, url):
    assert_inline_code_carries_the_nonce(superuser_client.get(url))


def test_the_sign_in_page_sends_the_policy(client, db):
    assert_inline_code_carries_the_nonce(client.get("/admin/login/"))


def test_the_running_import_pages_polling_script_carries_the_nonce(superuser_client):
    document = ImportedDocument.objects.create(sha256="c" * 64, original_name="slow.txt", status=ImportStatus.QUEUED)

    response = superuser_client.get(f"/admin/importing/importeddocument/{document.pk}/status/")

    assert "<script nonce=" in response.content.decode()
    assert_inline_code_carries_the_nonce(response)


def test_only_the_redoc_page_allows_inline_styles(superuser_client):
    redoc = policy(superuser_client.get("/api/v1/redoc/"))
    swagger = policy(superuser_client.get("/api/v1/docs/"))

    assert redoc["style-src"] == ["'self'", "'unsafe-inline'"]
    assert redoc["worker-src"] == ["'self'", "blob:"]
    assert "'unsafe-inline'" not in redoc["script-src"]
    assert "'unsafe-inline'" not in swagger["style-src"]


@pytest.mark.browser
@needs_chromium[0]
@needs_chromium[1]
def test_chromium_reports_no_violation_and_the_pages_work(live_server, admin_user, client):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the live server has its own connection.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    client.force_login(admin_user)
    violations: list[str] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context()
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        page = context.new_page()
        page.expose_function("reportViolation", lambda violation: violations.append(violation))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "window.reportViolation(location.pathname + ' ' + e.violatedDirective + ' ' + e.blockedURI))"
        )
        page.add_init_script("window.print = () => { window.__printed = true; }")

        page.goto(f"{live_server.url}/admin/", wait_until="networkidle")
        assert page.locator("#nav-sidebar, #content-main").count() > 0
        page.goto(f"{live_server.url}/reports/annual/", wait_until="networkidle")
        page.click("[data-print]")
        assert page.evaluate("window.__printed") is True
        page.goto(f"{live_server.url}/api/v1/docs/", wait_until="networkidle")
        page.wait_for_selector(".opblock")
        page.goto(f"{live_server.url}/api/v1/redoc/", wait_until="networkidle")
        page.wait_for_selector("[data-section-id]")
        page.wait_for_timeout(500)
        context.close()
        browser.close()

    # ReDoc's footer logo is fetched from cdn.redoc.ly: blocked on purpose (no third-party requests).
    assert violations == ["/api/v1/redoc/ img-src https://cdn.redoc.ly/redoc/logo-mini.svg"]
