"""Slow down password guessing on the staff sign-in page.

Failed sign-ins are counted in the cache per address *and* username (someone guessing one account's password)
and per address alone (someone trying one password on many accounts). Past either limit, the sign-in form
answers 429 for the rest of the window, even to the right password: a guesser who finds it must not learn so.
A successful sign-in clears its address-and-username count.

The counts live in the default cache: with several gunicorn workers or machines that must be a shared cache
(``CACHE_URL=redis://...``, as ``make serve`` sets), or each process keeps its own count.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

PREFIX = "govex:login-failures"


def failures_per_account() -> int:
    return getattr(settings, "LOGIN_THROTTLE_FAILURES", 5)


def failures_per_address() -> int:
    return getattr(settings, "LOGIN_THROTTLE_ADDRESS_FAILURES", 20)


def window_seconds() -> int:
    return getattr(settings, "LOGIN_THROTTLE_WINDOW_SECONDS", 15 * 60)


def client_address(request: HttpRequest) -> str:
    # Behind the TLS proxy (DJANGO_HTTPS=true) every request comes from the proxy; the client is the address the
    # proxy appended last to X-Forwarded-For. Earlier entries are whatever the client sent, so never trusted.
    if getattr(settings, "HTTPS", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(*parts: str) -> str:
    # Hashed: usernames are user input, and cache backends limit key length and characters.
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()
    return f"{PREFIX}:{len(parts)}:{digest}"


def _keys(request: HttpRequest, username: str) -> tuple[str, str]:
    address = client_address(request)
    return _key(address, username.strip().casefold()), _key(address)


def _count_failure(key: str) -> int:
    # add() then incr(): atomic on Redis and memcached, so concurrent guesses cannot undercount.
    cache.add(key, 0, timeout=window_seconds())
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window_seconds())
        return 1


def is_blocked(request: HttpRequest, username: str) -> bool:
    account_key, address_key = _keys(request, username)
    counts = cache.get_many([account_key, address_key])
    return counts.get(account_key, 0) >= failures_per_account() or counts.get(address_key, 0) >= failures_per_address()


def on_login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    if request is None:
        return
    account_key, address_key = _keys(request, str(credentials.get("username", "")))
    count = _count_failure(account_key)
    _count_failure(address_key)
    if count == failures_per_account():
        logger.warning("sign-in locked after %s failures", count, extra={"address": client_address(request)})


def on_logged_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is not None:
        cache.delete(_keys(request, user.get_username())[0])


class LoginThrottleMiddleware:
    """Refuses sign-in attempts on the admin login form once an address or account has failed too often."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        user_login_failed.connect(on_login_failed, dispatch_uid="govex.login_throttle.failed")
        user_logged_in.connect(on_logged_in, dispatch_uid="govex.login_throttle.logged_in")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        attempt = request.method == "POST" and request.path == reverse("admin:login")
        if attempt and is_blocked(request, request.POST.get("username", "")):
            return self.refuse()
        return self.get_response(request)

    @staticmethod
    def refuse() -> HttpResponse:
        minutes = max(1, window_seconds() // 60)
        message = _("Too many failed sign-in attempts. Sign-in is paused for %(minutes)s minutes; try again later.") % {
            "minutes": minutes
        }
        response = HttpResponse(
            f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(message)}</title></head>'
            f"<body><h1>{escape(message)}</h1></body></html>",
            status=429,
        )
        response["Retry-After"] = str(window_seconds())
        return response
