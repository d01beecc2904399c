"""What a partner receives for each record: everything needed without a second request.

Shapes every record shares:
- ``slug`` is the stable public identifier, ``url`` the record's address in this API;
- dates are ``{"date": "2025-10", "precision": "month"}`` (ISO 8601 at the precision the source gives);
- countries are ``{"code": "BY", "name": "Belarus"}``;
- titles are ``{"en": ..., "ru": ..., "ar": ...}`` and people and organisations carry every name form
  (``names``: name, language, script, kind), so a partner can show them in any of the three scripts.

The nested "brief" serializers are on the hot path of every list (a page of 100 delegations holds hundreds of
officials), so they build their dicts directly; their declared fields describe the shape for the OpenAPI
schema, and tests validate real responses against that schema so the two cannot drift apart.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cooperation import models as m
from cooperation.dates import DatePrecision

from .permissions import is_partner

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
    """Absolute URLs without calling ``reverse`` for each of thousands of nested records."""

    def __init__(self, request) -> None:
        self.cache: dict[str, str] = {}
        self.request = request

    def __call__(self, basename: str, slug: str) -> str:
        prefix = self.cache.get(basename)
        if prefix is None:
            path = reverse(f"api:{basename}-detail", kwargs={"slug": "__slug__"})
            absolute = self.request.build_absolute_uri(path) if self.request is not None else path
            prefix = self.cache[basename] = absolute.replace("__slug__/", "")
        return f"{prefix}{slug}/"


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


@extend_schema_field(DATE_SCHEMA)
class PartialDateField(serializers.Field):
    """``PartialDateField("start")`` reads ``start_date`` and ``start_precision``."""

    def __init__(self, prefix: str, **kwargs):
        self.prefix = prefix
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return partial_date(getattr(instance, f"{self.prefix}_date"), getattr(instance, f"{self.prefix}_precision"))


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    def __init__(self, field: str, **kwargs):
        self.field = field
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return translated(instance, self.field)


# --- Brief nested records -------------------------------------------------------------------------------------


class NameSerializer(serializers.Serializer):
    name = serializers.CharField()
    language = serializers.CharField(help_text="BCP 47: en, ru, ar ...")
    script = serializers.CharField(help_text="ISO 15924: Latn, Cyrl, Arab ...")
    kind = serializers.ChoiceField(choices=m.NameKind.choices)
    grammatical_case = serializers.CharField(allow_null=True)


def names_of(record) -> list[dict]:
    return [
        {
            "name": n.name,
            "language": n.language,
            "script": n.script,
            "kind": n.kind,
            "grammatical_case": n.grammatical_case or None,
        }
        for n in record.names.all()
    ]


class BriefSerializer(serializers.Serializer):
    """Base for hand-built nested representations; subclasses implement ``build``."""

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

    @staticmethod
    def build(o, link) -> dict:
        return {
            "slug": o.slug,
            "url": link("organisation", o.slug),
            "name": o.name,
            "abbreviation": o.abbreviation,
            "kind": o.kind,
            "country": country(o.country),
            "names": names_of(o),
        }


class OfficialBriefSerializer(BriefSerializer):
    slug = serializers.SlugField()
    url = serializers.URLField()
    name = serializers.CharField()
    honorific_prefix = serializers.CharField()
    country = CountryField()
    names = NameSerializer(many=True)

    @staticmethod
    def build(o, link) -> dict:
        return {
            "slug": o.slug,
            "url": link("official", o.slug),
            "name": o.name,
            "honorific_prefix": o.honorific_prefix,
            "country": country(o.country),
            "names": names_of(o),
        }


class OrganisationRefSerializer(BriefSerializer):
    slug = serializers.SlugField()
    url = serializers.URLField()
    name = serializers.CharField()

    @staticmethod
    def build(o, link) -> dict:
        return {"slug": o.slug, "url": link("organisation", o.slug), "name": o.name}


class PositionSerializer(BriefSerializer):
    title = TranslatedField("title")
    organisation = OrganisationRefSerializer(allow_null=True)
    start = PartialDateField("start")
    end = PartialDateField("end")

    @staticmethod
    def build(p, link) -> dict | None:
        if p is None:
            return None
        organisation = p.organisation
        return {
            "title": translated(p, "title"),
            "organisation": OrganisationRefSerializer.build(organisation, link) if organisation else None,
            "start": partial_date(p.start_date, p.start_precision),
            "end": partial_date(p.end_date, p.end_precision),
        }


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

    basename = ""

    @classmethod
    def build_for(cls, record, link, basename: str) -> dict | None:
        if record is None:
            return None
        return {"slug": record.slug, "url": link(basename, record.slug), "title": translated(record, "title")}


class PersonInRoleSerializer(BriefSerializer):
    role = serializers.CharField()
    official = OfficialBriefSerializer()
    position = PositionSerializer(allow_null=True, help_text="The post held at the time.")

    @staticmethod
    def build(row, link) -> dict:
        return {
            "role": row.role,
            "official": OfficialBriefSerializer.build(row.official, link),
            "position": PositionSerializer.build(row.position, link) if row.position_id else None,
        }


class SupportSerializer(BriefSerializer):
    """A source that supports a record, and the passage that does."""

    source = serializers.SlugField(help_text="The source document's slug.")
    source_url = serializers.URLField(help_text="The source document here.")
    title = serializers.CharField()
    published_url = serializers.CharField(help_text="Where the source was published (may be empty).")
    passage = serializers.CharField()
    locator = serializers.CharField()

    @staticmethod
    def build(source_slug: str, title: str, published_url: str, passage: str, locator: str, link) -> dict:
        return {
            "source": source_slug,
            "source_url": link("source", source_slug),
            "title": title,
            "published_url": published_url,
            "passage": passage,
            "locator": locator,
        }


def supports(citations, link, *, partner: bool) -> list[dict]:
    """A record's ``sources``; partners never see the office's internal notes among them."""
    return [
        SupportSerializer.build(c.source.slug, c.source.title, c.source.url, c.passage, c.locator, link)
        for c in citations
        if not (partner and c.source.kind == m.SourceKind.INTERNAL_NOTE)
    ]


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
        if self.basename in m.CITABLE:
            request = self.context.get("request")
            data["sources"] = supports(instance.citations.all(), link, partner=is_partner(request))
        data["created_at"] = instance.created_at
        data["updated_at"] = instance.updated_at
        return data


class DelegationSerializer(RecordSerializer):
    basename = "delegation"
    sources = SupportSerializer(many=True, help_text="Sources that support the record, with the passage.")

    slug = serializers.SlugField()
    url = serializers.URLField()
    title = TranslatedField("title")
    status = serializers.ChoiceField(choices=m.DelegationStatus.choices)
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

    def extra(self, d, link) -> dict:
        members = list(d.members.all())
        head = next((row.official for row in members if row.role == m.MemberRole.HEAD), None)
        return {
            "title": translated(d, "title"),
            "status": d.status,
            "origin_country": country(d.origin_country),
            "host_country": country(d.host_country),
            "city": d.city,
            "start": partial_date(d.start_date, d.start_precision),
            "end": partial_date(d.end_date, d.end_precision),
            "dates_note": d.dates_note,
            "purpose": d.purpose,
            "summary": d.summary,
            "outcomes": d.outcomes,
            "sending_organisation": OrganisationBriefSerializer.build(d.sending_organisation, link)
            if d.sending_organisation_id
            else None,
            "host_organisation": OrganisationBriefSerializer.build(d.host_organisation, link)
            if d.host_organisation_id
            else None,
            "head": OfficialBriefSerializer.build(head, link) if head else None,
            "members": [PersonInRoleSerializer.build(row, link) for row in members],
            "topics": [TopicBriefSerializer.build(t, link) for t in d.topics.all()],
        }


class OrganiserSerializer(BriefSerializer):
    role = serializers.ChoiceField(choices=m.OrganiserRole.choices)
    organisation = OrganisationBriefSerializer()

    @staticmethod
    def build(row, link) -> dict:
        return {"role": row.role, "organisation": OrganisationBriefSerializer.build(row.organisation, link)}


class EventSerializer(RecordSerializer):
    basename = "event"
    sources = SupportSerializer(many=True, help_text="Sources that support the record, with the passage.")

    slug = serializers.SlugField()
    url = serializers.URLField()
    kind = serializers.ChoiceField(choices=m.EventKind.choices)
    title = TranslatedField("title")
    status = serializers.ChoiceField(choices=m.EventStatus.choices)
    start = PartialDateField("start")
    end = PartialDateField("end")
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

    def extra(self, e, link) -> dict:
        return {
            "kind": e.kind,
            "title": translated(e, "title"),
            "status": e.status,
            "start": partial_date(e.start_date, e.start_precision),
            "end": partial_date(e.end_date, e.end_precision),
            "dates_note": e.dates_note,
            "summary": e.summary,
            "city": e.city,
            "country": country(e.country),
            "venue": e.venue,
            "venue_organisation": OrganisationBriefSerializer.build(e.venue_organisation, link)
            if e.venue_organisation_id
            else None,
            "parent": RecordRefSerializer.build_for(e.parent, link, "event") if e.parent_id else None,
            "delegation": RecordRefSerializer.build_for(e.delegation, link, "delegation") if e.delegation_id else None,
            "participants": [PersonInRoleSerializer.build(row, link) for row in e.participants.all()],
            "organisers": [OrganiserSerializer.build(row, link) for row in e.organisers.all()],
            "participating_countries": [country(row.country) for row in e.participating_countries.all()],
            "topics": [TopicBriefSerializer.build(t, link) for t in e.topics.all()],
        }


class ActionSerializer(BriefSerializer):
    kind = serializers.ChoiceField(choices=m.ActionKind.choices)
    date = PartialDateField("date")
    note = serializers.CharField()

    @staticmethod
    def build(a, link) -> dict:
        return {"kind": a.kind, "date": partial_date(a.date, a.date_precision), "note": a.note}


class PartySerializer(BriefSerializer):
    country = CountryField(help_text="A state party; null when the party is an organisation.")
    organisation = OrganisationBriefSerializer(allow_null=True, help_text="An organisation or bloc party.")
    actions = ActionSerializer(many=True, help_text="Signature, ratification, entry into force ... with dates.")

    @staticmethod
    def build(p, link) -> dict:
        return {
            "country": country(p.country),
            "organisation": OrganisationBriefSerializer.build(p.organisation, link) if p.organisation_id else None,
            "actions": [ActionSerializer.build(a, link) for a in p.actions.all()],
        }


class SignatorySerializer(BriefSerializer):
    official = OfficialBriefSerializer()
    position = PositionSerializer(allow_null=True, help_text="The post held when signing.")
    on_behalf_of = serializers.CharField(
        allow_null=True, help_text="Country code or organisation slug of the party signed for."
    )

    @staticmethod
    def build(s, link, parties: dict) -> dict:
        party = parties.get(s.party_id)
        on_behalf_of = None
        if party is not None:
            on_behalf_of = party.organisation.slug if party.organisation_id else str(party.country)
        return {
            "official": OfficialBriefSerializer.build(s.official, link),
            "position": PositionSerializer.build(s.position, link) if s.position_id else None,
            "on_behalf_of": on_behalf_of,
        }


class RelationSerializer(BriefSerializer):
    kind = serializers.ChoiceField(choices=m.RelationKind.choices, help_text="This agreement <kind> the other.")
    agreement = RecordRefSerializer()

    @staticmethod
    def build(r, link) -> dict:
        return {"kind": r.kind, "agreement": RecordRefSerializer.build_for(r.target, link, "agreement")}


class AgreementSerializer(RecordSerializer):
    basename = "agreement"
    sources = SupportSerializer(many=True, help_text="Sources that support the record, with the passage.")

    slug = serializers.SlugField()
    url = serializers.URLField()
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

    def extra(self, a, link) -> dict:
        parties = list(a.parties.all())
        by_id = {p.pk: p for p in parties}
        data = {
            "kind": a.kind,
            "level": a.level,
            "title": translated(a, "title"),
            "summary": a.summary,
            "status": a.status,
            "status_date": a.status_date,
        }
        if hasattr(a, "status_as_of"):
            data["status_as_of"] = a.status_as_of
        data.update(
            {
                "signed_at": RecordRefSerializer.build_for(a.signed_at, link, "event") if a.signed_at_id else None,
                "expires_on": a.expires_on,
                "dates_note": a.dates_note,
                "parties": [PartySerializer.build(p, link) for p in parties],
                "signatories": [SignatorySerializer.build(s, link, by_id) for s in a.signatories.all()],
                "relations": [RelationSerializer.build(r, link) for r in a.relations_out.all()],
                "topics": [TopicBriefSerializer.build(t, link) for t in a.topics.all()],
            }
        )
        return data


class OfficialSerializer(RecordSerializer):
    basename = "official"
    sources = SupportSerializer(many=True, help_text="Sources that support the record, with the passage.")

    slug = serializers.SlugField()
    url = serializers.URLField()
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

    def extra(self, o, link) -> dict:
        data = {
            "name": o.name,
            "sort_name": o.sort_name,
            "honorific_prefix": o.honorific_prefix,
            "country": country(o.country),
            "summary": o.summary,
            "names": names_of(o),
            "positions": [PositionSerializer.build(p, link) for p in o.positions.all()],
        }
        as_of = self.context.get("as_of")
        if as_of is not None:
            data["position_as_of"] = PositionSerializer.build(o.position_on(as_of), link)
        return data


class OrganisationSerializer(RecordSerializer):
    basename = "organisation"
    sources = SupportSerializer(many=True, help_text="Sources that support the record, with the passage.")

    slug = serializers.SlugField()
    url = serializers.URLField()
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

    def extra(self, o, link) -> dict:
        return {
            "name": o.name,
            "abbreviation": o.abbreviation,
            "kind": o.kind,
            "country": country(o.country),
            "city": o.city,
            "parent": OrganisationRefSerializer.build(o.parent, link) if o.parent_id else None,
            "website": o.website or None,
            "summary": o.summary,
            "names": names_of(o),
        }


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

    @staticmethod
    def build(s, link) -> dict:
        return {
            "number": s.number,
            "title": s.title,
            "mode": s.mode,
            "city": s.city,
            "country": country(s.country),
            "start": partial_date(s.start_date, s.start_precision),
            "end": partial_date(s.end_date, s.end_precision),
            "event": RecordRefSerializer.build_for(s.event, link, "event") if s.event_id else None,
            "topics": [TopicBriefSerializer.build(t, link) for t in s.topics.all()],
        }


class TrainingProgrammeSerializer(RecordSerializer):
    basename = "programme"
    sources = SupportSerializer(many=True, help_text="Sources that support the record, with the passage.")

    slug = serializers.SlugField()
    url = serializers.URLField()
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

    def extra(self, p, link) -> dict:
        return {
            "title": translated(p, "title"),
            "summary": p.summary,
            "status": p.status,
            "start": partial_date(p.start_date, p.start_precision),
            "end": partial_date(p.end_date, p.end_precision),
            "provider": OrganisationBriefSerializer.build(p.provider, link) if p.provider_id else None,
            "partners": [OrganisationBriefSerializer.build(o, link) for o in p.partners.all()],
            "provider_country": country(p.provider_country),
            "beneficiary_country": country(p.beneficiary_country),
            "beneficiary_countries": [country(row.country) for row in p.countries.all()],
            "beneficiary_organisation": OrganisationBriefSerializer.build(p.beneficiary_organisation, link)
            if p.beneficiary_organisation_id
            else None,
            "agreement": RecordRefSerializer.build_for(p.agreement, link, "agreement") if p.agreement_id else None,
            "cohort": p.cohort,
            "year": p.year,
            "participant_count": p.participant_count,
            "stages": [StageSerializer.build(s, link) for s in p.stages.all()],
            "participants": [PersonInRoleSerializer.build(row, link) for row in p.participants.all()],
            "topics": [TopicBriefSerializer.build(t, link) for t in p.topics.all()],
        }


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
