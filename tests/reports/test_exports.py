from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from cooperation.dates import DatePrecision
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
    # A span of dates is two columns: a spreadsheet sorts and filters on dates, not on "14–17 October".
    assert rows[0][:3] == ["Dates: start", "Dates: end", "Delegation"]
    assert [row[:3] for row in rows[1:]] == [
        ["2025-10-14", "2025-10-17", "Belarusian delegation on digital government"]
    ]


def test_exported_cells_cannot_run_as_spreadsheet_formulas(manager_client, belarus):
    response = manager_client.get(_url(export="csv", table="agreements"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == '\'=HYPERLINK("http://evil") memorandum'


def test_csv_headers_follow_the_readers_language(manager_client, belarus):
    response = manager_client.get(_url(export="csv", table="delegations"), HTTP_ACCEPT_LANGUAGE="ru")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Даты: начало", "Даты: окончание", "Делегация"]
    assert rows[1][2] == "Белорусская делегация по цифровому правительству"


def test_a_table_and_the_whole_report_export_as_xlsx(manager_client, belarus):
    one = load_workbook(io.BytesIO(manager_client.get(_url(export="xlsx", table="delegations")).content))
    assert one.sheetnames == ["Delegations"]
    values = [[c.value for c in row] for row in one.active.iter_rows()]
    assert values[1][2] == "Belarusian delegation on digital government"

    every = load_workbook(io.BytesIO(manager_client.get(_url(export="xlsx")).content))
    assert {"Timeline", "Delegations", "Agreements", "Officials met"} <= set(every.sheetnames)
    assert every["Agreements"].max_row == 2


@pytest.fixture
def dated(belarus):
    """Visits dated to the day, to the month and to the year, and an agreement with an expiry date."""
    for title, start, precision in (
        ("Visit known to the month", dt.date(2025, 11, 1), DatePrecision.MONTH),
        ("Visit known to the year", dt.date(2024, 1, 1), DatePrecision.YEAR),
    ):
        f.DelegationFactory(
            title=title, origin_country="BY", start_date=start, start_precision=precision, end_date=None
        )
    agreement = f.AgreementFactory(title="Programme of cooperation", expires_on=dt.date(2027, 6, 30))
    f.AgreementPartyFactory(agreement=agreement, country="BY")
    return belarus


def _sheet(client, table: str, *, url: str = "") -> dict[str, list]:
    """The XLSX export of one table as {first text cell of a row: [cells]}."""
    content = client.get(url or _url(export="xlsx", table=table)).content
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows())
    return {"header": rows[0], **{next(c.value for c in row if isinstance(c.value, str)): row for row in rows[1:]}}


def test_xlsx_dates_are_date_cells_that_keep_their_precision(manager_client, dated):
    rows = _sheet(manager_client, "delegations")
    assert [c.value for c in rows["header"][:3]] == ["Dates: start", "Dates: end", "Delegation"]
    day, month, year = (
        rows["Belarusian delegation on digital government"],
        rows["Visit known to the month"],
        rows["Visit known to the year"],
    )
    assert (day[0].is_date, day[0].value, day[0].number_format) == (True, dt.datetime(2025, 10, 14), "d mmm yyyy")
    assert (day[1].value, day[1].number_format) == (dt.datetime(2025, 10, 17), "d mmm yyyy")
    # "November 2025" is the first of the month shown as a month: never read as 1 November.
    assert (month[0].is_date, month[0].value, month[0].number_format) == (True, dt.datetime(2025, 11, 1), "mmm yyyy")
    assert (year[0].is_date, year[0].value, year[0].number_format) == (True, dt.datetime(2024, 1, 1), "yyyy")
    assert month[1].value is None  # no end date: an empty cell, not an empty string posing as a date

    agreements = _sheet(manager_client, "agreements")
    expires = [c.value for c in agreements["header"]].index("Expires")
    cell = agreements["Programme of cooperation"][expires]
    assert (cell.is_date, cell.value, cell.number_format) == (True, dt.datetime(2027, 6, 30), "d mmm yyyy")


def test_csv_dates_are_iso_text_at_their_precision(manager_client, dated):
    rows = list(csv.reader(io.StringIO(manager_client.get(_url(export="csv", table="delegations")).content.decode())))
    by_title = {row[2]: row[:2] for row in rows[1:]}
    assert by_title == {
        "Belarusian delegation on digital government": ["2025-10-14", "2025-10-17"],
        "Visit known to the month": ["2025-11", ""],
        "Visit known to the year": ["2024", ""],
    }


def test_xlsx_numbers_are_numbers_and_text_stays_guarded(manager_client, dated):
    officials = _sheet(manager_client, "officials")
    counts = officials["Yulia Shapkina"][2:]
    assert [(c.data_type, c.value) for c in counts] == [("n", 1), ("n", 0), ("n", 0), ("n", 0)]
    agreements = _sheet(manager_client, "agreements")
    guarded = agreements['\'=HYPERLINK("http://evil") memorandum'][0]
    assert guarded.data_type == "s"  # text, not a formula


def test_a_change_is_a_signed_number_in_xlsx(manager_client, dated):
    url = reverse("reports:annual") + "?year=2025&export=xlsx&table=summary"
    rows = _sheet(manager_client, "summary", url=url)
    this_year, last_year, change = rows["Incoming delegations"][1:4]
    assert this_year.value > last_year.value  # the fixture's visits are in 2025
    assert (change.data_type, change.value, change.number_format) == (
        "n",
        this_year.value - last_year.value,
        "+0;-0;0",
    )


def test_arabic_spreadsheets_are_right_to_left(manager_client, belarus):
    content = manager_client.get(_url(export="xlsx", table="delegations"), HTTP_ACCEPT_LANGUAGE="ar").content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.sheet_view.rightToLeft
    assert sheet.cell(row=2, column=3).value == "وفد بيلاروسيا للحكومة الرقمية"


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
