"""People and organisations, after Popolo: a person holds posts in organisations over time."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cooperation.dates import PartialDate
from cooperation.names import normalize, script_of, search_key

from .base import (
    DateSpan,
    NaturalKeyManager,
    SluggedModel,
    TimeStampedModel,
    date_span_constraints,
    in_reader_language,
    natural_key_of,
    optional_link,
    reader_language,
)


class NameKind(models.TextChoices):
    PREFERRED = "preferred", _("preferred form in this language")
    NATIVE = "native", _("native script")
    TRANSLITERATION = "transliteration", _("transliteration")
    AS_WRITTEN = "as_written", _("as written in a source")
    ABBREVIATION = "abbreviation", _("abbreviation")
    FORMER = "former", _("former name")


class GrammaticalCase(models.TextChoices):
    NOMINATIVE = "nom", _("nominative")
    GENITIVE = "gen", _("genitive")
    DATIVE = "dat", _("dative")
    ACCUSATIVE = "acc", _("accusative")
    INSTRUMENTAL = "ins", _("instrumental")
    PREPOSITIONAL = "loc", _("prepositional")


class AlternativeName(TimeStampedModel):
    """A name form tagged with language (BCP 47) and script (ISO 15924)."""

    name = models.CharField(_("name"), max_length=300)
    language = models.CharField(_("language"), max_length=12, help_text=_("BCP 47 code: en, ru, ar, ko ..."))
    script = models.CharField(
        _("script"), max_length=4, blank=True, help_text=_("ISO 15924 code: Latn, Cyrl, Arab ... (detected if blank)")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NameKind.choices, default=NameKind.PREFERRED)
    grammatical_case = models.CharField(_("case"), max_length=3, choices=GrammaticalCase.choices, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # Hidden keys for search and matching across scripts; always derived from ``name``.
    normalized = models.CharField(max_length=300, editable=False, db_index=True)
    search_key = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.name} [{self.language}-{self.script}]"

    def save(self, *args, **kwargs):
        self.derive_keys()
        super().save(*args, **kwargs)

    def derive_keys(self) -> None:
        """Script (unless given) and the search keys, from ``name``. Also run for ``loaddata``'s raw saves, which
        skip ``save()`` (``cooperation.fixture_loading``): fixtures carry the name only."""
        self.script = self.script or script_of(self.name)
        self.normalized = normalize(self.name)
        self.search_key = search_key(self.name)


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("government")
    MINISTRY = "ministry", _("ministry")
    AGENCY = "agency", _("agency or office")
    COMMITTEE = "committee", _("committee or council")
    EMBASSY = "embassy", _("embassy or mission")
    ACADEMY = "academy", _("academy, school or university")
    ACCELERATOR = "accelerator", _("accelerator or innovation centre")
    COMPANY = "company", _("company")
    INTERNATIONAL = "international", _("international organisation")
    BLOC = "bloc", _("bloc or union of states")
    EVENT_ORGANISER = "event_organiser", _("event organiser")
    OTHER = "other", _("other")


class Organisation(SluggedModel):
    name = models.CharField(_("name"), max_length=300)
    abbreviation = models.CharField(_("abbreviation"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    country = CountryField(_("country"), blank=True, db_index=True, help_text=_("Blank for international bodies."))
    city = models.CharField(_("city"), max_length=120, blank=True)
    parent = optional_link("self", _("parent organisation"), related_name="children")
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("summary"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="organisation_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.display_name()

    def display_name(self, language: str | None = None) -> str:
        return _preferred_name(self, language) or self.name


class OrganisationName(AlternativeName):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="names", verbose_name=_("organisation")
    )

    objects = NaturalKeyManager()
    natural_key = natural_key_of("organisation", "name", "language", dependencies=["cooperation.organisation"])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation name")
        verbose_name_plural = _("organisation names")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name", "language"], name="organisation_name_unique"),
        ]


class Official(SluggedModel):
    """A person who holds public positions; one record whatever script or grammatical case a source uses."""

    name = models.CharField(_("canonical name"), max_length=300, help_text=_("Usually the Latin form."))
    sort_name = models.CharField(_("sort name"), max_length=300, blank=True)
    honorific_prefix = models.CharField(_("honorific"), max_length=60, blank=True, help_text=_("H.E., Sheikh, Dr ..."))
    country = CountryField(_("country"), blank=True, db_index=True)
    summary = models.TextField(_("summary"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("official")
        verbose_name_plural = _("officials")

    def __str__(self) -> str:
        return self.display_name()

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.name.split()[-1] if self.name.split() else ""
        super().save(*args, **kwargs)

    def display_name(self, language: str | None = None) -> str:
        return _preferred_name(self, language) or self.name

    def position_on(self, day: dt.date) -> Position | None:
        """The position held on ``day``: answers "what was her title when she signed"."""
        return held_on(self.positions.all(), day)


def held_on(posts, day: dt.date, dates=lambda p: (p.start_date, p.start_precision, p.end_date, p.end_precision)):
    """Of ``posts``, the one held on ``day`` (``Official.position_on``'s rule, for instances or the API's value rows:
    ``dates`` reads a post's start date and precision, end date and precision). An open start or end counts as
    unbounded; among several posts held at once, the most recently started is the one sources name first."""

    def covers(post) -> bool:
        start_date, start_precision, end_date, end_precision = dates(post)
        start, end = PartialDate.of(start_date, start_precision), PartialDate.of(end_date, end_precision)
        return (start is None or start.first_day <= day) and (end is None or day <= end.last_day)

    return max((p for p in posts if covers(p)), key=lambda p: dates(p)[0] or dt.date.min, default=None)


class OfficialName(AlternativeName):
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="names", verbose_name=_("official"))

    objects = NaturalKeyManager()
    natural_key = natural_key_of("official", "name", "language", dependencies=["cooperation.official"])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("name form")
        verbose_name_plural = _("name forms")
        constraints = [
            models.UniqueConstraint(fields=["official", "name", "language"], name="official_name_unique"),
        ]


class Position(TimeStampedModel, DateSpan):
    """A post held by an official (Popolo "membership"): title, organisation, from when to when."""

    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="positions", verbose_name=_("official")
    )
    title = models.CharField(_("title"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    organisation = optional_link(Organisation, _("organisation"), related_name="positions")

    objects = NaturalKeyManager()
    natural_key = natural_key_of("official", "title", dependencies=["cooperation.official"])
    history = HistoricalRecords()

    class Meta:
        ordering = ["official", "-start_date"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(fields=["official", "title"], name="position_unique_title_per_official"),
            *date_span_constraints("position"),
        ]

    def __str__(self) -> str:
        return self.localized_title()

    def localized_title(self, language: str | None = None) -> str:
        # The same rule as ``TranslatedTitleMixin``, without the mixin: the migrations record Position's bases,
        # and a new one would leave them out of step with the model.
        return in_reader_language(self, "title", language)


def _preferred_name(record, language: str | None) -> str:
    """The record's name in ``language`` (preferred form first), from prefetched ``names`` when available."""
    language = reader_language(language)
    if language == "en":
        return ""
    rank = {NameKind.PREFERRED: 0, NameKind.NATIVE: 1, NameKind.TRANSLITERATION: 2}
    forms = [n for n in record.names.all() if n.language == language and n.kind in rank]
    return min(forms, key=lambda n: rank[n.kind]).name if forms else ""
