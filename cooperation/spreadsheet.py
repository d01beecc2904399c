"""Cells that a spreadsheet program opens as text, never as a formula.

Titles, names and passages come from imported documents and from partners' data: a cell that starts with
``=``, ``+``, ``-``, ``@`` (or a tab or carriage return, which some programs skip before reading a formula) would
run as a formula when a manager opens the export (``=HYPERLINK(...)`` and worse). A leading apostrophe makes
Excel, LibreOffice and Google Sheets show the text as it is. Every export (reports, admin, API CSV) goes
through ``safe_cell``.
"""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
