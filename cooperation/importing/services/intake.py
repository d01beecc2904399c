"""Intake: store an uploaded file once per content hash and hand it to the task queue after the commit.

Safe to call twice: a document is keyed by its content hash, and the database, not the broker, is the record of
the work to do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import ImportedDocument, ImportStatus
from ..tasks import import_document
from ..text import UnreadableDocument, check_content, check_upload, clean_name

logger = logging.getLogger(__name__)


@dataclass
class Submitted:
    document: ImportedDocument
    created: bool

    @property
    def message(self) -> str:
        if not self.created:
            return _("“%(name)s” was already imported (same content as “%(existing)s”); nothing new was created.") % {
                "name": self.document.original_name,
                "existing": self.document,
            }
        if self.document.status == ImportStatus.FAILED:
            return _("“%(name)s” could not be imported: %(error)s") % {
                "name": self.document.original_name,
                "error": self.document.error,
            }
        return _("“%(name)s” was queued for import.") % {"name": self.document.original_name}


def document_submit(
    *, data: bytes, name: str, user=None, document_date: dt.date | None = None, size: int | None = None
) -> Submitted:
    """Store a file once per content hash and queue its import after the transaction commits.

    A file refused by its size or type still leaves a failed document, so the officer sees why; its bytes
    are not stored. Two concurrent submissions of one file meet on the unique hash: one creates, the other
    finds it.
    """
    name = clean_name(name)
    sha256 = hashlib.sha256(data).hexdigest()
    existing = ImportedDocument.objects.filter(sha256=sha256).first()
    if existing is not None:
        return Submitted(existing, created=False)
    error = ""
    file_format = ""
    try:
        file_format = check_upload(name=name, size=size if size is not None else len(data))
        file_format = check_content(data, name=name)
    except UnreadableDocument as exc:
        error = str(exc)
    try:
        with transaction.atomic():
            document = ImportedDocument.objects.create(
                sha256=sha256,
                original_name=name[:255],
                size=size if size is not None else len(data),
                file_format=file_format,
                uploaded_by=user if user is not None and user.is_authenticated else None,
                document_date=document_date,
                status=ImportStatus.FAILED if error else ImportStatus.QUEUED,
                error=error,
            )
            if not error:
                document.file.save(f"{sha256[:16]}-{slugify(name)[:60] or 'document'}", ContentFile(data), save=True)
                transaction.on_commit(lambda: _enqueue(document.pk))
    except IntegrityError:
        # Another request stored the same content between our check and our insert.
        return Submitted(ImportedDocument.objects.get(sha256=sha256), created=False)
    return Submitted(document, created=True)


def _enqueue(document_id: int) -> None:
    """Hand a committed document to the task queue.

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
    """Send again every import that a lost message or a dead worker left waiting; returns their ids.

    - ``queued`` for longer than ``IMPORT_STALL_SECONDS`` since it was last sent: the message was lost (Redis
      restarted without persistence, or the send failed);
    - ``processing`` for longer than the task's hard time limit plus that margin: its worker died without the
      broker redelivering (a redelivery would have finished or failed it by then).

    A resend that meets a document another worker is finishing does nothing (``document_import_run``), so
    the worst case of a resend is a wasted extraction, never a second set of candidates.
    """
    now = now or timezone.now()
    stall = dt.timedelta(seconds=settings.IMPORT_STALL_SECONDS)
    hard_limit = dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    stalled = list(
        ImportedDocument.objects.filter(
            Q(status=ImportStatus.QUEUED, queued_at__lt=now - stall)
            | Q(status=ImportStatus.QUEUED, queued_at__isnull=True, created_at__lt=now - stall)
            | Q(status=ImportStatus.PROCESSING, started_at__lt=now - hard_limit - stall)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:500]
    )
    for document_id in stalled:
        logger.warning("import %s: stalled; sending it again", document_id)
        _enqueue(document_id)
    return stalled


def document_requeue(*, document_id: int) -> ImportedDocument:
    """Run a failed import again (after a fix to the extractor, or a transient failure)."""
    with transaction.atomic():
        document = ImportedDocument.objects.select_for_update().get(pk=document_id)
        if document.status != ImportStatus.FAILED or not document.file:
            return document
        document.status, document.error = ImportStatus.QUEUED, ""
        document.save(update_fields=["status", "error"])
        transaction.on_commit(lambda: _enqueue(document.pk))
    return document
