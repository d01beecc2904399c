"""Helpers for the operations tests: real PostgreSQL, Redis and Celery when they run, a clean skip when not.

``GOVEX_REQUIRE_SERVICES=1`` (CI) turns every such skip into a failure, so a missing service cannot hide a
regression.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import celery_worker_process

ROOT = Path(__file__).resolve().parents[2]
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
PG_HOST, PG_PORT = "127.0.0.1", 5432
# Redis database 6 belongs to the operations tests (see the helper rules: one number per area), and 7 to the one
# test that starts a real worker: on 6 other tests expect no worker to answer, and xdist may run them meanwhile.
OPS_BROKER_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/6"
OPS_WORKER_BROKER_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/7"


def listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    if listening(host, port):
        return
    message = f"{name} is not answering on {host}:{port}"
    if os.environ.get("GOVEX_REQUIRE_SERVICES") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def redis_service() -> str:
    require_service("Redis", REDIS_HOST, REDIS_PORT)
    return OPS_BROKER_URL


@pytest.fixture
def postgres_service() -> str:
    require_service("PostgreSQL", PG_HOST, PG_PORT)
    return f"postgres://postgres@{PG_HOST}:{PG_PORT}"


def base_env(**overrides: str) -> dict[str, str]:
    """The environment a subprocess of govex gets: this one, minus anything the test did not choose."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "CELERY_"))}
    env.update(overrides)
    return env


def manage(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def worker_broker() -> str:
    require_service("Redis", REDIS_HOST, REDIS_PORT)
    return OPS_WORKER_BROKER_URL


@pytest.fixture
def celery_worker(worker_broker: str) -> Iterator[subprocess.Popen[bytes]]:
    """A real Celery worker on its own broker database (``worker_broker``), stopped after the test."""
    env = base_env(CELERY_BROKER_URL=worker_broker, DJANGO_LOG_LEVEL="WARNING")
    options = ("--loglevel=WARNING", "-n", f"ops-test-{os.getpid()}@%h")
    with celery_worker_process(*options, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as worker:
        yield worker


def wait_for(predicate, *, timeout: float, interval: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
