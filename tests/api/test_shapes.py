"""A declared shape (``cooperation.api.shapes``) gives the same JSON built in Python as built by PostgreSQL.

On PostgreSQL the lists and details of officials and organisations take their records' fields and sources from the
page query (``json_build_object`` generated from the declaration); SQLite, and officials with ``?as_of=``, run the
Python builder generated from the same declaration. Both must give the same bytes for every kind of value a shape
has.
"""

from __future__ import annotations

import datetime as dt

import orjson
import pytest
from django.db import connection

from cooperation import models as m
from cooperation.api import fast, shapes
from cooperation.api.serializers import LinkBuilder
from cooperation.dates import DatePrecision
from tests import factories as f


@pytest.fixture
def varied(world):
    """Officials and organisations with each kind of value: a parent, a website, posts with and without an
    organisation at each precision, name forms with a grammatical case, sources partners may and may not see."""
    academy, shapkina = world["academy"], world["shapkina"]
    f.OrganisationFactory(country="BY", parent=academy, website="https://example.org/", abbreviation="EX")
    f.OrganisationFactory(country="", city="")
    f.PositionFactory(official=shapkina, organisation=None, start_date=dt.date(2019, 1, 1), end_date=None)
    f.PositionFactory(
        official=world["alromi"],
        start_date=dt.date(2020, 5, 1),
        start_precision=DatePrecision.YEAR,
        end_date=dt.date(2021, 6, 1),
        end_precision=DatePrecision.MONTH,
    )
    f.OfficialFactory(country="")
    source, note = f.SourceDocumentFactory(), f.SourceDocumentFactory(kind=m.SourceKind.INTERNAL_NOTE)
    for cited in (source, note):
        f.CitationFactory(source=cited, official=shapkina)
        f.CitationFactory(source=cited, official=None, organisation=academy)
    return world


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database builds the JSON on PostgreSQL only")
@pytest.mark.parametrize("declared", [fast.officials, fast.organisations], ids=["officials", "organisations"])
@pytest.mark.parametrize("partner", [True, False], ids=["partner", "staff"])
def test_postgresql_builds_the_same_records_as_the_python_builder(varied, declared, partner):
    link = LinkBuilder(None)
    records = declared.shape.model.objects.order_by("updated_at", "id")

    def built(in_database: bool) -> bytes:
        rows = list(declared.rows(records, link, partner=partner, in_database=in_database))
        return orjson.dumps(declared.build(rows, link, partner=partner))

    python = built(False)
    assert b'"sources":[{' in python and b'"names":[{' in python  # something nested to compare
    assert built(True) == python


def test_a_shape_is_built_from_the_row_layout_it_is_given():
    build = shapes.POST.builder(("official_id", *shapes.POST.lookups))
    row = (7, "Rector", "", None, "academy", "Academy", dt.date(2024, 3, 1), "month", None, "day")
    assert build(row, LinkBuilder(None), None) == {
        "title": {"en": "Rector", "ru": None, "ar": None},
        "organisation": {"slug": "academy", "url": "/api/v1/organisations/academy/", "name": "Academy"},
        "start": {"date": "2024-03", "precision": "month"},
        "end": None,
    }


def test_a_row_without_a_declared_column_is_refused():
    with pytest.raises(ValueError, match="lacks"):
        shapes.POST.builder(("title",))
