"""Staff find an official, and the records she appears in, by any name form in any script."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _found(client, model_name: str, term: str) -> list:
    response = client.get(reverse(f"admin:cooperation_{model_name}_changelist"), {"q": term})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


@pytest.mark.parametrize("term", ["Шапкина", "Shapkina", "shapkina", "Шапкиной", "yulia shapkina", "ШАПКИНА"])
def test_any_name_form_finds_the_same_official(staff_client, visit, term):
    assert _found(staff_client, "official", term) == [visit.shapkina]


def test_an_arabic_name_finds_the_official(staff_client, visit):
    assert _found(staff_client, "official", "عبدالله") == [visit.host]


def test_a_name_nobody_has_finds_nothing(staff_client, visit):
    assert _found(staff_client, "official", "Ivanova") == []


def test_a_delegation_is_found_by_a_members_name_in_another_script(staff_client, visit):
    assert _found(staff_client, "delegation", "Купитаенко") == [visit.delegation]


def test_an_event_is_found_by_a_participants_name(staff_client, visit):
    assert _found(staff_client, "event", "Шапкиной") == [visit.meeting]


def test_an_agreement_is_found_by_its_signatorys_name(staff_client, visit):
    assert _found(staff_client, "agreement", "Shapkina") == [visit.agreement]


def test_a_position_is_found_by_the_name_of_whoever_held_it(staff_client, visit):
    assert _found(staff_client, "position", "Шапкина") == [visit.position]


def test_autocomplete_offers_the_official_for_a_cyrillic_term(staff_client, visit):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "cooperation", "model_name": "delegationmember", "field_name": "official", "term": "Шапкиной"},
    )
    assert response.status_code == 200
    results = json.loads(response.content)["results"]
    assert results == [{"id": str(visit.shapkina.pk), "text": str(visit.shapkina)}]


def test_autocomplete_for_organisations_uses_their_name_forms(staff_client, visit):
    visit.ministry.names.create(name="Министерство труда и социальной защиты", language="ru")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "cooperation", "model_name": "position", "field_name": "organisation", "term": "министерство"},
    )
    assert [r["id"] for r in json.loads(response.content)["results"]] == [str(visit.ministry.pk)]
