"""No N+1: a list request costs the same number of queries whatever the page size.

Each count is the token lookup plus the page query plus one query per nested relation (see
``cooperation/api/fast.py``); a number that grows with the page means a query per record. On PostgreSQL the
walk's watermark (a snapshot, ``cooperation.sync``) is taken by the token's own query
(``cooperation/api/authentication.py``), so a partner's request costs no query for it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation import models as m
from tests import factories as f
from tests.conftest import shared_records


@pytest.fixture(scope="module")
def many(django_db_setup, django_db_blocker):
    with shared_records(django_db_blocker):
        _build_many()
        yield


def _build_many() -> None:
    topic = f.TopicFactory(slug="ai", name="AI")
    for n in range(12):
        f.TopicFactory(parent=topic)
        host = f.OrganisationFactory(names=[f"مكتب {n}"])
        sender = f.OrganisationFactory(country="BY", names=[f"Министерство {n}"])
        people = [f.OfficialFactory(names=[f"Шапкина {n}{k}"]) for k in range(2)]
        posts = [f.PositionFactory(official=person, organisation=sender) for person in people]
        visit = f.DelegationFactory(sending_organisation=sender, host_organisation=host, topics=[topic])
        for k, (person, post) in enumerate(zip(people, posts, strict=True)):
            role = m.MemberRole.HEAD if k == 0 else m.MemberRole.MEMBER
            f.DelegationMemberFactory(delegation=visit, official=person, position=post, role=role, order=k)
        parent = f.EventFactory()
        event = f.EventFactory(delegation=visit, parent=parent, venue_organisation=host, topics=[topic])
        for person, post in zip(people, posts, strict=True):
            f.EventParticipantFactory(event=event, official=person, position=post)
        f.EventOrganiserFactory(event=event, organisation=host)
        f.EventCountryFactory(event=event, country="KZ")
        agreement = f.AgreementFactory(signed_at=event, topics=[topic])
        party = f.AgreementPartyFactory(agreement=agreement, country="BY")
        f.AgreementPartyFactory(agreement=agreement, country="", organisation=host)
        f.AgreementActionFactory(party=party, date=dt.date(2025, 1, n + 1))
        f.AgreementSignatoryFactory(agreement=agreement, official=people[0], party=party, position=posts[0])
        f.AgreementRelationFactory(source=agreement, target=f.AgreementFactory())
        programme = f.TrainingProgrammeFactory(
            provider=host, beneficiary_organisation=sender, agreement=agreement, topics=[topic]
        )
        programme.partners.add(sender)
        stage = f.ProgrammeStageFactory(programme=programme, event=event)
        stage.topics.add(topic)
        f.ProgrammeParticipantFactory(programme=programme, official=people[1], position=posts[1])
        f.ProgrammeCountryFactory(programme=programme)
        source = f.SourceDocumentFactory()
        f.CitationFactory(source=source, official=None, delegation=visit)
        f.CitationFactory(source=source, official=people[0])


def count_queries(api, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200
    assert len(response.json()["results"]) > 1
    return len(queries)


POSTGRESQL = connection.vendor == "postgresql"

# Queries: token (and, on PostgreSQL, the walk's watermark with it), page, then one per nested relation.
EXPECTED = {
    # every record kind a source can support: + 1 for its sources (citations with their source)
    # delegations and events: organisations, their names, members (+post), officials, their names, topics ...
    "delegations": 1 + 1 + 6 + 1,
    "events": 1 + 1 + 8 + 1,  # ... and organisers, countries
    # parties, the party organisations, their name forms, actions, signatories, the signing officials, their
    # name forms, relations, topics
    "agreements": 1 + 1 + 9 + 1,
    # names, positions (+organisation); on PostgreSQL the page query builds them in the database (``shapes``)
    "officials": 1 + 1 if POSTGRESQL else 1 + 1 + 2 + 1,
    "organisations": 1 + 1 if POSTGRESQL else 1 + 1 + 1 + 1,  # names
    "programmes": 1 + 1 + 10 + 1,
    "topics": 1 + 1,
    "sources": 1 + 1 + 1,  # citations (+their records)
}


@pytest.mark.parametrize("endpoint", list(EXPECTED))
def test_a_list_costs_a_fixed_number_of_queries_whatever_the_page_size(api, many, endpoint, django_assert_num_queries):
    api.get("/api/v1/topics/")  # the token's first use also records last_used_at (one UPDATE a minute)
    with django_assert_num_queries(EXPECTED[endpoint]):
        small = api.get(f"/api/v1/{endpoint}/?page_size=2")
    with django_assert_num_queries(EXPECTED[endpoint]):
        large = api.get(f"/api/v1/{endpoint}/?page_size=10")
    assert len(small.json()["results"]) == 2
    assert len(large.json()["results"]) == 10


def test_filters_add_no_query_per_record(api, many):
    api.get("/api/v1/topics/")
    plain = count_queries(api, "/api/v1/delegations/?page_size=10")
    filtered = count_queries(
        api, "/api/v1/delegations/?page_size=10&country=BY&topic=ai&q=Шапкина&date_from=2020-01-01"
    )
    assert filtered == plain
