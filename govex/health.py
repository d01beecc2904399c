"""``/health/``: is this instance able to serve? For load balancers, uptime monitors and ``make serve``.

Each component answers only ``ok``, ``error`` or ``not configured``: the endpoint needs no login, so it must
not show hosts, versions or exception text (those go to the log instead).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from kombu import Connection

logger = logging.getLogger(__name__)

OK = "ok"
ERROR = "error"
NOT_CONFIGURED = "not configured"

# Short enough that a monitor polling every few seconds never piles up requests behind a dead service.
BROKER_TIMEOUT_SECONDS = 1.0
WORKER_PING_TIMEOUT_SECONDS = 2.0
# A busy worker can miss one ping while it is saturated (seen under `make stress`); one that answered this
# recently still counts as up, so the health check does not flap under load.
WORKER_GRACE_SECONDS = 30.0
# The worker ping is a broadcast through the broker; an unauthenticated URL must not let anyone trigger one
# per request, so each process pings at most once every few seconds.
WORKER_PING_CACHE_SECONDS = 5.0

_worker_lock = threading.Lock()
_worker_pinged: dict[str, float] = {}  # broker URL -> when this process last pinged through it
_worker_last_seen: dict[str, float] = {}


def check_database() -> str:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        return OK if cursor.fetchone() == (1,) else ERROR


def check_cache() -> str:
    # A round trip, not just a connection: a full or read-only cache is as broken as an absent one.
    key = f"govex:health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    answer = cache.get(key)
    cache.delete(key)
    return OK if answer == "1" else ERROR


def check_broker() -> str:
    if not settings.CELERY_BROKER_URL:
        return NOT_CONFIGURED  # tasks run in-process (development); nothing to reach
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=BROKER_TIMEOUT_SECONDS) as connection:
        # No back-off between attempts: a health check reports now; the monitor decides when to ask again.
        connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT_SECONDS)
        return OK


def check_worker() -> str:
    url = settings.CELERY_BROKER_URL
    if not url:
        return NOT_CONFIGURED
    with _worker_lock:
        # The ping is rate limited per process; the answer is not cached, so that a sighting by any process
        # counts at once everywhere (a worker that was starting a moment ago is not reported down for long).
        if time.monotonic() - _worker_pinged.get(url, -WORKER_PING_CACHE_SECONDS) >= WORKER_PING_CACHE_SECONDS:
            from govex.celery import app

            with Connection(url, connect_timeout=BROKER_TIMEOUT_SECONDS) as connection:
                # limit=1: return as soon as one worker answers instead of waiting out the whole timeout.
                replies = app.control.ping(timeout=WORKER_PING_TIMEOUT_SECONDS, limit=1, connection=connection)
            now = _worker_pinged[url] = time.monotonic()
            if replies:
                _worker_last_seen[url] = now
                _share_worker_seen(url)
        seen_here = time.monotonic() - _worker_last_seen.get(url, -WORKER_GRACE_SECONDS) < WORKER_GRACE_SECONDS
        return OK if seen_here or _worker_seen_elsewhere(url) else ERROR


def _worker_seen_key(url: str) -> str:
    return "govex:health:worker-seen:" + uuid.uuid5(uuid.NAMESPACE_URL, url).hex


def _share_worker_seen(url: str) -> None:
    """Tell the other web processes (through the shared cache) that a worker answered just now.

    Each gunicorn process pings on its own; without this, one whose ping a busy worker missed would answer
    503 while its neighbours answer 200, and a load balancer would see the instance flap.
    """
    try:
        cache.set(_worker_seen_key(url), "1", timeout=WORKER_GRACE_SECONDS)
    except Exception:  # the cache check reports a broken cache; the worker answer stands on its own
        logger.warning("health: could not share the worker's answer", exc_info=True)


def _worker_seen_elsewhere(url: str) -> bool:
    try:
        return cache.get(_worker_seen_key(url)) == "1"
    except Exception:
        return False


CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "worker": check_worker,
}


def run_checks() -> dict[str, str]:
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        if name == "worker" and results.get("broker") == ERROR:
            results[name] = ERROR  # no broker, no way to reach a worker: don't wait out a second timeout
            continue
        try:
            results[name] = check()
        except Exception:
            # The reason goes to the log, where operators look; the public answer stays "error".
            logger.exception("health check %s failed", name)
            results[name] = ERROR
    return results


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(result in {OK, NOT_CONFIGURED} for result in checks.values())
    if not healthy:
        logger.warning("health: %s", ", ".join(f"{name} {result}" for name, result in checks.items()))
    return JsonResponse({"status": OK if healthy else ERROR, "checks": checks}, status=200 if healthy else 503)
