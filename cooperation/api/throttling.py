"""Rate limits per token (partners: ``partner`` rate) and per staff user (``staff`` rate)."""

from __future__ import annotations

from rest_framework.throttling import SimpleRateThrottle

from .models import PartnerToken, TokenScope


class TokenRateThrottle(SimpleRateThrottle):
    """Keyed on the token, not the address: partners sit behind shared NAT and proxies."""

    scope = "partner"

    def allow_request(self, request, view):
        token = request.auth if isinstance(request.auth, PartnerToken) else None
        self.scope = "partner" if token is not None and token.scope == TokenScope.READ else "staff"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        token = request.auth if isinstance(request.auth, PartnerToken) else None
        if token is not None:
            return f"throttle_token_{token.pk}"
        if request.user and request.user.is_authenticated:
            return f"throttle_user_{request.user.pk}"
        return None  # anonymous requests are refused before throttling matters
