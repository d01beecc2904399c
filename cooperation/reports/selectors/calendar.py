"""The calendar: events and visits in a date window (the page and the iCalendar feed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from cooperation.dates import PartialDate
from cooperation.models import (
    Delegation,
    Event,
    EventStatus,
)

from ..bidi import joined
from ..filters import ReportFilters, apply_filters
from .common import ROW_LIMIT, admin_url, country_name


@dataclass
class CalendarEntry:
    uid: str
    kind: str
    title: str
    start: PartialDate
    end: PartialDate | None
    place: str
    status: str
    url: str
    dates_display: str
    record: str = "event"  # "event" or "delegation": the page tells visits from events, and so does the feed
    status_value: str = ""  # the stored EventStatus / DelegationStatus value: the feed's STATUS comes from it
    starts_at: dt.datetime | None = None  # an event with a time of day, in the place's zone
    ends_at: dt.datetime | None = None
    times_display: str = ""  # "10:30–12:00 (Asia/Tashkent)"


def calendar_entries(
    *,
    date_from: dt.date,
    date_to: dt.date,
    filters: ReportFilters,
    limit: int = ROW_LIMIT * 5,
    include_cancelled: bool = False,
) -> list[CalendarEntry]:
    """Events and delegations overlapping [date_from, date_to], in date order (two queries, ``limit`` each).

    The page leaves cancelled records out; the feed keeps them so that subscribed calendars show the
    cancellation instead of keeping a stale copy.
    """
    from django.utils.translation import gettext as _

    # Both enums store "cancelled"; an empty Q() leaves nothing out.
    cancelled = Q() if include_cancelled else Q(status=EventStatus.CANCELLED)

    window = Q(start_date__lte=date_to) & (
        Q(end_date__gte=date_from) | Q(end_date__isnull=True, start_date__gte=date_from)
    )

    def within(model):
        query = apply_filters(model.objects.filter(window), filters, skip=("date",)).exclude(cancelled)
        return query.order_by("start_date", "slug")[:limit]

    def entry(record, name: str, kind: str, *place: str) -> CalendarEntry:
        return CalendarEntry(
            uid=str(record.uid),  # permanent, unlike the slug (RFC 7986: a UUID)
            kind=kind,
            title=record.localized("title"),
            start=record.start,
            end=record.end,
            place=joined(place),
            status=record.get_status_display(),
            url=admin_url(name, record.pk),
            dates_display=record.dates_display,
            record=name,
            status_value=record.status,
            starts_at=getattr(record, "starts_at", None),
            ends_at=getattr(record, "ends_at", None),
            times_display=getattr(record, "times_display", ""),
        )

    entries = [entry(e, "event", e.get_kind_display(), e.venue, e.city, country_name(e.country)) for e in within(Event)]
    entries += [
        entry(d, "delegation", _("Delegation"), d.city, country_name(d.host_country)) for d in within(Delegation)
    ]
    entries.sort(key=lambda e: (e.start.first_day, e.title))
    return entries
