"""One shape for every table of every report, so the page, the CSV, the XLSX and the PDF show the same rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cooperation.dates import PartialDate, format_span


@dataclass(frozen=True)
class Cell:
    """A value with an optional link; exports keep the text and drop the link."""

    text: Any
    url: str = ""

    def __str__(self) -> str:
        return "" if self.text is None else str(self.text)


@dataclass(frozen=True)
class Span:
    """A record's dates, shown as one span on the page; spreadsheets get the start and the end as dates."""

    start: PartialDate | None
    end: PartialDate | None = None
    times: str = ""  # an event's "10:30–12:00 (Asia/Tashkent)"; spreadsheets keep only the dates

    def __str__(self) -> str:
        return " ".join(part for part in (format_span(self.start, self.end), self.times) if part)


class Change(int):
    """A signed difference ("+3"): still a number for spreadsheets."""

    def __str__(self) -> str:
        return f"+{int(self)}" if self > 0 else str(int(self))


@dataclass
class Table:
    key: str  # stable identifier used in export URLs (?table=<key>)
    caption: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    numeric: frozenset[int] = frozenset()  # column indexes right-aligned as numbers
    total: int | None = None  # rows that exist when more than the rows shown (lists are capped)

    @property
    def truncated(self) -> bool:
        return self.total is not None and self.total > len(self.rows)

    def plain_rows(self) -> list[list[Any]]:
        """Rows as plain values; numbers, dates (``PartialDate``) and spans stay typed for spreadsheets."""
        return [[_plain(value) for value in row] for row in self.rows]


def _plain(value: Any) -> Any:
    if isinstance(value, Cell):
        value = value.text
    if isinstance(value, list | tuple):
        return "; ".join(str(_plain(v)) for v in value)
    if isinstance(value, int | float | PartialDate | Span):
        return value
    return "" if value is None else str(value)


def cell(text: Any, url: str = "") -> Cell:
    return Cell(text=text, url=url)


def span(record: Any) -> Span:
    """The dates of a record with ``start`` and ``end`` (``DateSpan``), and an event's times of day."""
    return Span(record.start, record.end, getattr(record, "times_display", ""))


def day(value: Any) -> PartialDate | None:
    """A plain date (expiry, a status change) as a day-precision value: shown localized, exported as a date."""
    return PartialDate.of(value, "day")
