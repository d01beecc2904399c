"""Ride out a PostgreSQL restart: reads wait and retry, writes get a clear 503.

When the database restarts (an upgrade, a failover, a crash), every request in that second or two fails to
connect. A GET or HEAD changes nothing, so running its view again once the server is back is always safe: the
client sees a slower answer instead of an error. A write is never retried (it may have partly happened); it
gets ``503 Service Unavailable`` with ``Retry-After``, which a partner system's retry logic understands, instead
of a 500 that looks like a bug.

A statement stopped by the server (``statement_timeout``, a cancel) is not an outage: running it again would
only occupy the database as long again. It is answered at once with ``503`` and ``"code": "timeout"``.

Installed last in ``MIDDLEWARE`` so that it wraps only the view: every other middleware has run already.
"""

from __future__ import annotations

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from cooperation.api.exceptions import problem_response

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
# About five seconds in all: long enough for a restart, short of gunicorn's timeout and a client's patience.
RETRY_DELAYS = (0.1, 0.25, 0.5, 1.0, 1.5, 2.0)
SAFE_METHODS = frozenset({"GET", "HEAD"})
RETRY_AFTER_SECONDS = 5


QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cancelled by timeout or by request


def _cancelled(error: BaseException) -> bool:
    while error is not None:
        if getattr(error, "sqlstate", None) == QUERY_CANCELED:
            return True
        error = error.__cause__
    return False


def too_slow(request: HttpRequest) -> HttpResponse:
    message = _("The request took too long and was stopped; narrow it with filters or a smaller page.")
    if request.path.startswith("/api/"):
        return problem_response(503, "timeout", message)
    return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")


def _in_transaction() -> bool:
    return any(connection.in_atomic_block for connection in connections.all(initialized_only=True))


def _reset_connections() -> None:
    # A failed query marks its connection (errors_occurred); Django then tests it and closes it if it is dead.
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()


def unavailable(request: HttpRequest) -> HttpResponse:
    message = _("The database is briefly unavailable; try again in a few seconds.")
    if request.path.startswith("/api/"):
        response = problem_response(503, "unavailable", message)
    else:
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseRetryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.method not in SAFE_METHODS:
            return None  # writes run once; process_exception answers 503 if the database is away
        for attempt, delay in enumerate((*RETRY_DELAYS, None), start=1):
            try:
                response = view_func(request, *view_args, **view_kwargs)
                if callable(getattr(response, "render", None)) and not getattr(response, "is_rendered", True):
                    # Template responses query the database while they render: render inside the retry.
                    response = response.render()
                return response
            except DATABASE_ERRORS as error:
                if _cancelled(error):
                    logger.warning("statement stopped for %s %s", request.method, request.path, exc_info=True)
                    _reset_connections()
                    return too_slow(request)
                if delay is None or _in_transaction():
                    logger.warning("database unavailable for %s %s", request.method, request.path, exc_info=True)
                    return unavailable(request)
                logger.info(
                    "database unavailable for %s %s (attempt %s); retrying", request.method, request.path, attempt
                )
                _reset_connections()
                time.sleep(delay)
        return None  # not reached

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, DATABASE_ERRORS) and _cancelled(exception):
            _reset_connections()
            return too_slow(request)
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("database unavailable for %s %s", request.method, request.path, exc_info=exception)
            _reset_connections()
            return unavailable(request)
        return None
