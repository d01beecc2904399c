"""Schemathesis against the partner API's own OpenAPI schema: every operation, generated requests, no 5xx and
no response outside the schema. Bounded here (``SCHEMATHESIS_EXAMPLES``, default 10 per operation)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from cooperation.api.models import PartnerToken, TokenScope
from tests.conftest import FIXTURE

# The two promises: no server error, no response outside the schema (body and content type).
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
# Left to the API's own tests: which 4xx a filter answers is documented loosely (undocumented 400s).
NOT_CHECKED = [status_code_conformance, positive_data_acceptance, negative_data_rejection]
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "10"))


@pytest.fixture
def partner_headers(db, django_user_model, settings) -> dict[str, str]:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"partner": None, "staff": None}}
    user = django_user_model.objects.create_user("fuzz.partner", password=None)
    key = PartnerToken.new_key()
    token = PartnerToken(name="fuzzing", user=user, scope=TokenScope.READ)
    token.set_key(key)
    token.save()
    return {"Authorization": f"Token {key}"}


@pytest.fixture
def api_schema(db, partner_headers):
    if FIXTURE.exists():
        call_command("loaddata", str(FIXTURE), verbosity=0)
    # The app runs in this thread on the test's connection, inside its transaction; Django would close that
    # connection before and after each request (as the test client also prevents). On PostgreSQL a closed
    # connection ends the test's transaction, so both signals must let it be.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", WSGIHandler(), headers=partner_headers)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def fuzz(operation, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy())
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS, excluded_checks=NOT_CHECKED)

    run()


# schemathesis' own pytest plugin does not run under pytest 9 yet, so operations are driven by hand here.
def test_every_operation_answers_generated_requests_within_its_schema(api_schema, partner_headers):
    failures, tried = [], 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        tried += 1
        try:
            fuzz(operation, partner_headers)
        except (Exception, BaseExceptionGroup) as error:  # collect every operation's failures, report them together
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")

    assert tried >= 10, "the schema lists fewer operations than the API has"
    assert not failures, "\n\n".join(failures)
