"""``Authorization: Token <key>`` (or ``Bearer <key>``) for partner systems.

The token and its user are one query, compiled once per process (``prepared``). On PostgreSQL the same query
also takes the sync watermark (``cooperation.sync.current``: the transaction snapshot and the clock), which the
first page of a list walk needs anyway (``pagination``): one round trip instead of two for every partner request.
"""

from __future__ import annotations

import datetime as dt
import functools

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import DateTimeField, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.utils import timezone
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from cooperation.sync import Watermark

from .models import PartnerToken, hash_key
from .prepared import AnyOf, compiled_once

KEYWORDS = ("token", "bearer")
# Recording every use would add a write to every read; once a minute is enough to see which keys are alive.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


@functools.cache
def _columns() -> tuple[list[str], list[str]]:
    """Every column of the token and of its user, as ``Model.from_db`` takes them (what ``select_related`` reads)."""
    user_model = get_user_model()
    return (
        [field.attname for field in PartnerToken._meta.concrete_fields],
        [field.attname for field in user_model._meta.concrete_fields],
    )


@compiled_once
def _token_rows(key_hashes: list[str], with_watermark: bool) -> QuerySet:
    token_columns, user_columns = _columns()
    tokens = PartnerToken.objects.filter(AnyOf("key_hash", key_hashes)).order_by()
    columns = [*token_columns, *(f"user__{name}" for name in user_columns)]
    if with_watermark:  # the same expressions as cooperation.sync.current()
        tokens = tokens.annotate(
            watermark_snapshot=RawSQL("pg_current_snapshot()::text", (), output_field=TextField()),
            watermark_moment=RawSQL("clock_timestamp()", (), output_field=DateTimeField()),
        )
        columns += ["watermark_snapshot", "watermark_moment"]
    return tokens.values_list(*columns)


def find_token(key: str) -> PartnerToken | None:
    """The token with this key and its user; on PostgreSQL with ``watermark``, the snapshot taken with it."""
    rows = _token_rows([hash_key(key)], connection.vendor == "postgresql")
    if not rows:
        return None
    row = rows[0]
    token_columns, user_columns = _columns()
    split = len(token_columns)
    end = split + len(user_columns)
    token = PartnerToken.from_db(connection.alias, token_columns, row[:split])
    token.user = get_user_model().from_db(connection.alias, user_columns, row[split:end])
    if len(row) > end:
        token.watermark = Watermark(moment=row[end + 1], snapshot=row[end])
    return token


class PartnerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() not in KEYWORDS:
            return None  # not ours: the session may still authenticate the request
        if len(parts) != 2:
            raise AuthenticationFailed("Invalid Authorization header: expected 'Token <key>'.")
        try:
            key = parts[1].decode()
        except UnicodeDecodeError as error:
            raise AuthenticationFailed("Invalid token.") from error
        token = find_token(key)
        if token is None or not token.user.is_active:
            raise AuthenticationFailed("Invalid token.")
        if token.revoked_at is not None:
            raise AuthenticationFailed("This token has been revoked.")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            PartnerToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token

    def authenticate_header(self, request) -> str:
        # Makes refusals of anonymous requests 401 with WWW-Authenticate, as HTTP clients expect.
        return 'Token realm="api"'
