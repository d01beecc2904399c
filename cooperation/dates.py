"""Dates as sources give them: a day, a month or only a year.

A source that says "October 2025" is stored as 2025-10-01 with precision ``month``; nothing downstream
should print "1 October 2025" for it. ``PartialDate`` is the one place that knows how to show and compare
such values.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


@dataclass(frozen=True)
class PartialDate:
    date: dt.date
    precision: str = DatePrecision.DAY

    @classmethod
    def of(cls, date: dt.date | None, precision: str | None) -> PartialDate | None:
        if date is None:
            return None
        return cls(date=date, precision=precision or DatePrecision.DAY)

    @property
    def first_day(self) -> dt.date:
        if self.precision == DatePrecision.YEAR:
            return self.date.replace(month=1, day=1)
        if self.precision == DatePrecision.MONTH:
            return self.date.replace(day=1)
        return self.date

    @property
    def last_day(self) -> dt.date:
        """The latest day the value can stand for ("October 2025" -> 31 October 2025)."""
        if self.precision == DatePrecision.YEAR:
            return self.date.replace(month=12, day=31)
        if self.precision == DatePrecision.MONTH:
            return self.date.replace(day=calendar.monthrange(self.date.year, self.date.month)[1])
        return self.date

    def isoformat(self) -> str:
        """ISO 8601 reduced precision: 2025, 2025-10 or 2025-10-14."""
        if self.precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    def __str__(self) -> str:
        if self.precision == DatePrecision.YEAR:
            return str(self.date.year)
        if self.precision == DatePrecision.MONTH:
            return formats.date_format(self.date, "YEAR_MONTH_FORMAT")
        return formats.date_format(self.date, "DATE_FORMAT")


def format_span(start: PartialDate | None, end: PartialDate | None) -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return str(start)
    return f"{start} – {end}"
