"""A small iCalendar (RFC 5545) writer for the events and visits feed.

Hand-written rather than a dependency: the feed needs only VEVENTs with all-day dates, and the rules that
matter (CRLF line ends, escaping, folding at 75 octets) fit in a few lines.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .filters import ReportFilters
from .selectors import calendar_entries


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces without breaking a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], "", 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def calendar_feed(*, today: dt.date, base_url: str, past_days: int = 365, future_days: int = 730) -> str:
    entries = calendar_entries(
        date_from=today - dt.timedelta(days=past_days),
        date_to=today + dt.timedelta(days=future_days),
        filters=ReportFilters(),
    )
    stamp = timezone.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//govex//protocol office calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:govex",
    ]
    for entry in entries:
        # All-day events: DTEND is exclusive. A month- or year-precision date covers its whole period.
        start = entry.start.first_day
        end = (entry.end or entry.start).last_day + dt.timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{entry.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{escape_text(entry.title)}",
            f"CATEGORIES:{escape_text(str(entry.kind))}",
            f"STATUS:{'CONFIRMED' if entry.status else 'TENTATIVE'}",
        ]
        if entry.place:
            lines.append(f"LOCATION:{escape_text(entry.place)}")
        lines.append(f"DESCRIPTION:{escape_text(f'{entry.kind} · {entry.status} · {entry.dates_display}')}")
        lines.append(f"URL:{base_url.rstrip('/')}{entry.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
