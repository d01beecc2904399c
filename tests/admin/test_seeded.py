"""The admin over the records derived from the five source documents (fixtures/govex.yaml)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from cooperation.models import MemberRole
from tests.conftest import FIXTURE

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not FIXTURE.exists(), reason="fixtures/govex.yaml is not there yet"),
]


def _found(client, model_name: str, term: str) -> list:
    response = client.get(reverse(f"admin:cooperation_{model_name}_changelist"), {"q": term})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


class TestOverTheFixtures:
    """The fixtures loaded once for the class; each test's changes roll back."""

    def test_shapkina_in_cyrillic_latin_and_the_genitive_is_one_official(self, staff_client, seeded):
        found = {term: _found(staff_client, "official", term) for term in ("Шапкина", "Shapkina", "Шапкиной")}
        assert len(found["Шапкина"]) == 1
        assert found["Shapkina"] == found["Шапкина"] == found["Шапкиной"]

    def test_the_october_2025_delegation_she_headed_is_found_by_her_name(self, staff_client, seeded):
        (shapkina,) = _found(staff_client, "official", "Shapkina")
        october = [
            d
            for d in _found(staff_client, "delegation", "Шапкина")
            if d.start_date and (d.start_date.year, d.start_date.month) == (2025, 10)
        ]
        assert october
        assert any(d.members.filter(official=shapkina, role=MemberRole.HEAD).exists() for d in october)

    def test_every_seeded_record_opens_for_staff(self, staff_client, seeded):
        # One test over every kind: loading the fixtures is the slow part.
        models = [m for m in admin.site._registry if m._meta.app_label == "cooperation"]
        opened = 0
        for model in models:
            name = model._meta.model_name
            assert staff_client.get(reverse(f"admin:cooperation_{name}_changelist")).status_code == 200, name
            for record in model._default_manager.all()[:15]:
                url = reverse(f"admin:cooperation_{name}_change", args=[record.pk])
                assert staff_client.get(url).status_code == 200, url
                opened += 1
        assert opened > len(models)
