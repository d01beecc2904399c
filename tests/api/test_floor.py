"""Every list is the same JSON as the benchmark's one-query SQL floor (``bench/baseline.py``), on PostgreSQL.

The floor builds each record in the database with ``json_build_object``, independently of
``cooperation.api.fast``: the two agreeing on a world with every kind of nested data is what lets ``make bench``
compare their speed, and it checks the builders against a second implementation.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from cooperation import models as m
from tests import factories as f

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the floor is PostgreSQL SQL")

# endpoint -> the filter its benchmark scenario uses, with a value the world below matches
FILTERS = {
    "delegations": "BY",
    "events": m.EventKind.MEETING,
    "officials": "BY",
    "organisations": "BY",
    "agreements": m.AgreementStatus.IN_FORCE,
    "programmes": m.ProgrammeStatus.RUNNING,
}


@pytest.fixture
def richer(world):
    """The world plus what it lacks: a programme with every part, a party organisation, relations, citations."""
    academy, office, shapkina = world["academy"], world["office"], world["shapkina"]
    mou = world["mou"]
    bloc = f.AgreementPartyFactory(agreement=mou, country="", organisation=academy, order=2)
    f.AgreementSignatoryFactory(agreement=mou, official=world["alromi"], party=bloc, position=None)
    f.AgreementSignatoryFactory(agreement=mou, official=f.OfficialFactory(), party=None, position=None)
    f.AgreementRelationFactory(source=mou, target=f.AgreementFactory(title_ru="Соглашение"))
    programme = f.TrainingProgrammeFactory(
        provider=office, beneficiary_organisation=academy, agreement=mou, topics=[world["topic"]]
    )
    programme.partners.add(office, academy)
    # Numbered here: the factory's sequence depends on which tests ran before in this worker, and could give 2.
    stage = f.ProgrammeStageFactory(
        programme=programme, number=1, event=world["meeting"], start_date=dt.date(2025, 2, 1)
    )
    stage.topics.add(world["topic"])
    f.ProgrammeStageFactory(programme=programme, number=2, event=None)
    f.ProgrammeParticipantFactory(programme=programme, official=shapkina, position=world["rector"])
    f.ProgrammeCountryFactory(programme=programme, country="BY")
    f.OrganisationFactory(country="BY", parent=academy, website="https://example.org/")
    # times of day: a positive whole-hour offset, and a negative half-hour one across a DST change
    f.EventFactory(start_time=dt.time(10, 30), end_time=dt.time(12), time_zone="Asia/Dubai")
    f.EventFactory(
        city="St. John's",
        country="CA",
        start_date=dt.date(2025, 7, 1),
        end_date=dt.date(2025, 11, 3),
        start_time=dt.time(9, 5),
        end_time=dt.time(8),
        time_zone="America/St_Johns",
    )
    source = f.SourceDocumentFactory()
    note = f.SourceDocumentFactory(kind=m.SourceKind.INTERNAL_NOTE)
    for record in (world["delegation"], world["meeting"], mou, programme, shapkina, academy):
        field = {m.TrainingProgramme: "programme"}.get(type(record), type(record).__name__.lower())
        for cited in (source, note):
            f.CitationFactory(source=cited, **{"official": None, field: record})
    return world


@pytest.mark.parametrize("endpoint", list(FILTERS))
def test_each_list_is_the_same_json_as_the_sql_floor(api, richer, endpoint):
    from bench import baseline

    sql, column = baseline.ENDPOINTS[endpoint]
    body = api.get(f"/api/v1/{endpoint}/", {column: FILTERS[endpoint], "page_size": 50}).json()
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {
                "base": "http://testserver/api/v1/",
                "countries": baseline.COUNTRIES,
                "filter": FILTERS[endpoint],
                "after": None,
                "after_id": 0,
                "limit": 51,
            },
        )
        floor = [row[2] for row in cursor.fetchall()]
    assert body["results"], endpoint  # the world must give the comparison something to compare
    assert [item["slug"] for item in body["results"]] == [item["slug"] for item in floor]
    for item, expected in zip(body["results"], floor, strict=True):
        # key by key, so that a failure names the field that differs
        assert {key: value for key, value in item.items() if value != expected.get(key)} == {
            key: expected.get(key) for key, value in item.items() if value != expected.get(key)
        }
        assert item == expected
