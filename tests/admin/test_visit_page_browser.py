"""Recording one incoming visit in Chromium, as an officer would, and counting what it takes.

The scenario of issue 12: a 3-person delegation (two known officials and a new one typed in Arabic), a host,
a meeting during the visit and a memorandum signed there by one official of each side. Every click, fill,
choice and key press goes through ``Counter``; every form sent is a save. Screenshots of the saved visit's
page in English and Arabic go to tests/artifacts/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.urls import reverse

from cooperation.models import Agreement, Delegation, Event, MemberRole, Official, ParticipantRole
from tests.browser import close_connections_of_this_context, launch, needs_chromium
from tests.conftest import load_seeded

# Playwright's sync API runs an event loop in this thread; the live server has its own connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
NEW_NAME = "سالم الحمادي"

pytestmark = needs_chromium


class Counter:
    """The officer's hands: each call is one interaction, and a click that sends the form is also a save."""

    def __init__(self, page):
        self.page, self.interactions, self.saves = page, 0, 0

    def click(self, selector: str, *, saves: bool = False) -> None:
        self.interactions += 1
        if saves:
            self.saves += 1
            with self.page.expect_navigation():
                self.page.click(selector)
        else:
            self.page.click(selector)

    def fill(self, selector: str, text: str) -> None:
        self.interactions += 1
        self.page.fill(selector, text)

    def select(self, selector: str, **option) -> None:
        self.interactions += 1
        self.page.select_option(selector, **option)

    def press(self, selector: str, key: str) -> None:
        self.interactions += 1
        self.page.press(selector, key)

    def choose_official(self, row: str, typed: str) -> None:
        """The admin's autocomplete: open it, type part of the name, take the first match."""
        self.click(f"select[name='{row}-official'] + .select2 .select2-selection")
        self.fill(".select2-container--open .select2-search__field", typed)
        # The list first shows everyone (the empty search); wait for the answer to what was typed.
        self.page.wait_for_selector(f".select2-results__option--highlighted:has-text('{typed}')")
        self.press(".select2-container--open .select2-search__field", "Enter")


@pytest.fixture
def browser(live_server, transactional_db, protocol_staff, client):
    from playwright.sync_api import sync_playwright

    load_seeded()
    client.force_login(protocol_staff)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}
        chromium.session_cookie = cookie
        yield chromium
        close_connections_of_this_context()
        chromium.close()


def open_page(browser, url: str, *, language: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale=language)
    context.add_cookies(
        [browser.session_cookie, {"name": "django_language", "value": language, "url": browser.session_cookie["url"]}]
    )
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    # A missing script or a refused request is a problem; the browser's own favicon probe is not.
    page.on(
        "response",
        lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 and "favicon" not in r.url else None,
    )
    page.problems = problems
    page.goto(url)
    return page


def test_a_visit_is_recorded_on_one_page_in_few_interactions(browser, live_server):
    page = open_page(browser, live_server.url + reverse("admin:cooperation_delegation_changelist"), language="en")
    hand = Counter(page)

    hand.click("text=Record a visit")
    page.wait_for_selector("select[name='members-0-official'] + .select2")
    hand.fill("#id_title", "Belarusian delegation on government services")
    hand.select("#id_origin_country", value="BY")
    hand.select("#id_host_country", value="AE")
    hand.fill("#id_city", "Dubai")
    hand.fill("#id_start_date", "2025-10-14")
    hand.fill("#id_end_date", "2025-10-16")
    hand.select("#id_status", value="completed")

    hand.choose_official("members-0", "Shapkina")
    hand.select("[name='members-0-role']", value=MemberRole.HEAD)
    page.wait_for_selector("[name='members-0-position'] option:nth-child(2)", state="attached")
    hand.select("[name='members-0-position']", index=1)
    hand.choose_official("members-1", "Rudnev")
    hand.fill("[name='members-2-name']", NEW_NAME)
    # Inferred from the letters, not typed: the officer only reads them.
    assert page.input_value("[name='members-2-language']") == "ar"
    assert page.input_value("[name='members-2-script']") == "Arab"

    hand.choose_official("hosts-0", "Lootah")
    hand.fill("[name='events-0-title']", "Meeting at the Government Experience Exchange Office")
    hand.fill("[name='agreements-0-title']", "Memorandum on government experience exchange")
    hand.select("[name='agreements-0-origin_signatory']", label="Yulia Shapkina")
    hand.select("[name='agreements-0-host_signatory']", label="Abdullah Nasser Lootah")
    page.screenshot(path=str(ARTIFACTS / "visit-page-filled-en.png"), full_page=True)
    hand.click("input[name='_save']", saves=True)

    print(f"visit recorded in {hand.interactions} interactions, {hand.saves} saves")
    assert page.locator(".messagelist .success").count() == 1, page.locator(".errorlist").all_inner_texts()
    assert hand.interactions <= 30
    assert hand.saves <= 2
    assert page.problems == []

    visit = Delegation.objects.get(title="Belarusian delegation on government services")
    assert (visit.origin_country, visit.host_country, visit.city, str(visit.start_date)) == (
        "BY",
        "AE",
        "Dubai",
        "2025-10-14",
    )
    new = Official.objects.get(name=NEW_NAME)
    assert [(n.language, n.script) for n in new.names.all()] == [("ar", "Arab")]
    members = [(m.official.name, m.role, m.position is not None) for m in visit.members.order_by("order")]
    assert members == [
        ("Yulia Shapkina", MemberRole.HEAD, True),
        ("Sergey Rudnev", MemberRole.MEMBER, False),
        (NEW_NAME, MemberRole.MEMBER, False),
    ]
    meeting = Event.objects.get(delegation=visit)
    assert (str(meeting.start_date), meeting.city, meeting.country.code, meeting.status) == (
        "2025-10-14",
        "Dubai",
        "AE",
        "held",
    )
    assert {(p.official.name, p.role) for p in meeting.participants.all()} == {
        ("Yulia Shapkina", ParticipantRole.HEAD_OF_DELEGATION),
        ("Sergey Rudnev", ParticipantRole.PARTICIPANT),
        (NEW_NAME, ParticipantRole.PARTICIPANT),
        ("Abdullah Nasser Lootah", ParticipantRole.HOST),
    }
    mou = Agreement.objects.get(title="Memorandum on government experience exchange")
    assert (mou.kind, mou.status, str(mou.status_date), mou.signed_at) == ("mou", "signed", "2025-10-14", meeting)
    on_behalf = {(s.official.name, s.party.country.code) for s in mou.signatories.all()}
    assert on_behalf == {("Yulia Shapkina", "BY"), ("Abdullah Nasser Lootah", "AE")}
    assert {(p.country.code, p.actions.get().date.isoformat()) for p in mou.parties.all()} == {
        ("BY", "2025-10-14"),
        ("AE", "2025-10-14"),
    }

    url = live_server.url + reverse("admin:cooperation_delegation_visit", args=[visit.pk])
    for language in ("en", "ar"):
        shown = open_page(browser, url, language=language)
        shown.wait_for_load_state("networkidle")
        assert shown.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        shown.screenshot(path=str(ARTIFACTS / f"visit-page-{language}.png"), full_page=True)
        assert shown.problems == []
