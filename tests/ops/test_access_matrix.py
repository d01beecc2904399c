"""Who gets what: every API endpoint, report and admin list against five kinds of caller.

The routes are discovered from the URL resolver, so a new endpoint joins the matrix without anyone editing
this file; a route with a parameter the matrix cannot fill fails loudly instead of being skipped.

Policy:
- API: the schema and its documentation pages are public (200 for everyone). Anonymous callers and revoked
  tokens get 401 elsewhere; a partner token and staff sessions read records (200); imports are internal
  working material, readable only by staff with ``importing.view_importeddocument`` (else 403), never with a
  partner token. What a partner token reads leaves out internal notes (``test_partners_never_see_internal_notes``).
- Reports: staff pages. Without a session (a token header counts for nothing here) the login page (302);
  signed in, ``reports.view_reports`` decides (200, else 403); for an attachment's download,
  ``cooperation.view_attachment`` (partners download through the API).
- Admin lists: the login page without a session; signed in, the model's view or change permission decides.
"""

from __future__ import annotations

import inspect

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cooperation.api.models import PartnerToken, TokenScope
from tests import factories
from tests.ops.routes import Route, discover

ROUTES = discover()
PRINCIPALS = ["anonymous", "partner_token", "revoked_token", "manager", "protocol_staff"]
WRITES = ["post", "put", "patch", "delete"]
LOGIN_URL = "/admin/login/"
REPORTS_PERMISSION = "reports.view_reports"
IMPORTS_PERMISSION = "importing.view_importeddocument"
ATTACHMENTS_PERMISSION = "cooperation.view_attachment"
PUBLIC_DOCS = {"api:schema", "api:docs", "api:redoc"}

FACTORIES = {
    cls._meta.model: cls
    for cls in vars(factories).values()
    if inspect.isclass(cls) and getattr(getattr(cls, "_meta", None), "model", None) is not None
}


class Caller:
    def __init__(self, kind: str, client: Client, user=None, headers: dict | None = None):
        self.kind, self.client, self.user, self.headers = kind, client, user, headers or {}

    def request(self, method: str, url: str, **extra):
        return getattr(self.client, method)(url, **self.headers, **extra)

    @property
    def has_session(self) -> bool:
        return self.kind in {"manager", "protocol_staff"}

    def has_perm(self, permission: str) -> bool:
        return self.user is not None and self.user.has_perm(permission)


def token_for(user, *, revoked: bool) -> str:
    key = PartnerToken.new_key()
    token = PartnerToken(name="MFA partner CRM", user=user, scope=TokenScope.READ)
    token.set_key(key)
    token.revoked_at = timezone.now() if revoked else None
    token.save()
    return key


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # attachments made for the routes write their bytes


@pytest.fixture
def caller(request, db, django_user_model) -> Caller:
    kind = request.param
    if kind in {"partner_token", "revoked_token"}:
        partner = django_user_model.objects.create_user("partner.system", password=None)
        key = token_for(partner, revoked=kind == "revoked_token")
        return Caller(kind, Client(), partner, {"HTTP_AUTHORIZATION": f"Token {key}"})
    if kind in {"manager", "protocol_staff"}:
        user = request.getfixturevalue(kind)
        client = Client()
        client.force_login(user)
        return Caller(kind, client, user)
    return Caller(kind, Client())


def viewset_object(route: Route):
    """An object the detail route serves: an existing one, or one made by its factory; None if neither."""
    view = route.callback.cls()
    view.request, view.kwargs, view.format_kwarg = None, {}, None
    queryset = view.get_queryset()
    found = queryset.first()
    if found is None and queryset.model in FACTORIES:
        FACTORIES[queryset.model]()
        found = queryset.first()
    return view, found


def build_url(route: Route) -> tuple[str, bool]:
    """The URL to call and whether the object it names exists (if not, allowed callers get 404)."""
    kwargs: dict[str, str] = {}
    exists = True
    cls = getattr(route.callback, "cls", None)
    for name in route.kwargs:
        if (
            cls is not None
            and getattr(route.callback, "actions", None)
            and name == (cls.lookup_url_kwarg or cls.lookup_field)
        ):
            view, found = viewset_object(route)
            exists = found is not None
            kwargs[name] = str(getattr(found, view.lookup_field)) if found else "no-such-record"
        elif route.name == "imports:detail" and name == "pk":
            model = apps.get_model("importing", "ImportedDocument")
            found = model.objects.order_by("pk").first()
            exists = found is not None
            kwargs[name] = str(found.pk if found else 987654321)
        elif route.name == "reports:country" and name == "code":
            kwargs[name] = "AE"
        elif route.name == "reports:visit_programme" and name == "slug":
            kwargs[name] = factories.DelegationFactory().slug
        elif route.name == "reports:attachment_download" and name == "uid":
            kwargs[name] = str(factories.AttachmentFactory().uid)
        else:
            pytest.fail(f"the access matrix does not know how to fill {name!r} of {route.name}; teach build_url")
    return reverse(route.name, kwargs=kwargs), exists


def expected_status(route: Route, caller: Caller, exists: bool) -> int:
    ok = 200 if exists else 404
    if route.kind == "api":
        if route.name in PUBLIC_DOCS:
            return 200
        if caller.kind in {"anonymous", "revoked_token"}:
            return 401
        if route.name.startswith("imports:"):
            return ok if caller.has_session and caller.has_perm(IMPORTS_PERMISSION) else 403
        return ok
    if not caller.has_session:
        return 302
    if route.name == "reports:attachment_download":  # the office's files: whoever may view attachments
        return ok if caller.has_perm(ATTACHMENTS_PERMISSION) else 403
    if route.kind == "report":
        if not caller.has_perm(REPORTS_PERMISSION):
            return 403
        # Issuing a calendar link is a form post; its URL has nothing to show.
        return 405 if route.name == "reports:calendar_token" else ok
    opts = route.callback.model_admin.model._meta
    perms = (f"{opts.app_label}.view_{opts.model_name}", f"{opts.app_label}.change_{opts.model_name}")
    return 200 if any(caller.has_perm(perm) for perm in perms) else 403


MATRIX_ROUTES = [route for route in ROUTES if route.name != "reports:calendar_feed"]


@pytest.mark.parametrize("caller", PRINCIPALS, indirect=True)
@pytest.mark.parametrize("route", MATRIX_ROUTES, ids=str)
def test_access_matrix(route: Route, caller: Caller):
    url, exists = build_url(route)

    response = caller.request("get", url)

    expected = expected_status(route, caller, exists)
    assert response.status_code == expected, f"{caller.kind} GET {url}"
    if expected == 302:
        assert response["Location"].startswith(LOGIN_URL)
    if expected == 401:
        assert response.has_header("WWW-Authenticate")


def test_the_matrix_covers_the_api_the_reports_and_the_admin():
    kinds = {route.kind for route in ROUTES}
    assert {"api", "report", "admin"} <= kinds, kinds
    assert any(route.name == "admin:cooperation_delegation_changelist" for route in ROUTES)


API_ROUTES = [route for route in ROUTES if route.kind == "api"]


@pytest.mark.parametrize("method", WRITES)
@pytest.mark.parametrize("route", API_ROUTES, ids=str)
@pytest.mark.parametrize("caller", ["partner_token"], indirect=True)
def test_a_partner_token_cannot_write(route: Route, method: str, caller: Caller):
    url, _ = build_url(route)
    before = {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    response = caller.request(method, url, data={"title": "Forged", "slug": "forged"}, content_type="application/json")

    assert response.status_code in {403, 405}, f"{method.upper()} {url}: {response.status_code}"
    after = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    assert after == before


@pytest.mark.parametrize("caller", ["anonymous", "revoked_token"], indirect=True)
@pytest.mark.parametrize("route", API_ROUTES, ids=str)
def test_without_valid_credentials_no_write_gets_through(route: Route, caller: Caller):
    url, _ = build_url(route)

    response = caller.request("post", url, data={"title": "Forged"}, content_type="application/json")

    # The public documentation takes no writes from anyone: 405, without looking at credentials.
    assert response.status_code == (405 if route.name in PUBLIC_DOCS else 401)


@pytest.mark.parametrize("caller", PRINCIPALS, indirect=True)
def test_an_unknown_calendar_feed_token_finds_nothing(caller: Caller):
    if not any(route.name == "reports:calendar_feed" for route in ROUTES):
        pytest.skip("no calendar feed route")
    url = reverse("reports:calendar_feed", kwargs={"token": "not-a-real-token"})

    assert caller.request("get", url).status_code == 404


@pytest.mark.parametrize("caller", ["partner_token"], indirect=True)
def test_partners_never_see_internal_notes(caller: Caller):
    note = factories.SourceDocumentFactory(kind="internal_note", title="Internal: seating and preferences")
    factories.CitationFactory(source=note, passage="Prefers the morning slot.")
    public = factories.SourceDocumentFactory(kind="press_release")
    for url in ("/api/v1/sources/", "/api/v1/sources/?format=csv", f"/api/v1/sources/?q={note.title.split()[0]}"):
        response = caller.request("get", url)
        assert response.status_code == 200
        assert note.slug.encode() not in response.content and b"morning slot" not in response.content
    assert public.slug.encode() in caller.request("get", "/api/v1/sources/").content
    assert caller.request("get", f"/api/v1/sources/{note.slug}/").status_code == 404


def test_the_matrix_covers_commitments():
    names = {route.name for route in ROUTES}
    assert {
        "api:commitment-list",
        "api:commitment-detail",
        "reports:commitments",
        "admin:cooperation_commitment_changelist",
    } <= names


@pytest.mark.parametrize("caller", ["partner_token"], indirect=True)
def test_partners_never_see_which_staff_member_owns_a_commitment(caller: Caller, protocol_staff):
    commitment = factories.CommitmentFactory(owner_user=protocol_staff)
    for url in ("/api/v1/commitments/", "/api/v1/commitments/?format=csv", f"/api/v1/commitments/{commitment.uid}/"):
        response = caller.request("get", url)
        assert response.status_code == 200
        assert str(commitment.uid).encode() in response.content
        assert protocol_staff.username.encode() not in response.content
