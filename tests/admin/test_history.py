"""A change made in the admin is kept in the record's history with the user who made it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .conftest import change_form_data

pytestmark = pytest.mark.django_db


def test_a_change_through_the_admin_records_a_history_row_with_the_user(staff_client, protocol_staff, visit):
    url = reverse("admin:cooperation_delegation_change", args=[visit.delegation.pk])
    data = change_form_data(staff_client.get(url)) | {"status": "cancelled", "city": "Abu Dhabi"}
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = visit.delegation.history.latest()
    assert (latest.history_type, latest.status, latest.city) == ("~", "cancelled", "Abu Dhabi")
    assert latest.history_user == protocol_staff


def test_a_member_added_through_the_inline_is_in_history_with_the_user(staff_client, protocol_staff, visit):
    url = reverse("admin:cooperation_delegation_change", args=[visit.delegation.pk])
    data = change_form_data(staff_client.get(url))
    extra = int(data["members-TOTAL_FORMS"]) - 1  # the blank row the inline offers
    data |= {f"members-{extra}-official": visit.host.pk, f"members-{extra}-role": "expert"}
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    member = visit.delegation.members.get(official=visit.host)
    assert member.history.get().history_user == protocol_staff


def test_the_history_page_names_the_user(staff_client, protocol_staff, visit):
    url = reverse("admin:cooperation_delegation_change", args=[visit.delegation.pk])
    staff_client.post(url, change_form_data(staff_client.get(url)) | {"status": "cancelled"})
    page = staff_client.get(reverse("admin:cooperation_delegation_history", args=[visit.delegation.pk]))
    assert protocol_staff.username in page.content.decode()
