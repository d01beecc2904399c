from __future__ import annotations

import pytest

from cooperation.importing.matching import match_official, preselect
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
