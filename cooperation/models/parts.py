"""What delegations, events, agreements and programmes are built from: a title in three languages, officials
in a role, the countries a record concerns."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import NaturalKeyManager, TimeStampedModel
from .people import Official


def title_fields():
    return (
        models.CharField(_("title"), max_length=400),
        models.CharField(_("title (Russian)"), max_length=400, blank=True),
        models.CharField(_("title (Arabic)"), max_length=400, blank=True),
    )


def official_field(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(Official, on_delete=models.PROTECT, related_name=related_name, verbose_name=_("official"))


class OfficialInRole(TimeStampedModel):
    """An official's part in a record: delegation member, event participant, signatory, programme participant.

    The fields stay in each table: an abstract base's fields would come first and reorder the columns.
    """

    objects = NaturalKeyManager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.official} ({self.get_role_display()})"

    def clean(self):
        # The position at the time must be one this official held, not another official's post picked from the
        # same list. Checked on save by forms and imports; a CHECK cannot look into the positions table.
        super().clean()
        if self.position_id and self.official_id and self.position.official_id != self.official_id:
            raise ValidationError(
                {
                    "position": _("“%(position)s” is not a position of %(official)s; choose one of theirs.")
                    % {"position": self.position.title, "official": self.official}
                }
            )


class CountryOfRecord(TimeStampedModel):
    """One of several countries a record concerns: those taking part in an event, those a programme trains."""

    objects = NaturalKeyManager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self.country.name)
