"""``/health/``: real components, real failures (a refused port, a broker without workers)."""

from __future__ import annotations

import contextlib
import json

import pytest
from django.core.cache import cache

from govex import health
from tests.celery_helpers import celery_configured
from tests.ops.conftest import base_env, manage, wait_for

ANSWERS = {health.OK, health.ERROR, health.NOT_CONFIGURED}
CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker(settings):
    """Point both the settings /health/ reads and the Celery app it pings through at one broker URL."""

    def use(url: str) -> None:
        settings.CELERY_BROKER_URL = url
        stack.enter_context(celery_configured(broker_url=url))

    with contextlib.ExitStack() as stack:
        yield use


@pytest.fixture(autouse=True)
def forget_worker_answers():
    health._worker_pinged.clear()
    health._worker_last_seen.clear()
    cache.clear()  # what other web processes shared
    yield
    health._worker_pinged.clear()
    health._worker_last_seen.clear()
    cache.clear()


@pytest.mark.django_db
def test_it_is_healthy_on_the_development_settings_without_login(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "not configured", "worker": "not configured"},
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_refuses_writes(client):
    assert client.post("/health/").status_code == 405


@pytest.mark.django_db
def test_it_answers_503_when_the_broker_cannot_be_reached(client, broker):
    broker(CLOSED_PORT_BROKER)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "ok", "cache": "ok", "broker": "error", "worker": "error"},
    }


@pytest.mark.django_db
def test_a_failure_shows_no_address_or_error_text(client, broker):
    broker(CLOSED_PORT_BROKER)

    body = client.get("/health/").content.decode()

    assert set(json.loads(body)["checks"].values()) <= ANSWERS
    for leak in ("127.0.0.1", "redis", "refused", "Error", "Traceback"):
        assert leak not in body


@pytest.mark.django_db
def test_it_answers_503_when_the_broker_is_up_but_no_worker_listens(client, broker, redis_service):
    broker(redis_service)

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "broker": "ok", "worker": "error"}


@pytest.mark.django_db
def test_a_worker_another_web_process_saw_recently_counts_as_up(client, broker, redis_service):
    # This process's own ping gets no answer (no worker on this broker now), but a neighbour's did moments ago:
    # a worker too busy to answer one ping is not down, and every process gives the same answer.
    broker(redis_service)
    health._share_worker_seen(redis_service)

    assert client.get("/health/").json()["checks"]["worker"] == "ok"

    cache.clear()
    health._worker_pinged.clear()
    assert client.get("/health/").json()["checks"]["worker"] == "error"


@pytest.mark.worker
@pytest.mark.django_db
def test_it_sees_a_running_celery_worker(client, broker, worker_broker, celery_worker):
    broker(worker_broker)

    def worker_answers() -> bool:
        health._worker_pinged.clear()
        health._worker_last_seen.clear()
        return client.get("/health/").status_code == 200

    assert wait_for(worker_answers, timeout=30), client.get("/health/").json()
    assert client.get("/health/").json()["checks"] == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "worker": "ok",
    }


def test_it_answers_503_when_the_database_is_down():
    # A separate process, because the test database connection of this one cannot be pointed elsewhere.
    script = (
        "from django.test import Client; r = Client().get('/health/'); print(r.status_code); print(r.content.decode())"
    )
    result = manage(
        "shell",
        "-c",
        script,
        env=base_env(DATABASE_URL="postgres://postgres@127.0.0.1:1/nowhere", DJANGO_LOG_LEVEL="CRITICAL"),
    )

    status, body = result.stdout.strip().splitlines()[-2:]
    assert status == "503", result.stderr
    assert json.loads(body)["checks"]["database"] == "error"
    assert "nowhere" not in body
