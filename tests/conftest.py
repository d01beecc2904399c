"""Fixtures shared by the whole suite. Each area keeps its own in tests/<area>/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "govex.yaml"
PASSWORD = "correct-horse-battery-42"


@pytest.fixture
def seeded(db):
    """The records derived from the five source documents."""
    call_command("loaddata", str(FIXTURE), verbosity=0)


@pytest.fixture
def protocol_staff(db, django_user_model):
    user = django_user_model.objects.create_user("olga.staff", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Protocol staff"))
    return user


@pytest.fixture
def manager(db, django_user_model):
    user = django_user_model.objects.create_user("mariam.manager", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Managers"))
    return user


@pytest.fixture
def staff_client(client, protocol_staff):
    client.force_login(protocol_staff)
    return client


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def pytest_configure(config):
    """WhiteNoise serves STATIC_ROOT and warns on every request when it is missing ("No directory at ..."):
    tests run without collectstatic, so give them an empty directory of their own."""
    import tempfile

    from django.conf import settings

    settings.STATIC_ROOT = tempfile.mkdtemp(prefix="govex-static-")
