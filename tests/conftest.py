"""Fixtures shared by the whole suite. Each area keeps its own in tests/<area>/conftest.py."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "fixtures" / "govex.yaml"
PASSWORD = "correct-horse-battery-42"


@pytest.fixture
def seeds() -> Path:
    """The five seed articles (see ``seeds_dir``)."""
    from cooperation.importing.evaluation import seeds_dir

    found = seeds_dir()
    if found is None:
        pytest.skip("seed documents not available (../shared/seeds)")
    return found


def load_seeded() -> None:
    call_command("loaddata", str(FIXTURE), verbosity=0)


@contextmanager
def shared_records(django_db_blocker) -> Iterator[None]:
    """Records written once for the tests of a class or module, as Django's setUpTestData does: in a
    transaction of their own that each test's transaction nests in (a savepoint, rolled back after the test),
    itself rolled back when the class or module is done. For fixtures of a wider scope than the test, which
    also ask for ``django_db_setup``; not for tests that commit (``transactional_db``): they flush."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="class")
def _seeded_for_the_class(django_db_setup, django_db_blocker):
    # Loading the fixtures takes seconds: once per test class. A test outside a class gets a load of its own
    # (pytest runs a class-scoped fixture once per function there).
    with shared_records(django_db_blocker):
        load_seeded()
        yield


@pytest.fixture
def seeded(request, _seeded_for_the_class, db):
    """The records derived from the five source documents, shared by the tests of a class."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        # Such a test flushes the database after itself, and the live server's connection would not see
        # records inside the class's transaction.
        pytest.fail("a test that commits loads the fixtures itself: load_seeded()")


@pytest.fixture
def eager_tasks(settings, tmp_path):
    """Uploaded files go to a temporary folder, and Celery tasks run in-process when they are sent."""
    from govex.celery import app as celery_app

    settings.MEDIA_ROOT = tmp_path / "media"
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@contextmanager
def celery_worker_process(*options: str, env: dict[str, str], **popen) -> Iterator[subprocess.Popen]:
    """A real Celery worker for govex, stopped (killed if it will not stop) when the block ends. The solo pool
    and no gossip or mingle: one process, ready in seconds. ``options`` are more of the worker's options."""
    command = [sys.executable, "-m", "celery", "-A", "govex", "worker", "--pool=solo", "--without-gossip",
               "--without-mingle", *options]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO, env=env, **popen)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(autouse=True)
def _language_of_the_site():
    """Each test starts in the site's language: a request through LocaleMiddleware leaves the language it chose
    active in the thread, so an Arabic page in one test would otherwise make the next one's dates Arabic."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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
    tests run without collectstatic, so give them an empty directory of their own (one per xdist worker)."""
    import tempfile

    from django.conf import settings

    settings.STATIC_ROOT = config._govex_static_root = tempfile.mkdtemp(prefix="govex-static-")
    # Hundreds of tests create users with passwords, and sign-in tests hash every attempt: the production
    # hasher (PBKDF2, deliberately slow) would add minutes to the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    worker = os.environ.get("PYTEST_XDIST_WORKER")  # gw0, gw1, ... when pytest-xdist runs the suite
    cache = settings.CACHES["default"]
    if worker and cache["BACKEND"].endswith("RedisCache"):
        # Workers share CI's Redis, and tests clear the cache (FLUSHDB) while others count throttled requests
        # in it (token ids repeat: each worker has a database of its own): worker N gets Redis database 10 + N.
        cache["LOCATION"] = f"{cache['LOCATION'].rpartition('/')[0]}/{10 + int(worker.removeprefix('gw'))}"


def pytest_unconfigure(config):
    import shutil

    shutil.rmtree(getattr(config, "_govex_static_root", ""), ignore_errors=True)
