"""List views export to CSV and XLSX with what a reader needs: names, country names, dates as known."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

import openpyxl
import pytest
from django.urls import reverse

from cooperation.resources import AgreementResource, DelegationResource

pytestmark = pytest.mark.django_db

CSV_FORMAT, XLSX_FORMAT = "0", "1"


def _export(client, model_name: str, resource, file_format: str, **params):
    fields = {f"{resource.__name__.lower()}_{name}": "on" for name in resource().get_export_order()}
    # The changelist's search and filters travel in the query string, as the export page's form sends them.
    url = reverse(f"admin:cooperation_{model_name}_export") + ("?" + urlencode(params) if params else "")
    return client.post(url, {"format": file_format, "resource": "0", **fields})


def test_delegations_export_to_csv_with_readable_values(staff_client, visit):
    response = _export(staff_client, "delegation", DelegationResource, CSV_FORMAT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert (row["from"], row["to"]) == ("Belarus", "United Arab Emirates")
    assert row["head of delegation"] == "Yulia Shapkina"
    assert row["members"] == "Sergei Kupitayenko (member)"
    assert (row["start (ISO 8601)"], row["end (ISO 8601)"]) == ("2025-10-14", "2025-10-17")
    assert row["dates"] == visit.delegation.dates_display
    assert row["status"] == "completed"
    assert row["topics"] == "Digital transformation"


def test_agreements_export_to_xlsx_with_parties_and_their_actions(staff_client, visit):
    response = _export(staff_client, "agreement", AgreementResource, XLSX_FORMAT, q="Shapkina")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["title"] == visit.agreement.title
    assert row["parties"] == "United Arab Emirates; Belarus"
    assert row["party actions"] == "United Arab Emirates: signature 2025-10-16"
    assert row["signatories"] == "Yulia Shapkina"
    assert row["status"] == "signed"


def test_the_export_action_on_selected_rows_offers_both_formats(staff_client, visit):
    response = staff_client.post(
        reverse("admin:cooperation_official_changelist"),
        {"action": "export_admin_action", "_selected_action": [visit.shapkina.pk]},
    )
    assert response.status_code == 200
    assert [label for _, label in response.context["form"].fields["format"].choices] == ["---", "csv", "xlsx"]


def test_managers_may_export_what_they_may_view(manager_client, visit):
    response = _export(manager_client, "delegation", DelegationResource, CSV_FORMAT)
    assert response.status_code == 200
    assert "Yulia Shapkina" in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT])
def test_a_title_that_looks_like_a_formula_is_exported_as_text(staff_client, visit, file_format):
    visit.delegation.title = '=HYPERLINK("http://evil.example","open")'
    visit.delegation.purpose = "+1 and @SUM(A1)"
    visit.delegation.save()
    response = _export(staff_client, "delegation", DelegationResource, file_format)
    if file_format == CSV_FORMAT:
        row = next(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        cells = list(row.values())
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        cells = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    texts = [cell for cell in cells if isinstance(cell, str) and "HYPERLINK" in cell]
    assert texts == ['\'=HYPERLINK("http://evil.example","open")']
    assert not any(isinstance(cell, str) and cell[:1] in "=+-@" for cell in cells)
