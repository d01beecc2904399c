"""Managers look but do not touch; protocol staff add and change but never delete a record with history."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from cooperation.models import Delegation
from cooperation.signals import MANAGERS, PROTOCOL_STAFF, grant_group_permissions, on_post_migrate

from .conftest import change_form_data

pytestmark = pytest.mark.django_db


def _codenames(group_name: str) -> set[str]:
    return set(Group.objects.get(name=group_name).permissions.values_list("content_type__app_label", "codename"))


def test_managers_can_view_a_delegation(manager_client, visit):
    url = reverse("admin:cooperation_delegation_change", args=[visit.delegation.pk])
    response = manager_client.get(url)
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert manager_client.get(reverse("admin:cooperation_delegation_changelist")).status_code == 200


def test_managers_cannot_change_a_delegation(staff_client, manager_client, visit):
    url = reverse("admin:cooperation_delegation_change", args=[visit.delegation.pk])
    data = change_form_data(staff_client.get(url)) | {"status": "cancelled"}
    assert manager_client.post(url, data).status_code == 403
    visit.delegation.refresh_from_db()
    assert visit.delegation.status == "completed"


def test_managers_cannot_add_records(manager_client):
    url = reverse("admin:cooperation_official_add")
    assert manager_client.get(url).status_code == 403
    assert manager_client.post(url, {"name": "New Person", "slug": "new-person"}).status_code == 403
    assert not apps.get_model("cooperation", "Official").objects.filter(slug="new-person").exists()


def test_managers_cannot_delete_records(manager_client, visit):
    url = reverse("admin:cooperation_delegation_delete", args=[visit.delegation.pk])
    assert manager_client.get(url).status_code == 403
    assert manager_client.post(url, {"post": "yes"}).status_code == 403
    assert Delegation.objects.filter(pk=visit.delegation.pk).exists()


def test_staff_cannot_delete_a_delegation(staff_client, visit):
    url = reverse("admin:cooperation_delegation_delete", args=[visit.delegation.pk])
    assert staff_client.get(url).status_code == 403
    assert staff_client.post(url, {"post": "yes"}).status_code == 403
    changelist = staff_client.get(reverse("admin:cooperation_delegation_changelist"))
    assert "delete_selected" not in dict(changelist.context["action_form"].fields["action"].choices)
    bulk = staff_client.post(
        reverse("admin:cooperation_delegation_changelist"),
        {"action": "delete_selected", "_selected_action": [visit.delegation.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    assert Delegation.objects.filter(pk=visit.delegation.pk).exists()


def test_staff_can_add_an_official_with_names_in_two_scripts(staff_client):
    url = reverse("admin:cooperation_official_add")
    data = change_form_data(staff_client.get(url)) | {
        "name": "Aleksandr Example",
        "slug": "aleksandr-example",
        "country": "BY",
        "names-0-name": "Александр Пример",
        "names-0-language": "ru",
        "names-0-kind": "native",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    official = apps.get_model("cooperation", "Official").objects.get(slug="aleksandr-example")
    assert [(n.name, n.script) for n in official.names.all()] == [("Александр Пример", "Cyrl")]


def test_the_groups_allow_exactly_what_the_office_decided():
    staff, managers = _codenames(PROTOCOL_STAFF), _codenames(MANAGERS)
    assert ("cooperation", "add_delegation") in staff
    assert ("cooperation", "change_delegation") in staff
    assert not {codename for _, codename in staff if codename.startswith("delete_")}
    assert {codename.split("_")[0] for _, codename in managers} == {"view", "approve"}
    assert ("cooperation", "approve_delegation") in managers
    assert ("cooperation", "approve_delegation") not in staff
    # The audit trail itself is read-only even for staff.
    assert ("cooperation", "view_historicaldelegation") in staff
    assert ("cooperation", "change_historicaldelegation") not in staff


def test_granting_again_changes_nothing_and_takes_back_a_delete_given_by_hand():
    before = _codenames(PROTOCOL_STAFF)
    Group.objects.get(name=PROTOCOL_STAFF).permissions.add(Permission.objects.get(codename="delete_delegation"))
    grant_group_permissions()
    grant_group_permissions()
    assert _codenames(PROTOCOL_STAFF) == before
    assert Group.objects.filter(name__in=[PROTOCOL_STAFF, MANAGERS]).count() == 2


def test_a_model_added_later_to_the_import_app_is_granted_on_the_next_migrate():
    content_type = ContentType.objects.create(app_label="importing", model="laterbatch")
    for action in ("view", "add", "change", "delete"):
        Permission.objects.create(content_type=content_type, codename=f"{action}_laterbatch", name=action)
    on_post_migrate(sender=apps.get_app_config("importing"))
    assert {c for label, c in _codenames(PROTOCOL_STAFF) if label == "importing"} >= {
        "view_laterbatch",
        "add_laterbatch",
        "change_laterbatch",
    }
    assert ("importing", "delete_laterbatch") not in _codenames(PROTOCOL_STAFF)
    assert ("importing", "view_laterbatch") in _codenames(MANAGERS)
    assert ("importing", "add_laterbatch") not in _codenames(MANAGERS)
