"""CSRF on every form: admin add/change forms, sign-in, the calendar-link form, language switch, session API."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import PASSWORD


def admin_add_routes() -> list[tuple[str, object]]:
    found = []

    def walk(resolver: URLResolver, namespace: str) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(entry, f"{namespace}:{entry.namespace}".strip(":") if entry.namespace else namespace)
            elif isinstance(entry, URLPattern) and (entry.name or "").endswith("_add") and namespace == "admin":
                # A model's add view knows its admin; a page an admin adds (the visit page) is its bound method.
                admin = getattr(entry.callback, "model_admin", None) or entry.callback.__wrapped__.__self__
                found.append((f"admin:{entry.name}", admin.model))

    walk(get_resolver(), "")
    return sorted(found, key=lambda item: item[0])


ADD_ROUTES = admin_add_routes()


@pytest.fixture
def strict_client(protocol_staff) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(protocol_staff)
    return client


def csrf_token_from(client: Client, url: str) -> str:
    page = client.get(url).content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match, f"no CSRF token in the form at {url}"
    return match.group(1)


def test_every_admin_model_has_an_add_form_to_check():
    assert any(name == "admin:cooperation_delegation_add" for name, _ in ADD_ROUTES)


@pytest.mark.parametrize(("name", "model"), ADD_ROUTES, ids=[name for name, _ in ADD_ROUTES])
def test_an_admin_form_post_without_the_csrf_token_is_refused(name, model, strict_client):
    url = reverse(name)
    before = model._default_manager.count()

    refused = strict_client.post(url, {"_save": "Save"})

    assert refused.status_code == 403
    assert model._default_manager.count() == before
    if strict_client.get(url).status_code == 200:  # a form staff may fill in (some records are added elsewhere)
        # The same post with the form's token reaches the form (and fails validation): the 403 above was CSRF.
        accepted = strict_client.post(
            url, {"_save": "Save", "csrfmiddlewaretoken": csrf_token_from(strict_client, url)}
        )
        assert accepted.status_code == 200


def test_the_sign_in_form_needs_its_csrf_token(protocol_staff):
    client = Client(enforce_csrf_checks=True)
    login = reverse("admin:login")

    assert client.post(login, {"username": "olga.staff", "password": PASSWORD}).status_code == 403
    token = csrf_token_from(client, login)
    signed_in = client.post(login, {"username": "olga.staff", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert signed_in.status_code == 302


def test_the_calendar_link_form_needs_its_csrf_token(strict_client):
    url = reverse("reports:calendar_token")

    assert strict_client.post(url, {"action": "issue"}).status_code == 403
    token = csrf_token_from(strict_client, reverse("reports:calendar"))
    assert strict_client.post(url, {"action": "issue", "csrfmiddlewaretoken": token}).status_code == 302


def test_switching_language_needs_a_csrf_token(strict_client):
    assert strict_client.post(reverse("set_language"), {"language": "ar"}).status_code == 403


def test_a_session_write_to_the_api_needs_a_csrf_token(strict_client):
    response = strict_client.post(reverse("imports:list"), {})

    assert response.status_code == 403
    assert "CSRF" in response.content.decode()
