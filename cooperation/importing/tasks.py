"""Celery tasks of the import, and the one way to send one. Thin: each task takes an id and calls a service.

The dependencies run one way: the services that queue work (``services.intake``) import ``document_send`` from
here, and this module imports the run service and the selectors, never the other way round.

The task names are the ones these tasks had in ``cooperation.tasks``: messages already queued (and the beat
schedule in settings) keep finding them after the move.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ImportedDocument
from .selectors import documents_stalled
from .services.run import document_import_run, document_mark_failed

logger = logging.getLogger(__name__)

# Only a database that is briefly away is worth retrying; anything else fails the import with a message.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


@shared_task(
    name="cooperation.tasks.import_document",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=3,
    # Time limits come from settings (CELERY_TASK_SOFT_TIME_LIMIT / CELERY_TASK_TIME_LIMIT, 120 s / 180 s).
)
def import_document(self, document_id: int) -> str | None:
    try:
        document = document_import_run(document_id=document_id)
    except SoftTimeLimitExceeded:
        document_mark_failed(
            document_id=document_id, message=_("The import took too long and was stopped; try a shorter file.")
        )
        return None
    except TRANSIENT_ERRORS:
        if self.request.retries >= self.max_retries:
            document_mark_failed(
                document_id=document_id, message=_("The database was unavailable; the import can be retried.")
            )
        raise
    return document.status if document is not None else None


def document_send(document_id: int) -> None:
    """Hand a committed document to the task queue (call it on commit).

    The database, not the broker, is the record of what is to be done: if Redis is away (restarting, full) the
    document stays ``queued`` and ``documents_resend_stalled`` sends it again later, so the upload itself still
    succeeds instead of answering 500 for a document that is already safely stored.
    """
    ImportedDocument.objects.filter(pk=document_id).update(queued_at=timezone.now())
    try:
        import_document.delay(document_id)
    except Exception:
        logger.warning("import %s: the task queue is unreachable; it will be sent again", document_id, exc_info=True)


def documents_resend_stalled(*, now: dt.datetime | None = None) -> list[int]:
    """Send again every import that a lost message or a dead worker left waiting (``documents_stalled``).

    A resend that meets a document another worker is finishing does nothing (``document_import_run``), so the
    worst case of a resend is a wasted extraction, never a second set of candidates.
    """
    stalled = documents_stalled(now=now or timezone.now())
    for document_id in stalled:
        logger.warning("import %s: stalled; sending it again", document_id)
        document_send(document_id)
    return stalled


@shared_task(name="cooperation.tasks.resend_stalled_imports", ignore_result=True)
def resend_stalled_imports() -> int:
    """Scheduled by beat: imports whose message was lost (broker restarted) or whose worker died go out again."""
    return len(documents_resend_stalled())
