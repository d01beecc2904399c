"""The whole path once with a real Celery worker on Redis and a database both processes can see."""

from __future__ import annotations

import os
import subprocess
import time
import uuid

import pytest
from django.db import connection

from cooperation.importing.models import ImportedDocument, ImportStatus
from cooperation.importing.services.intake import document_submit
from tests.celery_helpers import celery_configured
from tests.conftest import celery_worker_process

from .conftest import document

pytestmark = pytest.mark.worker
REQUIRED = os.environ.get("GOVEX_REQUIRE_SERVICES") == "1"


def _skip_or_fail(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason} (GOVEX_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


def _database_url() -> str | None:
    """The test database as a URL for the worker process; None when another process cannot reach it."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        return f"sqlite:///{db['NAME']}"
    return None


@pytest.fixture
def worker(transactional_db, settings):
    broker = os.environ.get("TEST_CELERY_BROKER_URL")
    if not broker:
        _skip_or_fail("TEST_CELERY_BROKER_URL is not set")
    database_url = _database_url()
    if database_url is None:
        _skip_or_fail("the test database is in-memory SQLite, which a worker process cannot see; use PostgreSQL")
    # A queue of our own, so that no other worker on this broker takes the task.
    queue = f"govex-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    worker_process = celery_worker_process(
        "-Q", queue, "--without-heartbeat", "-l", "INFO",
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    with (
        worker_process as process,
        celery_configured(broker_url=broker, task_default_queue=queue, task_always_eager=False),
    ):
        yield process


def test_an_upload_is_imported_by_a_real_worker_and_becomes_ready_for_review(worker):
    submitted = document_submit(data=document("en_visit_mongolia.txt"), name="visit.txt")
    assert submitted.created
    deadline = time.monotonic() + 120
    doc = submitted.document
    while time.monotonic() < deadline:
        doc.refresh_from_db()
        if doc.status not in (ImportStatus.QUEUED, ImportStatus.PROCESSING):
            break
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.5)
    assert doc.status == ImportStatus.READY_FOR_REVIEW, (doc.status, doc.error)
    assert doc.candidates.filter(value__normal="Bolormaa Tsendsuren").exists()
    # The same file again: one document, and the worker is not asked to do anything.
    again = document_submit(data=document("en_visit_mongolia.txt"), name="visit (copy).txt")
    assert not again.created and ImportedDocument.objects.count() == 1
