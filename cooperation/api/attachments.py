"""Attachments in the partner API: what is attached to which record, and the file itself.

An attachment has no slug: its address is its permanent id, ``/attachments/<id>/``, and the file is at
``/attachments/<id>/download/``. Internal attachments are the office's own: a partner token neither lists nor
downloads them, even by id.
"""

from __future__ import annotations

import django_filters as filters
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.views import APIView

from cooperation.attachments import download_response
from cooperation.filters import updated_since_filter
from cooperation.models import Attachment, AttachmentKind
from cooperation.models.attachments import RECORDS

from .permissions import is_partner
from .serializers import TRANSLATED_SCHEMA, links, translated
from .views import ByIdRecordViewSet, documented

RECORD_SCHEMA = {
    "type": "object",
    "description": "The delegation, event or agreement the file belongs to.",
    "properties": {
        "record_type": {"type": "string", "enum": list(RECORDS)},
        "slug": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "title": TRANSLATED_SCHEMA,
    },
    "required": ["record_type", "slug", "url", "title"],
}


@extend_schema_field(RECORD_SCHEMA)
class AttachedToField(serializers.Field):
    pass


class AttachmentSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="Permanent and opaque: the attachment's address and the key of your copy.")
    url = serializers.URLField()
    kind = serializers.ChoiceField(choices=AttachmentKind.choices)
    title = serializers.CharField()
    size = serializers.IntegerField(help_text="In bytes.")
    content_type = serializers.CharField(help_text="The type the content was checked to be, e.g. application/pdf.")
    sha256 = serializers.CharField(help_text="SHA-256 of the file: check the download against it.")
    record = AttachedToField()
    download = serializers.URLField(help_text="The file itself (same credentials).")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def to_representation(self, a: Attachment) -> dict:
        link = links(self.context)
        uid = str(a.uid)
        url = link("attachment", uid)
        record_type, record = a.record_type, a.record
        return {
            "id": uid,
            "url": url,
            "kind": a.kind,
            "title": a.title,
            "size": a.size,
            "content_type": a.content_type,
            "sha256": a.sha256,
            "record": {
                "record_type": record_type,
                "slug": record.slug,
                "url": link(record_type, record.slug),
                "title": translated(record, "title"),
            },
            "download": f"{url}download/",
            "created_at": a.created_at,
            "updated_at": a.updated_at,
        }


class AttachmentFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(distinct=False, choices=AttachmentKind.choices)
    delegation = filters.CharFilter(field_name="delegation__slug", help_text="Slug of the delegation.")
    event = filters.CharFilter(field_name="event__slug", help_text="Slug of the event.")
    agreement = filters.CharFilter(field_name="agreement__slug", help_text="Slug of the agreement.")
    updated_since = updated_since_filter()

    class Meta:
        model = Attachment
        fields = []


def attachment_rows() -> QuerySet:
    return Attachment.objects.select_related(*RECORDS)


@documented("attachment", "attachments", "attachments")
class AttachmentViewSet(ByIdRecordViewSet):
    """Files kept beside delegations, events and agreements: the signed text, the programme, photos."""

    selector = staticmethod(attachment_rows)
    serializer_class = AttachmentSerializer
    filterset_class = AttachmentFilter

    def get_queryset(self):
        queryset = super().get_queryset()
        if is_partner(self.request):
            queryset = queryset.filter(internal=False)
        return queryset

    @extend_schema(
        summary="The file of one attachment",
        tags=["attachments"],
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    @action(detail=True, url_path="download", pagination_class=None, filterset_class=None)
    def download(self, request, *args, **kwargs):
        return download_response(self.by_id(kwargs["slug"]))

    def finalize_response(self, request, response, *args, **kwargs):
        if isinstance(response, StreamingHttpResponse):  # a file: no ETag over bytes read twice
            return APIView.finalize_response(self, request, response, *args, **kwargs)
        return super().finalize_response(request, response, *args, **kwargs)
