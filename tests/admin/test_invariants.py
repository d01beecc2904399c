"""Rows the database would refuse are refused by the admin form with a message, never with a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f

from .conftest import change_form_data

pytestmark = pytest.mark.django_db


def _blank_row(data: dict, prefix: str) -> int:
    """Index of the blank row the inline offers (its last form)."""
    return int(data[f"{prefix}-TOTAL_FORMS"]) - 1


def _errors(response) -> list[str]:
    return [str(e) for inline in response.context["inline_admin_formsets"] for e in inline.formset.non_form_errors()]


def test_a_second_head_of_delegation_is_refused_with_a_message(staff_client, visit):
    url = reverse("admin:cooperation_delegation_change", args=[visit.delegation.pk])
    data = change_form_data(staff_client.get(url))
    row = _blank_row(data, "members")
    data |= {f"members-{row}-official": visit.host.pk, f"members-{row}-role": "head"}
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert any("Only one row may have role “head of delegation”" in error for error in _errors(response))
    assert [m.official for m in visit.delegation.members.filter(role="head")] == [visit.shapkina]


def test_two_new_heads_in_one_save_are_refused_with_a_message(staff_client):
    delegation = f.DelegationFactory()
    url = reverse("admin:cooperation_delegation_change", args=[delegation.pk])
    data = change_form_data(staff_client.get(url))
    data |= {
        "members-TOTAL_FORMS": "2",
        "members-0-official": f.OfficialFactory().pk,
        "members-0-role": "head",
        "members-1-official": f.OfficialFactory().pk,
        "members-1-role": "head",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert any("Only one row may have role" in error for error in _errors(response))
    assert not delegation.members.exists()


def test_citing_the_same_source_twice_on_one_record_is_refused_with_a_message(staff_client):
    official = f.OfficialFactory()
    source = f.SourceDocumentFactory(title="Embassy note")
    url = reverse("admin:cooperation_official_change", args=[official.pk])
    data = change_form_data(staff_client.get(url))
    data |= {
        "citations-TOTAL_FORMS": "2",
        "citations-0-source": source.pk,
        "citations-0-passage": "Named as deputy minister.",
        "citations-1-source": source.pk,
        "citations-1-passage": "Named again.",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert any("repeated: Embassy note" in error for error in _errors(response))
    assert not official.citations.exists()


def test_the_same_country_twice_among_parties_is_refused_with_a_message(staff_client, visit):
    url = reverse("admin:cooperation_agreement_change", args=[visit.agreement.pk])
    data = change_form_data(staff_client.get(url))
    data |= {
        "parties-TOTAL_FORMS": str(int(data["parties-TOTAL_FORMS"]) + 1),
        f"parties-{data['parties-TOTAL_FORMS']}-country": "AE",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert any("repeated: United Arab Emirates" in error for error in _errors(response))
    assert visit.agreement.parties.count() == 2


def test_a_party_that_is_both_a_country_and_an_organisation_is_refused(staff_client, visit):
    url = reverse("admin:cooperation_agreement_change", args=[visit.agreement.pk])
    data = change_form_data(staff_client.get(url))
    row = data["parties-TOTAL_FORMS"]
    data |= {
        "parties-TOTAL_FORMS": str(int(row) + 1),
        f"parties-{row}-country": "KZ",
        f"parties-{row}-organisation": visit.ministry.pk,
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert visit.agreement.parties.count() == 2


def test_an_end_before_the_start_is_a_form_error(staff_client, visit):
    url = reverse("admin:cooperation_delegation_change", args=[visit.delegation.pk])
    data = change_form_data(staff_client.get(url)) | {"start_date": "2025-10-17", "end_date": "2025-10-14"}
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    visit.delegation.refresh_from_db()
    assert str(visit.delegation.end_date) == "2025-10-17"
