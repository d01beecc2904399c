"""Russian people: the shapes met in real press releases, with invented people."""

from __future__ import annotations

import pytest

from cooperation.importing.extraction.people import extract_people
from cooperation.importing.extraction.people_ru import extract_russian

from .extracted import cases_by_shape


def mentions(text: str) -> dict[str, object]:
    found = extract_russian(text)
    for mention in found:
        assert text[mention.start : mention.end] == mention.name
    return {m.normal: m for m in found}


NAMES = {
    "particles kept whole": [
        ("Делегацию принял министр экономики ОАЭ Абдулла бин Хамад Аль Сувейди.", "Абдулла бин Хамад Аль Сувейди"),
        ("Переговоры провёл Халид ибн Фарис Аль Кахтани, министр торговли.", "Халид ибн Фарис Аль Кахтани"),
        ("Послание направил египетский лидер Абдель Карим ас-Салих.", "Абдель Карим ас-Салих"),
        ("Гостей встретил посол Нидерландов Питер ван дер Берг.", "Питер ван дер Берг"),
    ],
    "oblique case put in the nominative": [
        # Instrumental after "с" and a title after the name.
        ("Состоялась встреча с Омаром Халидом Аль Насери, министром связи ОАЭ.", "Омар Халид Аль Насери"),
        # Genitive: the case comes from the title head ("посла"), not from the tagger.
        ("Министр принял верительные грамоты у нового посла Египта Хамзы Рашада.", "Хамза Рашад"),
        ("Министр принял копии грамот у нового посла Египта в Москве Тарика Фаузи.", "Тарик Фаузи"),
        # Dative.
        ("Награду вручили Карлосу Мендесу, послу Бразилии в Минске.", "Карлос Мендес"),
        # A woman's Russian-shaped surname in the nominative stays feminine.
        ("Документ подписали министр финансов Республики Жанна Сарыбаева и посол.", "Жанна Сарыбаева"),
        ("Встреча прошла с заместителем министра Анной Ковалевой.", "Анна Ковалева"),
        ("Делегацию возглавлял заместитель министра Игорь Залевский.", "Игорь Залевский"),
        ("Соглашение подписано заместителем министра Игорем Залевским.", "Игорь Залевский"),
    ],
}


@pytest.mark.parametrize(("text", "expected"), cases_by_shape(NAMES))
def test_a_name_is_found_whole_and_in_the_nominative(text, expected):
    assert expected in mentions(text)


def test_a_title_after_the_name_is_used_when_there_is_none_before():
    found = mentions("Состоялась встреча с Омаром Халидом Аль Насери, министром связи ОАЭ, в Абу-Даби.")
    person = found["Омар Халид Аль Насери"]
    assert person.title == "министром связи ОАЭ"
    assert person.title_normal == "министр связи ОАЭ"
    assert person.country == "AE"


def test_a_title_after_a_dash_ends_at_the_clause():
    text = "В аэропорту гостей встречал Ихсан Кемаль — советник министра по вопросам образования, ранее посол."
    person = mentions(text)["Ихсан Кемаль"]
    assert person.title_normal == "советник министра по вопросам образования"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Делегацию возглавил первый заместитель министра юстиции Д. Карпенко.", "Карпенко Д."),
        ("Встреча прошла с министром юстиции Республики Армения В. Сарояном.", "Сароян В."),
        ("Делегация прибыла во главе с заместителем министра Жаксылыковой Г.Т.", "Жаксылыкова Г.Т."),
        ("Делегация прибыла во главе с заместителем министра Д.С. Карповым.", "Карпов Д.С."),
        ("Соглашение подписали заместитель министра Т.К. Абдрахманова и посол.", "Абдрахманова Т.К."),
        ("Встреча заместителя министра Ломакина Р.И. с делегацией прошла в Минске.", "Ломакин Р.И."),
    ],
)
def test_a_surname_with_initials_before_or_after_gets_a_nominative_surname(text, expected):
    found = mentions(text)
    assert expected in found
    assert not any(normal.startswith(("Армения", "Республик")) for normal in found)


def test_initials_become_the_full_name_when_the_article_gives_it():
    text = (
        "Группу возглавляет заместитель помощника госсекретаря США Эмма Ривз. "
        "Делегация во главе с Э.Ривз пробудет в Ташкенте три дня."
    )
    found = [p.value["normal"] for p in extract_people(text, language="ru")]
    assert found == ["Эмма Ривз"]


def test_a_title_does_not_reach_over_another_person():
    text = (
        "Консультации провели первый заместитель министра иностранных дел Армении Арам Петросян "
        "и первый заместитель министра иностранных дел Грузии Гиви Беридзе."
    )
    found = mentions(text)
    assert found["Гиви Беридзе"].title_normal == "первый заместитель министра иностранных дел Грузии"
    assert found["Гиви Беридзе"].country == "GE"
    assert found["Арам Петросян"].country == "AM"


def test_a_title_stops_at_a_verb_and_at_a_pronoun():
    text = (
        "Министр иностранных дел России Павел Соколов принял верительные грамоты у посла Кении Джозефа Отиено. "
        "Заседание, которое президент Алиев провёл в среду, было коротким."
    )
    found = mentions(text)
    assert found["Джозеф Отиено"].title_normal == "посол Кении"
    assert found["Алиев"].title == "президент"


def test_titles_of_one_person_joined_by_a_comma_are_kept_together():
    text = "Об этом сообщил статс-секретарь, заместитель министра иностранных дел РФ Пётр Смирнов."
    person = mentions(text)["Пётр Смирнов"]
    assert person.title_normal == "статс-секретарь, заместитель министра иностранных дел РФ"


def test_an_ambassador_serves_the_country_that_sends_him_not_the_one_he_is_posted_to():
    text = "Грамоты вручил Чрезвычайный и Полномочный Посол Японии в Республике Казахстан Танака Хироси."
    person = mentions(text)["Танака Хироси"]
    assert person.title_normal == "Чрезвычайный и Полномочный Посол Японии в Республике Казахстан"
    assert person.country == "JP"


def test_without_a_title_country_the_country_named_earlier_in_the_sentence_is_used():
    text = "Белорусская делегация во главе с заместителем министра связи И. Горбачевским посетила Дубай."
    assert mentions(text)["Горбачевский И."].country == "BY"


@pytest.mark.parametrize(
    "text",
    [
        "Стипендию имени Мухаммеда Аль Фараби получили двадцать студентов.",
        "Делегация посетила Школу государственного управления имени Халифы бин Зайда.",
        "Проект представил Фонд Ахмеда Кадырова.",
        "Премия Халифы бин Зайда вручается ежегодно.",
        "Студенты Назарбаев Университета посетили Абу-Даби.",
        "Участники осмотрели мечеть шейха Зайда.",
    ],
)
def test_places_and_institutions_named_after_people_are_not_people(text):
    assert mentions(text) == {}


def test_a_person_after_an_institution_in_a_title_is_still_a_person():
    person = mentions("Диплом вручил ректор университета Ержан Садыков.")["Ержан Садыков"]
    assert person.title_normal == "ректор университета"


def test_an_honorific_before_the_name_is_kept_apart():
    found = mentions("На церемонии выступил шейх Мансур бин Хамдан Аль Нахайян.")
    assert found["Мансур бин Хамдан Аль Нахайян"].honorific == "шейх"
