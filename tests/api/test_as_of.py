"""``as_of``: an agreement's status and an official's post on a given date."""

from __future__ import annotations

import datetime as dt

import pytest

from cooperation import models as m
from tests import factories as f


def status_on(api, day: str) -> str | None:
    body = api.get(f"/api/v1/agreements/by-ae-mou-2025/?as_of={day}").json()
    return body["status_as_of"]


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2025-10-15", None),  # before anything was recorded: unknown, not today's status
        ("2025-10-16", "signed"),  # both parties signed that day
        ("2025-11-30", "signed"),
        ("2025-12-01", "in_force"),  # entry into force, recorded to the month
        ("2026-06-01", "in_force"),
    ],
)
def test_an_agreements_status_on_a_date_follows_the_dated_party_actions(api, world, day, status):
    assert status_on(api, day) == status


def test_termination_and_expiry_end_an_agreement(api, world):
    mou = world["mou"]
    mou.expires_on = dt.date(2030, 12, 31)
    mou.save()
    assert status_on(api, "2031-01-01") == "expired"
    party = mou.parties.get(country="AE")
    f.AgreementActionFactory(party=party, kind=m.ActionKind.TERMINATION, date=dt.date(2027, 3, 1))
    assert status_on(api, "2027-02-28") == "in_force"
    assert status_on(api, "2027-03-01") == "terminated"


def test_without_actions_the_recorded_status_counts_from_its_date(api, world):
    f.AgreementFactory(
        slug="talks", status=m.AgreementStatus.UNDER_NEGOTIATION, status_date=dt.date(2025, 3, 1), title="Talks"
    )
    assert api.get("/api/v1/agreements/talks/?as_of=2025-02-01").json()["status_as_of"] is None
    assert api.get("/api/v1/agreements/talks/?as_of=2025-03-01").json()["status_as_of"] == "under_negotiation"


def test_status_with_as_of_filters_on_the_status_at_that_date(api, world):
    def listed(query):
        return [a["slug"] for a in api.get(f"/api/v1/agreements/?{query}").json()["results"]]

    assert listed("status=signed&as_of=2025-11-01") == ["by-ae-mou-2025"]
    assert listed("status=in_force&as_of=2025-11-01") == []
    assert listed("status=in_force") == ["by-ae-mou-2025"]


def test_status_as_of_is_absent_without_as_of(api, world):
    assert "status_as_of" not in api.get("/api/v1/agreements/by-ae-mou-2025/").json()


@pytest.mark.parametrize(
    ("day", "title"),
    [
        ("2019-12-31", None),
        ("2020-06-01", "Vice-rector"),  # held from "2020" (year precision)
        ("2024-02-29", "Vice-rector"),  # until "February 2024" (month precision): the whole month
        ("2024-03-01", "Rector"),
        ("2026-01-01", "Rector"),  # open end: still held
    ],
)
def test_an_officials_position_on_a_date(api, world, day, title):
    body = api.get(f"/api/v1/officials/yulia-shapkina/?as_of={day}").json()
    held = body["position_as_of"]
    assert (held["title"]["en"] if held else None) == title


def test_officials_of_an_organisation_on_a_date(api, world):
    def listed(query):
        return [o["slug"] for o in api.get(f"/api/v1/officials/?{query}").json()["results"]]

    assert listed("organisation=belarus-academy&as_of=2019-06-01") == []
    assert listed("organisation=belarus-academy&as_of=2022-06-01") == ["yulia-shapkina"]


def test_a_malformed_as_of_is_a_400(api, world):
    response = api.get("/api/v1/officials/?as_of=2025-13-01")
    assert response.status_code == 400
    assert response.json()["fields"] == {"as_of": ["Enter a valid date."]}
