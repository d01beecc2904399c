from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from cooperation.dates import DatePrecision
from cooperation.models import DelegationStatus, EventStatus
from cooperation.reports.calendar_grid import add_months, month_grid, parse_month
from cooperation.reports.filters import ReportFilters
from cooperation.reports.models import CalendarToken
from cooperation.reports.selectors import calendar_entries
from tests import factories as f
from tests.reports.chromium import browser_page, needs_chromium, seeded_committed, visit

# The report tests run on 15 January 2026 (conftest.REPORT_DAY).
JAN = dt.date(2026, 1, 1)
__all__ = ["browser_page", "seeded_committed"]  # fixtures, used by name


def feed_events(client, user) -> dict[str, icalendar.Event]:
    """The user's feed, parsed by the icalendar library, as {summary: VEVENT}."""
    token = CalendarToken.objects.create(user=user)
    client.logout()  # calendar applications have no session: the token alone must do
    response = client.get(token.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def agenda(db):
    f.EventFactory(
        title="Roundtable on AI, governance; and services",
        title_ru="Круглый стол по ИИ",
        start_date=dt.date(2026, 1, 20),
        end_date=dt.date(2026, 1, 22),
        city="Dubai",
    )
    return f.DelegationFactory(
        title="Belarusian delegation",
        start_date=dt.date(2026, 2, 1),
        start_precision=DatePrecision.MONTH,
        end_date=None,
        status=DelegationStatus.PLANNED,
    )


# --- the feed ----------------------------------------------------------------------------------------------------


def test_a_manager_issues_a_link_and_the_feed_lists_events_and_visits_as_all_day_dates(manager_client, manager, agenda):
    manager_client.post(reverse("reports:calendar_token"), {"action": "issue"})
    token = CalendarToken.objects.get(user=manager, revoked_at__isnull=True)
    assert token.token in manager_client.get(reverse("reports:calendar")).content.decode()
    token.delete()

    events = feed_events(manager_client, manager)
    roundtable = events["Roundtable on AI, governance; and services"]
    # All-day values (VALUE=DATE, not midnight date-times); DTEND is exclusive.
    assert roundtable.decoded("DTSTART") == dt.date(2026, 1, 20)
    assert not isinstance(roundtable.decoded("DTSTART"), dt.datetime)
    assert roundtable.decoded("DTEND") == dt.date(2026, 1, 23)
    visit = events["Belarusian delegation"]
    # A month-precision date covers the whole month, not its first day.
    assert (visit.decoded("DTSTART"), visit.decoded("DTEND")) == (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    assert str(visit["UID"]) == str(agenda.uid)  # the record's permanent id, which survives a renamed slug
    stamp = visit.decoded("DTSTAMP")
    assert stamp.utcoffset() == dt.timedelta(0) and abs(stamp - timezone.now()) < dt.timedelta(minutes=5)


# iCalendar's STATUS for each status of a record, by the factory that makes the record.
FEED_STATUS = [
    (
        f.DelegationFactory,
        {
            "TENTATIVE": [DelegationStatus.REQUESTED, DelegationStatus.PLANNED, DelegationStatus.POSTPONED],
            "CONFIRMED": [DelegationStatus.CONFIRMED, DelegationStatus.COMPLETED],
            "CANCELLED": [DelegationStatus.CANCELLED],
        },
    ),
    (
        f.EventFactory,
        {
            "TENTATIVE": [EventStatus.PLANNED, EventStatus.POSTPONED],
            "CONFIRMED": [EventStatus.CONFIRMED, EventStatus.HELD],
            "CANCELLED": [EventStatus.CANCELLED],
        },
    ),
]


@pytest.mark.parametrize(
    ("factory", "status", "expected"),
    [
        pytest.param(factory, status, expected, id=f"{factory.__name__}-{status}")
        for factory, statuses in FEED_STATUS
        for expected, listed in statuses.items()
        for status in listed
    ],
)
def test_a_records_feed_status_follows_its_own_status(manager_client, manager, factory, status, expected):
    factory(title="Visit", status=status, start_date=dt.date(2026, 3, 2), end_date=None)
    assert str(feed_events(manager_client, manager)["Visit"]["STATUS"]) == expected


def test_long_lines_are_folded_without_splitting_characters(manager_client, manager):
    title = "Делегация Республики Беларусь " * 5
    f.EventFactory(title=title.strip(), start_date=dt.date(2026, 3, 2))
    token = CalendarToken.objects.create(user=manager)
    raw = manager_client.get(token.get_absolute_url()).content
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    raw.decode("utf-8")  # each folded piece ends on a whole character
    assert str(icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]["SUMMARY"]) == title.strip()


# --- links -------------------------------------------------------------------------------------------------------


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


def test_an_unknown_action_leaves_the_link_working(manager_client, manager):
    token = CalendarToken.objects.create(user=manager)
    manager_client.post(reverse("reports:calendar_token"), {"action": "bogus"})
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_unknown_token_or_a_user_who_left_the_groups_gets_404(client, manager):
    assert client.get(reverse("reports:calendar_feed", kwargs={"token": "not-a-token"})).status_code == 404
    token = CalendarToken.objects.create(user=manager)
    manager.groups.clear()
    assert client.get(token.get_absolute_url()).status_code == 404


# --- the page ----------------------------------------------------------------------------------------------------


def _cells(html: str) -> dict[str, str]:
    """The month grid's day cells: {'2026-01-20': '<td ...>...</td>'}."""
    return {
        m[1]: m[0]
        for m in re.finditer(r'<td class="cal-day[^"]*"[^>]*>\s*<time[^>]*datetime="([\d-]+)".*?</td>', html, re.S)
    }


def test_the_month_grid_puts_each_record_on_its_days(manager_client, agenda):
    html = manager_client.get(reverse("reports:calendar")).content.decode()  # today's month: January 2026
    cells = _cells(html)
    assert len(cells) % 7 == 0 and "2026-01-01" in cells and "2026-01-31" in cells
    for day in ("2026-01-20", "2026-01-21", "2026-01-22"):
        assert "cal-entry--event" in cells[day] and "Roundtable on AI" in cells[day]
    assert "Roundtable" not in cells["2026-01-19"] and "Roundtable" not in cells["2026-01-23"]
    assert 'aria-current="date"' in cells["2026-01-15"]
    # One rendering of the records: no second table repeating them.
    assert html.count("<table") == 1 and "table-block" not in html


def test_a_record_known_only_to_the_month_is_listed_apart_never_on_the_first(manager_client, agenda):
    html = manager_client.get(reverse("reports:calendar"), {"month": "2026-02"}).content.decode()
    cells = _cells(html)
    assert "Belarusian delegation" not in cells["2026-02-01"]
    without_day = html.split('id="h-without-day"')[1].split("</section>")[0]
    assert "cal-entry--delegation" in without_day and "Belarusian delegation" in without_day
    assert "February 2026" in html


def test_the_month_navigation_keeps_the_filters(manager_client, agenda):
    html = manager_client.get(reverse("reports:calendar"), {"month": "2026-01", "country": "BY"}).content.decode()
    links = {rel: unescape(href) for href, rel in re.findall(r'<a href="([^"]+)" rel="(prev|next)"', html)}
    assert parse_qs(urlsplit(links["prev"]).query) == {"month": ["2025-12"], "country": ["BY"]}
    assert parse_qs(urlsplit(links["next"]).query) == {"month": ["2026-02"], "country": ["BY"]}


def test_the_list_view_shows_visits_and_events_distinguished(manager_client, agenda):
    html = manager_client.get(reverse("reports:calendar"), {"view": "list"}).content.decode()
    assert "cal-month" not in html
    assert re.search(r'cal-entry--event"><a href="[^"]+"><bdi>Roundtable on AI', html)
    assert re.search(r'cal-entry--delegation"><a href="[^"]+"><bdi>Belarusian delegation', html)


def test_the_week_starts_as_the_readers_language_counts_it_and_arabic_is_right_to_left(manager_client, agenda):
    english = manager_client.get(reverse("reports:calendar"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert re.search(r'<thead>\s*<tr><th scope="col" abbr="Sunday">', english)
    russian = manager_client.get(reverse("reports:calendar"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert re.search(r'<thead>\s*<tr><th scope="col" abbr="Понедельник">', russian)
    arabic = manager_client.get(reverse("reports:calendar"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'dir="auto">Roundtable on AI, governance; and services</a>' in arabic  # English inside Arabic: isolated


def test_the_calendar_exports_its_month_with_iso_dates(manager_client, agenda):
    response = manager_client.get(
        reverse("reports:calendar"), {"month": "2026-02", "export": "csv", "table": "calendar"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Dates: start", "Dates: end", "Kind"]
    assert [row[:4] for row in rows[1:]] == [["2026-02", "", "Delegation", "Belarusian delegation"]]


def test_the_calendar_prints_to_pdf(manager_client, agenda):
    response = manager_client.get(reverse("reports:calendar"), {"export": "pdf"})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


# --- the grid, without the web -----------------------------------------------------------------------------------


def test_a_month_parameter_out_of_range_or_malformed_gives_the_default_month():
    today = dt.date(2026, 1, 15)
    assert parse_month("2026-03", default=today) == dt.date(2026, 3, 1)
    for raw in ("2026-13", "1200-01", "march", "", None, "2026-3"):
        assert parse_month(raw, default=today) == JAN


def test_months_turn_over_the_year():
    assert add_months(dt.date(2026, 12, 1), 1) == dt.date(2027, 1, 1)
    assert add_months(JAN, -1) == dt.date(2025, 12, 1)


def test_a_visit_across_the_month_end_fills_the_following_days_of_the_grid(db):
    f.DelegationFactory(title="Long visit", start_date=dt.date(2026, 1, 30), end_date=dt.date(2026, 2, 2))
    entries = calendar_entries(date_from=dt.date(2025, 12, 28), date_to=dt.date(2026, 2, 7), filters=ReportFilters())
    grid = month_grid(JAN, entries, today=dt.date(2026, 1, 15), first_weekday=0)
    days = {d.date: d for week in grid.weeks for d in week}
    assert [d for d, day in sorted(days.items()) if day.entries] == [
        dt.date(2026, 1, 30),
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 1),
    ]  # the grid (Monday first) ends on Sunday 1 February
    assert grid.weeks[0][0].date == dt.date(2025, 12, 29) and not grid.weeks[0][0].in_month
    assert grid.weekdays[0][1] == "Monday"


# --- in Chromium -------------------------------------------------------------------------------------------------


@needs_chromium[0]
@needs_chromium[1]
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_month_grid_in_chromium_fits_and_reads_in_the_pages_direction(
    browser_page, live_server, seeded_committed, language
):
    f.EventFactory(
        title="Forum on digital government services", start_date=dt.date(2026, 2, 9), end_date=dt.date(2026, 2, 11)
    )
    f.DelegationFactory(
        title="Kazakh delegation",
        origin_country="KZ",
        start_date=dt.date(2026, 2, 1),
        start_precision=DatePrecision.MONTH,
        end_date=None,
        status=DelegationStatus.PLANNED,
    )
    visit(
        browser_page,
        f"{live_server.url}/reports/calendar/?month=2026-02",
        f"reports-calendar-{language}.png",
        language=language,
    )
    page = browser_page
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    grid = page.locator("table.cal-month")
    # The grid never runs past its container, and no entry's text escapes its day.
    assert page.evaluate("(t) => t.scrollWidth <= t.parentElement.clientWidth", grid.element_handle())
    assert page.evaluate(
        """() => [...document.querySelectorAll('.cal-day .cal-entry')].every(e => {
             const d = e.closest('td').getBoundingClientRect(), r = e.getBoundingClientRect();
             return r.left >= d.left - 0.5 && r.right <= d.right + 0.5; })"""
    )
    headers = page.locator(".cal-month thead th")
    first, last = headers.first.bounding_box(), headers.last.bounding_box()
    # The week runs with the text: left to right in English, right to left in Arabic.
    assert (first["x"] > last["x"]) == (language == "ar")
    event = page.locator(".cal-day .cal-entry--event").first
    visit_mark = page.locator(".cal-without-day .cal-entry--delegation").first
    style = "(e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).borderInlineStartStyle]"
    assert event.evaluate(style) != visit_mark.evaluate(style)  # visits and events differ in colour and shape
    assert page.locator(".cal-day").count() % 7 == 0
    assert browser_page.problems == []
