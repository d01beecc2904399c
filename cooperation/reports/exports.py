"""CSV, XLSX and PDF renderings of report tables and pages."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cooperation.spreadsheet import csv_value, safe_cell, xlsx_value

from .tables import Change, Span, Table

# A signed change keeps its sign on screen ("+3") and stays a number in the cell.
SIGNED_FORMAT = "+0;-0;0"


def _filename(name: str, extension: str) -> str:
    return f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name).strip('-') or 'report'}.{extension}"


def spreadsheet_rows(table: Table) -> tuple[list[str], list[list[Any]]]:
    """Columns and rows for a spreadsheet: a column of date spans becomes two date columns, start and end.

    One cell cannot hold "10–12 March" as a date; two cells can, and a reader can then sort and filter on them.
    """
    rows = table.plain_rows()
    spans = {i for row in rows for i, value in enumerate(row) if isinstance(value, Span)}
    columns: list[str] = []
    for i, column in enumerate(table.columns):
        if i in spans:
            columns += [f"{column}: {_('start')}", f"{column}: {_('end')}"]
        else:
            columns.append(str(column))
    plain: list[list[Any]] = []
    for row in rows:
        out: list[Any] = []
        for i, value in enumerate(row):
            if i not in spans:
                out.append(value)
            elif isinstance(value, Span):
                out += [value.start or "", value.end or ""]
            else:
                out += [value, ""]
        plain.append(out)
    return columns, plain


def csv_response(table: Table, *, name: str) -> HttpResponse:
    # UTF-8 with a byte order mark: Excel otherwise opens Cyrillic and Arabic as mojibake.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, "csv")}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    columns, rows = spreadsheet_rows(table)
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    return response


def xlsx_response(tables: list[Table], *, name: str, rtl: bool = False) -> HttpResponse:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in tables:
        # Sheet titles: at most 31 characters, no []:*?/\ , unique.
        title = re.sub(r"[\[\]:*?/\\]", " ", str(table.caption))[:28] or table.key
        while title in used:
            title = title[:26] + str(len(used))
        used.add(title)
        sheet = workbook.create_sheet(title=title)
        sheet.sheet_view.rightToLeft = rtl
        columns, rows = spreadsheet_rows(table)
        sheet.append([safe_cell(c) for c in columns])
        for header in sheet[1]:
            header.font = Font(bold=True)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                if isinstance(value, Change):
                    cell_value, number_format = int(value), SIGNED_FORMAT
                else:
                    cell_value, number_format = xlsx_value(value)
                target = sheet.cell(row=r, column=c, value=cell_value)
                if number_format:
                    target.number_format = number_format
        for column in sheet.columns:
            # Date cells show at most "30 Sep 2026" (11 characters), not their datetime repr.
            width = max((11 if c.is_date else len(str(c.value or "")) for c in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, "xlsx")}"'
    return response


def stylesheet_text(name: str = "reports/reports.css") -> str:
    """A report stylesheet inlined into PDFs: WeasyPrint then needs no HTTP round trip to the server."""
    path = finders.find(name)
    if not path:
        return ""
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def pdf_response(html: str, *, name: str, base_url: str) -> HttpResponse:
    from weasyprint import HTML  # imported late: loading pango costs time on every other request

    pdf = HTML(string=html, base_url=base_url).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, "pdf")}"'
    return response
