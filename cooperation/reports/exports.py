"""CSV, XLSX and PDF renderings of report tables and pages."""

from __future__ import annotations

import csv
import io
import re

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from cooperation.spreadsheet import safe_cell

from .tables import Table


def _filename(name: str, extension: str) -> str:
    return f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name).strip('-') or 'report'}.{extension}"


def csv_response(table: Table, *, name: str) -> HttpResponse:
    # UTF-8 with a byte order mark: Excel otherwise opens Cyrillic and Arabic as mojibake.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, "csv")}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(c) for c in table.columns])
    for row in table.plain_rows():
        writer.writerow([safe_cell(v) for v in row])
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
        sheet.append([str(c) for c in table.columns])
        for header in sheet[1]:
            header.font = Font(bold=True)
        for row in table.plain_rows():
            sheet.append([safe_cell(v) for v in row])
        for column in sheet.columns:
            width = max((len(str(c.value or "")) for c in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, "xlsx")}"'
    return response


def stylesheet_text() -> str:
    """The report stylesheet inlined into PDFs: WeasyPrint then needs no HTTP round trip to the server."""
    path = finders.find("reports/reports.css")
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
