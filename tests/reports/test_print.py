"""The PDF exports' page layout (reports.css, print rules, as WeasyPrint reads them)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.reports.conftest import build_world


def _pages(client, url: str, language: str) -> list[tuple[float, float]]:
    response = client.get(url, {"export": "pdf"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response["Content-Type"] == "application/pdf"
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(io.BytesIO(response.content)).pages]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_reports_with_agreement_tables_print_landscape_and_the_dashboard_portrait(manager_client, language):
    # Agreement tables have eight or nine columns: on portrait A4 "Expires" fell off the page's edge.
    build_world(size=1)
    for name, kwargs in (("agreements", {}), ("country", {"code": "by"}), ("annual", {})):
        pages = _pages(manager_client, reverse(f"reports:{name}", kwargs=kwargs), language)
        assert all(width > height for width, height in pages), (name, pages)
    dashboard = _pages(manager_client, reverse("reports:dashboard"), language)
    assert all(width < height for width, height in dashboard), dashboard
