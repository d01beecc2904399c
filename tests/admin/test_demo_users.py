"""``create_demo_users`` gives one account per group, only in DEBUG, and can run any number of times."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_it_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_demo_users")
    assert not get_user_model().objects.exists()


def test_it_creates_staff_manager_and_admin_and_running_twice_changes_nothing(settings, client, capsys):
    settings.DEBUG = True
    call_command("create_demo_users")
    call_command("create_demo_users")
    users = {u.username: u for u in get_user_model().objects.all()}
    assert set(users) == {"staff", "manager", "admin"}
    assert [g.name for g in users["staff"].groups.all()] == ["Protocol staff"]
    assert [g.name for g in users["manager"].groups.all()] == ["Managers"]
    assert users["admin"].is_superuser and not users["staff"].is_superuser
    assert all(u.is_staff for u in users.values())
    assert "govex-staff-demo" in capsys.readouterr().out
    # Through the sign-in form: django-axes needs the request that client.login() does not pass.
    assert client.post("/admin/login/", {"username": "staff", "password": "govex-staff-demo"}).status_code == 302
    assert client.get("/admin/cooperation/delegation/").status_code == 200
