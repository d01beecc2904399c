"""Keyset (cursor) pagination on (updated_at, id), and the server-issued sync link at the end of a walk.

A walk (no ``sync`` parameter) is taken under a watermark (``cooperation.sync``) fixed on its first page and
carried in every ``next`` cursor: it shows the records as of that moment. Its last page carries ``sync``, the
URL that returns what changed after the watermark: first the records of this type that were deleted, merged or
renamed (as ``{"slug", "removed": {...}}`` items), then the records created or changed, then again a ``sync``
link. Tombstones come first because a record in the same answer is always newer than any tombstone for its
slug (a slug deleted and created again ends present). Cursors are opaque; a bad one is a 400.
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

from cooperation import sync
from cooperation.models import Change

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


BAD_CURSOR = "Invalid cursor: use the `next` link of the previous page."
BAD_SYNC = "Invalid sync link: use the `sync` link of the last page of a walk."


def encode_cursor(updated_at: dt.datetime, pk: int, state: str = "") -> str:
    """``<time>|<id>`` first (the SQL floor in bench/ reads that part), then the walk's signed state."""
    return base64.urlsafe_b64encode(f"{updated_at.isoformat()}|{pk}|{state}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.datetime, int, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, pk, *state = raw.split("|", 2)
        updated_at = dt.datetime.fromisoformat(stamp)
        if updated_at.tzinfo is None:
            raise ValueError
        return updated_at, int(pk), state[0] if state else ""
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise ValidationError({"cursor": [BAD_CURSOR]}) from error


def _watermark(token: str, parameter: str, message: str) -> sync.Watermark:
    try:
        return sync.Watermark.loads(token)
    except sync.BadWatermark as error:
        raise ValidationError({parameter: [message]}) from error


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
    syncs = True  # lists of records; the change feed itself is a plain keyset walk

    def paginate_queryset(self, queryset: QuerySet, request, view=None) -> list:
        self.request = request
        self.page_size = page_size_from(request)
        self.removed: list[dict] = []
        field = self.time_field
        moment, pk, state = (
            decode_cursor(request.query_params["cursor"]) if request.query_params.get("cursor") else (None, 0, "")
        )
        if self.syncs:
            queryset = self._window(queryset, state)
        phase_removed = self.since is not None and (state.startswith("c:") or moment is None)
        if phase_removed:
            page = self._tombstones(queryset, moment, pk)
            if len(page) > self.page_size:
                self.has_next, page = True, page[: self.page_size]
                self.last = page[-1]
                self.removed = page
                self.phase = "c"
                return []
            self.removed, moment, pk = page, None, 0
        queryset = queryset.order_by(field, "id")
        if moment is not None:
            queryset = queryset.filter(Q(**{f"{field}__gt": moment}) | Q(**{field: moment, "id__gt": pk}))
        # One extra row tells whether there is a next page without a COUNT.
        page = list(queryset[: self.page_size - len(self.removed) + 1])
        self.has_next = len(page) > self.page_size - len(self.removed)
        page = page[: self.page_size - len(self.removed)]
        self.phase = "r"
        self.last = page[-1] if page else (self.removed[-1] if self.removed else None)
        if not page and self.removed:
            self.phase = "c"
        return page

    def _window(self, queryset: QuerySet, state: str) -> QuerySet:
        """Fix the walk's watermark on its first page (or the sync's pair of them) and keep it in the cursor."""
        token = state.split(":", 1)[1] if ":" in state else ""
        self.since = None
        if token:
            marks = token.split("~")
            self.until = _watermark(marks[-1], "cursor", BAD_CURSOR)
            self.since = _watermark(marks[0], "cursor", BAD_CURSOR) if len(marks) == 2 else None
        else:
            # Taken with the token in one query for a partner token (authentication.find_token); otherwise now.
            self.until = getattr(self.request.auth, "watermark", None) or sync.current()
            raw = self.request.query_params.get("sync")
            if raw:
                self.since = _watermark(raw, "sync", BAD_SYNC)
        if self.since is None:
            return sync.seen_by(queryset, self.until)
        return sync.changed_between(queryset, self.since, self.until, self.time_field)

    def _tombstones(self, queryset: QuerySet, moment, pk) -> list[dict]:
        changes = Change.objects.filter(record_type=sync.RECORD_TYPES[queryset.model])
        changes = sync.changed_between(changes, self.since, self.until, "at").order_by("at", "id")
        if moment is not None:
            changes = changes.filter(Q(at__gt=moment) | Q(at=moment, id__gt=pk))
        return [
            {
                "id": str(change.record_uid) if change.record_uid else None,
                "slug": change.slug,
                "removed": {"reason": change.action, "replaced_by": change.replaced_by or None, "at": change.at},
                "_position": (change.at, change.pk),
            }
            for change in changes[: self.page_size + 1]
        ]

    def _state(self) -> str:
        marks = self.until.dumps() if self.since is None else f"{self.since.dumps()}~{self.until.dumps()}"
        return f"{self.phase}:{marks}" if self.syncs else ""

    def next_link(self) -> str | None:
        if not self.has_next or self.last is None:
            return None
        params = self.request.query_params.copy()
        if isinstance(self.last, dict):
            moment, pk = self.last["_position"]
        else:
            moment, pk = getattr(self.last, self.time_field), self.last.pk
        params["cursor"] = encode_cursor(moment, pk, self._state())
        return self._url(params)

    def sync_link(self) -> str | None:
        """Only when the walk (or the sync) is over: the watermark it was taken under is now the partner's."""
        if not self.syncs or self.has_next:
            return None
        params = self.request.query_params.copy()
        params.pop("cursor", None)
        params["sync"] = self.until.dumps()
        return self._url(params)

    def _url(self, params) -> str:
        return self.request.build_absolute_uri(self.request.path) + "?" + urlencode(params, doseq=True)

    def get_paginated_response(self, data) -> Response:
        next_link, sync_link = self.next_link(), self.sync_link()
        links = [f'<{next_link}>; rel="next"'] if next_link else []
        body = {"next": next_link, "page_size": self.page_size}
        if self.syncs:
            body["sync"] = sync_link
            if sync_link:
                links.append(f'<{sync_link}>; rel="sync"')
        for item in self.removed:
            item.pop("_position", None)
        body["results"] = [*self.removed, *data]
        return Response(body, headers={"Link": ", ".join(links)} if links else {})

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
    syncs = False
    since = None
