"""What a partner receives for each record: everything needed without a second request.

Shapes every record shares:
- ``slug`` is the stable public identifier, ``url`` the record's address in this API;
- dates are ``{"date": "2025-10", "precision": "month"}`` (ISO 8601 at the precision the source gives);
- countries are ``{"code": "BY", "name": "Belarus"}``;
- titles are ``{"en": ..., "ru": ..., "ar": ...}`` and people and organisations carry every name form
  (``names``: name, language, script, kind), so a partner can show them in any of the three scripts.

The six record types with nested data (delegations, events, officials, organisations, agreements, programmes)
are built, list and detail alike, from value rows in ``cooperation.api.fast`` and ``fast_agreements`` (a page
of 100 delegations holds hundreds of officials); officials, organisations and the shapes nested everywhere (name
forms, posts, sources) are declared once in ``cooperation.api.shapes``, which builds them in Python or, on
PostgreSQL, in the page query. Here their declared fields describe the shape for the OpenAPI
schema, and tests validate real responses against that schema so the two cannot drift apart. Topics and source
documents are still serialized here (``extra``).
"""

from __future__ import annotations

import functools

from django.urls import get_script_prefix, reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cooperation import models as m
from cooperation.dates import DatePrecision

# --- Small shared fields --------------------------------------------------------------------------------------


def _countries_names() -> dict[str, str]:
    from django_countries import countries

    return {code: str(name) for code, name in countries}


_COUNTRY_NAMES: dict[str, str] = {}


def country(code) -> dict | None:
    code = str(code or "")
    if not code:
        return None
    if not _COUNTRY_NAMES:
        _COUNTRY_NAMES.update(_countries_names())
    return {"code": code, "name": _COUNTRY_NAMES.get(code, code)}


def partial_date(date, precision: str) -> dict | None:
    if date is None:
        return None
    if precision == DatePrecision.YEAR:
        text = f"{date.year:04d}"
    elif precision == DatePrecision.MONTH:
        text = f"{date.year:04d}-{date.month:02d}"
    else:
        text = date.isoformat()
    return {"date": text, "precision": precision}


def translated(obj, field: str) -> dict:
    return {
        "en": getattr(obj, field),
        "ru": getattr(obj, f"{field}_ru") or None,
        "ar": getattr(obj, f"{field}_ar") or None,
    }


class LinkBuilder:
    """Absolute URLs without calling ``reverse`` for each of thousands of nested records, nor once per request: the
    path before a record type's slugs is kept per process, the scheme and host are read once per request."""

    def __init__(self, request) -> None:
        self.cache: dict[str, str] = {}
        self.request = request

    def __call__(self, basename: str, slug: str) -> str:
        prefix = self.cache.get(basename)
        if prefix is None:
            prefix = self.prefix(basename)
        return f"{prefix}{slug}/"

    def prefix(self, basename: str) -> str:
        """What comes before a record's slug in its address (``shapes`` builds addresses in SQL from it)."""
        prefix = self.cache.get(basename)
        if prefix is None:
            path = _detail_path(basename, get_script_prefix())
            # build_absolute_uri(path) for a path: the scheme and host, then the path
            root = self.cache.get("") if self.request is not None else ""
            if root is None:
                root = self.cache[""] = self.request.build_absolute_uri("/")[:-1]
            prefix = self.cache[basename] = f"{root}{path}"
        return prefix


@functools.cache
def _detail_path(basename: str, script_prefix: str) -> str:
    return reverse(f"api:{basename}-detail", kwargs={"slug": "__slug__"}).replace("__slug__/", "")


def links(context: dict) -> LinkBuilder:
    builder = context.get("links")
    if builder is None:
        builder = context["links"] = LinkBuilder(context.get("request"))
    return builder


COUNTRY_SCHEMA = {
    "type": "object",
    "nullable": True,
    "properties": {"code": {"type": "string", "example": "BY"}, "name": {"type": "string", "example": "Belarus"}},
    "required": ["code", "name"],
}
DATE_SCHEMA = {
    "type": "object",
    "nullable": True,
    "description": "ISO 8601 at the precision the source gives: 2025, 2025-10 or 2025-10-14.",
    "properties": {
        "date": {"type": "string", "example": "2025-10"},
        "precision": {"type": "string", "enum": list(DatePrecision.values)},
    },
    "required": ["date", "precision"],
}
TRANSLATED_SCHEMA = {
    "type": "object",
    "properties": {
        "en": {"type": "string"},
        "ru": {"type": "string", "nullable": True},
        "ar": {"type": "string", "nullable": True},
    },
    "required": ["en", "ru", "ar"],
}


@extend_schema_field(COUNTRY_SCHEMA)
class CountryField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return country(value)

    def get_attribute(self, instance):
        return getattr(instance, self.source)


class WholeInstanceField(serializers.Field):
    """Read-only, built from several attributes of the instance (``source="*"``) named after ``attribute``."""

    def __init__(self, attribute: str, **kwargs):
        self.attribute = attribute
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)


@extend_schema_field(DATE_SCHEMA)
class PartialDateField(WholeInstanceField):
    """``PartialDateField("start")`` reads ``start_date`` and ``start_precision``."""

    def to_representation(self, instance):
        return partial_date(
            getattr(instance, f"{self.attribute}_date"), getattr(instance, f"{self.attribute}_precision")
        )


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(WholeInstanceField):
    """``TranslatedField("title")`` reads ``title``, ``title_ru`` and ``title_ar``."""

    def to_representation(self, instance):
        return translated(instance, self.attribute)


# --- Brief nested records -------------------------------------------------------------------------------------


class NameSerializer(serializers.Serializer):
    name = serializers.CharField()
    language = serializers.CharField(help_text="BCP 47: en, ru, ar ...")
    script = serializers.CharField(help_text="ISO 15924: Latn, Cyrl, Arab ...")
    kind = serializers.ChoiceField(choices=m.NameKind.choices)
    grammatical_case = serializers.CharField(allow_null=True)


class BriefSerializer(serializers.Serializer):
    """Base for nested shapes; those still serialized from instances here implement ``build``."""

    def to_representation(self, instance):
        return self.build(instance, links(self.context))


class OrganisationBriefSerializer(BriefSerializer):
    slug = serializers.SlugField()
    url = serializers.URLField()
    name = serializers.CharField()
    abbreviation = serializers.CharField()
    kind = serializers.ChoiceField(choices=m.OrganisationKind.choices)
    country = CountryField()
    names = NameSerializer(many=True)


class OfficialBriefSerializer(BriefSerializer):
    slug = serializers.SlugField()
    url = serializers.URLField()
    name = serializers.CharField()
    honorific_prefix = serializers.CharField()
    country = CountryField()
    names = NameSerializer(many=True)


class OrganisationRefSerializer(BriefSerializer):
    slug = serializers.SlugField()
    url = serializers.URLField()
    name = serializers.CharField()


class PositionSerializer(BriefSerializer):
    """The shape only: posts are built from their declaration, ``shapes.POST``."""

    title = TranslatedField("title")
    organisation = OrganisationRefSerializer(allow_null=True)
    start = PartialDateField("start")
    end = PartialDateField("end")


class TopicBriefSerializer(BriefSerializer):
    slug = serializers.SlugField()
    url = serializers.URLField()
    name = TranslatedField("name")

    @staticmethod
    def build(t, link) -> dict:
        return {"slug": t.slug, "url": link("topic", t.slug), "name": translated(t, "name")}


class RecordRefSerializer(BriefSerializer):
    """A pointer to another record: enough to show it and to fetch it."""

    slug = serializers.SlugField()
    url = serializers.URLField()
    title = TranslatedField("title")


class PersonInRoleSerializer(BriefSerializer):
    role = serializers.CharField()
    official = OfficialBriefSerializer()
    position = PositionSerializer(allow_null=True, help_text="The post held at the time.")


class SupportSerializer(BriefSerializer):
    """A source that supports a record, and the passage that does (built from ``shapes.SUPPORT``)."""

    source = serializers.SlugField(help_text="The source document's slug.")
    source_url = serializers.URLField(help_text="The source document here.")
    title = serializers.CharField()
    published_url = serializers.CharField(help_text="Where the source was published (may be empty).")
    passage = serializers.CharField()
    locator = serializers.CharField()


# --- Records --------------------------------------------------------------------------------------------------


class RecordSerializer(serializers.Serializer):
    """Fields every record has; subclasses add theirs in ``extra`` (hand-built, see module docstring)."""

    basename = ""

    id = serializers.UUIDField(help_text="Permanent and opaque: key your copy on it (slugs can be renamed).")
    identifiers = serializers.DictField(
        child=serializers.CharField(), help_text='The record in other registers, e.g. {"wikidata": "Q184"}.'
    )

    def to_representation(self, instance):
        link = links(self.context)
        data = {"id": str(instance.uid), "slug": instance.slug, "url": link(self.basename, instance.slug)}
        data.update(self.extra(instance, link))
        data["identifiers"] = instance.identifiers
        data["created_at"] = instance.created_at
        data["updated_at"] = instance.updated_at
        return data


class FastRecordSerializer(RecordSerializer):
    """A record built by ``fast`` or ``fast_agreements``: its envelope also carries the supporting sources.

    Subclasses declare only their own fields, between these and ``created_at``/``updated_at``: the schema lists
    the base's fields first, in the order the records are built.
    """

    sources = SupportSerializer(many=True, help_text="Sources that support the record, with the passage.")
    slug = serializers.SlugField()
    url = serializers.URLField()


class DelegationSerializer(FastRecordSerializer):
    """The shape for the OpenAPI schema; list and detail are built by ``cooperation.api.fast.delegations``."""

    basename = "delegation"

    title = TranslatedField("title")
    status = serializers.ChoiceField(choices=m.DelegationStatus.choices)
    approved_at = serializers.DateTimeField(
        allow_null=True, help_text="When a Manager approved the visit (status `confirmed`); who did is internal."
    )
    origin_country = CountryField()
    host_country = CountryField()
    city = serializers.CharField()
    start = PartialDateField("start")
    end = PartialDateField("end")
    dates_note = serializers.CharField()
    purpose = serializers.CharField()
    summary = serializers.CharField()
    outcomes = serializers.CharField()
    sending_organisation = OrganisationBriefSerializer(allow_null=True)
    host_organisation = OrganisationBriefSerializer(allow_null=True)
    head = OfficialBriefSerializer(allow_null=True, help_text="The member with role `head`.")
    members = PersonInRoleSerializer(many=True, help_text="In the order the sources list them.")
    topics = TopicBriefSerializer(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class OrganiserSerializer(BriefSerializer):
    role = serializers.ChoiceField(choices=m.OrganiserRole.choices)
    organisation = OrganisationBriefSerializer()


class EventSerializer(FastRecordSerializer):
    """The shape for the OpenAPI schema; list and detail are built by ``cooperation.api.fast.events``."""

    basename = "event"

    kind = serializers.ChoiceField(choices=m.EventKind.choices)
    title = TranslatedField("title")
    status = serializers.ChoiceField(choices=m.EventStatus.choices)
    start = PartialDateField("start")
    end = PartialDateField("end")
    start_time = serializers.CharField(
        allow_null=True, help_text="Local time at the place, HH:MM (24-hour), on the start day; null when not known."
    )
    end_time = serializers.CharField(
        allow_null=True, help_text="Local time at the place, HH:MM, on the end day (the start day if none)."
    )
    time_zone = serializers.CharField(help_text="IANA time zone of the place (Asia/Tashkent); empty without a time.")
    starts_at = serializers.DateTimeField(
        allow_null=True, help_text="The start as an instant, ISO 8601 with the zone's offset; null without a time."
    )
    dates_note = serializers.CharField()
    summary = serializers.CharField()
    city = serializers.CharField()
    country = CountryField()
    venue = serializers.CharField()
    venue_organisation = OrganisationBriefSerializer(allow_null=True)
    parent = RecordRefSerializer(allow_null=True, help_text="The event this one is part of (e.g. a summit).")
    delegation = RecordRefSerializer(allow_null=True, help_text="The delegation whose programme includes it.")
    participants = PersonInRoleSerializer(many=True)
    organisers = OrganiserSerializer(many=True)
    participating_countries = serializers.ListField(child=CountryField())
    topics = TopicBriefSerializer(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ActionSerializer(BriefSerializer):
    kind = serializers.ChoiceField(choices=m.ActionKind.choices)
    date = PartialDateField("date")
    note = serializers.CharField()


class PartySerializer(BriefSerializer):
    country = CountryField(help_text="A state party; null when the party is an organisation.")
    organisation = OrganisationBriefSerializer(allow_null=True, help_text="An organisation or bloc party.")
    actions = ActionSerializer(many=True, help_text="Signature, ratification, entry into force ... with dates.")


class SignatorySerializer(BriefSerializer):
    official = OfficialBriefSerializer()
    position = PositionSerializer(allow_null=True, help_text="The post held when signing.")
    on_behalf_of = serializers.CharField(
        allow_null=True, help_text="Country code or organisation slug of the party signed for."
    )


class RelationSerializer(BriefSerializer):
    kind = serializers.ChoiceField(choices=m.RelationKind.choices, help_text="This agreement <kind> the other.")
    agreement = RecordRefSerializer()


class AgreementSerializer(FastRecordSerializer):
    """The shape for the OpenAPI schema; list and detail are built by ``cooperation.api.fast_agreements.agreements``."""

    basename = "agreement"

    kind = serializers.ChoiceField(choices=m.AgreementKind.choices)
    level = serializers.CharField()
    title = TranslatedField("title")
    summary = serializers.CharField()
    status = serializers.ChoiceField(choices=m.AgreementStatus.choices, help_text="Current status.")
    status_date = serializers.DateField(allow_null=True, help_text="When the current status was reached.")
    status_as_of = serializers.ChoiceField(
        choices=m.AgreementStatus.choices,
        allow_null=True,
        required=False,
        help_text="Only with `?as_of=`: the status on that date, from the dated party actions and the recorded "
        "status; null when nothing was recorded by then.",
    )
    signed_at = RecordRefSerializer(allow_null=True, help_text="The event where it was signed.")
    expires_on = serializers.DateField(allow_null=True)
    dates_note = serializers.CharField()
    parties = PartySerializer(many=True)
    signatories = SignatorySerializer(many=True)
    relations = RelationSerializer(many=True, help_text="Agreements this one implements, amends, renews ...")
    topics = TopicBriefSerializer(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class OfficialSerializer(FastRecordSerializer):
    """The shape for the OpenAPI schema; list and detail are built by ``cooperation.api.fast.officials``."""

    basename = "official"

    name = serializers.CharField(help_text="Canonical (usually Latin) form.")
    sort_name = serializers.CharField()
    honorific_prefix = serializers.CharField()
    country = CountryField()
    summary = serializers.CharField()
    names = NameSerializer(many=True, help_text="Every name form: scripts, transliterations, grammatical cases.")
    positions = PositionSerializer(many=True, help_text="Posts held over time, latest first.")
    position_as_of = PositionSerializer(
        allow_null=True, required=False, help_text="Only with `?as_of=`: the post held on that date."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class OrganisationSerializer(FastRecordSerializer):
    """The shape for the OpenAPI schema; list and detail are built by ``cooperation.api.fast.organisations``."""

    basename = "organisation"

    name = serializers.CharField()
    abbreviation = serializers.CharField()
    kind = serializers.ChoiceField(choices=m.OrganisationKind.choices)
    country = CountryField()
    city = serializers.CharField()
    parent = OrganisationRefSerializer(allow_null=True)
    website = serializers.URLField(allow_null=True, help_text="null when unknown")
    summary = serializers.CharField()
    names = NameSerializer(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class StageSerializer(BriefSerializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    mode = serializers.ChoiceField(choices=m.StageMode.choices)
    city = serializers.CharField()
    country = CountryField()
    start = PartialDateField("start")
    end = PartialDateField("end")
    event = RecordRefSerializer(allow_null=True)
    topics = TopicBriefSerializer(many=True, help_text="Modules of the stage.")


class TrainingProgrammeSerializer(FastRecordSerializer):
    """The shape for the OpenAPI schema; list and detail are built by ``cooperation.api.fast_agreements.programmes``."""

    basename = "programme"

    title = TranslatedField("title")
    summary = serializers.CharField()
    status = serializers.ChoiceField(choices=m.ProgrammeStatus.choices)
    start = PartialDateField("start")
    end = PartialDateField("end")
    provider = OrganisationBriefSerializer(allow_null=True)
    partners = OrganisationBriefSerializer(many=True)
    provider_country = CountryField()
    beneficiary_country = CountryField()
    beneficiary_countries = serializers.ListField(child=CountryField(), help_text="For multi-country programmes.")
    beneficiary_organisation = OrganisationBriefSerializer(allow_null=True)
    agreement = RecordRefSerializer(allow_null=True, help_text="The agreement the programme implements.")
    cohort = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    participant_count = serializers.IntegerField(allow_null=True)
    stages = StageSerializer(many=True)
    participants = PersonInRoleSerializer(many=True)
    topics = TopicBriefSerializer(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class TopicSerializer(RecordSerializer):
    basename = "topic"

    slug = serializers.SlugField()
    url = serializers.URLField()
    name = TranslatedField("name")
    parent = TopicBriefSerializer(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def extra(self, t, link) -> dict:
        return {
            "name": translated(t, "name"),
            "parent": TopicBriefSerializer.build(t.parent, link) if t.parent_id else None,
        }


class CitationSerializer(BriefSerializer):
    record_type = serializers.CharField(help_text="delegation, event, agreement, programme, official, organisation")
    slug = serializers.SlugField()
    url = serializers.URLField()
    passage = serializers.CharField()
    locator = serializers.CharField()

    @staticmethod
    def build(c, link) -> dict:
        kind = c.target_kind
        target = getattr(c, kind)
        return {
            "record_type": kind,
            "slug": target.slug,
            "url": link(kind, target.slug),
            "passage": c.passage,
            "locator": c.locator,
        }


class SourceDocumentSerializer(RecordSerializer):
    basename = "source"

    slug = serializers.SlugField()
    url = serializers.URLField()
    title = serializers.CharField()
    language = serializers.CharField()
    kind = serializers.ChoiceField(choices=m.SourceKind.choices)
    publisher = serializers.CharField()
    source_url = serializers.CharField(help_text="Where the document was published.")
    published = PartialDateField("publication")
    summary = serializers.CharField()
    citations = CitationSerializer(many=True, help_text="The records whose facts this document supports.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def extra(self, s, link) -> dict:
        return {
            "title": s.title,
            "language": s.language,
            "kind": s.kind,
            "publisher": s.publisher,
            "source_url": s.url,
            "published": partial_date(s.publication_date, s.publication_precision),
            "summary": s.summary,
            "citations": [CitationSerializer.build(c, link) for c in s.citations.all()],
        }


class ChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Position in the feed; increases.")
    record_type = serializers.CharField()
    slug = serializers.SlugField(help_text="The identifier the partner should forget.")
    action = serializers.ChoiceField(choices=m.ChangeAction.values)
    replaced_by = serializers.CharField(
        allow_null=True, help_text="For merged and renamed records: the slug to use instead."
    )
    at = serializers.DateTimeField()

    def to_representation(self, c):
        return {
            "id": c.pk,
            "record_type": c.record_type,
            "slug": c.slug,
            "action": c.action,
            "replaced_by": c.replaced_by or None,
            "at": c.at,
        }
