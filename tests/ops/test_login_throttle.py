"""Password guessing on the staff sign-in page is slowed down: 429 past a limit, per account and per address."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from tests.conftest import PASSWORD

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    settings.LOGIN_THROTTLE_ADDRESS_FAILURES = 6
    # Every attempt hashes a password; the real hasher would make these tests take a minute.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


def sign_in(client: Client, username: str, password: str, address: str = "203.0.113.7", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def test_wrong_passwords_are_refused_with_429_after_the_limit_even_the_right_one(client, protocol_staff):
    statuses = [sign_in(client, "olga.staff", f"guess-{n}").status_code for n in range(3)]
    assert statuses == [200, 200, 200]  # the form again, with its error

    response = sign_in(client, "olga.staff", PASSWORD)

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_other_addresses_and_accounts_are_not_locked_out(client, protocol_staff, manager):
    for n in range(3):
        sign_in(client, "olga.staff", f"guess-{n}")

    assert sign_in(Client(), "olga.staff", PASSWORD, address="198.51.100.20").status_code == 302
    assert sign_in(Client(), "mariam.manager", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_stopped(client, protocol_staff):
    for n in range(6):
        sign_in(client, f"user-{n}", "Winter2026!")

    assert sign_in(client, "olga.staff", PASSWORD).status_code == 429


def test_a_successful_sign_in_clears_the_accounts_count(client, protocol_staff):
    for n in range(2):
        sign_in(client, "olga.staff", f"guess-{n}")
    assert sign_in(Client(), "olga.staff", PASSWORD).status_code == 302

    for n in range(2):
        assert sign_in(client, "olga.staff", f"again-{n}").status_code == 200
    assert sign_in(Client(), "olga.staff", PASSWORD).status_code == 302


def test_usernames_differing_only_in_case_share_a_count(client, protocol_staff):
    for username in ("olga.staff", "OLGA.STAFF", "Olga.Staff"):
        sign_in(client, username, "nope-nope-nope")

    assert sign_in(client, "olga.staff", PASSWORD).status_code == 429


def test_behind_the_tls_proxy_the_forwarded_client_address_is_counted(client, protocol_staff, settings):
    settings.HTTPS = True
    proxy = {"REMOTE_ADDR": "10.0.0.2", "secure": True}
    for n in range(3):
        client.post(
            LOGIN, {"username": "olga.staff", "password": f"g{n}"}, HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy
        )

    blocked = client.post(
        LOGIN, {"username": "olga.staff", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy
    )
    other_client = Client().post(
        LOGIN, {"username": "olga.staff", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="192.0.2.44", **proxy
    )

    assert blocked.status_code == 429
    assert other_client.status_code == 302
