from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from cooperation.models import AgreementStatus
from tests import factories as f

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture
def belarus(db):
    head = f.OfficialFactory(name="Yulia Shapkina", country="BY", names=["Юлия Шапкина"])
    delegation = f.DelegationFactory(
        title="Belarusian delegation on digital government",
        title_ru="Белорусская делегация по цифровому правительству",
        title_ar="وفد بيلاروسيا للحكومة الرقمية",
        origin_country="BY",
        host_country="AE",
    )
    f.DelegationMemberFactory(delegation=delegation, official=head, role="head")
    agreement = f.AgreementFactory(
        title='=HYPERLINK("http://evil") memorandum', status=AgreementStatus.UNDER_NEGOTIATION
    )
    f.AgreementPartyFactory(agreement=agreement, country="BY")
    return delegation


def _url(*, export: str, table: str = "") -> str:
    query = f"?export={export}" + (f"&table={table}" if table else "")
    return reverse("reports:country", kwargs={"code": "by"}) + query


def test_a_table_exports_as_csv_with_its_rows(manager_client, belarus):
    response = manager_client.get(_url(export="csv", table="delegations"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="country-by-delegations.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Dates", "Delegation"]
    assert [row[1] for row in rows[1:]] == ["Belarusian delegation on digital government"]


def test_exported_cells_cannot_run_as_spreadsheet_formulas(manager_client, belarus):
    response = manager_client.get(_url(export="csv", table="agreements"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == '\'=HYPERLINK("http://evil") memorandum'


def test_csv_headers_follow_the_readers_language(manager_client, belarus):
    response = manager_client.get(_url(export="csv", table="delegations"), HTTP_ACCEPT_LANGUAGE="ru")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][1] == "Делегация"
    assert rows[1][1] == "Белорусская делегация по цифровому правительству"


def test_a_table_and_the_whole_report_export_as_xlsx(manager_client, belarus):
    one = load_workbook(io.BytesIO(manager_client.get(_url(export="xlsx", table="delegations")).content))
    assert one.sheetnames == ["Delegations"]
    values = [[c.value for c in row] for row in one.active.iter_rows()]
    assert values[1][1] == "Belarusian delegation on digital government"

    every = load_workbook(io.BytesIO(manager_client.get(_url(export="xlsx")).content))
    assert {"Timeline", "Delegations", "Agreements", "Officials met"} <= set(every.sheetnames)
    assert every["Agreements"].max_row == 2


def test_arabic_spreadsheets_are_right_to_left(manager_client, belarus):
    content = manager_client.get(_url(export="xlsx", table="delegations"), HTTP_ACCEPT_LANGUAGE="ar").content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.sheet_view.rightToLeft
    assert sheet.cell(row=2, column=2).value == "وفد بيلاروسيا للحكومة الرقمية"


def test_an_unknown_table_is_a_404(manager_client, belarus):
    assert manager_client.get(_url(export="csv", table="nope")).status_code == 404
    assert manager_client.get(_url(export="csv")).status_code == 404  # CSV holds exactly one table


def _pdf_text(content: bytes) -> str:
    try:
        return subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
        ).stdout.decode("utf-8")
    except FileNotFoundError:  # poppler-utils missing: pypdf reads the text layer too
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_report_prints_to_pdf_in_russian(manager_client, belarus):
    response = manager_client.get(_url(export="pdf"), HTTP_ACCEPT_LANGUAGE="ru")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response.content)
    assert "Беларусь" in text
    assert "Белорусская делегация по цифровому правительству" in " ".join(text.split())


def test_the_report_prints_to_pdf_in_arabic_with_shaped_text(manager_client, belarus):
    response = manager_client.get(_url(export="pdf"), HTTP_ACCEPT_LANGUAGE="ar")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "country-by-ar.pdf").write_bytes(response.content)  # for a human look (pdftoppm)
    reader = PdfReader(io.BytesIO(response.content))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
        if "/BaseFont" in font.get_object()
        for font in [font.get_object()]
    }
    # Arabic glyphs come from an Arabic-capable font; pango shapes them (joined forms) before embedding.
    assert any("Arabic" in name or "Noto" in name or "DejaVu" in name for name in fonts), fonts
    text = _pdf_text(response.content)
    assert "الوفود" in text or "الوفود" in text[::-1]
