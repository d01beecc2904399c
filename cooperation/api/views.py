"""Thin read-only viewsets: a page query, a FilterSet, the record builder (or a serializer); HTTP caching on top."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from django.db import connection
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from cooperation import filters
from cooperation.models import Change, ChangeAction, SourceKind
from cooperation.sync import RECORD_TYPES

from . import fast, fast_agreements, selectors, serializers
from .filtering import FilterBackend
from .pagination import ChangeCursorPagination
from .permissions import is_partner
from .renderers import CsvRenderer, OrjsonRenderer


class ConditionalMixin:
    """ETag (a hash of the representation) on every GET; Last-Modified on single records.

    The ETag is computed from the rendered body, so it is right whatever changed (a nested name, a deleted
    row); a 304 saves the partner the transfer and the parsing, not govex the queries. The preconditions
    (If-None-Match before If-Modified-Since, weak comparison, If-Match ...) are Django's own
    ``get_conditional_response``, as ``@condition`` and ``ConditionalGetMiddleware`` use it.
    """

    last_modified: dt.datetime | None = None

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        self.last_modified = response.data.get("updated_at") if isinstance(response.data, dict) else None
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        content = response.content
        sync_link = response.data.get("sync") if isinstance(response.data, dict) else None
        if sync_link:
            # The sync link holds a fresh watermark on every request; an older one is still safe to use (it can
            # only deliver more), so it does not make the page a different representation.
            content = content.replace(sync_link.encode(), b"")
        etag = quote_etag(hashlib.blake2b(content, digest_size=16).hexdigest())
        response["ETag"] = etag
        last_modified = None
        if self.last_modified is not None:
            last_modified = int(self.last_modified.timestamp())
            response["Last-Modified"] = http_date(last_modified)
        return get_conditional_response(request._request, etag=etag, last_modified=last_modified, response=response)


class FastRecordMixin:
    """Records built by ``cooperation.api.fast`` (tuples, not model instances), the list and the detail alike.

    A detail is a page of one through the same builder, so the two cannot differ and need no prefetch recipe
    of their own; the serializer stays for the OpenAPI schema. A record type whose fields are declared
    (``declared``, a ``fast.Declared``) reads its page as value rows and, on PostgreSQL, has the database build
    each record's fields and sources as JSON from the same declaration (``cooperation.api.shapes``).
    """

    fast_builder = None
    declared = None

    def fast_options(self) -> dict:
        """Keyword arguments a record type's builder takes besides the page (``as_of`` for officials)."""
        return {}

    def links(self) -> serializers.LinkBuilder:
        """One per request (``get_serializer_context`` is a new dict at each call)."""
        builder = getattr(self, "_links", None)
        if builder is None:
            builder = self._links = serializers.links(self.get_serializer_context())
        return builder

    def in_database(self) -> bool:
        """Whether PostgreSQL builds the declared fields (``fast.Declared``); the Python builder otherwise."""
        return connection.vendor == "postgresql"

    def page_rows(self, queryset):
        if self.declared is None:
            return queryset
        return self.declared.rows(
            queryset, self.links(), partner=is_partner(self.request), in_database=self.in_database()
        )

    def build(self, records: list) -> list[dict]:
        if self.declared is not None:
            return self.declared.build(records, self.links(), partner=is_partner(self.request))
        return self.fast_builder(records, self.links(), partner=is_partner(self.request), **self.fast_options())

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.page_rows(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(self.build(page))

    def get_object(self):
        """``GenericAPIView.get_object`` on the page's rows (a declared type's are value rows, not instances)."""
        if self.declared is None:
            return super().get_object()
        rows = self.page_rows(self.filter_queryset(self.get_queryset()))
        record = get_object_or_404(rows, **{self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]})
        self.check_object_permissions(self.request, record)
        return record

    def retrieve(self, request, *args, **kwargs):
        try:
            record = self.get_object()
        except Http404:
            return self._moved_or_gone(kwargs["slug"])
        data = self.build([record])[0]
        self.last_modified = data["updated_at"]
        return Response(data)


class Gone(APIException):
    status_code = 410
    default_code = "gone"
    default_detail = "This record was deleted; remove your copy (the change feed says when)."


class RecordViewSet(ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    renderer_classes = [OrjsonRenderer, CsvRenderer]
    filter_backends = [FilterBackend]
    selector = None

    def get_queryset(self):
        return self.selector()

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            return self._moved_or_gone(kwargs["slug"])

    def _moved_or_gone(self, slug: str):
        """An old address keeps working: a renamed or merged record answers 301 to where it lives now (following
        renames one after another), a deleted one 410; ``/<endpoint>/<id>/`` answers 301 to the record's slug
        address. An address that never existed stays 404."""
        records = self.get_queryset()  # what this reader may see: a partner is not sent to an internal note
        try:  # the permanent id is an address too
            by_id = records.filter(uid=uuid.UUID(slug)).values_list("slug", flat=True).first()
        except ValueError:
            by_id = None
        if by_id:
            return self._moved(slug, by_id)
        record_type = RECORD_TYPES[records.model]
        seen = set()
        current = slug
        while current not in seen:
            seen.add(current)
            change = Change.objects.filter(record_type=record_type, slug=current).order_by("-at", "-id").first()
            if change is None:
                break
            if change.action == ChangeAction.DELETED:
                raise Gone()
            current = change.replaced_by
            if records.filter(slug=current).exists():
                return self._moved(slug, current)
        raise Http404

    def _moved(self, old: str, new: str) -> HttpResponsePermanentRedirect:
        path = self.request.get_full_path().replace(f"/{old}/", f"/{new}/", 1)
        return HttpResponsePermanentRedirect(self.request.build_absolute_uri(path))


class ByIdRecordViewSet(RecordViewSet):
    """A record type with no slug (a commitment, a file): addressed by its permanent id. The URL segment keeps the
    name every record type uses (``LinkBuilder`` and the routes rely on it); a segment that is no id finds nothing,
    and a deleted record's id answers 410."""

    lookup_field = "uid"
    lookup_url_kwarg = "slug"

    def retrieve(self, request, *args, **kwargs):
        record = self.by_id(kwargs["slug"])
        data = self.get_serializer(record).data
        self.last_modified = record.updated_at
        return Response(data)

    def by_id(self, key: str):
        records = self.get_queryset()  # what this reader may see
        try:
            return records.get(uid=uuid.UUID(key))
        except (ValueError, records.model.DoesNotExist):
            deleted = Change.objects.filter(
                record_type=RECORD_TYPES[records.model], slug=key, action=ChangeAction.DELETED
            )
            if deleted.exists():
                raise Gone() from None
            raise Http404 from None


def _as_of(request) -> dt.date | None:
    raw = request.query_params.get("as_of")
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise ValidationError({"as_of": ["Enter a date as YYYY-MM-DD."]}) from error


AS_OF = OpenApiParameter(
    "as_of", dt.date, description="A date (YYYY-MM-DD): adds the state of the record on that date.", required=False
)


def documented(singular: str, plural: str, tag: str, *, detail_parameters: tuple = ()):
    """The list and detail operations of a record type in the OpenAPI schema: summaries, tag, detail-only options."""
    return extend_schema_view(
        list=extend_schema(summary=f"List {plural}", tags=[tag]),
        retrieve=extend_schema(summary=f"One {singular}", tags=[tag], parameters=list(detail_parameters)),
    )


@documented("delegation", "delegations", "delegations")
class DelegationViewSet(FastRecordMixin, RecordViewSet):
    """Delegations: who went where, when, with whom, on what."""

    selector = staticmethod(selectors.delegation_rows)
    fast_builder = staticmethod(fast.delegations)
    serializer_class = serializers.DelegationSerializer
    filterset_class = filters.DelegationFilter


@documented("event", "events", "events")
class EventViewSet(FastRecordMixin, RecordViewSet):
    selector = staticmethod(selectors.event_rows)
    fast_builder = staticmethod(fast.events)
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter


@documented("agreement", "agreements", "agreements", detail_parameters=(AS_OF,))
class AgreementViewSet(FastRecordMixin, RecordViewSet):
    selector = staticmethod(selectors.agreement_rows)
    fast_builder = staticmethod(fast_agreements.agreements)
    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter


@documented("official", "officials", "officials", detail_parameters=(AS_OF,))
class OfficialViewSet(FastRecordMixin, RecordViewSet):
    selector = staticmethod(selectors.official_rows)
    declared = fast.officials
    serializer_class = serializers.OfficialSerializer
    filterset_class = filters.OfficialFilter

    def in_database(self) -> bool:
        return super().in_database() and _as_of(self.request) is None

    def build(self, records: list) -> list[dict]:
        data = super().build(records)
        as_of = _as_of(self.request)
        if as_of is not None:  # the domain's rule (``Official.position_on``), in Python
            fast.positions_as_of(data, records, as_of, self.links())
        return data


@documented("organisation", "organisations", "organisations")
class OrganisationViewSet(FastRecordMixin, RecordViewSet):
    selector = staticmethod(selectors.organisation_rows)
    declared = fast.organisations
    serializer_class = serializers.OrganisationSerializer
    filterset_class = filters.OrganisationFilter


@documented("training programme", "training programmes", "programmes")
class TrainingProgrammeViewSet(FastRecordMixin, RecordViewSet):
    selector = staticmethod(selectors.programme_rows)
    fast_builder = staticmethod(fast_agreements.programmes)
    serializer_class = serializers.TrainingProgrammeSerializer
    filterset_class = filters.TrainingProgrammeFilter


@documented("topic", "topics", "topics")
class TopicViewSet(RecordViewSet):
    selector = staticmethod(selectors.topics)
    serializer_class = serializers.TopicSerializer
    filterset_class = filters.TopicFilter


@documented("source document", "source documents", "sources")
class SourceDocumentViewSet(RecordViewSet):
    selector = staticmethod(selectors.sources)
    serializer_class = serializers.SourceDocumentSerializer
    filterset_class = filters.SourceDocumentFilter

    def get_queryset(self):
        # Internal notes are the office's own working papers: never shown to partners, even by slug.
        queryset = super().get_queryset()
        if is_partner(self.request):
            queryset = queryset.exclude(kind=SourceKind.INTERNAL_NOTE)
        return queryset


class ChangeFilter(filters.filters.FilterSet):
    since = filters.UtcDateTimeFilter(
        field_name="at", lookup_expr="gte", help_text="Changes at or after this ISO 8601 date-time."
    )
    record_type = filters.filters.MultipleChoiceFilter(
        distinct=False, choices=[(name, name) for name in RECORD_TYPES.values()]
    )
    action = filters.filters.MultipleChoiceFilter(distinct=False, choices=ChangeAction.choices)

    class Meta:
        model = Change
        fields = []


@extend_schema(
    summary="Deleted, merged and renamed records",
    tags=["sync"],
    description="Tombstones for incremental sync: after fetching `?updated_since=` from each list, fetch "
    "`/changes/?since=` with the same time and delete (or re-point to `replaced_by`) what it names.",
    responses={200: OpenApiResponse(serializers.ChangeSerializer(many=True))},
)
class ChangeListView(ConditionalMixin, ListAPIView):
    serializer_class = serializers.ChangeSerializer
    filterset_class = ChangeFilter
    renderer_classes = [OrjsonRenderer, CsvRenderer]
    filter_backends = [FilterBackend]
    queryset = Change.objects.all()
    pagination_class = ChangeCursorPagination
