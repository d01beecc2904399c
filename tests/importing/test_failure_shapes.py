"""The failure shapes staff met on articles nobody here had read (issue: imports that staff can trust)."""

from __future__ import annotations

import datetime as dt

import pytest

from cooperation.importing.extraction import extract_all
from cooperation.importing.extraction.people import extract_people


def names(text: str, language: str) -> list[str]:
    return [p.value["normal"] for p in extract_people(text, language=language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serbian Minister of Public Administration Đorđe Marković met the delegation.", "Đorđe Marković"),
        ("The talks were opened by President Zuzana Čaputová in Bratislava.", "Zuzana Čaputová"),
        ("Minister Lee Min-ho welcomed the guests to Seoul.", "Lee Min-ho"),
        ("Secretary Ana Ruiz thanked the hosts for the programme.", "Ana Ruiz"),
        ("The Director of the National Data Agency Omar Haddad presented the platform.", "Omar Haddad"),
    ],
)
def test_english_names_survive_accents_and_the_title_before_them(text, expected):
    assert expected in names(text, "en")


def test_an_arabic_honorific_does_not_end_the_name_and_no_comma_trails_it():
    text = "واستقبل معالي عبدالله بن طوق المري، وزير الاقتصاد، وفدا من رواندا."
    found = names(text, "ar")
    assert "عبدالله بن طوق المري" in found
    assert not any(name.endswith("،") for name in found)


def test_a_russian_name_with_a_lower_case_particle_is_kept_whole():
    text = "Делегацию принял вице-президент ОАЭ Мухаммед бин Рашид Аль Мактум."
    assert any(name.startswith("Мухаммед бин Рашид") for name in names(text, "ru"))


def test_a_country_outside_the_old_short_list_gives_the_delegation_its_origin():
    text = "KIGALI, 4 March 2025 – A Rwandan delegation visited Serbia on 3 March 2025 to study e-government."
    delegations = [d["value"] for d in extract_all(text)["delegations"]]
    assert delegations and delegations[0]["origin_country"] == "RW"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ABU DHABI, 5th March, 2025 (WAM) -- The minister received the delegation today.", dt.date(2025, 3, 5)),
        ("Minsk, 14 October 2025. On Tuesday the two ministers met in Minsk.", dt.date(2025, 10, 14)),
    ],
)
def test_relative_days_resolve_against_the_articles_own_date(text, day):
    result = extract_all(text)
    assert result["document_date"] == "2025-03-05" if day.month == 3 else "2025-10-14"
    assert day.isoformat() in [d["value"]["start"] for d in result["dates"]]
