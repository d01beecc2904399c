"""A lost task message does not lose an import: the document row is the record, beat sends stalled ones again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cooperation.importing.models import ImportedDocument, ImportStatus
from cooperation.importing.services.intake import document_submit
from cooperation.importing.tasks import documents_resend_stalled, resend_stalled_imports
from tests.celery_helpers import celery_configured

from .conftest import document

# Nothing listens on port 1: every send to this broker fails, as it does while Redis restarts.
UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"


def later(seconds: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(seconds=seconds)


@pytest.mark.django_db
def test_an_upload_while_the_broker_is_down_is_kept_queued_and_imported_once_it_is_resent(
    django_capture_on_commit_callbacks, settings
):
    with (
        celery_configured(broker_url=UNREACHABLE_BROKER, task_always_eager=False, broker_connection_timeout=0.5),
        django_capture_on_commit_callbacks(execute=True),
    ):
        submitted = document_submit(data=document("en_visit_mongolia.txt"), name="visit.txt")

    doc = ImportedDocument.objects.get(pk=submitted.document.pk)
    assert doc.status == ImportStatus.QUEUED
    assert doc.queued_at is not None
    assert not doc.candidates.exists()

    # Not yet stalled: nothing is sent twice while the message may still be on its way.
    assert documents_resend_stalled() == []
    # Later the broker is back (in-process here) and the sweep sends it.
    assert documents_resend_stalled(now=later(settings.IMPORT_STALL_SECONDS + 1)) == [doc.pk]
    doc.refresh_from_db()
    assert doc.status == ImportStatus.READY_FOR_REVIEW
    candidates = doc.candidates.count()
    assert candidates > 0

    # A second sweep, or a late duplicate of the lost message, changes nothing.
    assert documents_resend_stalled(now=later(settings.IMPORT_STALL_SECONDS + 1)) == []
    resend_stalled_imports.delay()
    doc.refresh_from_db()
    assert (doc.status, doc.candidates.count(), doc.attempts) == (ImportStatus.READY_FOR_REVIEW, candidates, 1)


@pytest.mark.django_db
def test_an_import_left_processing_by_a_dead_worker_is_resent_after_the_hard_time_limit(settings):
    with celery_configured(task_always_eager=False, broker_url=UNREACHABLE_BROKER, broker_connection_timeout=0.5):
        doc = document_submit(data=document("en_visit_mongolia.txt"), name="visit.txt").document
    # A worker took it and died before finishing (SIGKILL; the broker's copy was lost with a restart).
    started = timezone.now()
    ImportedDocument.objects.filter(pk=doc.pk).update(status=ImportStatus.PROCESSING, started_at=started)

    within_limit = started + dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    assert documents_resend_stalled(now=within_limit) == []
    past_limit = within_limit + dt.timedelta(seconds=settings.IMPORT_STALL_SECONDS + 1)
    assert documents_resend_stalled(now=past_limit) == [doc.pk]
    doc.refresh_from_db()
    assert doc.status == ImportStatus.READY_FOR_REVIEW
    assert doc.attempts == 1


@pytest.mark.django_db
def test_finished_and_failed_imports_are_never_resent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ready = document_submit(data=document("en_visit_mongolia.txt"), name="visit.txt").document
    failed = document_submit(data=b"", name="empty.txt").document
    ready.refresh_from_db()
    failed.refresh_from_db()
    assert (ready.status, failed.status) == (ImportStatus.READY_FOR_REVIEW, ImportStatus.FAILED)
    assert documents_resend_stalled(now=later(10**6)) == []


def test_beat_schedules_the_sweep(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["resend-stalled-imports"]
    assert entry["task"] == resend_stalled_imports.name
    assert 0 < entry["schedule"] < settings.IMPORT_STALL_SECONDS
