from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from cooperation.dates import PartialDate, format_span
from cooperation.names import normalize, script_of, search_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shapkina", "Шапкина"),
        ("Kirill Zalessky", "Кирилл Залесский"),
        ("Sergey Rudnev", "Сергей Руднев"),
        ("Sergei", "Sergey"),
        ("Zhaslan Madiev", "Жаслан Мадиев"),
        ("YULIA SHAPKINA", "Юлия Шапкина"),
    ],
)
def test_latin_and_cyrillic_spellings_of_one_name_share_a_search_key(a, b):
    assert search_key(a) == search_key(b)


def test_different_names_keep_different_keys():
    assert search_key("Shapkina") != search_key("Kushina")


def test_arabic_forms_are_folded_for_comparison():
    assert normalize("إبراهيم") == normalize("ابراهيم")
    assert normalize("عُهُود") == normalize("عهود")
    assert normalize("الرومى") == normalize("الرومي")


def test_scripts_are_detected():
    assert script_of("Шапкиной Ю.А.") == "Cyrl"
    assert script_of("عهود الرومي") == "Arab"
    assert script_of("Koh Jin") == "Latn"
    assert script_of("고진") == "Hang"


def test_a_month_precision_date_is_shown_without_an_invented_day():
    october = PartialDate(dt.date(2025, 10, 1), "month")
    with translation.override("en"):
        assert str(october) == "October 2025"
    with translation.override("ru"):
        assert "2025" in str(october) and "1" not in str(october).replace("2025", "")
    assert october.isoformat() == "2025-10"
    assert october.last_day == dt.date(2025, 10, 31)
    assert PartialDate(dt.date(2024, 1, 1), "year").isoformat() == "2024"


def test_a_span_is_shown_from_start_to_end():
    start, end = PartialDate(dt.date(2025, 10, 14)), PartialDate(dt.date(2025, 10, 17))
    with translation.override("en"):
        assert format_span(start, end) == "Oct. 14, 2025 – Oct. 17, 2025"
        assert format_span(start, None) == "Oct. 14, 2025"
