"""A database restart costs reads a little time, not an error; writes get a 503 they can retry.

The restart itself is exercised for real by ``make stress`` (PostgreSQL restarted under load); here a view
that finds the database away for its first attempts drives the middleware through the test client.
"""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from govex import urls as project_urls

attempts: list[str] = []


def flaky(failures: int):
    @csrf_exempt
    def view(request):
        attempts.append(request.method)
        if len(attempts) <= failures:
            raise OperationalError("connection failed: the database system is starting up")
        with connection.cursor() as cursor:  # the database is really there now
            cursor.execute("SELECT 1")
        return HttpResponse("ok")

    return view


urlpatterns = [
    path("flaky-once/", flaky(1)),
    path("flaky-for-good/", flaky(100)),
    path("api/v1/flaky-write/", flaky(100)),
    *project_urls.urlpatterns,
]


@pytest.fixture(autouse=True)
def routes(settings):
    settings.ROOT_URLCONF = __name__
    attempts.clear()


@pytest.mark.django_db(transaction=True)
def test_a_read_during_a_restart_is_answered_once_the_database_is_back(client):
    response = client.get("/flaky-once/")
    assert (response.status_code, response.content) == (200, b"ok")
    assert attempts == ["GET", "GET"]


@pytest.mark.django_db(transaction=True)
def test_a_read_gives_up_with_503_and_retry_after_when_the_database_stays_away(client):
    response = client.get("/flaky-for-good/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert 1 < len(attempts) < 10


@pytest.mark.django_db(transaction=True)
def test_a_write_is_never_repeated_and_gets_a_503_in_the_api_error_format(client):
    response = client.post("/api/v1/flaky-write/")
    assert attempts == ["POST"]
    assert response.status_code == 503
    assert response.json()["code"] == "unavailable"


@pytest.mark.django_db
def test_a_read_inside_a_transaction_is_not_repeated(client):
    # Retrying inside an open transaction would run on a broken connection: answer 503 at once.
    response = client.get("/flaky-once/")
    assert response.status_code == 503
    assert attempts == ["GET"]


@csrf_exempt
def slow(request):
    attempts.append(request.method)
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 50")
        try:
            cursor.execute("SELECT pg_sleep(2)")
        finally:
            cursor.execute("SET statement_timeout = 0")
    return HttpResponse("never")


urlpatterns.append(path("api/v1/slow/", slow))

POSTGRES = connection.vendor == "postgresql"


@pytest.mark.skipif(not POSTGRES, reason="statement_timeout is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_statement_stopped_by_the_timeout_is_answered_at_once_and_never_run_again(client):
    response = client.get("/api/v1/slow/")
    assert response.status_code == 503
    assert response.json()["code"] == "timeout"
    assert attempts == ["GET"], "a cancelled statement is not retried"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
            " AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] == 0, "the database is idle afterwards"


@pytest.mark.skipif(not POSTGRES, reason="statement_timeout is PostgreSQL's")
def test_web_processes_get_a_statement_timeout_and_workers_do_not():
    import os
    import subprocess
    import sys

    probe = (
        "import django, os; {setup}; from django.db import connection; c = connection.cursor();"
        " c.execute('SHOW statement_timeout'); print(c.fetchone()[0])"
    )
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    # Any database on the same server will do; "postgres" always exists.
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "govex.settings", "DATABASE_URL": f"{server}/postgres"}
    environment.pop("GOVEX_WEB_PROCESS", None)

    def statement_timeout(setup: str) -> str:
        command = [sys.executable, "-c", probe.format(setup=setup)]
        shown = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60, check=True)
        return shown.stdout.split()[-1]

    assert statement_timeout("import govex.wsgi") == "5s"  # how a web process starts
    assert statement_timeout("django.setup()") == "0"  # how a worker or a command starts
