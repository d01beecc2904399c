from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperation.dates import DatePrecision
from cooperation.reports.ical import fold
from cooperation.reports.models import CalendarToken
from tests import factories as f


def parse_ics(text: str) -> list[dict[str, str]]:
    """A minimal RFC 5545 reader: unfold lines, split name;params:value, collect VEVENTs."""
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    unfolded = text.replace("\r\n ", "").split("\r\n")
    events, current = [], None
    for line in filter(None, unfolded):
        name, _, value = line.partition(":")
        key = name.split(";")[0]
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[key] = value
    return events


@pytest.fixture
def agenda(db):
    today = timezone.localdate()
    f.EventFactory(
        title="Roundtable on AI, governance; and services",
        title_ru="Круглый стол по ИИ",
        start_date=today + dt.timedelta(days=10),
        end_date=today + dt.timedelta(days=12),
        city="Dubai",
    )
    f.DelegationFactory(
        title="Belarusian delegation",
        start_date=(today + dt.timedelta(days=40)).replace(day=1),
        start_precision=DatePrecision.MONTH,
        end_date=None,
    )


def test_a_manager_issues_a_link_and_the_feed_lists_events_and_visits(manager_client, manager, agenda):
    manager_client.post(reverse("reports:calendar_token"), {"action": "issue"})
    token = CalendarToken.objects.get(user=manager, revoked_at__isnull=True)
    page = manager_client.get(reverse("reports:calendar"))
    assert token.token in page.content.decode()

    manager_client.logout()  # calendar applications have no session: the token alone must do
    response = manager_client.get(token.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = {e["SUMMARY"]: e for e in parse_ics(response.content.decode())}
    roundtable = events["Roundtable on AI\\, governance\\; and services"]
    start = timezone.localdate() + dt.timedelta(days=10)
    assert roundtable["DTSTART"] == f"{start:%Y%m%d}"
    assert roundtable["DTEND"] == f"{start + dt.timedelta(days=3):%Y%m%d}"  # exclusive end of an all-day span
    visit = events["Belarusian delegation"]
    month_start = (timezone.localdate() + dt.timedelta(days=40)).replace(day=1)
    assert visit["DTSTART"] == f"{month_start:%Y%m%d}"  # a month-precision date covers the whole month
    assert len({e["UID"] for e in events.values()}) == 2


def test_a_revoked_link_stops_working(manager_client, manager, agenda):
    manager_client.post(reverse("reports:calendar_token"), {"action": "issue"})
    token = CalendarToken.objects.get(user=manager)
    manager_client.post(reverse("reports:calendar_token"), {"action": "revoke"})
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert manager_client.get(token.get_absolute_url()).status_code == 404


def test_issuing_a_new_link_revokes_the_old_one(manager_client, manager):
    manager_client.post(reverse("reports:calendar_token"), {"action": "issue"})
    first = CalendarToken.objects.get(user=manager)
    manager_client.post(reverse("reports:calendar_token"), {"action": "issue"})
    assert CalendarToken.objects.filter(user=manager).count() == 2
    assert manager_client.get(first.get_absolute_url()).status_code == 404
    live = CalendarToken.objects.get(user=manager, revoked_at__isnull=True)
    assert manager_client.get(live.get_absolute_url()).status_code == 200


def test_an_unknown_token_or_a_user_who_left_the_groups_gets_404(client, manager):
    assert client.get(reverse("reports:calendar_feed", kwargs={"token": "not-a-token"})).status_code == 404
    token = CalendarToken.objects.create(user=manager)
    manager.groups.clear()
    assert client.get(token.get_absolute_url()).status_code == 404


def test_long_lines_are_folded_without_splitting_characters():
    line = "SUMMARY:" + "Делегация Республики Беларусь " * 5
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
