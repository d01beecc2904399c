"""Files kept beside a delegation, an event or an agreement: the signed text, the programme, photos.

The bytes are checked like an import's (``cooperation.attachments``) before anything is stored, and live on the
media volume under a name govex chose; the row keeps what was checked (size, type, SHA-256) and its history.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import TimeStampedModel, exactly_one_of, record_link
from .records import Agreement, Delegation, Event

RECORDS = ("delegation", "event", "agreement")


class AttachmentKind(models.TextChoices):
    SIGNED_TEXT = "signed_text", _("signed text")
    PROGRAMME = "programme", _("programme")
    PHOTO = "photo", _("photo")
    MINUTES = "minutes", _("minutes")
    OTHER = "other", _("other")


def attachment_path(instance: Attachment, filename: str) -> str:
    """``attachments/2026/12/<hash>-<name>.<ext>``: a name govex chose (the uploader's is only its slug), dated so
    that no folder grows without end, and prefixed with the content hash so two files never share a name."""
    path = PurePath(filename)
    stem = slugify(path.stem)[:60] or "file"
    prefix = (instance.sha256 or uuid.uuid4().hex)[:16]
    return f"attachments/{timezone.now():%Y/%m}/{prefix}-{stem}{path.suffix.lower()}"


class Attachment(TimeStampedModel):
    """Addressed by its permanent id: it has no name of its own to make a slug from, and is not in the fixtures."""

    uid = models.UUIDField(_("permanent id"), default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=255)
    kind = models.CharField(_("kind"), max_length=12, choices=AttachmentKind.choices, default=AttachmentKind.OTHER)
    title = models.CharField(_("title"), max_length=300, blank=True)
    delegation = record_link(Delegation, _("delegation"), related_name="attachments")
    event = record_link(Event, _("event"), related_name="attachments")
    agreement = record_link(Agreement, _("agreement"), related_name="attachments")
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256 of the content"), max_length=64, blank=True, editable=False, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    internal = models.BooleanField(
        _("internal"), default=False, help_text=_("Kept for the office only: partner systems never see it.")
    )
    # Stamped by a PostgreSQL trigger for partner sync, as on every synced record (``cooperation.sync``).
    sync_xid = models.BigIntegerField(null=True, blank=True, editable=False, db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "title", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(RECORDS),
                name="attachment_on_one_record",
                violation_error_message=_("Attach the file to exactly one delegation, event or agreement."),
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.file_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reports:attachment_download", kwargs={"uid": self.uid})

    @property
    def file_name(self) -> str:
        return PurePath(self.file.name).name if self.file else ""

    @property
    def record(self) -> Delegation | Event | Agreement | None:
        return self.delegation or self.event or self.agreement

    @property
    def record_type(self) -> str:
        return next((name for name in RECORDS if getattr(self, f"{name}_id") is not None), "")
