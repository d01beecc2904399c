"""Where facts come from: source documents and citations from records to them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cooperation.dates import DatePrecision, PartialDate

from .base import LANGUAGE_CHOICES, SluggedModel, TimeStampedModel
from .people import Official, Organisation
from .programmes import TrainingProgramme
from .records import Agreement, Delegation, Event


class SourceKind(models.TextChoices):
    PRESS_RELEASE = "press_release", _("press release")
    NEWS_ARTICLE = "news_article", _("news article")
    EMBASSY_NOTE = "embassy_note", _("note from an embassy")
    INTERNAL_NOTE = "internal_note", _("internal note")
    OTHER = "other", _("other")


class SourceDocument(SluggedModel):
    title = models.CharField(_("title"), max_length=400)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, db_index=True)
    kind = models.CharField(_("kind"), max_length=15, choices=SourceKind.choices, default=SourceKind.NEWS_ARTICLE)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    publication_date = models.DateField(_("published"), null=True, blank=True)
    publication_precision = models.CharField(
        _("publication date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("In our own words."))
    sha256 = models.CharField(
        _("SHA-256 of the content"), max_length=64, null=True, blank=True, unique=True, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-publication_date", "title"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.title

    @property
    def published(self) -> PartialDate | None:
        return PartialDate.of(self.publication_date, self.publication_precision)


# A citation points at exactly one record. Separate nullable foreign keys (not a generic relation) so that the
# database keeps referential integrity and a CHECK holds "exactly one target".
CITABLE = {
    "official": Official,
    "organisation": Organisation,
    "delegation": Delegation,
    "event": Event,
    "agreement": Agreement,
    "programme": TrainingProgramme,
}


def _exactly_one_target() -> Q:
    condition = Q()
    for name in CITABLE:
        only_this = Q(**{f"{name}__isnull": False})
        for other in CITABLE:
            if other != name:
                only_this &= Q(**{f"{other}__isnull": True})
        condition |= only_this
    return condition


class CitationManager(models.Manager):
    def get_by_natural_key(self, source_slug: str, target_kind: str, target_slug: str):
        return self.get(source__slug=source_slug, **{f"{target_kind}__slug": target_slug})


class Citation(TimeStampedModel):
    source = models.ForeignKey(
        SourceDocument, on_delete=models.PROTECT, related_name="citations", verbose_name=_("source")
    )
    official = models.ForeignKey(Official, on_delete=models.CASCADE, null=True, blank=True, related_name="citations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, null=True, blank=True, related_name="citations")
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, null=True, blank=True, related_name="citations")
    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    passage = models.TextField(
        _("supporting passage"), help_text=_("A short quoted fragment or the fact in our own words.")
    )
    locator = models.CharField(_("where in the source"), max_length=120, blank=True, help_text=_("e.g. paragraph 2"))

    objects = CitationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "id"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.CheckConstraint(condition=_exactly_one_target(), name="citation_has_exactly_one_target"),
            *[
                models.UniqueConstraint(
                    fields=["source", name], condition=Q(**{f"{name}__isnull": False}), name=f"citation_{name}_once"
                )
                for name in CITABLE
            ],
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    @property
    def target_kind(self) -> str:
        return next(name for name in CITABLE if getattr(self, f"{name}_id"))

    @property
    def target(self):
        return getattr(self, self.target_kind)

    def natural_key(self):
        return (self.source.slug, self.target_kind, self.target.slug)

    natural_key.dependencies = [
        "cooperation.sourcedocument",
        *[f"cooperation.{m._meta.model_name}" for m in CITABLE.values()],
    ]
