from __future__ import annotations

import datetime as dt

import pytest

from cooperation.importing.matching import match_agreement, match_delegation, match_event, match_official, preselect
from cooperation.models import NameKind
from tests import factories as f


@pytest.fixture
def shapkina(db):
    official = f.OfficialFactory(name="Yulia Shapkina", slug="yulia-shapkina", country="BY")
    f.OfficialNameFactory(official=official, name="Юлия Шапкина", language="ru", kind=NameKind.NATIVE)
    # Someone with a similar surname, so the score has to discriminate.
    f.OfficialFactory(name="Pavel Shapkin", slug="pavel-shapkin", country="RU")
    return official


@pytest.mark.parametrize(
    "value",
    [
        {"normal": "Yulia Shapkina", "forms": ["Yulia Shapkina"], "country": "BY"},
        {"normal": "Шапкина Ю.А.", "forms": ["Шапкиной Ю.А."], "country": ""},
        {"normal": "Юлия Шапкина", "forms": ["Юлии Шапкиной"], "country": "BY"},
        {"normal": "Yuliya Shapkina", "forms": [], "country": ""},
    ],
)
def test_every_spelling_of_one_official_is_matched_and_preselected(shapkina, value):
    matches = match_official(value)
    assert matches[0]["id"] == shapkina.pk
    assert preselect(matches) == shapkina.pk


def test_a_bare_surname_is_proposed_but_not_preselected(shapkina):
    matches = match_official({"normal": "Shapkina", "forms": [], "country": ""})
    assert matches[0]["id"] == shapkina.pk
    assert preselect(matches) is None


def test_a_different_given_name_is_not_near_certain(shapkina):
    matches = match_official({"normal": "Irina Shapkina", "forms": [], "country": "BY"})
    assert preselect(matches) is None


def test_an_unknown_person_matches_nothing(shapkina):
    assert match_official({"normal": "Bolormaa Tsendsuren", "forms": [], "country": "MN"}) == []


def test_a_match_says_why_it_was_offered(shapkina):
    match = match_official({"normal": "Шапкина Юлия", "forms": [], "country": "BY"})[0]
    assert match["id"] == shapkina.pk
    assert match["reason"] == "same name in another script (Шапкина Юлия ≈ Yulia Shapkina), same country"


def test_someone_who_shares_only_a_given_name_is_not_offered(db):
    belikov = f.OfficialFactory(name="Siarhei Belikov", slug="siarhei-belikov", country="BY")
    f.OfficialNameFactory(official=belikov, name="Сергей Беликов", language="ru", kind=NameKind.NATIVE)
    # "Сергей Лавров" reads 74% like "Сергей Беликов" letter by letter; another family name is another person.
    assert match_official({"normal": "Сергей Лавров", "forms": ["Лавров"], "country": ""}) == []
    assert [m["label"] for m in match_official({"normal": "Сергей Беликов", "forms": [], "country": ""})] == [
        "Siarhei Belikov"
    ]


def test_a_match_from_another_country_is_not_offered(shapkina):
    matches = match_official({"normal": "Yulia Shapkina", "forms": [], "country": "KZ"})
    assert shapkina.pk not in [m["id"] for m in matches]


def test_a_delegation_of_another_year_is_not_offered(db):
    this_year = f.DelegationFactory(origin_country="MN", host_country="AE", start_date=dt.date(2025, 3, 4))
    f.DelegationFactory(origin_country="MN", host_country="AE", start_date=dt.date(2023, 3, 4))
    f.DelegationFactory(origin_country="MN", host_country="BY", start_date=dt.date(2025, 3, 4))
    matches = match_delegation({"origin_country": "MN", "host_country": "AE", "start": "2025-03-05", "end": None})
    assert [(m["id"], m["reason"]) for m in matches] == [(this_year.pk, "same countries (MN → AE), dates overlap")]


def test_an_agreement_between_other_parties_is_not_offered(db):
    title = "Memorandum of understanding on government modernisation"
    ours = f.AgreementFactory(title=title, kind="mou")
    f.AgreementPartyFactory(agreement=ours, country="MN")
    f.AgreementPartyFactory(agreement=ours, country="AE")
    theirs = f.AgreementFactory(title=title, kind="mou")
    f.AgreementPartyFactory(agreement=theirs, country="JO")
    f.AgreementPartyFactory(agreement=theirs, country="AE")
    matches = match_agreement({"title": title, "kind": "mou", "parties": ["MN", "AE"]})
    assert [m["id"] for m in matches] == [ours.pk]
    assert matches[0]["reason"] == "similar title (100%), same parties (AE, MN)"


def test_an_event_of_another_year_is_not_offered(db):
    f.EventFactory(kind="meeting", title="Meeting on digital services", start_date=dt.date(2024, 5, 1))
    assert match_event({"kind": "meeting", "title": "Meeting on digital services", "start": "2025-05-01"}) == []
