"""Celery tasks of the import: thin. Each takes an id and calls a service; the services hold the logic and guards.

The task names are the ones these tasks had in ``cooperation.tasks``: messages already queued (and the beat
schedule in settings) keep finding them after the move.
"""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

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
    # Imported when run: the services import this module (to enqueue), so it cannot import them first.
    from .services import document_import_run, document_mark_failed

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


@shared_task(name="cooperation.tasks.resend_stalled_imports", ignore_result=True)
def resend_stalled_imports() -> int:
    """Scheduled by beat: imports whose message was lost (broker restarted) or whose worker died go out again."""
    from .services import documents_resend_stalled

    return len(documents_resend_stalled())
