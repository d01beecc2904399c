"""Follow-up commitments in the partner API: one serializer for the schema, the list and the detail.

A commitment has no slug (nothing to name it by): its address is its permanent id, ``/commitments/<id>/``, and
its tombstones in the change feed carry that id as their ``slug``. A staff user who owns a commitment is the
office's own business: partners see ``{"kind": "office"}`` and never who.
"""

from __future__ import annotations

import django_filters as filters
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cooperation.filters import updated_since_filter
from cooperation.models import Commitment, CommitmentStatus

from .serializers import TRANSLATED_SCHEMA, links, translated
from .views import ByIdRecordViewSet, documented

RECORD_SCHEMA = {
    "type": "object",
    "description": "The visit, event or agreement the commitment follows up.",
    "properties": {
        "record_type": {"type": "string", "enum": ["delegation", "event", "agreement"]},
        "slug": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "title": TRANSLATED_SCHEMA,
    },
    "required": ["record_type", "slug", "url", "title"],
}
OWNER_SCHEMA = {
    "type": "object",
    "nullable": True,
    "description": "Who is to do it: an official, an organisation, or the office (a member of its staff, not "
    "named). Null when nobody is named.",
    "properties": {
        "kind": {"type": "string", "enum": ["official", "organisation", "office"]},
        "slug": {"type": "string", "nullable": True},
        "url": {"type": "string", "format": "uri", "nullable": True},
        "name": {"type": "string", "nullable": True},
    },
    "required": ["kind", "slug", "url", "name"],
}


@extend_schema_field(RECORD_SCHEMA)
class FollowedRecordField(serializers.Field):
    pass


@extend_schema_field(OWNER_SCHEMA)
class OwnerField(serializers.Field):
    pass


@extend_schema_field(TRANSLATED_SCHEMA)
class TextField(serializers.Field):
    pass


def _record(c: Commitment, link) -> dict:
    for kind in ("delegation", "event", "agreement"):
        record = getattr(c, kind)
        if record is not None:
            return {
                "record_type": kind,
                "slug": record.slug,
                "url": link(kind, record.slug),
                "title": translated(record, "title"),
            }
    raise ValueError(f"commitment {c.pk} follows up no record")  # a database constraint forbids it


def _owner(c: Commitment, link) -> dict | None:
    if c.owner_official_id:
        o = c.owner_official
        return {"kind": "official", "slug": o.slug, "url": link("official", o.slug), "name": o.name}
    if c.owner_organisation_id:
        o = c.owner_organisation
        return {"kind": "organisation", "slug": o.slug, "url": link("organisation", o.slug), "name": o.name}
    if c.owner_user_id:
        return {"kind": "office", "slug": None, "url": None, "name": None}
    return None


class CommitmentSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="Permanent and opaque: the commitment's address and the key of your copy.")
    url = serializers.URLField()
    text = TextField()
    record = FollowedRecordField()
    owner = OwnerField()
    deadline = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=CommitmentStatus.choices)
    done_at = serializers.DateTimeField(allow_null=True, help_text="When it was marked done.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def to_representation(self, c: Commitment) -> dict:
        # "Overdue" is not a field: it changes with the date, not with the record, so a synced copy would go stale;
        # it is deadline < today with status open (and the ``overdue`` filter).
        link = links(self.context)
        uid = str(c.uid)
        return {
            "id": uid,
            "url": link("commitment", uid),
            "text": translated(c, "text"),
            "record": _record(c, link),
            "owner": _owner(c, link),
            "deadline": c.deadline.isoformat() if c.deadline else None,
            "status": c.status,
            "done_at": c.done_at,
            "created_at": c.created_at,
            "updated_at": c.updated_at,
        }


class CommitmentFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(distinct=False, choices=CommitmentStatus.choices)
    overdue = filters.BooleanFilter(method="filter_overdue", help_text="Open and past the deadline (or not).")
    deadline_from = filters.DateFilter(field_name="deadline", lookup_expr="gte", help_text="Deadline on or after.")
    deadline_to = filters.DateFilter(field_name="deadline", lookup_expr="lte", help_text="Deadline on or before.")
    delegation = filters.CharFilter(field_name="delegation__slug", help_text="Slug of the delegation followed up.")
    event = filters.CharFilter(field_name="event__slug", help_text="Slug of the event followed up.")
    agreement = filters.CharFilter(field_name="agreement__slug", help_text="Slug of the agreement followed up.")
    official = filters.CharFilter(field_name="owner_official__slug", help_text="Slug of the official who owns it.")
    organisation = filters.CharFilter(
        field_name="owner_organisation__slug", help_text="Slug of the organisation that owns it."
    )
    updated_since = updated_since_filter()

    class Meta:
        model = Commitment
        fields = []

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        overdue = Commitment.objects.overdue(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


def commitment_rows() -> QuerySet:
    return Commitment.objects.select_related("delegation", "event", "agreement", "owner_official", "owner_organisation")


@documented("commitment", "commitments", "commitments")
class CommitmentViewSet(ByIdRecordViewSet):
    """Follow-up commitments: what the parties agreed to do after a visit, a meeting or an agreement."""

    selector = staticmethod(commitment_rows)
    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilter
