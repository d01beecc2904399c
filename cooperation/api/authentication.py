"""``Authorization: Token <key>`` (or ``Bearer <key>``) for partner systems."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from .models import PartnerToken, hash_key

KEYWORDS = ("token", "bearer")
# Recording every use would add a write to every read; once a minute is enough to see which keys are alive.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


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
        token = PartnerToken.objects.select_related("user").filter(key_hash=hash_key(key)).first()
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
