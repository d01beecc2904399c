"""Keyset (cursor) pagination on (updated_at, id): stable while records change, cheap at any depth.

A partner syncing follows ``next`` until it is null, then keeps the ``updated_at`` of the last record it saw
for the next run's ``updated_since``. A record edited during the walk moves to the end and is seen again,
never skipped.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


def encode_cursor(updated_at: dt.datetime, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{updated_at.isoformat()}|{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, pk = raw.rsplit("|", 1)
        updated_at = dt.datetime.fromisoformat(stamp)
        if updated_at.tzinfo is None:
            raise ValueError
        return updated_at, int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise ValidationError({"cursor": ["Invalid cursor: use the `next` link of the previous page."]}) from error


def page_size_from(request) -> int:
    raw = request.query_params.get("page_size")
    if raw in (None, ""):
        return DEFAULT_PAGE_SIZE
    try:
        size = int(raw)
    except ValueError as error:
        raise ValidationError({"page_size": [f"A whole number from 1 to {MAX_PAGE_SIZE}."]}) from error
    if size < 1:
        raise ValidationError({"page_size": [f"A whole number from 1 to {MAX_PAGE_SIZE}."]})
    return min(size, MAX_PAGE_SIZE)  # capped, as documented, rather than refused


class UpdatedCursorPagination(BasePagination):
    time_field = "updated_at"

    def paginate_queryset(self, queryset: QuerySet, request, view=None) -> list:
        self.request = request
        self.page_size = page_size_from(request)
        field = self.time_field
        queryset = queryset.order_by(field, "id")
        cursor = request.query_params.get("cursor")
        if cursor:
            moment, pk = decode_cursor(cursor)
            queryset = queryset.filter(Q(**{f"{field}__gt": moment}) | Q(**{field: moment, "id__gt": pk}))
        # One extra row tells whether there is a next page without a COUNT.
        page = list(queryset[: self.page_size + 1])
        self.has_next = len(page) > self.page_size
        page = page[: self.page_size]
        self.last = page[-1] if page else None
        return page

    def next_link(self) -> str | None:
        if not self.has_next or self.last is None:
            return None
        params = self.request.query_params.copy()
        params["cursor"] = encode_cursor(getattr(self.last, self.time_field), self.last.pk)
        return self.request.build_absolute_uri(self.request.path) + "?" + urlencode(params, doseq=True)

    def get_paginated_response(self, data) -> Response:
        next_link = self.next_link()
        headers = {"Link": f'<{next_link}>; rel="next"'} if next_link else {}
        return Response({"next": next_link, "page_size": self.page_size, "results": data}, headers=headers)

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["next", "page_size", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The next page; null on the last page.",
                },
                "page_size": {"type": "integer", "example": DEFAULT_PAGE_SIZE},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": f"Opaque position from the `next` link. Pages are ordered by ({self.time_field}, id).",
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Records per page, default {DEFAULT_PAGE_SIZE}, at most {MAX_PAGE_SIZE} "
                "(larger values are capped).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
            },
        ]


class ChangeCursorPagination(UpdatedCursorPagination):
    """The change feed is append-only and ordered by (at, id)."""

    time_field = "at"
