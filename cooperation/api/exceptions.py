"""One error body for every failure: ``{"error": {"status", "code", "message", "fields"?}}``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def _first_message(detail) -> str:
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    if isinstance(detail, dict) and detail:
        key, value = next(iter(detail.items()))
        return f"{key}: {_first_message(value)}" if key != "non_field_errors" else _first_message(value)
    return str(detail)


def api_exception_handler(exc, context) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # unexpected errors: Django's 500 handling and logging
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else None
    error = {
        "status": response.status_code,
        "code": codes if isinstance(codes, str) else getattr(exc, "default_code", "error"),
        "message": _first_message(response.data.get("detail", response.data))
        if isinstance(response.data, dict)
        else _first_message(response.data),
    }
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        error["fields"] = exc.detail
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        error["retry_after"] = int(exc.wait)
    response.data = {"error": error}
    return response
