"""One error format for everything under ``/api/``: RFC 9457 problem details (``application/problem+json``).

    {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "country: Unknown country code(s): XX.",
     "code": "invalid", "fields": {"country": ["Unknown country code(s): XX."]}}

``title`` is the HTTP status phrase (``type`` is ``about:blank``: the status says what kind of problem it is);
``code`` is a stable machine-readable word; ``fields`` (validation errors) and ``retry_after`` (429) are
extensions. DRF views go through ``api_exception_handler``; Django's own 404/500 for API paths, and the
database middleware's 503s, through ``problem_response``.
"""

from __future__ import annotations

from http import HTTPStatus

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .renderers import OrjsonRenderer

PROBLEM_TYPE = "application/problem+json"


def problem(status: int, code: str, detail: str, **extensions) -> dict:
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
        **extensions,
    }


def problem_response(status: int, code: str, detail: str, **extensions) -> JsonResponse:
    return JsonResponse(
        problem(status, code, detail, **extensions),
        status=status,
        content_type=PROBLEM_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


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
        return None  # unexpected errors: Django's 500 handling and logging (govex.urls answers in this format)
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else None
    extensions = {}
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        extensions["fields"] = exc.detail
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        extensions["retry_after"] = int(exc.wait)
    response.data = problem(
        response.status_code,
        codes if isinstance(codes, str) else getattr(exc, "default_code", "error"),
        _first_message(response.data.get("detail", response.data))
        if isinstance(response.data, dict)
        else _first_message(response.data),
        **extensions,
    )
    response.content_type = PROBLEM_TYPE
    request = context.get("request")
    if request is not None:
        # A problem is JSON even when the client asked for CSV: the error is not a page of records.
        request.accepted_renderer, request.accepted_media_type = OrjsonRenderer(), PROBLEM_TYPE
    return response
