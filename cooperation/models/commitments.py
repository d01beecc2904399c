"""Follow-up commitments: what the parties agreed to do after a visit, a meeting or an agreement."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import TimeStampedModel, TranslatedTitleMixin, at_most_one_of, exactly_one_of, optional_link, record_link
from .people import Official, Organisation
from .records import Agreement, Delegation, Event

LINKS = ("delegation", "event", "agreement")
OWNERS = ("owner_official", "owner_organisation", "owner_user")


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


def overdue_on(today: dt.date) -> Q:
    """Still open after its deadline: the rule behind the filter, the report's order and the dashboard's count."""
    return Q(status=CommitmentStatus.OPEN, deadline__lt=today)


class CommitmentQuerySet(models.QuerySet):
    def open(self) -> CommitmentQuerySet:
        return self.filter(status=CommitmentStatus.OPEN)

    def overdue(self, today: dt.date | None = None) -> CommitmentQuerySet:
        return self.filter(overdue_on(today or timezone.localdate()))


class Commitment(TranslatedTitleMixin, TimeStampedModel):
    """One thing a party agreed to do, by whom and by when, linked to the visit, meeting or agreement it came from.

    Addressed by its permanent id (no slug: it has no name to make one from and is not in the fixtures).
    """

    uid = models.UUIDField(_("permanent id"), default=uuid.uuid4, unique=True, editable=False)
    text = models.TextField(_("commitment"))
    text_ru = models.TextField(_("commitment (Russian)"), blank=True)
    text_ar = models.TextField(_("commitment (Arabic)"), blank=True)
    delegation = record_link(Delegation, _("delegation"), related_name="commitments")
    event = record_link(Event, _("event"), related_name="commitments")
    agreement = record_link(Agreement, _("agreement"), related_name="commitments")
    owner_official = optional_link(Official, _("owner (official)"), related_name="commitments")
    owner_organisation = optional_link(Organisation, _("owner (organisation)"), related_name="commitments")
    # A staff member of the office: internal, never shown to partners.
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("owner (staff user)"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=8, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN, db_index=True
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    # Stamped by a PostgreSQL trigger for partner sync, as on every synced record (``cooperation.sync``).
    sync_xid = models.BigIntegerField(null=True, blank=True, editable=False, db_index=True)

    objects = CommitmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(LINKS),
                name="commitment_follows_one_record",
                violation_error_message=_("Link the commitment to exactly one delegation, event or agreement."),
            ),
            models.CheckConstraint(
                condition=at_most_one_of(OWNERS),
                name="commitment_at_most_one_owner",
                violation_error_message=_("Choose one owner: an official, an organisation or a staff user."),
            ),
            models.CheckConstraint(
                condition=Q(done_at__isnull=True) | Q(status=CommitmentStatus.DONE),
                name="commitment_done_at_only_when_done",
            ),
        ]

    def __str__(self) -> str:
        return Truncator(self.localized("text")).chars(80)

    def save(self, *args, **kwargs):
        if self.status == CommitmentStatus.DONE:
            self.done_at = self.done_at or timezone.now()
        else:
            self.done_at = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "done_at"}
        super().save(*args, **kwargs)

    @property
    def record(self) -> Delegation | Event | Agreement | None:
        return self.delegation or self.event or self.agreement

    @property
    def owner(self) -> Official | Organisation | object | None:
        return self.owner_official or self.owner_organisation or self.owner_user

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return (
            self.status == CommitmentStatus.OPEN
            and self.deadline is not None
            and self.deadline < (today or timezone.localdate())
        )
