"""The change feed: tombstones for records that no longer exist under their slug (see ``cooperation.sync``)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChangeAction(models.TextChoices):
    DELETED = "deleted", _("deleted")
    MERGED = "merged", _("merged into another record")
    RENAMED = "renamed", _("identifier changed")


class Change(models.Model):
    """A tombstone: a record a partner may hold that no longer exists under its slug.

    Written by ``cooperation.sync`` (signals) and by the merge services, for every record type partners sync.
    Edits are not logged here: they stamp the record itself (``sync_xid``, ``updated_at``).
    """

    record_type = models.CharField(_("record type"), max_length=30, db_index=True)
    slug = models.CharField(_("identifier"), max_length=120)
    action = models.CharField(_("action"), max_length=10, choices=ChangeAction.choices)
    replaced_by = models.CharField(
        _("replaced by"), max_length=120, blank=True, help_text=_("Slug of the surviving record (merges, renames).")
    )
    record_uid = models.UUIDField(_("permanent id of the record"), null=True, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    sync_xid = models.BigIntegerField(null=True, blank=True, editable=False, db_index=True)  # see cooperation.sync

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        db_table = "partner_api_change"  # created by the partner API app, which kept it until the feed moved here
        indexes = [models.Index(fields=["at", "id"], name="partner_api_change_at_id")]

    def __str__(self) -> str:
        return f"{self.record_type} {self.slug} {self.action}"
