"""Planned visits are approved by a Manager, with who and when in the history; staff propose but cannot approve."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.test import APIClient

from cooperation.approval import STATUS_REFUSED, approve
from cooperation.models import Delegation, DelegationStatus
from tests import factories as f
from tests.admin.conftest import change_form_data
from tests.api.conftest import make_token

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:cooperation_delegation_changelist")


@pytest.fixture
def proposed():
    return f.DelegationFactory(
        title="Uzbek delegation on public service training",
        origin_country="UZ",
        host_country="AE",
        status=DelegationStatus.PLANNED,
        start_date=timezone.localdate() + dt.timedelta(days=30),
        end_date=timezone.localdate() + dt.timedelta(days=32),
    )


def _status_choices(response) -> list[str]:
    return [value for value, _label in response.context["adminform"].form.fields["status"].choices]


def _action_choices(response) -> list[str]:
    return [value for value, _label in response.context["action_form"].fields["action"].choices]


def test_a_manager_approves_a_planned_visit_and_the_history_says_who_and_when(proposed, manager):
    before = timezone.now()
    approve(proposed, manager)

    proposed.refresh_from_db()
    assert proposed.status == DelegationStatus.CONFIRMED
    assert proposed.approved_by == manager
    assert before <= proposed.approved_at <= timezone.now()
    latest = proposed.history.latest()
    assert (latest.history_change_reason, latest.history_user, latest.status) == ("approved", manager, "confirmed")
    assert latest.approved_by_id == manager.pk and latest.approved_at == proposed.approved_at


def test_a_requested_visit_can_be_approved_too(proposed, manager):
    Delegation.objects.filter(pk=proposed.pk).update(status=DelegationStatus.REQUESTED)
    approve(proposed, manager)
    assert Delegation.objects.get(pk=proposed.pk).status == DelegationStatus.CONFIRMED


def test_staff_cannot_approve(proposed, protocol_staff):
    with pytest.raises(PermissionDenied):
        approve(proposed, protocol_staff)
    proposed.refresh_from_db()
    assert (proposed.status, proposed.approved_by, proposed.approved_at) == ("planned", None, None)
    assert proposed.history.count() == 1


@pytest.mark.parametrize("status", ["cancelled", "confirmed", "completed", "postponed"])
def test_only_a_requested_or_planned_visit_can_be_approved(proposed, manager, status):
    Delegation.objects.filter(pk=proposed.pk).update(status=status)
    with pytest.raises(ValidationError) as refused:
        approve(proposed, manager)
    assert refused.value.code == "not_approvable"
    proposed.refresh_from_db()
    assert (proposed.status, proposed.approved_by, proposed.approved_at) == (status, None, None)


def test_a_manager_approves_selected_visits_from_the_list(manager_client, manager, proposed):
    cancelled = f.DelegationFactory(status=DelegationStatus.CANCELLED)
    assert "approve_selected" in _action_choices(manager_client.get(CHANGELIST))

    response = manager_client.post(
        CHANGELIST, {"action": "approve_selected", "_selected_action": [proposed.pk, cancelled.pk]}, follow=True
    )

    assert response.status_code == 200
    proposed.refresh_from_db()
    assert (proposed.status, proposed.approved_by) == ("confirmed", manager)
    assert proposed.history.latest().history_user == manager
    assert Delegation.objects.get(pk=cancelled.pk).status == "cancelled"
    assert [str(message) for message in response.context["messages"]] == [
        "Visits approved: 1.",
        f"Only a requested or planned visit can be approved; “{cancelled.title}” is cancelled.",
    ]


def test_staff_have_no_approve_action_and_posting_it_changes_nothing(staff_client, proposed):
    assert "approve_selected" not in _action_choices(staff_client.get(CHANGELIST))
    staff_client.post(CHANGELIST, {"action": "approve_selected", "_selected_action": [proposed.pk]})
    proposed.refresh_from_db()
    assert (proposed.status, proposed.approved_by) == ("planned", None)


def test_staff_are_not_offered_confirmed_and_cannot_post_it(staff_client, proposed):
    url = reverse("admin:cooperation_delegation_change", args=[proposed.pk])
    page = staff_client.get(url)
    assert _status_choices(page) == ["requested", "planned", "cancelled", "postponed"]

    for status in ("confirmed", "completed"):
        response = staff_client.post(url, change_form_data(page) | {"status": status})
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["status"] == [
            "You may not give this visit that status: only a Manager approves a visit (“confirmed”), "
            "and a planned visit is held (“completed”) only after approval."
        ]
    proposed.refresh_from_db()
    assert proposed.status == "planned"


def test_staff_record_a_past_visit_and_move_an_approved_one_on(staff_client, proposed, manager):
    assert "confirmed" not in _status_choices(staff_client.get(reverse("admin:cooperation_delegation_add")))

    approve(proposed, manager)
    url = reverse("admin:cooperation_delegation_change", args=[proposed.pk])
    page = staff_client.get(url)
    assert _status_choices(page) == ["confirmed", "completed", "cancelled", "postponed"]
    response = staff_client.post(url, change_form_data(page) | {"status": "postponed"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    proposed.refresh_from_db()
    # Postponing keeps the record of the approval it had.
    assert (proposed.status, proposed.approved_by) == ("postponed", manager)


def test_approval_fields_are_shown_but_not_editable(admin_client, proposed):
    url = reverse("admin:cooperation_delegation_change", args=[proposed.pk])
    form = admin_client.get(url).context["adminform"].form
    assert "approved_by" not in form.fields and "approved_at" not in form.fields


def test_a_superuser_choosing_confirmed_by_hand_approves(admin_client, admin_user, proposed):
    url = reverse("admin:cooperation_delegation_change", args=[proposed.pk])
    page = admin_client.get(url)
    assert "confirmed" in _status_choices(page)
    response = admin_client.post(url, change_form_data(page) | {"status": "confirmed"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    proposed.refresh_from_db()
    assert (proposed.approved_by, proposed.history.latest().history_change_reason) == (admin_user, "approved")
    assert proposed.approved_at is not None


def test_partners_see_when_a_visit_was_approved_but_not_by_whom(proposed, manager):
    approve(proposed, manager)
    proposed.refresh_from_db()
    partner = f.UserFactory(username="partner.crm", is_staff=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {make_token(partner)[1]}")

    detail = client.get(f"/api/v1/delegations/{proposed.slug}/").json()
    listed = next(
        row
        for row in client.get("/api/v1/delegations/", {"page_size": 100}).json()["results"]
        if row["slug"] == proposed.slug
    )

    assert detail == listed
    assert detail["approved_at"] == proposed.approved_at.isoformat()
    assert not any("approved_by" in key or manager.username in str(value) for key, value in detail.items())


@pytest.mark.parametrize(("language", "word"), [("ru", "руководитель"), ("ar", "المدير")])
def test_the_refusals_read_in_russian_and_arabic(proposed, protocol_staff, language, word):
    with translation.override(language):
        assert word in str(STATUS_REFUSED)
        with pytest.raises(PermissionDenied) as refused:
            approve(proposed, protocol_staff)
        assert word in str(refused.value)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the floor is PostgreSQL SQL")
def test_the_sql_floor_writes_approved_at_as_the_api_does(proposed, manager):
    from bench import baseline

    approve(proposed, manager)
    partner = f.UserFactory(username="partner.crm", is_staff=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {make_token(partner)[1]}")
    body = client.get("/api/v1/delegations/", {"origin_country": "UZ", "page_size": 50}).json()
    sql, _column = baseline.ENDPOINTS["delegations"]
    with connection.cursor() as cursor:
        parameters = {"base": "http://testserver/api/v1/", "countries": baseline.COUNTRIES, "filter": "UZ"}
        cursor.execute(sql, parameters | {"after": None, "after_id": 0, "limit": 51})
        floor = [row[2] for row in cursor.fetchall()]
    assert body["results"] == floor
    assert floor[0]["approved_at"] is not None
