"""Who may read and write: partner tokens, staff sessions, nobody anonymous."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from rest_framework import generics, serializers
from rest_framework.test import APIClient, APIRequestFactory

from cooperation.api.models import PartnerToken, TokenScope
from cooperation.api.throttling import TokenRateThrottle
from cooperation.models import Topic
from tests import factories as f

from .conftest import make_token, problem

ENDPOINTS = [
    "/api/v1/delegations/",
    "/api/v1/events/",
    "/api/v1/agreements/",
    "/api/v1/programmes/",
    "/api/v1/officials/",
    "/api/v1/organisations/",
    "/api/v1/topics/",
    "/api/v1/sources/",
    "/api/v1/changes/",
    "/api/v1/imports/",
]


@pytest.mark.parametrize("url", ["/api/v1/schema/", "/api/v1/docs/", "/api/v1/redoc/"])
def test_the_documentation_is_public_and_says_how_to_authenticate(anonymous, db, url):
    response = anonymous.get(url)
    assert response.status_code == 200
    if url.endswith("schema/"):
        assert b"Authorization: Token <key>" in response.content


@pytest.mark.parametrize("url", ENDPOINTS)
def test_anonymous_requests_are_refused_everywhere(anonymous, db, url):
    response = anonymous.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Token realm="api"'


def test_the_refusal_is_a_problem_document(anonymous, db):
    response = anonymous.get("/api/v1/delegations/")
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == problem(
        "Unauthorized", 401, "Authentication credentials were not provided.", "not_authenticated"
    )


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [("get", "/api/v1/no-such-list/", 404), ("get", "/api/nothing", 404), ("get", "/api/v1/topics/nope/", 404)],
)
def test_unknown_addresses_and_methods_answer_in_the_same_format(api, db, method, url, status):
    response = getattr(api, method)(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == status and response.json()["title"]


def test_a_partner_token_reads(api, world):
    response = api.get("/api/v1/delegations/")
    assert response.status_code == 200
    assert [d["slug"] for d in response.json()["results"]] == ["belarus-to-uae-2025"]


def test_a_bearer_header_works_too(partner_token, world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {partner_token[1]}")
    assert client.get("/api/v1/officials/").status_code == 200


def test_an_unknown_key_is_refused(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token gvx_not-a-real-key")
    response = client.get("/api/v1/officials/")
    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid token."


def test_a_revoked_token_is_refused(api, partner_token):
    token, _key = partner_token
    token.revoked_at = timezone.now()
    token.save()
    response = api.get("/api/v1/officials/")
    assert response.status_code == 401
    assert response.json()["detail"] == "This token has been revoked."


def test_a_token_of_a_deactivated_account_is_refused(api, partner_user):
    partner_user.is_active = False
    partner_user.save()
    assert api.get("/api/v1/officials/").status_code == 401


def test_only_the_hash_of_the_key_is_stored(partner_token):
    token, key = partner_token
    stored = PartnerToken.objects.get(pk=token.pk)
    assert key not in (stored.key_hash, stored.prefix)
    assert key.startswith(stored.prefix)


def test_using_a_token_records_when_it_was_last_used(api, partner_token, db):
    assert api.get("/api/v1/topics/").status_code == 200
    assert PartnerToken.objects.get(pk=partner_token[0].pk).last_used_at is not None


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_partner_token_is_read_only(api, world, method):
    response = getattr(api, method)("/api/v1/delegations/belarus-to-uae-2025/", {}, format="json")
    assert response.status_code == 403
    assert response.json()["detail"] == "This token is read-only."


def test_partner_tokens_are_throttled_per_token(api, partner_user, db, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"partner": "3/minute", "staff": "100/minute"})
    # Counting is per clock minute: stand still inside one, so the requests cannot straddle two.
    with time_machine.travel(dt.datetime(2026, 1, 15, 10, 0, 5, tzinfo=dt.UTC), tick=False):
        for _ in range(3):
            assert api.get("/api/v1/topics/").status_code == 200
        response = api.get("/api/v1/topics/")
        assert response.status_code == 429
        assert response.json()["code"] == "throttled"
        assert int(response["Retry-After"]) == 55
        # Another token of the same partner has its own allowance.
        other = APIClient()
        other.credentials(HTTP_AUTHORIZATION=f"Token {make_token(partner_user, name='Warehouse')[1]}")
        assert other.get("/api/v1/topics/").status_code == 200


def test_staff_read_with_their_session(staff_client, world):
    assert staff_client.get("/api/v1/delegations/").status_code == 200


def test_a_session_without_staff_status_is_refused(client, partner_user, world):
    client.force_login(partner_user)
    response = client.get("/api/v1/delegations/")
    assert response.status_code == 403


# --- Writes follow the admin's model permissions (for views that accept them, e.g. imports) ---------------


class TopicWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


class TopicCreateView(generics.CreateAPIView):
    queryset = Topic.objects.all()
    serializer_class = TopicWriteSerializer


def _post_topic(user, token=None):
    request = APIRequestFactory().post("/topics/", {"slug": "ai", "name": "AI"}, format="json")
    if token is not None:
        request.META["HTTP_AUTHORIZATION"] = f"Token {token}"
    else:
        from rest_framework.test import force_authenticate

        force_authenticate(request, user=user)
    return TopicCreateView.as_view()(request)


def test_a_write_token_writes_when_its_user_has_the_model_permission(db):
    user = f.UserFactory(username="olga.writer", groups=["Protocol staff"])
    _token, key = make_token(user, scope=TokenScope.WRITE, name="Staff tool")
    assert _post_topic(user, key).status_code == 201
    assert Topic.objects.filter(slug="ai").exists()


def test_a_write_token_is_refused_without_the_model_permission(db):
    user = f.UserFactory(username="mariam.reader", groups=["Managers"])
    _token, key = make_token(user, scope=TokenScope.WRITE, name="Staff tool")
    assert _post_topic(user, key).status_code == 403
    assert not Topic.objects.filter(slug="ai").exists()


def test_a_read_token_cannot_write_even_for_a_user_with_permissions(db):
    user = f.UserFactory(username="olga.reader", groups=["Protocol staff"])
    _token, key = make_token(user, name="Read only")
    assert _post_topic(user, key).status_code == 403


def test_a_staff_session_writes_with_the_model_permission(protocol_staff, manager):
    assert _post_topic(manager).status_code == 403
    assert _post_topic(protocol_staff).status_code == 201


# --- What each reader sees ---------------------------------------------------------------------------------


@pytest.fixture
def notes(db):
    public = f.SourceDocumentFactory(slug="press-release", kind="press_release")
    internal = f.SourceDocumentFactory(
        slug="protocol-note", kind="internal_note", title="Seating plan, not for partners"
    )
    f.CitationFactory(source=internal, passage="The minister prefers the morning slot.")
    return public, internal


def test_an_internal_note_is_invisible_to_every_partner_token(notes, partner_user, db):
    staff_owner = f.UserFactory(username="olga.partner-admin", groups=["Protocol staff"])
    for owner in (partner_user, staff_owner):  # whoever owns a read token, it is a partner's
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {make_token(owner)[1]}")
        listed = client.get("/api/v1/sources/").json()["results"]
        assert [s["slug"] for s in listed] == ["press-release"]
        assert client.get("/api/v1/sources/protocol-note/").status_code == 404
        assert client.get("/api/v1/sources/?kind=internal_note").json()["results"] == []
        assert b"morning slot" not in client.get("/api/v1/sources/?format=csv").content


def test_staff_see_internal_notes_with_their_session(staff_client, notes):
    assert {s["slug"] for s in staff_client.get("/api/v1/sources/").json()["results"]} == {
        "press-release",
        "protocol-note",
    }


def test_a_staff_session_without_view_permission_reads_nothing(client, db, django_user_model):
    bare = django_user_model.objects.create_user("no.group", password="x" * 12, is_staff=True)
    client.force_login(bare)
    for url in ("/api/v1/delegations/", "/api/v1/sources/", "/api/v1/officials/"):
        assert client.get(url).status_code == 403


def test_imports_are_not_listed_to_a_read_token_even_of_a_staff_member(db):
    staff = f.UserFactory(username="olga.tokens", groups=["Protocol staff"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {make_token(staff)[1]}")
    assert client.get("/api/v1/imports/").status_code == 403
    client.credentials(HTTP_AUTHORIZATION=f"Token {make_token(staff, scope=TokenScope.WRITE)[1]}")
    assert client.get("/api/v1/imports/").status_code == 200


# Every address that serves records (each list and a detail address of each), the change feed and the imports.
DATA_ADDRESSES = [
    *ENDPOINTS,
    "/api/v1/commitments/",
    "/api/v1/attachments/",
    *(f"{url}some-slug/" for url in ENDPOINTS[:8]),
    "/api/v1/commitments/00000000-0000-0000-0000-000000000000/",
    "/api/v1/attachments/00000000-0000-0000-0000-000000000000/download/",
    "/api/v1/delegations.csv",
]


@pytest.mark.parametrize("url", DATA_ADDRESSES)
@pytest.mark.parametrize("key", ["gvx_not-a-real-key", ""])
def test_a_bad_or_missing_token_is_refused_wherever_records_are_served(db, url, key):
    client = APIClient()
    if key:
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Token realm="api"'


@pytest.mark.parametrize("url", ["/api/v1/schema/", "/api/v1/docs/", "/api/v1/redoc/"])
def test_the_documentation_is_the_same_public_page_whatever_token_comes_with_it(anonymous, db, url):
    # The docs hold no records and are public on purpose (SPECTACULAR_SETTINGS): a stale or mistyped key is not
    # read at all, so it neither locks a partner out of them nor changes what they describe.
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token gvx_not-a-real-key")
    response = client.get(url)
    assert response.status_code == 200
    if url.endswith("schema/"):
        assert response.content == anonymous.get(url).content
