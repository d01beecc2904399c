"""Cells for spreadsheets: text that never runs as a formula, dates that stay dates.

Titles, names and passages come from imported documents and from partners' data: a cell that starts with
``=``, ``+``, ``-``, ``@`` (or a tab or carriage return, which some programs skip before reading a formula) would
run as a formula when a manager opens the export (``=HYPERLINK(...)`` and worse). A leading apostrophe makes
Excel, LibreOffice and Google Sheets show the text as it is. Every export (reports, admin, API CSV) goes
through ``safe_cell``.

Dates keep the precision the source gave: "October 2025" is a date cell shown as a month (never as
1 October), "2025" a date cell shown as a year; in CSV the same values are ISO 8601 text (2025-10, 2025).
"""

from __future__ import annotations

from typing import Any

from cooperation.dates import DatePrecision, PartialDate

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Number formats of date cells by precision. Excel shows the month names in the reader's own language.
DATE_FORMATS = {
    DatePrecision.DAY: "d mmm yyyy",
    DatePrecision.MONTH: "mmm yyyy",
    DatePrecision.YEAR: "yyyy",
}


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_value(value: Any) -> Any:
    """A CSV field: dates as ISO 8601 at their own precision, text guarded against formulas."""
    if isinstance(value, PartialDate):
        return value.isoformat()
    return safe_cell(value)


def xlsx_value(value: Any) -> tuple[Any, str | None]:
    """A cell value and its number format: dates as date cells, numbers as numbers, guarded text."""
    if isinstance(value, PartialDate):
        # The first day carries the value; the format hides the day (or the month) the source never gave.
        return value.first_day, DATE_FORMATS[DatePrecision(value.precision)]
    return safe_cell(value), None
