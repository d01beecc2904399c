"""Training programmes: their stages, participants and beneficiary countries."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from .base import (
    DateSpan,
    NaturalKeyManager,
    SluggedModel,
    TimeStampedModel,
    Topic,
    TranslatedTitleMixin,
    date_span_constraints,
    natural_key_of,
    optional_link,
    refuse_future_fact,
)
from .parts import CountryOfRecord, OfficialInRole, official_field, title_fields
from .people import Organisation, Position
from .records import Agreement, Event


class ProgrammeStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")


class TrainingProgramme(TranslatedTitleMixin, SluggedModel, DateSpan):
    title, title_ru, title_ar = title_fields()
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProgrammeStatus.choices, default=ProgrammeStatus.PLANNED, db_index=True
    )
    provider = optional_link(Organisation, _("provider"), related_name="programmes_provided")
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="programmes_partnered", verbose_name=_("partner organisations")
    )
    provider_country = CountryField(_("provider country"), blank=True, db_index=True)
    beneficiary_country = CountryField(
        _("beneficiary country"), blank=True, db_index=True, help_text=_("Blank when several countries benefit.")
    )
    beneficiary_organisation = optional_link(
        Organisation, _("beneficiary organisation"), related_name="programmes_received"
    )
    agreement = optional_link(Agreement, _("implements agreement"), related_name="programmes")
    cohort = models.CharField(_("cohort"), max_length=60, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    participant_count = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="programmes", verbose_name=_("topics"))

    history = HistoricalRecords(m2m_fields=[topics, partners])

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        constraints = [
            *date_span_constraints("programme"),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2200), name="programme_year_plausible"
            ),
        ]

    def clean(self):
        super().clean()
        ended = "end_date" if self.end_date else "start_date"
        refuse_future_fact(self, past={ProgrammeStatus.RUNNING: "start_date", ProgrammeStatus.COMPLETED: ended})


class StageMode(models.TextChoices):
    ONLINE = "online", _("online")
    OFFLINE = "offline", _("in person")
    BLENDED = "blended", _("blended")


class ProgrammeStage(TimeStampedModel, DateSpan):
    """A stage or module of a programme (online, then in-person sessions with dates)."""

    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, related_name="stages", verbose_name=_("programme")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    mode = models.CharField(_("mode"), max_length=8, choices=StageMode.choices)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    event = optional_link(Event, _("event"), related_name="programme_stages")
    topics = models.ManyToManyField(Topic, blank=True, related_name="programme_stages", verbose_name=_("modules"))

    objects = NaturalKeyManager()
    natural_key = natural_key_of("programme", "number", dependencies=["cooperation.trainingprogramme"])
    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="programme_stage_number_once"),
            *date_span_constraints("programme_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class ProgrammeRole(models.TextChoices):
    PARTICIPANT = "participant", _("participant")
    TRAINER = "trainer", _("trainer")
    COORDINATOR = "coordinator", _("coordinator")
    SPEAKER = "speaker", _("speaker")


class ProgrammeParticipant(OfficialInRole):
    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, related_name="participants", verbose_name=_("programme")
    )
    official = official_field("programme_participations")
    role = models.CharField(_("role"), max_length=12, choices=ProgrammeRole.choices, default=ProgrammeRole.PARTICIPANT)
    position = optional_link(Position, _("position at the time"), related_name="+")

    natural_key = natural_key_of(
        "programme", "official", dependencies=["cooperation.trainingprogramme", "cooperation.official"]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "id"]
        verbose_name = _("programme participant")
        verbose_name_plural = _("programme participants")
        constraints = [models.UniqueConstraint(fields=["programme", "official"], name="programme_participant_once")]


class ProgrammeCountry(CountryOfRecord):
    """Beneficiary countries of a multi-country programme."""

    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, related_name="countries", verbose_name=_("programme")
    )
    country = CountryField(_("country"), db_index=True)

    natural_key = natural_key_of("programme", "country", dependencies=["cooperation.trainingprogramme"])
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "country"]
        verbose_name = _("beneficiary country")
        verbose_name_plural = _("beneficiary countries")
        constraints = [models.UniqueConstraint(fields=["programme", "country"], name="programme_country_once")]
