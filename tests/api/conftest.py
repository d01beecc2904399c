"""Partner tokens, clients and a small world of records for the API tests."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from cooperation import models as m
from cooperation.api.models import PartnerToken, TokenScope
from cooperation.dates import DatePrecision
from tests import factories as f


def make_token(user, *, scope: str = TokenScope.READ, name: str = "Partner CRM") -> tuple[PartnerToken, str]:
    token = PartnerToken(name=name, user=user, scope=scope)
    key = PartnerToken.new_key()
    token.set_key(key)
    token.save()
    return token, key


@pytest.fixture
def partner_user(db, django_user_model):
    # Partner systems get an ordinary, non-staff account: the token, not the account, grants reading.
    return django_user_model.objects.create_user("mfa.crm", password=None, is_staff=False)


@pytest.fixture
def partner_token(partner_user):
    return make_token(partner_user)


@pytest.fixture
def api(partner_token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {partner_token[1]}")
    return client


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def world(db):
    """One Belarusian visit to the UAE with names in three scripts, its meeting, an MoU and a programme."""
    digital = f.TopicFactory(slug="digital-government", name="Digital government", name_ru="Цифровое правительство")
    academy = f.OrganisationFactory(
        slug="belarus-academy",
        name="Academy of Public Administration",
        country="BY",
        kind=m.OrganisationKind.ACADEMY,
        names=["Академия управления"],
    )
    office = f.OrganisationFactory(
        slug="gee-office", name="Government Experience Exchange Office", country="AE", names=["مكتب تبادل الخبرات"]
    )
    shapkina = f.OfficialFactory(slug="yulia-shapkina", name="Yulia Shapkina", country="BY")
    f.OfficialNameFactory(official=shapkina, name="Шапкина Юлия", language="ru", kind=m.NameKind.NATIVE)
    f.OfficialNameFactory(
        official=shapkina,
        name="Шапкиной Ю.А.",
        language="ru",
        kind=m.NameKind.AS_WRITTEN,
        grammatical_case=m.GrammaticalCase.GENITIVE,
    )
    rector = f.PositionFactory(
        official=shapkina,
        title="Rector",
        title_ru="Ректор",
        organisation=academy,
        start_date=dt.date(2024, 3, 1),
        start_precision=DatePrecision.MONTH,
        end_date=None,
    )
    f.PositionFactory(
        official=shapkina,
        title="Vice-rector",
        organisation=academy,
        start_date=dt.date(2020, 1, 1),
        start_precision=DatePrecision.YEAR,
        end_date=dt.date(2024, 2, 1),
        end_precision=DatePrecision.MONTH,
    )
    alromi = f.OfficialFactory(slug="ohood-alroumi", name="Ohood Al Roumi", country="AE")
    f.OfficialNameFactory(official=alromi, name="عهود الرومي", language="ar", kind=m.NameKind.NATIVE)
    delegation = f.DelegationFactory(
        slug="belarus-to-uae-2025",
        title="Belarusian delegation to the UAE",
        title_ru="Белорусская делегация в ОАЭ",
        origin_country="BY",
        host_country="AE",
        start_date=dt.date(2025, 10, 14),
        end_date=dt.date(2025, 10, 17),
        sending_organisation=academy,
        host_organisation=office,
        topics=[digital],
    )
    f.DelegationMemberFactory(delegation=delegation, official=shapkina, role=m.MemberRole.HEAD, position=rector)
    meeting = f.EventFactory(
        slug="meeting-gee-office-2025",
        title="Meeting at the exchange office",
        title_ar="اجتماع في مكتب تبادل الخبرات",
        delegation=delegation,
        start_date=dt.date(2025, 10, 15),
        venue_organisation=office,
        topics=[digital],
    )
    f.EventParticipantFactory(event=meeting, official=alromi, role=m.ParticipantRole.HOST)
    f.EventParticipantFactory(
        event=meeting, official=shapkina, role=m.ParticipantRole.HEAD_OF_DELEGATION, position=rector
    )
    f.EventOrganiserFactory(event=meeting, organisation=office)
    mou = f.AgreementFactory(
        slug="by-ae-mou-2025",
        title="MoU on government modernisation",
        status=m.AgreementStatus.IN_FORCE,
        status_date=dt.date(2025, 12, 1),
        signed_at=meeting,
        topics=[digital],
    )
    by = f.AgreementPartyFactory(agreement=mou, country="BY", order=0)
    ae = f.AgreementPartyFactory(agreement=mou, country="AE", order=1)
    f.AgreementActionFactory(party=by, kind=m.ActionKind.SIGNATURE, date=dt.date(2025, 10, 16))
    f.AgreementActionFactory(party=ae, kind=m.ActionKind.SIGNATURE, date=dt.date(2025, 10, 16))
    f.AgreementActionFactory(
        party=by, kind=m.ActionKind.ENTRY_INTO_FORCE, date=dt.date(2025, 12, 1), date_precision=DatePrecision.MONTH
    )
    f.AgreementSignatoryFactory(agreement=mou, official=shapkina, party=by, position=rector)
    return {
        "topic": digital,
        "academy": academy,
        "office": office,
        "shapkina": shapkina,
        "alromi": alromi,
        "rector": rector,
        "delegation": delegation,
        "meeting": meeting,
        "mou": mou,
    }


@pytest.fixture(autouse=True)
def _fresh_throttle_cache():
    # Throttle counters live in the cache; each test starts with none.
    from django.core.cache import cache

    cache.clear()


def problem(title: str, status: int, detail: str, code: str, **more) -> dict:
    """The body of every error the API answers (a problem document, RFC 9457, with DRF's error code)."""
    return {"type": "about:blank", "title": title, "status": status, "detail": detail, "code": code, **more}


def iso(moment) -> str:
    """How the API writes a date-time (orjson, RFC 3339 with the UTC offset)."""
    return moment.isoformat()


def follow_to_sync(client: APIClient, url: str) -> tuple[list[dict], str]:
    """Walk a list (or a sync) as a partner script does, by ``next`` alone, to its last page: every item, and the
    sync link that only the last page carries (in the body and the ``Link`` header)."""
    items, pages = [], 0
    while True:
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        body = response.json()
        items += body["results"]
        pages += 1
        assert pages < 100
        if body["next"] is None:
            assert body["sync"], "the last page carries the sync link"
            assert f'<{body["sync"]}>; rel="sync"' in response["Link"]
            return items, body["sync"]
        assert body["sync"] is None, "only the last page carries the sync link"
        url = body["next"]
