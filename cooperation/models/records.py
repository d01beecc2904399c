"""Delegations, events and agreements (training programmes are in ``programmes``)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cooperation.dates import DatePrecision
from cooperation.times import country_time_zone, format_times, local_datetime, validate_time_zone

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
from .people import Official, Organisation, Position

# --- Delegations -------------------------------------------------------------------------------------------


class DelegationStatus(models.TextChoices):
    """A planned visit's course: requested → planned (proposed by the office) → confirmed (approved by a Manager,
    ``cooperation.approval``) → completed (held), or cancelled / postponed.

    The stored values and their labels stay as they were: partners, fixtures and the reports' shared status
    filter (where ``proposed`` is an agreement's status and ``completed`` a programme's) rely on them.
    """

    REQUESTED = "requested", _("requested")
    PLANNED = "planned", _("planned")
    CONFIRMED = "confirmed", _("confirmed")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")
    POSTPONED = "postponed", _("postponed")


class Delegation(TranslatedTitleMixin, SluggedModel, DateSpan):
    """Officials of one country visiting another, incoming or outgoing."""

    title, title_ru, title_ar = title_fields()
    origin_country = CountryField(_("from"), db_index=True)
    host_country = CountryField(_("to"), db_index=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=DelegationStatus.choices, default=DelegationStatus.PLANNED, db_index=True
    )
    # Who approved the visit and when; internal to the office, so the partner API shows only the time.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    sending_organisation = optional_link(Organisation, _("sending organisation"), related_name="delegations_sent")
    host_organisation = optional_link(Organisation, _("host organisation"), related_name="delegations_hosted")
    topics = models.ManyToManyField(Topic, blank=True, related_name="delegations", verbose_name=_("topics"))

    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["-start_date", "slug"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        permissions = [("approve_delegation", _("Can approve planned visits"))]
        constraints = [
            *date_span_constraints("delegation"),
            models.CheckConstraint(condition=~Q(origin_country=F("host_country")), name="delegation_crosses_border"),
        ]

    def clean(self):
        super().clean()
        refuse_future_fact(self, past={DelegationStatus.COMPLETED: "start_date"})

    @property
    def head(self) -> Official | None:
        """The head is the member with role ``head`` (at most one, held by a constraint)."""
        return next((m.official for m in self.members.all() if m.role == MemberRole.HEAD), None)


class MemberRole(models.TextChoices):
    HEAD = "head", _("head of delegation")
    DEPUTY_HEAD = "deputy_head", _("deputy head")
    MEMBER = "member", _("member")
    EXPERT = "expert", _("expert")
    SUPPORT = "support", _("support staff")


class DelegationMember(OfficialInRole):
    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="members", verbose_name=_("delegation")
    )
    official = official_field("delegation_memberships")
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER)
    position = optional_link(Position, _("position at the time"), related_name="+")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    natural_key = natural_key_of(
        "delegation", "official", dependencies=["cooperation.delegation", "cooperation.official"]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["delegation", "order", "id"]
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        constraints = [
            models.UniqueConstraint(fields=["delegation", "official"], name="delegation_member_once"),
            models.UniqueConstraint(fields=["delegation"], condition=Q(role="head"), name="delegation_one_head"),
        ]


# --- Events ------------------------------------------------------------------------------------------------


class EventKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    ROUNDTABLE = "roundtable", _("roundtable")
    SUMMIT = "summit", _("forum or summit")
    SIDE_EVENT = "side_event", _("side event")
    EXPERT_SESSION = "expert_session", _("expert session")
    FIELD_VISIT = "field_visit", _("field visit")
    SIGNING = "signing", _("signing ceremony")
    TRAINING = "training", _("training session")
    EXHIBITION_VISIT = "exhibition_visit", _("exhibition visit")
    ANNOUNCEMENT = "announcement", _("announcement or launch")
    OTHER = "other", _("other")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    CONFIRMED = "confirmed", _("confirmed")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")
    POSTPONED = "postponed", _("postponed")


class Event(TranslatedTitleMixin, SluggedModel, DateSpan):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, db_index=True)
    title, title_ru, title_ar = title_fields()
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.PLANNED, db_index=True
    )
    # The wall clock of the place, not an instant: "10:30 in Tashkent" stays 10:30 whatever the zone rules do
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("The place's time zone, such as Asia/Tashkent; filled in from the country when it has one."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True, db_index=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    venue_organisation = optional_link(Organisation, _("organisation visited or hosting"), related_name="events_hosted")
    parent = optional_link(
        "self",
        _("part of"),
        related_name="children",
        help_text=_("The summit a side event belongs to, the roundtable an expert session belongs to."),
    )
    delegation = optional_link(Delegation, _("in the programme of"), related_name="events")
    topics = models.ManyToManyField(Topic, blank=True, related_name="events", verbose_name=_("topics"))

    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["-start_date", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            *date_span_constraints("event"),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="event_not_own_parent"),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=False), name="event_no_end_time_without_start"
            ),
            # a time of day on "October 2025" would claim a day the source does not give
            models.CheckConstraint(
                condition=(Q(start_time__isnull=True) | Q(start_date__isnull=False, start_precision=DatePrecision.DAY))
                & (Q(end_time__isnull=True) | Q(end_date__isnull=True) | Q(end_precision=DatePrecision.DAY)),
                name="event_time_only_with_day",
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gte=F("start_time"))
                | Q(end_date__isnull=False, end_date__gt=F("start_date")),
                name="event_end_time_not_before_start_time",
            ),
            # without its zone a time is not a moment: the feed and the API could not place it
            models.CheckConstraint(
                condition=Q(start_time__isnull=True) | Q(time_zone__gt=""), name="event_time_has_zone"
            ),
        ]

    def clean(self):
        super().clean()
        refuse_future_fact(self, past={EventStatus.HELD: "start_date"})
        self._clean_times()

    def _clean_times(self) -> None:
        errors = {}
        if self.end_time is not None and self.start_time is None:
            errors["start_time"] = _("Give the start time when there is an end time.")
        for time_field, date_field, precision_field in (
            ("start_time", "start_date", "start_precision"),
            ("end_time", "end_date", "end_precision"),
        ):
            if getattr(self, time_field) is None:
                continue
            # an end time without an end date is on the start day, which the start time's check covers
            if time_field == "start_time" and self.start_date is None:
                errors[time_field] = _("A time needs the day it is on: give the date first.")
            elif getattr(self, date_field) is not None and getattr(self, precision_field) != DatePrecision.DAY:
                errors.setdefault(
                    time_field,
                    _("A time needs an exact day: this date is known only to the month or the year."),
                )
        one_day = self.end_date is None or self.end_date == self.start_date
        if self.start_time is not None and self.end_time is not None and one_day and self.end_time < self.start_time:
            errors.setdefault("end_time", _("The end time is before the start time on a one-day event."))
        if self.start_time is not None and not self.time_zone:
            self.time_zone = country_time_zone(self.country, self.city)
            if not self.time_zone:
                errors["time_zone"] = _(
                    "Choose the time zone of the place: the country has more than one, or none is given."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def times_display(self) -> str:
        """ "10:30–12:00 (Asia/Tashkent)": the place's own clock, as the programme is read there."""
        return format_times(self.start_time, self.end_time, self.time_zone)

    @property
    def starts_at(self) -> dt.datetime | None:
        return local_datetime(self.start_date, self.start_time, self.time_zone)

    @property
    def ends_at(self) -> dt.datetime | None:
        return local_datetime(self.end_date or self.start_date, self.end_time, self.time_zone)


class ParticipantRole(models.TextChoices):
    HOST = "host", _("host")
    HEAD_OF_DELEGATION = "head_of_delegation", _("head of delegation")
    CHAIR = "chair", _("chair or opening speaker")
    KEYNOTE = "keynote", _("keynote speaker")
    SPEAKER = "speaker", _("speaker")
    SIGNATORY = "signatory", _("signatory")
    PARTICIPANT = "participant", _("participant")
    TRAINER = "trainer", _("trainer")


class EventParticipant(OfficialInRole):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants", verbose_name=_("event"))
    official = official_field("event_participations")
    role = models.CharField(
        _("role"), max_length=20, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT
    )
    position = optional_link(Position, _("position at the time"), related_name="+")

    natural_key = natural_key_of("event", "official", dependencies=["cooperation.event", "cooperation.official"])
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["event", "official"], name="event_participant_once")]


class OrganiserRole(models.TextChoices):
    ORGANISER = "organiser", _("organiser")
    CO_ORGANISER = "co_organiser", _("co-organiser")
    PARTNER = "partner", _("partner")
    HOST = "host", _("host")


class EventOrganiser(TimeStampedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organisers", verbose_name=_("event"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="events_organised", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=12, choices=OrganiserRole.choices, default=OrganiserRole.ORGANISER)

    objects = NaturalKeyManager()
    natural_key = natural_key_of(
        "event", "organisation", dependencies=["cooperation.event", "cooperation.organisation"]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [models.UniqueConstraint(fields=["event", "organisation"], name="event_organiser_once")]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class EventCountry(CountryOfRecord):
    """A country taking part in an event (e.g. the nine countries of an expert session)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participating_countries", verbose_name=_("event")
    )
    country = CountryField(_("country"), db_index=True)

    natural_key = natural_key_of("event", "country", dependencies=["cooperation.event"])
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "country"]
        verbose_name = _("participating country")
        verbose_name_plural = _("participating countries")
        constraints = [models.UniqueConstraint(fields=["event", "country"], name="event_country_once")]


# --- Agreements (after the UN treaty model: parties act separately, each with its own dates) ---------------


class AgreementKind(models.TextChoices):
    MOU = "mou", _("memorandum of understanding")
    AGREEMENT = "agreement", _("agreement")
    PROGRAMME = "programme", _("programme of cooperation")
    PROTOCOL = "protocol", _("protocol")
    ROADMAP = "roadmap", _("roadmap or action plan")
    TREATY = "treaty", _("treaty")
    OTHER = "other", _("other")


class AgreementLevel(models.TextChoices):
    INTERGOVERNMENTAL = "intergovernmental", _("intergovernmental")
    INTERDEPARTMENTAL = "interdepartmental", _("interdepartmental")
    BLOC = "bloc", _("between a bloc and a state")
    INSTITUTIONAL = "institutional", _("institutional")


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    UNDER_NEGOTIATION = "under_negotiation", _("under negotiation")
    SIGNED = "signed", _("signed")
    IN_FORCE = "in_force", _("in force")
    EXPIRED = "expired", _("expired")
    TERMINATED = "terminated", _("terminated")


# The statuses that say an agreement was signed (a past fact: its status date cannot be in the future).
SIGNED_STATUSES = (
    AgreementStatus.SIGNED,
    AgreementStatus.IN_FORCE,
    AgreementStatus.EXPIRED,
    AgreementStatus.TERMINATED,
)


class Agreement(TranslatedTitleMixin, SluggedModel):
    kind = models.CharField(_("kind"), max_length=12, choices=AgreementKind.choices, db_index=True)
    level = models.CharField(_("level"), max_length=20, choices=AgreementLevel.choices, blank=True)
    title, title_ru, title_ar = title_fields()
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.PROPOSED, db_index=True
    )
    status_date = models.DateField(
        _("status since"), null=True, blank=True, help_text=_("When the agreement reached its current status.")
    )
    signed_at = optional_link(Event, _("signed at"), related_name="agreements_signed")
    expires_on = models.DateField(_("expires on"), null=True, blank=True, db_index=True)
    dates_note = models.CharField(_("note on dates"), max_length=300, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="agreements", verbose_name=_("topics"))

    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def clean(self):
        super().clean()
        # "status since" is the day the agreement reached its status: a signature or an entry into force to come
        # is a plan, whatever the status says.
        refuse_future_fact(self, past=dict.fromkeys(SIGNED_STATUSES, "status_date"))


class AgreementPartyManager(models.Manager):
    def get_by_natural_key(self, agreement_slug: str, country: str, organisation_slug: str | None):
        if organisation_slug:
            return self.get(agreement__slug=agreement_slug, organisation__slug=organisation_slug)
        return self.get(agreement__slug=agreement_slug, country=country, organisation__isnull=True)


class AgreementParty(TimeStampedModel):
    """A party: a state (country) or an organisation, including blocs such as the EAEU."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="parties", verbose_name=_("agreement")
    )
    country = CountryField(_("country"), blank=True, db_index=True)
    organisation = optional_link(Organisation, _("organisation"), related_name="agreement_parties")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = AgreementPartyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "order", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.CheckConstraint(
                condition=(Q(country="") & Q(organisation__isnull=False))
                | (~Q(country="") & Q(organisation__isnull=True)),
                name="agreement_party_is_country_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["agreement", "country"], condition=~Q(country=""), name="agreement_party_country_once"
            ),
            models.UniqueConstraint(
                fields=["agreement", "organisation"],
                condition=Q(organisation__isnull=False),
                name="agreement_party_organisation_once",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation) if self.organisation_id else str(self.country.name)

    def natural_key(self):
        return (self.agreement.slug, str(self.country), self.organisation.slug if self.organisation_id else None)

    natural_key.dependencies = ["cooperation.agreement", "cooperation.organisation"]


class ActionKind(models.TextChoices):
    SIGNATURE = "signature", _("signature")
    RATIFICATION = "ratification", _("ratification or approval")
    ENTRY_INTO_FORCE = "entry_into_force", _("entry into force")
    RENEWAL = "renewal", _("renewal")
    WITHDRAWAL = "withdrawal", _("withdrawal")
    TERMINATION = "termination", _("termination")


class AgreementActionManager(models.Manager):
    def get_by_natural_key(self, agreement_slug, country, organisation_slug, kind):
        party = AgreementParty.objects.get_by_natural_key(agreement_slug, country, organisation_slug)
        return self.get(party=party, kind=kind)


class AgreementAction(TimeStampedModel):
    """One party's act on an agreement with its date: signature, ratification, entry into force ..."""

    party = models.ForeignKey(AgreementParty, on_delete=models.CASCADE, related_name="actions", verbose_name=_("party"))
    kind = models.CharField(_("action"), max_length=20, choices=ActionKind.choices)
    date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = AgreementActionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "date"]
        verbose_name = _("party action")
        verbose_name_plural = _("party actions")
        constraints = [models.UniqueConstraint(fields=["party", "kind"], name="agreement_action_once_per_party")]

    def __str__(self) -> str:
        return f"{self.party}: {self.get_kind_display()}"

    def natural_key(self):
        return (*self.party.natural_key(), self.kind)

    natural_key.dependencies = ["cooperation.agreementparty"]


class AgreementSignatory(OfficialInRole):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="signatories", verbose_name=_("agreement")
    )
    official = official_field("signatures")
    party = optional_link(AgreementParty, _("on behalf of"), related_name="signatories")
    position = optional_link(Position, _("position when signing"), related_name="+")

    natural_key = natural_key_of(
        "agreement", "official", dependencies=["cooperation.agreement", "cooperation.official"]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "id"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [models.UniqueConstraint(fields=["agreement", "official"], name="agreement_signatory_once")]

    def __str__(self) -> str:  # a signatory has no role
        return str(self.official)


class RelationKind(models.TextChoices):
    IMPLEMENTS = "implements", _("implements")
    AMENDS = "amends", _("amends")
    SUPERSEDES = "supersedes", _("supersedes")
    RENEWS = "renews", _("renews")
    RELATED = "related", _("related to")


class AgreementRelation(TimeStampedModel):
    """``source`` implements / amends / supersedes ``target``."""

    source = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="relations_out", verbose_name=_("agreement")
    )
    kind = models.CharField(_("relation"), max_length=12, choices=RelationKind.choices)
    target = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="relations_in", verbose_name=_("related agreement")
    )

    objects = NaturalKeyManager()
    natural_key = natural_key_of("source", "target", "kind", dependencies=["cooperation.agreement"])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement relation")
        verbose_name_plural = _("agreement relations")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="agreement_relation_once"),
            models.CheckConstraint(condition=~Q(source=F("target")), name="agreement_relation_not_to_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"
