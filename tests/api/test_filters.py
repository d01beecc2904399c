"""Filters: countries, dates, status, kind, topic, official, organisation, q in any script, updated_since."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cooperation import models as m
from tests import factories as f

from .conftest import problem


def slugs(api, url: str) -> list[str]:
    response = api.get(url)
    assert response.status_code == 200, response.content
    return sorted(record["slug"] for record in response.json()["results"])


@pytest.fixture
def second_visit(world):
    """A Kazakh visit to Belarus in March 2024, on another topic, headed by Ohood Al Roumi's counterpart."""
    innovation = f.TopicFactory(slug="innovation", name="Innovation")
    visit = f.DelegationFactory(
        slug="kazakhstan-to-belarus-2024",
        origin_country="KZ",
        host_country="BY",
        status=m.DelegationStatus.PLANNED,
        start_date=dt.date(2024, 3, 1),
        start_precision="month",
        end_date=None,
        topics=[innovation],
        host_organisation=world["academy"],
    )
    f.DelegationMemberFactory(delegation=visit, official=world["alromi"], role=m.MemberRole.MEMBER)
    return visit


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("origin_country=BY", ["belarus-to-uae-2025"]),
        ("origin_country=by,kz", ["belarus-to-uae-2025", "kazakhstan-to-belarus-2024"]),
        ("host_country=BY", ["kazakhstan-to-belarus-2024"]),
        ("country=AE", ["belarus-to-uae-2025"]),
        ("country=BY", ["belarus-to-uae-2025", "kazakhstan-to-belarus-2024"]),
        ("status=planned", ["kazakhstan-to-belarus-2024"]),
        ("status=planned&status=completed", ["belarus-to-uae-2025", "kazakhstan-to-belarus-2024"]),
        ("topic=innovation", ["kazakhstan-to-belarus-2024"]),
        ("official=yulia-shapkina", ["belarus-to-uae-2025"]),
        ("official=ohood-alroumi", ["kazakhstan-to-belarus-2024"]),
        ("organisation=belarus-academy", ["belarus-to-uae-2025", "kazakhstan-to-belarus-2024"]),
        ("organisation=gee-office", ["belarus-to-uae-2025"]),
        ("date_from=2025-10-16", ["belarus-to-uae-2025"]),
        ("date_from=2025-10-18", []),
        ("date_to=2024-12-31", ["kazakhstan-to-belarus-2024"]),
        ("date_from=2024-01-01&date_to=2024-06-30", ["kazakhstan-to-belarus-2024"]),
    ],
)
def test_delegation_filters(api, second_visit, query, expected):
    assert slugs(api, f"/api/v1/delegations/?{query}") == expected


@pytest.mark.parametrize(
    "q",
    ["Shapkina", "shapkina", "Шапкина", "Шапкиной", "SHAPKINA yulia", "Белорусская", "Belarusian"],
)
def test_q_finds_a_delegation_by_any_name_form_in_latin_or_cyrillic(api, second_visit, q):
    assert slugs(api, f"/api/v1/delegations/?q={q}") == ["belarus-to-uae-2025"]


@pytest.mark.parametrize("q", ["عهود الرومي", "الرومي", "الرومى"])
def test_q_finds_officials_and_events_by_arabic_names(api, world, q):
    assert slugs(api, f"/api/v1/officials/?q={q}") == ["ohood-alroumi"]
    assert slugs(api, f"/api/v1/events/?q={q}") == ["meeting-gee-office-2025"]


def test_q_finds_an_official_by_the_latin_form_of_an_arabic_name(api, world):
    assert slugs(api, "/api/v1/officials/?q=al roumi") == ["ohood-alroumi"]


def test_q_finds_organisations_by_their_arabic_and_cyrillic_names(api, world):
    assert slugs(api, "/api/v1/organisations/?q=مكتب تبادل") == ["gee-office"]
    assert slugs(api, "/api/v1/organisations/?q=академия") == ["belarus-academy"]


def test_q_that_matches_nothing_returns_an_empty_page(api, world):
    assert slugs(api, "/api/v1/delegations/?q=Zzyzx") == []


def test_event_filters(api, world):
    other = f.EventFactory(slug="summit-2025", kind=m.EventKind.SUMMIT, country="KZ", start_date=dt.date(2025, 5, 1))
    f.EventCountryFactory(event=other, country="BY")
    assert slugs(api, "/api/v1/events/?kind=summit") == ["summit-2025"]
    assert slugs(api, "/api/v1/events/?country=BY") == ["summit-2025"]
    assert slugs(api, "/api/v1/events/?country=AE") == ["meeting-gee-office-2025"]
    assert slugs(api, "/api/v1/events/?official=ohood-alroumi") == ["meeting-gee-office-2025"]
    assert slugs(api, "/api/v1/events/?organisation=gee-office") == ["meeting-gee-office-2025"]
    assert slugs(api, "/api/v1/events/?delegation=belarus-to-uae-2025") == ["meeting-gee-office-2025"]
    assert slugs(api, "/api/v1/events/?date_to=2025-06-01") == ["summit-2025"]


def test_agreement_filters(api, world):
    f.AgreementFactory(slug="kz-roadmap", kind=m.AgreementKind.ROADMAP, status=m.AgreementStatus.UNDER_NEGOTIATION)
    assert slugs(api, "/api/v1/agreements/?kind=roadmap") == ["kz-roadmap"]
    assert slugs(api, "/api/v1/agreements/?status=in_force") == ["by-ae-mou-2025"]
    assert slugs(api, "/api/v1/agreements/?country=BY") == ["by-ae-mou-2025"]
    assert slugs(api, "/api/v1/agreements/?official=yulia-shapkina") == ["by-ae-mou-2025"]
    assert slugs(api, "/api/v1/agreements/?signed_from=2025-10-01&signed_to=2025-10-31") == ["by-ae-mou-2025"]
    assert slugs(api, "/api/v1/agreements/?signed_from=2025-11-01") == []
    assert slugs(api, "/api/v1/agreements/?q=Шапкина") == ["by-ae-mou-2025"]


def test_official_and_organisation_filters(api, world):
    assert slugs(api, "/api/v1/officials/?country=AE") == ["ohood-alroumi"]
    assert slugs(api, "/api/v1/officials/?organisation=belarus-academy") == ["yulia-shapkina"]
    assert slugs(api, "/api/v1/organisations/?country=BY&kind=academy") == ["belarus-academy"]
    assert slugs(api, "/api/v1/topics/?q=Цифровое") == ["digital-government"]


def test_source_filters(api, db):
    f.SourceDocumentFactory(slug="ru-article", title="Визит делегации", language="ru")
    f.SourceDocumentFactory(slug="en-release", title="Visit of the delegation", language="en")
    assert slugs(api, "/api/v1/sources/?language=ru") == ["ru-article"]
    assert slugs(api, "/api/v1/sources/?q=Визит") == ["ru-article"]


def test_updated_since_keeps_only_records_changed_since(api, world, second_visit):
    cutoff = timezone.now()
    second_visit.summary = "Postponed to the spring."
    second_visit.save()
    assert slugs(api, f"/api/v1/delegations/?updated_since={cutoff.isoformat().replace('+', '%2B')}") == [
        "kazakhstan-to-belarus-2024"
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("origin_country=XX", "Unknown country code(s): XX. Use ISO 3166-1 alpha-2."),
        # A "%" in the value is text, not a format placeholder (once a 500).
        ("country=%25s,%25(x)d", "Unknown country code(s): %S, %(X)D. Use ISO 3166-1 alpha-2."),
        ("status=lost", "Select a valid choice. lost is not one of the available choices."),
        ("date_from=14.10.2025", "Enter a valid date."),
        ("updated_since=yesterday", "Enter a valid date/time."),
        ("page_size=ten", "A whole number from 1 to 500."),
        ("cursor=bm9wZQ", "Invalid cursor: use the `next` link of the previous page."),
        # A cursor that decodes but holds no date-time (once a 500 on SQLite).
        ("cursor=eHx5", "Invalid cursor: use the `next` link of the previous page."),
        ("q=" + "+".join(["ab"] * 500), "Search at most 10 words and 200 characters; narrow it with filters instead."),
        ("origin_country=" + ",".join(["BY"] * 51), "At most 50 country codes."),
        (
            "updated_since=2025-10-14T10:00:00",
            "Give the time zone: end the date-time with Z (UTC) or an offset such as +04:00.",
        ),
    ],
)
def test_bad_filter_values_are_a_400_naming_the_parameter(api, world, query, message):
    field = query.partition("=")[0]
    response = api.get(f"/api/v1/delegations/?{query}")
    assert response.status_code == 400
    assert response.json() == problem("Bad Request", 400, f"{field}: {message}", "invalid", fields={field: [message]})


def test_a_repeated_country_parameter_means_a_comma_list(api, world):
    f.DelegationFactory(slug="kazakh-visit", origin_country="KZ")
    both = slugs(api, "/api/v1/delegations/?origin_country=BY&origin_country=KZ")
    assert sorted(both) == sorted(slugs(api, "/api/v1/delegations/?origin_country=BY,KZ"))
    assert "kazakh-visit" in both and "belarus-to-uae-2025" in both


@pytest.mark.parametrize("query", ["origin=BY", "ordering=-updated_at", "countr=BY"])
def test_an_unknown_parameter_is_a_400_naming_it(api, world, query):
    response = api.get(f"/api/v1/delegations/?{query}")
    assert response.status_code == 400
    name = query.split("=")[0]
    assert list(response.json()["fields"]) == [name]
    assert "origin_country" in response.json()["fields"][name][0]  # the message lists what is known
