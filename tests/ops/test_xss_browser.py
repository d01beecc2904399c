"""Text from documents never executes: a hostile import opened in Debian's Chromium, in the admin and reports.

The document goes through the real pipeline (``document_submit`` and the task, run eagerly); a record whose
title carries the same payload is created through the ORM, as an officer accepting a candidate would. If any
page forgot to escape, the payload sets ``window.__xss`` or opens a dialog; both are watched.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.urls import reverse

from cooperation.importing.models import Candidate, CandidateKind, ImportStatus
from cooperation.importing.services.intake import document_submit
from govex.celery import app as celery_app
from tests.browser import launch, needs_chromium
from tests.factories import AgreementFactory, DelegationMemberFactory, OfficialFactory

from .bad_inputs import IMG, RLO, SCRIPT

# Playwright's sync API runs an event loop in this thread; the live server has its own connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "ops"
SVG = "<svg onload=alert(1)>"
PAYLOAD = f"{SCRIPT}{IMG}{SVG}"

pytestmark = needs_chromium


@pytest.fixture
def hostile_import(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    text = (
        f"Visit notes {PAYLOAD}\n\n"
        f"On 12 March 2024 H.E. {RLO}Ahmed Al Mansoori{SCRIPT}, Minister of Economy, met H.E. Batbayar "
        f"Ganbold {IMG}, Minister of Digital Development, in Abu Dhabi. {SVG}\n"
    )
    try:
        document = document_submit(data=text.encode(), name=f"{PAYLOAD}{RLO}txt.md").document
    finally:
        celery_app.conf.task_always_eager = previous
    document.refresh_from_db()
    assert document.status == ImportStatus.READY_FOR_REVIEW, document.error
    # A name as an extractor might return it from a hostile page, matched against a record that carries the
    # payload too: the review screen shows the label, the passage, the match and the merge preview.
    official = OfficialFactory(name=f"Ahmed {PAYLOAD}")
    Candidate.objects.create(
        document=document,
        kind=CandidateKind.PERSON,
        order=document.candidates.count() + 1,
        label=f"{RLO}Ahmed {PAYLOAD} — Minister",
        value={"normal": f"Ahmed {PAYLOAD}", "forms": [f"{RLO}Ahmed {PAYLOAD}"], "country": "AE"},
        evidence_start=0,
        evidence_end=10,
        passage=f"met {PAYLOAD} in Abu Dhabi",
        confidence=0.9,
        matches=[{"id": official.pk, "label": official.name, "score": 91}],
        preselected_id=official.pk,
    )
    return document


@pytest.fixture
def page(live_server, protocol_staff, client):
    from playwright.sync_api import sync_playwright

    client.force_login(protocol_staff)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.dialogs = dialogs
        yield page
        context.close()
        browser.close()


def assert_inert(page, url: str, shot: str, *, visible: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    assert page.evaluate("typeof window.__xss") == "undefined", url
    assert page.dialogs == [], url
    # The payload is there for the officer to read, as text.
    assert visible in page.locator("body").inner_text(), url


def test_a_hostile_document_is_shown_as_text_on_the_status_and_review_pages(page, live_server, hostile_import):
    status = reverse("admin:importing_importeddocument_status", args=[hostile_import.pk])
    assert_inert(page, live_server.url + status, "xss-status.png", visible=SCRIPT)
    review = reverse("admin:importing_importeddocument_review", args=[hostile_import.pk])
    assert_inert(page, live_server.url + review, "xss-review.png", visible=IMG)
    body = page.locator("body").inner_text()
    assert SVG in body and f"{RLO}Ahmed" in body
    changelist = reverse("admin:importing_importeddocument_changelist")
    assert_inert(page, live_server.url + changelist, "xss-import-list.png", visible=SCRIPT)


def test_a_record_titled_with_a_payload_is_shown_as_text_in_the_reports(page, live_server, transactional_db):
    AgreementFactory(title=f"Memorandum {PAYLOAD} on {RLO}digital services", status="signed")
    DelegationMemberFactory(
        official=OfficialFactory(name=f"Ahmed {PAYLOAD}"), delegation__title=f"Delegation {PAYLOAD}"
    )
    assert_inert(page, f"{live_server.url}/reports/agreements/", "xss-report-agreements.png", visible=SCRIPT)
    assert_inert(page, f"{live_server.url}/reports/officials/", "xss-report-officials.png", visible=IMG)
    assert_inert(page, f"{live_server.url}/reports/countries/by/", "xss-report-country.png", visible=SCRIPT)
