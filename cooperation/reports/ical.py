"""The iCalendar (RFC 5545) feed of events and visits, written with the ``icalendar`` library.

The library owns the format (escaping, folding at 75 octets, CRLF, DATE vs DATE-TIME values); this module
owns what the feed says: which records, their all-day dates (or times in the place's zone) and a STATUS that
follows the record's own status.
"""

from __future__ import annotations

import datetime as dt

import icalendar
from django.utils import timezone

from cooperation.models import DelegationStatus, EventStatus

from .filters import ReportFilters
from .selectors import CalendarEntry, calendar_entries

# RFC 5545 3.8.1.11: a VEVENT is TENTATIVE, CONFIRMED or CANCELLED. Anything not yet confirmed (requested,
# planned) or moved to no known date (postponed) must not look settled in a subscriber's calendar.
# Event and delegation statuses share their values where they mean the same (planned, confirmed, ...).
STATUS = {
    DelegationStatus.REQUESTED: "TENTATIVE",
    DelegationStatus.PLANNED: "TENTATIVE",
    DelegationStatus.POSTPONED: "TENTATIVE",
    DelegationStatus.CONFIRMED: "CONFIRMED",
    DelegationStatus.COMPLETED: "CONFIRMED",
    DelegationStatus.CANCELLED: "CANCELLED",
    EventStatus.HELD: "CONFIRMED",
}


def ical_status(entry: CalendarEntry) -> str:
    # An unknown value stays TENTATIVE: claiming a visit is confirmed is the error the feed must not make.
    return STATUS.get(entry.status_value, "TENTATIVE")


def entry_event(entry: CalendarEntry, *, stamp: dt.datetime, base_url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    if entry.starts_at is not None:
        # A time of day in the place's zone (DTSTART;TZID=Asia/Tashkent, with the VTIMEZONE the feed adds): a
        # subscriber in another zone sees it at their own clock. DTEND must be a DATE-TIME too: without an end
        # time a multi-day event runs to the end of its last day, a one-day event is a point in time.
        event.add("dtstart", entry.starts_at)
        last_day = (entry.end or entry.start).last_day
        if entry.ends_at is not None:
            event.add("dtend", entry.ends_at)
        elif last_day > entry.starts_at.date():
            event.add("dtend", dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), entry.starts_at.tzinfo))
    else:
        # Records without a time are all-day values (VALUE=DATE). DTEND is exclusive, and a month- or
        # year-precision date covers its whole period rather than pretending to be its first day.
        event.add("dtstart", entry.start.first_day)
        event.add("dtend", (entry.end or entry.start).last_day + dt.timedelta(days=1))
    event.add("summary", entry.title)
    event.add("categories", [str(entry.kind)])
    event.add("status", ical_status(entry))
    if entry.place:
        event.add("location", entry.place)
    when = " ".join(part for part in (entry.dates_display, entry.times_display) if part)
    event.add("description", f"{entry.kind} · {entry.status} · {when}")
    event.add("url", f"{base_url.rstrip('/')}{entry.url}")
    return event


def calendar_feed(*, today: dt.date, base_url: str, past_days: int = 365, future_days: int = 730) -> bytes:
    entries = calendar_entries(
        date_from=today - dt.timedelta(days=past_days),
        date_to=today + dt.timedelta(days=future_days),
        filters=ReportFilters(),
        include_cancelled=True,
    )
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//govex//protocol office calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "govex")
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for entry in entries:
        calendar.add_component(entry_event(entry, stamp=stamp, base_url=base_url))
    # RFC 5545 3.6.5: every TZID used needs its VTIMEZONE in the same calendar
    calendar.add_missing_timezones()
    return calendar.to_ical()
