"""What every request pays, made cheaper without changing any answer (docs/performance.md, "fixed cost per request").

- The builders' nested queries and the token lookup are compiled to SQL once per process on PostgreSQL
  (``cooperation.api.prepared``): they must return exactly the rows the ORM returns, for any ids, and never a
  stale answer.
- On PostgreSQL a partner's token query also takes the walk's watermark, so the first page of a list costs no
  query of its own for it; a staff session still takes it separately.
- ETags stay a hash of the whole body: a changed nested row changes them, whatever path built the page.
- A FilterSet's form class is built once per language (``cooperation.api.filtering``).
"""

from __future__ import annotations

import django_filters
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cooperation import filters
from cooperation import models as m
from cooperation.api import authentication, fast, fast_agreements, shapes
from cooperation.api.filtering import form_once
from cooperation.api.prepared import AnyOf, compiled_once
from cooperation.api.shapes import _many_rows
from tests import factories as f

POSTGRESQL = connection.vendor == "postgresql"


def _orm(function, *args) -> list[tuple]:
    """The same QuerySet run by the ORM, as before: ``functools.wraps`` keeps the undecorated builder."""
    return [tuple(row) for row in function.__wrapped__(*args)]


def _all_ids(model) -> list[int]:
    return list(model.objects.order_by("id").values_list("id", flat=True))


def test_every_compiled_query_returns_the_rows_the_orm_returns(world):
    # Rows the world lacks: a source for an organisation, a participating country, a relation, a programme's
    # partner and stage.
    f.CitationFactory(organisation=world["office"], official=None)
    f.EventCountryFactory(event=world["meeting"], country="KZ")
    f.AgreementRelationFactory(source=world["mou"])
    programme = f.TrainingProgrammeFactory()
    programme.partners.add(world["office"])
    f.ProgrammeStageFactory(programme=programme, number=1, event=world["meeting"])
    organisations = _all_ids(m.Organisation)
    cases = [
        (_many_rows, shapes.ORGANISATION_NAMES, set(organisations), True),
        (_many_rows, shapes.OFFICIAL_NAMES, set(_all_ids(m.Official)), True),
        (_many_rows, shapes.POSITIONS, _all_ids(m.Official), True),
        (fast._organisation_rows, set(organisations)),
        (fast._official_rows, set(_all_ids(m.Official))),
        (fast._people_rows, m.DelegationMember, "delegation", _all_ids(m.Delegation), ("delegation_id", "order", "id"),
         ("role",)),
        (fast._people_rows, m.AgreementSignatory, "agreement", _all_ids(m.Agreement), ("agreement_id", "id"),
         ("party_id",)),
        (fast._topic_rows, m.Delegation, "delegation", _all_ids(m.Delegation)),
        (fast._country_rows, m.EventCountry, "event", _all_ids(m.Event)),
        (_many_rows, shapes.SOURCES["organisation"], organisations, True),
        (_many_rows, shapes.SOURCES["organisation"], organisations, False),
        (fast._organiser_rows, _all_ids(m.Event)),
        (fast_agreements._party_rows, _all_ids(m.Agreement)),
        (fast_agreements._action_rows, _all_ids(m.AgreementParty)),
        (fast_agreements._relation_rows, _all_ids(m.Agreement)),
        (fast_agreements._partner_rows, _all_ids(m.TrainingProgramme)),
        (fast_agreements._stage_rows, _all_ids(m.TrainingProgramme)),
    ]  # fmt: skip
    for function, *args in cases:
        expected = _orm(function, *args)
        assert expected, function.__name__  # the world has rows for each, so the comparison means something
        assert function(*args) == expected, function.__name__
        # Again with part of the ids: a kept SQL text runs with the new values, not the first call's.
        fewer = [type(arg)(list(arg)[:1]) if isinstance(arg, (list, set)) else arg for arg in args]
        assert function(*fewer) == _orm(function, *fewer), function.__name__
    if POSTGRESQL:
        assert all(compiled is not None for compiled in _many_rows.cache.values())


def test_no_ids_no_query(db):
    with CaptureQueriesContext(connection) as queries:
        assert _many_rows(shapes.OFFICIAL_NAMES, set(), True) == []
        assert _many_rows(shapes.SOURCES["delegation"], [], True) == []
    assert len(queries) == 0


def test_none_among_the_ids_matches_nothing_as_in_an_in_list(world):
    office = world["office"]
    rows = list(m.Organisation.objects.filter(AnyOf("id", [office.pk, None])).values_list("slug", flat=True))
    assert rows == ["gee-office"]


def test_a_builder_that_does_not_pass_its_ids_to_any_of_is_run_by_the_orm(world):
    @compiled_once
    def by_in(ids):
        return m.Organisation.objects.filter(id__in=ids).order_by("id").values_list("slug")

    ids = _all_ids(m.Organisation)
    assert by_in(ids) == [(slug,) for slug in m.Organisation.objects.order_by("id").values_list("slug", flat=True)]
    assert list(by_in.cache.values()) == ([None] if POSTGRESQL else [])


def test_a_changed_name_form_changes_the_etag_of_a_list_and_of_a_record(api, world):
    # A QuerySet update fires no signal, so nothing moves the organisation's updated_at: only a hash of the body
    # can see it. The second request runs the kept SQL of the name forms' query.
    for url in ("/api/v1/organisations/", "/api/v1/organisations/gee-office/"):
        first = api.get(url)
        assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        m.OrganisationName.objects.filter(organisation=world["office"]).update(name=f"مكتب {url.count('/')}")
        changed = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert changed.status_code == 200
        assert changed["ETag"] != first["ETag"]
        assert changed.content != first.content
        assert api.get(url, HTTP_IF_NONE_MATCH=changed["ETag"]).status_code == 304


def test_a_changed_nested_official_changes_the_etag_of_a_delegation(api, world):
    url = "/api/v1/delegations/"
    etag = api.get(url)["ETag"]
    m.Official.objects.filter(slug="yulia-shapkina").update(honorific_prefix="Dr")  # no signal, no updated_at
    changed = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["results"][0]["head"]["honorific_prefix"] == "Dr"


def test_the_token_lookup_builds_the_token_and_its_user(partner_token, partner_user):
    token, key = partner_token
    found = authentication.find_token(key)
    assert found == token
    assert found.user == partner_user
    assert found.user.username == "mfa.crm"
    assert (found.scope, found.key_hash, found.created_at) == (token.scope, token.key_hash, token.created_at)
    assert found._state.adding is False
    assert authentication.find_token(key + "x") is None
    assert (found.watermark.snapshot != "") is POSTGRESQL if hasattr(found, "watermark") else not POSTGRESQL


@pytest.mark.skipif(not POSTGRESQL, reason="watermarks are transaction snapshots on PostgreSQL only")
def test_a_partners_first_page_takes_the_watermark_with_the_token(api, world):
    api.get("/api/v1/topics/")  # the token's first use records last_used_at
    with CaptureQueriesContext(connection) as queries:
        body = api.get("/api/v1/organisations/").json()
    assert body["sync"]
    sql = [query["sql"] for query in queries.captured_queries]
    assert "pg_current_snapshot()" in sql[0] and "partner_api_partnertoken" in sql[0]
    assert not any(text.startswith("SELECT pg_current_snapshot()") for text in sql)


@pytest.mark.skipif(not POSTGRESQL, reason="watermarks are transaction snapshots on PostgreSQL only")
def test_a_staff_session_takes_its_own_watermark(staff_client, world):
    with CaptureQueriesContext(connection) as queries:
        body = staff_client.get("/api/v1/organisations/").json()
    assert body["sync"]
    assert any(query["sql"].startswith("SELECT pg_current_snapshot()") for query in queries.captured_queries)


def test_a_kept_form_class_shares_no_data_or_errors_between_requests(api, world):
    # The FilterSet's form class is built once per language (cooperation.api.filtering); each request's form
    # is still its own instance.
    assert api.get("/api/v1/organisations/?country=XX").status_code == 400
    assert [o["slug"] for o in api.get("/api/v1/organisations/?country=BY").json()["results"]] == ["belarus-academy"]
    assert api.get("/api/v1/organisations/?country=XX").json()["fields"] == {
        "country": ["Unknown country code(s): XX. Use ISO 3166-1 alpha-2."]
    }
    assert len(api.get("/api/v1/organisations/").json()["results"]) == 2


def test_the_form_class_is_kept_per_language(world):
    filterset_class = form_once(filters.OrganisationFilter)
    assert filterset_class.base_filters.keys() == filters.OrganisationFilter.base_filters.keys()
    with translation.override("en"):
        english = filterset_class({}).get_form_class()
        assert filterset_class({}).get_form_class() is english
    with translation.override("ru"):
        assert filterset_class({}).get_form_class() is not english


def test_a_filterset_with_choices_from_the_request_is_left_alone():
    class ByOrganisation(django_filters.FilterSet):
        organisation = django_filters.ModelChoiceFilter(queryset=lambda request: m.Organisation.objects.all())

        class Meta:
            model = m.Official
            fields = []

    assert form_once(ByOrganisation) is ByOrganisation
