"""Export formats of the admin's list views (django-import-export): what a person reads, not database ids.

Countries by name, people and organisations by their display names, dates with the precision the source
gives ("October 2025"), choices by their labels. The admin's changelist queryset (with its prefetches) is what
gets exported, so these methods read related rows through ``.all()`` to use the prefetched cache.
"""

from __future__ import annotations

from import_export import fields, resources, widgets

from cooperation.dates import PartialDate
from cooperation.models import (
    Agreement,
    Citation,
    Delegation,
    Event,
    MemberRole,
    Official,
    Organisation,
    Position,
    SourceDocument,
    Topic,
    TrainingProgramme,
)


def _country(value) -> str:
    return str(value.name) if value else ""


def _join(values) -> str:
    return "; ".join(str(value) for value in values if value)


def _iso(partial) -> str:
    return partial.isoformat() if partial else ""


# Columns read the same way on every record that has them; ``column_name`` defaults to the attribute's name.


def _choice(attribute: str, column_name: str = "") -> fields.Field:
    """A choice by its label, as the admin shows it."""
    return fields.Field(
        column_name=column_name or attribute, dehydrate_method=lambda obj: getattr(obj, f"get_{attribute}_display")()
    )


def _country_of(attribute: str, column_name: str = "") -> fields.Field:
    return fields.Field(
        column_name=column_name or attribute, dehydrate_method=lambda obj: _country(getattr(obj, attribute))
    )


def _related(attribute: str, column_name: str = "") -> fields.Field:
    """An optional to-one relation by its display name; the ``_id`` test spares a query when it is empty."""
    return fields.Field(
        column_name=column_name or attribute,
        dehydrate_method=lambda obj: str(getattr(obj, attribute)) if getattr(obj, f"{attribute}_id") else "",
    )


def _name_forms() -> fields.Field:
    return fields.Field(
        column_name="other name forms",
        dehydrate_method=lambda obj: _join(f"{n.name} ({n.language})" for n in obj.names.all()),
    )


class ReadableResource(resources.ModelResource):
    """Export only; rows are written through the admin forms and the importers, never by uploading a sheet."""

    id = fields.Field(attribute="slug", column_name="identifier")

    def dehydrate_topics(self, obj) -> str:
        return _join(topic.name for topic in obj.topics.all())


class DatedResource(ReadableResource):
    dates = fields.Field(column_name="dates")
    start = fields.Field(column_name="start (ISO 8601)")
    end = fields.Field(column_name="end (ISO 8601)")

    def dehydrate_dates(self, obj) -> str:
        return obj.dates_display

    def dehydrate_start(self, obj) -> str:
        return _iso(obj.start)

    def dehydrate_end(self, obj) -> str:
        return _iso(obj.end)


class OfficialResource(ReadableResource):
    name = fields.Field(attribute="name", column_name="name")
    other_names = _name_forms()
    honorific = fields.Field(attribute="honorific_prefix", column_name="honorific")
    country = _country_of("country")
    positions = fields.Field(column_name="positions")

    class Meta:
        model = Official
        fields = ("id", "name", "other_names", "honorific", "country", "positions")

    def dehydrate_positions(self, obj: Official) -> str:
        return _join(_position_text(p) for p in obj.positions.all())


def _position_text(position: Position) -> str:
    text = position.title
    if position.organisation_id:
        text = f"{text}, {position.organisation}"
    if position.dates_display:
        text = f"{text} ({position.dates_display})"
    return text


class OrganisationResource(ReadableResource):
    name = fields.Field(attribute="name", column_name="name")
    abbreviation = fields.Field(attribute="abbreviation", column_name="abbreviation")
    kind = _choice("kind")
    country = _country_of("country")
    city = fields.Field(attribute="city", column_name="city")
    parent = _related("parent", "part of")
    other_names = _name_forms()

    class Meta:
        model = Organisation
        fields = ("id", "name", "abbreviation", "kind", "country", "city", "parent", "other_names")


class PositionResource(DatedResource):
    id = fields.Field(attribute="pk", column_name="id")
    official = fields.Field(column_name="official")
    title = fields.Field(attribute="title", column_name="title")
    organisation = _related("organisation")

    class Meta:
        model = Position
        fields = ("id", "official", "title", "organisation", "dates", "start", "end")

    def dehydrate_official(self, obj: Position) -> str:
        return str(obj.official)


class DelegationResource(DatedResource):
    title = fields.Field(attribute="title", column_name="title")
    origin_country = _country_of("origin_country", "from")
    host_country = _country_of("host_country", "to")
    city = fields.Field(attribute="city", column_name="city")
    status = _choice("status")
    head = fields.Field(column_name="head of delegation")
    members = fields.Field(column_name="members")
    host_organisation = _related("host_organisation", "host organisation")
    topics = fields.Field(column_name="topics")
    purpose = fields.Field(attribute="purpose", column_name="purpose")

    class Meta:
        model = Delegation
        fields = (
            "id",
            "title",
            "dates",
            "start",
            "end",
            "origin_country",
            "host_country",
            "city",
            "status",
            "head",
            "members",
            "host_organisation",
            "topics",
            "purpose",
        )

    def dehydrate_head(self, obj: Delegation) -> str:
        return str(obj.head or "")

    def dehydrate_members(self, obj: Delegation) -> str:
        return _join(f"{m.official} ({m.get_role_display()})" for m in obj.members.all() if m.role != MemberRole.HEAD)


class EventResource(DatedResource):
    title = fields.Field(attribute="title", column_name="title")
    kind = _choice("kind")
    status = _choice("status")
    city = fields.Field(attribute="city", column_name="city")
    country = _country_of("country")
    venue = fields.Field(attribute="venue", column_name="venue")
    parent = _related("parent", "part of")
    delegation = _related("delegation", "in the programme of")
    participants = fields.Field(column_name="participants")
    topics = fields.Field(column_name="topics")
    # Local time of day in the place's zone, as staff typed it ("10:30"); empty when only the day is known.
    start_time = fields.Field(attribute="start_time", column_name="start time", widget=widgets.TimeWidget("%H:%M"))
    end_time = fields.Field(attribute="end_time", column_name="end time", widget=widgets.TimeWidget("%H:%M"))
    time_zone = fields.Field(attribute="time_zone", column_name="time zone")

    class Meta:
        model = Event
        fields = (
            "id",
            "title",
            "kind",
            "dates",
            "start",
            "end",
            "start_time",
            "end_time",
            "time_zone",
            "status",
            "city",
            "country",
            "venue",
            "parent",
            "delegation",
            "participants",
            "topics",
        )

    def dehydrate_participants(self, obj: Event) -> str:
        return _join(f"{p.official} ({p.get_role_display()})" for p in obj.participants.all())


class AgreementResource(ReadableResource):
    title = fields.Field(attribute="title", column_name="title")
    kind = _choice("kind")
    level = _choice("level")
    status = _choice("status")
    status_date = fields.Field(attribute="status_date", column_name="status since")
    parties = fields.Field(column_name="parties")
    actions = fields.Field(column_name="party actions")
    signatories = fields.Field(column_name="signatories")
    signed_at = _related("signed_at", "signed at")
    expires_on = fields.Field(attribute="expires_on", column_name="expires on")
    topics = fields.Field(column_name="topics")

    class Meta:
        model = Agreement
        fields = (
            "id",
            "title",
            "kind",
            "level",
            "status",
            "status_date",
            "parties",
            "actions",
            "signatories",
            "signed_at",
            "expires_on",
            "topics",
        )

    def dehydrate_parties(self, obj: Agreement) -> str:
        return _join(obj.parties.all())

    def dehydrate_actions(self, obj: Agreement) -> str:
        return _join(
            f"{party}: {action.get_kind_display()} {_iso(_action_date(action))}".strip()
            for party in obj.parties.all()
            for action in party.actions.all()
        )

    def dehydrate_signatories(self, obj: Agreement) -> str:
        return _join(obj.signatories.all())


def _action_date(action) -> PartialDate | None:
    return PartialDate.of(action.date, action.date_precision)


class TrainingProgrammeResource(DatedResource):
    title = fields.Field(attribute="title", column_name="title")
    status = _choice("status")
    provider = _related("provider")
    beneficiary_country = fields.Field(column_name="beneficiary country")
    beneficiary_organisation = _related("beneficiary_organisation", "beneficiary organisation")
    agreement = _related("agreement", "implements agreement")
    cohort = fields.Field(attribute="cohort", column_name="cohort")
    year = fields.Field(attribute="year", column_name="year")
    participant_count = fields.Field(attribute="participant_count", column_name="number of participants")
    stages = fields.Field(column_name="stages")
    topics = fields.Field(column_name="topics")

    class Meta:
        model = TrainingProgramme
        fields = (
            "id",
            "title",
            "status",
            "dates",
            "start",
            "end",
            "provider",
            "beneficiary_country",
            "beneficiary_organisation",
            "agreement",
            "cohort",
            "year",
            "participant_count",
            "stages",
            "topics",
        )

    def dehydrate_beneficiary_country(self, obj: TrainingProgramme) -> str:
        return _country(obj.beneficiary_country) or _join(_country(c.country) for c in obj.countries.all())

    def dehydrate_stages(self, obj: TrainingProgramme) -> str:
        return _join(
            f"{stage} ({stage.get_mode_display()}{', ' + stage.dates_display if stage.dates_display else ''})"
            for stage in obj.stages.all()
        )


class TopicResource(ReadableResource):
    name = fields.Field(attribute="name", column_name="name")
    name_ru = fields.Field(attribute="name_ru", column_name="name (Russian)")
    name_ar = fields.Field(attribute="name_ar", column_name="name (Arabic)")
    parent = _related("parent")

    class Meta:
        model = Topic
        fields = ("id", "name", "name_ru", "name_ar", "parent")


class SourceDocumentResource(ReadableResource):
    title = fields.Field(attribute="title", column_name="title")
    language = _choice("language")
    kind = _choice("kind")
    publisher = fields.Field(attribute="publisher", column_name="publisher")
    url = fields.Field(attribute="url", column_name="URL")
    published = fields.Field(column_name="published")

    class Meta:
        model = SourceDocument
        fields = ("id", "title", "language", "kind", "publisher", "url", "published")

    def dehydrate_published(self, obj: SourceDocument) -> str:
        return _iso(obj.published)


class CitationResource(resources.ModelResource):
    source = fields.Field(column_name="source")
    record_kind = fields.Field(column_name="record kind")
    record = fields.Field(column_name="record")
    passage = fields.Field(attribute="passage", column_name="passage")
    locator = fields.Field(attribute="locator", column_name="where in the source")

    class Meta:
        model = Citation
        fields = ("source", "record_kind", "record", "passage", "locator")

    def dehydrate_source(self, obj: Citation) -> str:
        return str(obj.source)

    def dehydrate_record_kind(self, obj: Citation) -> str:
        return str(type(obj.target)._meta.verbose_name)

    def dehydrate_record(self, obj: Citation) -> str:
        return str(obj.target)
