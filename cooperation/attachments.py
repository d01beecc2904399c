"""Attachments: a file checked like an import before it is kept beside its record, and served back as a download.

The checks are the importer's (``cooperation.importing.text``: extension, size limit, and whether the bytes are
what the name says), with photos allowed too. A refused file leaves nothing behind: neither a row nor bytes on
the media volume.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse

from cooperation.importing.text import (
    ATTACHMENT_EXTENSIONS,
    UnreadableDocument,
    check_content,
    check_upload,
    clean_name,
)
from cooperation.models import Agreement, Attachment, AttachmentKind, Delegation, Event

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
    "md": "text/markdown",
    "html": "text/html",
    "jpg": "image/jpeg",
    "png": "image/png",
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    data: bytes
    content_type: str
    sha256: str

    @property
    def size(self) -> int:
        return len(self.data)


def attachment_check(upload) -> CheckedFile:
    """The uploaded file's bytes and what they are, or a ``ValidationError`` that says why it cannot be kept.

    The size is checked before the bytes are read, so an oversized upload is never held in memory whole.
    """
    name = clean_name(PurePath(upload.name or "").name) or "file"
    try:
        check_upload(name=name, size=upload.size or 0, allowed=ATTACHMENT_EXTENSIONS)
        upload.seek(0)
        data = upload.read()
        file_format = check_content(data, name=name, allowed=ATTACHMENT_EXTENSIONS)
    except UnreadableDocument as error:
        raise ValidationError(str(error), code="unacceptable_file") from error
    return CheckedFile(
        name=name, data=data, content_type=CONTENT_TYPES[file_format], sha256=hashlib.sha256(data).hexdigest()
    )


def attachment_fill(attachment: Attachment, checked: CheckedFile) -> None:
    """Put a checked file on an attachment that is about to be saved (a new one, or one whose file is replaced)."""
    attachment.size = checked.size
    attachment.content_type = checked.content_type
    attachment.sha256 = checked.sha256
    if not attachment.title:
        attachment.title = PurePath(checked.name).stem[:300]
    # Set before the file is named: the stored name starts with the hash (``attachment_path``).
    attachment.file = ContentFile(checked.data, name=checked.name)


@transaction.atomic
def attachment_add(
    *,
    record: Delegation | Event | Agreement,
    upload,
    kind: str = AttachmentKind.OTHER,
    title: str = "",
    internal: bool = False,
    user=None,
) -> Attachment:
    """Check ``upload`` and keep it beside ``record``; the same content already on the record is not kept twice."""
    checked = attachment_check(upload)
    link = {type(record).__name__.lower(): record}
    existing = Attachment.objects.filter(sha256=checked.sha256, **link).first()
    if existing is not None:
        return existing
    attachment = Attachment(
        kind=kind, title=title, internal=internal, uploaded_by=user if user and user.is_authenticated else None, **link
    )
    attachment_fill(attachment, checked)
    attachment.full_clean(exclude=["file"])
    attachment.save()
    return attachment


def attachments_by_record(record_type: str, records) -> dict[int, list[Attachment]]:
    """The attachments of ``records`` (all of one type), by record id, in one query."""
    found: dict[int, list[Attachment]] = defaultdict(list)
    ids = {record.pk for record in records}
    for attachment in Attachment.objects.filter(**{f"{record_type}_id__in": ids}):
        found[getattr(attachment, f"{record_type}_id")].append(attachment)
    return found


def download_response(attachment: Attachment) -> FileResponse:
    """The stored bytes as a download, never rendered in the page: an HTML or SVG-looking file from a partner
    would otherwise run as govex's own page."""
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.file_name,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
