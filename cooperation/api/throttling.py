"""Rate limits per token (partners: ``partner`` rate) and per staff user (``staff`` rate).

DRF's stock throttle keeps a list of timestamps and writes it back with ``cache.set``: two processes reading
the same list at once both let their request through, so with several workers the documented rate does not
hold. This one counts in fixed windows with ``cache.add`` + ``cache.incr``, which are atomic on Redis (the
production cache, shared by every worker), so N workers together allow exactly the rate per window. The
embedded default (one process, local memory cache) needs no sharing.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from .models import PartnerToken, TokenScope


class TokenRateThrottle(BaseThrottle):
    """Keyed on the token, not the address: partners sit behind shared NAT and proxies."""

    THROTTLE_RATES = SimpleRateThrottle.THROTTLE_RATES  # settings' DEFAULT_THROTTLE_RATES

    def allow_request(self, request, view) -> bool:
        token = request.auth if isinstance(request.auth, PartnerToken) else None
        if token is not None:
            key = f"throttle:token:{token.pk}"
        elif request.user and request.user.is_authenticated:
            key = f"throttle:user:{request.user.pk}"
        else:
            return True  # anonymous requests are refused before throttling matters
        scope = "partner" if token is not None and token.scope == TokenScope.READ else "staff"
        limit, seconds = SimpleRateThrottle.parse_rate(None, self.THROTTLE_RATES[scope])
        now = time.time()
        window = int(now // seconds)
        key = f"{key}:{window}"
        cache.add(key, 0, timeout=seconds + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr: this request opens the window
            cache.add(key, 1, timeout=seconds + 5)
            count = 1
        self._wait = (window + 1) * seconds - now
        return count <= limit

    def wait(self) -> float:
        return self._wait
