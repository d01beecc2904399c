"""Delegation readings that recur in news writing, on invented texts: tours of several countries, credentials,
the visitor's title in the genitive, participles of receiving, honorific "Ambassador", planned and made visits."""

from __future__ import annotations

from cooperation.importing.extraction import extract_all


def sides(text: str) -> list[tuple[str, str]]:
    return [(d["value"]["origin_country"], d["value"]["host_country"]) for d in extract_all(text)["delegations"]]


def heads(text: str) -> dict[tuple[str, str], str]:
    return {
        (d["value"]["origin_country"], d["value"]["host_country"]): d["value"]["head"]
        for d in extract_all(text)["delegations"]
    }


def test_a_tour_of_several_listed_countries_is_a_visit_to_each():
    text = (
        "Министр иностранных дел Турции Омер Челик 3 июня 2024 года совершит поездку, в ходе которой побывает "
        "в Армении, Грузии и Азербайджане."
    )
    assert sorted(sides(text)) == [("TR", "AM"), ("TR", "AZ"), ("TR", "GE")]


def test_delegations_of_listed_countries_are_each_a_delegation():
    text = (
        "Министр обороны России Андрей Белов провел в Гаване переговоры с министром обороны Кубы Альваро Лопесом. "
        "В консультациях также участвовали делегации Венесуэлы и Боливии."
    )
    assert {("VE", "CU"), ("BO", "CU")} <= set(sides(text))


def test_credentials_presented_to_a_president_are_no_visit():
    text = (
        "Верительные грамоты нового Чрезвычайного и Полномочного Посла Индии Раджа Кумара принял Президент "
        "Казахстана Касым-Жомарт Токаев."
    )
    assert sides(text) == []


def test_the_country_in_the_visitors_title_is_not_where_he_went():
    text = (
        "Министр иностранных дел Венгрии Петер Сийярто отметил значение государственного визита Президента "
        "Монголии в Венгрию, состоявшегося в 2023 году."
    )
    assert sides(text) == [("MN", "HU")]


def test_a_minister_receiving_guests_in_turn_hosts_each_of_them():
    text = (
        "ASTANA, May 3 - Foreign Minister of Kazakhstan Murat Nurtleu held separate meetings in Astana on May 3, "
        "2024, receiving in turn the Minister of Foreign Affairs of Hungary Peter Szijjarto and the Minister of "
        "Foreign Affairs of Slovakia Juraj Blanar."
    )
    assert {("HU", "KZ"), ("SK", "KZ")} <= set(sides(text))


def test_a_counterpart_called_ambassador_is_a_visiting_minister_not_a_resident_envoy():
    text = (
        "NAIROBI, Kenya, 4 March 2024 – Kenya's Foreign Affairs Cabinet Secretary Musalia Mudavadi played host to "
        "his Ugandan counterpart, Ambassador Jeje Odongo, for talks on trade. Odongo is in the country for three "
        "days. Five Ugandan officials accompanied Odongo on the trip."
    )
    assert heads(text).get(("UG", "KE")) == "Jeje Odongo"


def test_a_delegation_of_a_city_hall_comes_from_that_citys_country():
    text = "В Минске идет подготовка к приему делегации мэрии Пекина. Во главе делегации — заместитель мэра Ли Вэй."
    assert sides(text) == [("CN", "BY")]


def test_a_planned_visit_one_way_and_a_visit_made_the_other_way_are_two_visits():
    text = (
        "Лавров: председатель Совета Федерации России Валентина Матвиенко посетит Узбекистан во второй половине года. "
        "Узбекская делегация, которую возглавил министр иностранных дел Бахтиёр Саидов, приехала в Москву для "
        "участия в заседании."
    )
    assert {("RU", "UZ"), ("UZ", "RU")} <= set(sides(text))


def test_a_year_opening_the_sentence_dates_an_earlier_visit():
    text = (
        "МОСКВА, 30 марта 2023. Министр иностранных дел Перу Ана Сесилия Хервази с 28 по 31 марта находится в "
        "России с рабочим визитом. В 2021 году Хервази, входившая в состав перуанской делегации, встречалась с "
        "Лавровым на полях форума."
    )
    assert sides(text).count(("PE", "RU")) == 2
