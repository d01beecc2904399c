"""How django-axes sees a sign-in attempt: the client's address, the account's name, the answer once locked out.

Axes counts failed sign-ins in the database (``AccessAttempt``), so every web process and machine shares the
counts without a shared cache. Settings (``AXES_*``, from the environment) are in ``govex/settings.py``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def client_address(request: HttpRequest) -> str:
    # Behind the TLS proxy (DJANGO_HTTPS=true) every request comes from the proxy; the client is the address the
    # proxy appended last to X-Forwarded-For. Earlier entries are whatever the client sent, so never trusted.
    if settings.HTTPS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def username_key(request: HttpRequest, credentials: dict | None) -> str | None:
    # "Olga.Staff" and "olga.staff" are one account to a guesser: counted together, and shown so in the audit.
    source = credentials if credentials else getattr(request, "data", request.POST)
    username = source.get(settings.AXES_USERNAME_FORM_FIELD)
    return str(username).strip().casefold() if username is not None else None


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None, credentials=None) -> HttpResponse:
    """429 with the admin's look and ``Retry-After``, even to the right password: a guesser must not learn it."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    message = _("Too many failed sign-in attempts. Sign-in is paused for %(minutes)s minutes; try again later.") % {
        "minutes": max(1, seconds // 60)
    }
    # Rendered now, not a TemplateResponse: axes swaps it in from its middleware, after the view was rendered.
    context = {**admin.site.each_context(request), "title": _("Sign-in paused"), "message": message}
    response = render(request, "admin/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
