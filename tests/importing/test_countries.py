from __future__ import annotations

import pytest

from cooperation.importing.extraction.countries import countries_in, extract_countries


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Belarusian group", "BY"),
        ("в составе белорусской делегации", "BY"),
        ("Посол в Республике Беларусь", "BY"),
        ("وزير خارجية بيلاروس", "BY"),
        ("with Emirati officials", "AE"),
        ("Посол Объединённых Арабских Эмиратов", "AE"),
        ("حكومة الإمارات", "AE"),
        ("وفد إماراتي", "AE"),
        ("Kazakhstani civil servants", "KZ"),
        ("казахстанские госслужащие", "KZ"),
        ("جمهورية كوريا الجنوبية", "KR"),
        ("the Kyrgyz Republic", "KG"),
        ("والأردن", "JO"),
    ],
)
def test_names_adjectives_and_inflections_give_the_country(text, code):
    assert countries_in(text) == [code]


def test_each_country_is_reported_once_with_every_mention_as_evidence():
    text = "Belarus and the UAE met. The Belarusian side thanked the Emirati hosts."
    found = {f.value["code"]: f for f in extract_countries(text)}
    assert set(found) == {"BY", "AE"}
    assert found["BY"].value["mentions"] == 2
    assert text[found["AE"].evidence.start : found["AE"].evidence.end] == "UAE"


def test_a_longer_name_wins_over_the_shorter_inside_it():
    assert countries_in("the United Arab Emirates and the Republic of Korea") == ["AE", "KR"]
