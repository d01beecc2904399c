"""Password guessing on the staff sign-in page is stopped by django-axes: 429 past a limit, per account and address."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from cooperation.api.models import PartnerToken
from tests.conftest import PASSWORD
from tests.ops.conftest import base_env, manage

LOGIN = "/admin/login/"
ATTEMPTS = "/admin/axes/accessattempt/"


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    settings.AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
    # Every attempt hashes a password; the real hasher would make these tests take a minute.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(client: Client, username: str, password: str, address: str = "203.0.113.7", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def fail(client: Client, username: str = "olga.staff", times: int = 3, **kwargs) -> list[int]:
    return [sign_in(client, username, f"guess-{n}", **kwargs).status_code for n in range(times)]


def test_wrong_passwords_are_refused_with_429_after_the_limit_even_the_right_one(client, protocol_staff):
    assert fail(client, times=2) == [200, 200]  # the form again, with its error
    assert sign_in(client, "olga.staff", "guess-3").status_code == 429  # the third failure locks

    response = sign_in(client, "olga.staff", PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed sign-in attempts. Sign-in is paused for 15 minutes; try again later." in page
    assert "govex — protocol office records" in page  # the admin's look, not a bare text page
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session


def test_the_message_is_in_the_users_language(client, protocol_staff):
    fail(client)

    response = sign_in(client, "olga.staff", PASSWORD, HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа" in response.content.decode()


def test_other_addresses_and_accounts_are_not_locked_out(client, protocol_staff, manager):
    fail(client)

    assert sign_in(Client(), "olga.staff", PASSWORD, address="198.51.100.20").status_code == 302
    assert sign_in(Client(), "mariam.manager", PASSWORD).status_code == 302


def test_usernames_differing_only_in_case_share_a_count(client, protocol_staff):
    for username in ("olga.staff", "OLGA.STAFF", "Olga.Staff "):
        sign_in(client, username, "nope-nope-nope")

    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [("olga.staff", 3)]
    assert sign_in(client, "olga.staff", PASSWORD).status_code == 429


def test_a_successful_sign_in_clears_the_accounts_count(client, protocol_staff):
    fail(client, times=2)
    assert sign_in(Client(), "olga.staff", PASSWORD).status_code == 302

    assert fail(client, times=2) == [200, 200]
    assert sign_in(Client(), "olga.staff", PASSWORD).status_code == 302


def test_sign_in_opens_again_after_the_cool_off(client, protocol_staff):
    fail(client)
    assert sign_in(client, "olga.staff", PASSWORD).status_code == 429

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        assert sign_in(client, "olga.staff", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_stopped_when_the_address_is_a_parameter(client, protocol_staff, settings):
    settings.AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
    for n in range(3):
        sign_in(client, f"user-{n}", "Winter2026!")

    assert sign_in(client, "olga.staff", PASSWORD).status_code == 429


def test_behind_the_tls_proxy_the_forwarded_client_address_is_counted(client, protocol_staff, settings):
    settings.HTTPS = True
    proxy = {"REMOTE_ADDR": "10.0.0.2", "secure": True}
    # The proxy appends the real client; whatever the client put in front is not trusted.
    for n in range(3):
        client.post(
            LOGIN,
            {"username": "olga.staff", "password": f"g{n}"},
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 198.51.100.9",
            **proxy,
        )

    blocked = client.post(
        LOGIN, {"username": "olga.staff", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy
    )
    other_client = Client().post(
        LOGIN, {"username": "olga.staff", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="192.0.2.44", **proxy
    )

    assert blocked.status_code == 429
    assert other_client.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.9"}


def test_every_attempt_is_recorded_for_the_audit(client, protocol_staff):
    fail(client, times=1)
    sign_in(client, "olga.staff", PASSWORD)

    assert list(AccessFailureLog.objects.values_list("username", "ip_address", "locked_out")) == [
        ("olga.staff", "203.0.113.7", False)
    ]
    assert list(AccessLog.objects.values_list("username", "ip_address")) == [("olga.staff", "203.0.113.7")]


def test_partner_tokens_keep_working_for_a_locked_out_account(client, db, django_user_model):
    partner = django_user_model.objects.create_user("crm.partner", password=PASSWORD)
    key = PartnerToken.new_key()
    token = PartnerToken(name="Partner CRM", user=partner)
    token.set_key(key)
    token.save()
    fail(client, username="crm.partner")

    response = Client().get("/api/v1/topics/", HTTP_AUTHORIZATION=f"Token {key}", REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 200
    assert AccessAttempt.objects.get().failures_since_start == 3  # token use is not a sign-in attempt


class TestTheAuditIsForSuperusersOnly:
    @pytest.fixture
    def attempt(self, client, protocol_staff):
        fail(client, times=1)
        return AccessAttempt.objects.get()

    def test_a_superuser_sees_and_can_clear_attempts(self, admin_client, attempt):
        assert admin_client.get(ATTEMPTS).status_code == 200
        for model in ("accessattempt", "accesslog", "accessfailurelog"):
            assert admin_client.get(f"/admin/axes/{model}/").status_code == 200
        assert "/admin/axes/accessattempt/" in admin_client.get("/admin/").content.decode()

        response = admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

        assert response.status_code == 302
        assert not AccessAttempt.objects.exists()

    @pytest.mark.parametrize("user", ["protocol_staff", "manager"])
    def test_staff_and_managers_do_not_see_it_even_with_the_permissions(self, request, user, attempt):
        account = request.getfixturevalue(user)
        account.user_permissions.add(*Permission.objects.filter(content_type__app_label="axes"))
        other = Client()
        other.force_login(account)

        assert "/admin/axes/" not in other.get("/admin/").content.decode()
        for model in ("accessattempt", "accesslog", "accessfailurelog"):
            assert other.get(f"/admin/axes/{model}/").status_code == 403
        assert other.get(f"/admin/axes/accessattempt/{attempt.pk}/delete/").status_code == 403
        assert other.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}).status_code == 403
        assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_the_limits_come_from_the_environment():
    script = (
        "from django.conf import settings as s; "
        "print(s.AXES_FAILURE_LIMIT, int(s.AXES_COOLOFF_TIME.total_seconds()), s.AXES_LOCKOUT_PARAMETERS)"
    )
    configured = base_env(
        AXES_FAILURE_LIMIT="7", AXES_COOLOFF_MINUTES="30", AXES_LOCKOUT_PARAMETERS="username+ip_address,ip_address"
    )
    defaults = {key: value for key, value in base_env().items() if not key.startswith("AXES_")}

    assert manage("shell", "-c", script, env=configured).stdout.split("\n")[-2] == (
        "7 1800 [['username', 'ip_address'], 'ip_address']"
    )
    assert manage("shell", "-c", script, env=defaults).stdout.split("\n")[-2] == "5 900 [['username', 'ip_address']]"
