"""Intake: store an uploaded file once per content hash and hand it to the task queue after the commit.

Safe to call twice: a document is keyed by its content hash, and the database, not the broker, is the record of
the work to do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import ImportedDocument, ImportStatus
from ..tasks import document_send
from ..text import UnreadableDocument, check_content, check_upload, clean_name


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
                transaction.on_commit(lambda: document_send(document.pk))
    except IntegrityError:
        # Another request stored the same content between our check and our insert.
        return Submitted(ImportedDocument.objects.get(sha256=sha256), created=False)
    return Submitted(document, created=True)


def document_requeue(*, document_id: int) -> ImportedDocument:
    """Run a failed import again (after a fix to the extractor, or a transient failure)."""
    with transaction.atomic():
        document = ImportedDocument.objects.select_for_update().get(pk=document_id)
        if document.status != ImportStatus.FAILED or not document.file:
            return document
        document.status, document.error = ImportStatus.QUEUED, ""
        document.save(update_fields=["status", "error"])
        transaction.on_commit(lambda: document_send(document.pk))
    return document
