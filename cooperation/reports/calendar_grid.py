"""The calendar page's month: weeks of days holding the events and visits of each day.

Pure layout over ``CalendarEntry`` values, no queries. A record known only to the month or the year ("October
2025") is never put on the 1st: it goes to the month's list of records without a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

from cooperation.dates import DatePrecision

from .selectors import CalendarEntry

MONTH_PARAM = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    entries: list[CalendarEntry] = field(default_factory=list)


@dataclass
class MonthGrid:
    month: dt.date  # its first day
    weekdays: list[tuple[str, str]]  # (abbreviation, full name) in the order the locale's week runs
    weeks: list[list[Day]]
    without_day: list[CalendarEntry]  # month- or year-precision records overlapping the month
    previous: dt.date
    next: dt.date

    @property
    def first_day(self) -> dt.date:
        return self.weeks[0][0].date

    @property
    def last_day(self) -> dt.date:
        return self.weeks[-1][-1].date


def parse_month(raw: str | None, *, default: dt.date) -> dt.date:
    """``2026-03`` as the first day of that month; anything else (or out of range) gives ``default``'s month."""
    match = MONTH_PARAM.match(raw or "")
    if match:
        year, month = int(match[1]), int(match[2])
        if 1900 <= year <= 2200 and 1 <= month <= 12:
            return dt.date(year, month, 1)
    return default.replace(day=1)


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def grid_range(month: dt.date, *, first_weekday: int) -> tuple[dt.date, dt.date]:
    """The first and last day shown: whole weeks around the month. ``first_weekday``: 0 = Monday (Python)."""
    weeks = calendar.Calendar(first_weekday).monthdatescalendar(month.year, month.month)
    return weeks[0][0], weeks[-1][-1]


def _dated_to_the_day(entry: CalendarEntry) -> bool:
    return entry.start.precision == DatePrecision.DAY and (
        entry.end is None or entry.end.precision == DatePrecision.DAY
    )


def month_grid(month: dt.date, entries: list[CalendarEntry], *, today: dt.date, first_weekday: int) -> MonthGrid:
    weeks_of_dates = calendar.Calendar(first_weekday).monthdatescalendar(month.year, month.month)
    days = {
        d: Day(date=d, in_month=d.month == month.month, is_today=d == today) for week in weeks_of_dates for d in week
    }
    month_end = add_months(month, 1) - dt.timedelta(days=1)
    without_day: list[CalendarEntry] = []
    for entry in entries:
        first, last = entry.start.first_day, (entry.end or entry.start).last_day
        if not _dated_to_the_day(entry):
            if first <= month_end and last >= month:
                without_day.append(entry)
            continue
        day = max(first, weeks_of_dates[0][0])
        while day <= last and day in days:
            days[day].entries.append(entry)
            day += dt.timedelta(days=1)
    order = [(first_weekday + i) % 7 for i in range(7)]
    return MonthGrid(
        month=month,
        weekdays=[(str(WEEKDAYS_ABBR[i]), str(WEEKDAYS[i])) for i in order],
        weeks=[[days[d] for d in week] for week in weeks_of_dates],
        without_day=without_day,
        previous=add_months(month, -1),
        next=add_months(month, 1),
    )
