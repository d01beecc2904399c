"""The production profile (``make serve``): ``check --deploy`` clean, sensible session and password rules."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from tests.ops.conftest import base_env, manage

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k4-" + "x7Qp9Lm2Zr8Vt5Wn3Bc6Hd1Jf0Gs" * 3,
    "DJANGO_STATICFILES_STORAGE": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    "DJANGO_LOG_FORMAT": "json",
    "CACHE_URL": "redis://127.0.0.1:6379/1",  # as ops/serve.sh sets it (the check does not connect)
}
# What Django still warns about when TLS is not configured; docs/operations.md says why each one remains.
WITHOUT_TLS = {"security.W004", "security.W008", "security.W012", "security.W016"}


def deploy_check(**env: str):
    return manage("check", "--deploy", "--fail-level", "WARNING", env=base_env(**PRODUCTION, **env))


def test_check_deploy_is_clean_behind_a_tls_proxy():
    result = deploy_check(DJANGO_HTTPS="true")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_tls_only_the_https_warnings_remain():
    result = deploy_check(DJANGO_HTTPS="false")

    assert set(re.findall(r"\((security\.W\d+)\)", result.stderr)) == WITHOUT_TLS


def test_a_per_process_cache_is_flagged_because_rate_limits_would_not_hold():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=base_env(**{**PRODUCTION, "CACHE_URL": "locmemcache://"})
    )

    assert "govex.W001" in result.stderr


def test_the_development_key_is_refused_in_production():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=base_env(**{**PRODUCTION, "DJANGO_SECRET_KEY": ""})
    )

    assert "security.W009" in result.stderr


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SESSION_COOKIE_HTTPONLY", True),
        ("X_FRAME_OPTIONS", "DENY"),
        ("SECURE_CONTENT_TYPE_NOSNIFF", True),
    ],
)
def test_session_and_header_settings_are_strict(name, expected):
    assert getattr(settings, name) == expected


def test_sessions_end_within_a_working_day_and_passwords_are_checked():
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    validators = {validator["NAME"].rsplit(".", 1)[-1]: validator for validator in settings.AUTH_PASSWORD_VALIDATORS}
    assert {"CommonPasswordValidator", "NumericPasswordValidator", "UserAttributeSimilarityValidator"} <= set(
        validators
    )
    assert validators["MinimumLengthValidator"]["OPTIONS"]["min_length"] >= 10
