"""Shapes found on the tenth batch of unseen articles (measured before tuning, docs/importing.md), each written here in
invented words: Northern Ireland is the United Kingdom, a name that starts like a city is not the city, a delegation
of an embassy's staff made no visit, the city where an embassy would open is not where anyone went, the host's own
leader heads no visit, and capital initials before a South Asian name are part of it."""

from __future__ import annotations

import pytest

from cooperation.importing.extraction.cities import find_cities
from cooperation.importing.extraction.countries import find_countries

from .extracted import values
from .test_visits_general import heads, sides

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "the United Kingdom of Great Britain and Northern Ireland",
        "Соединённого Королевства Великобритании и Северной Ирландии",
        "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
    ],
)
def test_northern_ireland_is_the_united_kingdom(text):
    assert {code for code, _start, _end in find_countries(text)} == {"GB"}


def test_a_russian_name_that_starts_like_a_city_is_not_the_city():
    found = find_cities("Бернард Шульц подписал меморандум. Переговоры прошли в Берне.")
    assert [(code, city) for code, city, _s, _e in found] == [("CH", "Берне")]


def test_a_delegation_led_by_an_embassys_deputy_head_of_mission_made_no_visit():
    text = (
        "Проректор Дипломатической академии МИД России Иван Петров провел встречу с представителями Посольства "
        "Турецкой Республики в России. Турецкую делегацию возглавляла заместитель главы миссии Айше Кайя."
    )
    assert sides(text) == []


def test_the_city_where_an_embassy_would_open_is_not_where_the_visit_went():
    text = (
        "Muscat, 8 August 2024 – The foreign ministries of Oman and Nepal held consultations in Muscat on "
        "Wednesday, led by Foreign Secretary of Nepal Maya Thapa. She asked the Omani delegation to consider "
        "opening an Omani embassy in Kathmandu."
    )
    assert sides(text) == [("NP", "OM")]


def test_the_hosts_own_leader_heads_no_visit():
    text = (
        "Dhaka, 18 March 2021. Bangladesh and the Maldives signed four MoUs today. The talks were held at the "
        "Prime Minister's Office, where the Bangladeshi side was led by Bangladesh Prime Minister Rahima Akter and "
        "the Maldivian side by Maldivian President Ali Rasheed, who had arrived in Dhaka on Wednesday."
    )
    assert heads(text) == {("MV", "BD"): "Ali Rasheed"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bangladesh Foreign Minister Dr AK Rahim Uddin signed it.", "AK Rahim Uddin"),
        ("Director General DG Anil Kumar spoke.", "Anil Kumar"),
    ],
)
def test_capital_initials_before_a_south_asian_name_are_part_of_it(text, name):
    assert [p["name"] for p in values(text, "people")] == [name]


def test_a_sentence_that_opens_with_a_side_and_one_accompanying_the_visitor_give_their_people_a_country():
    text = (
        "GEORGETOWN, Guyana – The Amir of the State of Qatar, Sheikh Khalid bin Ali Al Thani, held talks at State "
        "House with President Anand Persaud on Tuesday during a state visit.\n\n"
        "On the Guyanese side, President Persaud was joined by Minister of Foreign Affairs Ravi Narine.\n\n"
        "Accompanying the Amir were the Minister of Commerce, HE Sheikh Jassim bin Saad Al Thani, and the Minister "
        "of State, HE Dr Fahad bin Nasser Al-Marri."
    )
    [visit] = values(text, "delegations")
    assert (visit["origin_country"], visit["host_country"], visit["city"]) == ("QA", "GY", "Georgetown")
    assert "Ravi Narine" in visit["host_officials"]
    assert {"Jassim bin Saad Al Thani", "Fahad bin Nasser Al-Marri"} <= set(visit["members"])


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("The ministers signed two agreements and a memorandum.", ["agreement", "agreement", "mou"]),
        ("The ministers signed three agreements and two memoranda.", ["agreement"] * 3 + ["mou"] * 2),
        ("The ministers signed an agreement and a memorandum.", ["agreement", "mou"]),
    ],
)
def test_a_counted_package_and_one_more_document_are_each_a_candidate(sentence, kinds):
    assert [a["kind"] for a in values(f"Moscow, 3 March 2025. {sentence}", "agreements")] == kinds


def test_a_headline_package_keeps_its_kinds_when_the_body_names_the_memorandum():
    text = (
        "Leaders hold talks in Georgetown; two agreements and an MoU signed\n\n"
        "GEORGETOWN, 12 September 2023. The two presidents witnessed the signing of two agreements and a "
        "Memorandum of Understanding (MoU) between Guyana and Qatar."
    )
    assert sorted(a["kind"] for a in values(text, "agreements")) == ["agreement", "agreement", "mou"]


def test_a_relative_day_with_its_date_in_brackets_is_that_date():
    text = (
        "مسقط – شهد ديوان عام وزارة الخارجية في سلطنة عمان أمس (الأحد 21 مارس 2021) جلسة مباحثات بين وزير "
        "الخارجية العماني خالد بن سالم ووزير الخارجية السوري سامي الأحمد، الذي يزور السلطنة."
    )
    [visit] = values(text, "delegations")
    assert (visit["origin_country"], visit["host_country"], visit["start"]) == ("SY", "OM", "2021-03-21")


def test_leaders_named_together_before_witnessed_are_not_signatories():
    text = (
        "Georgetown, 12 September 2023. President Anand Persaud and the Amir Sheikh Khalid bin Ali Al Thani "
        "witnessed the signing of an agreement between Guyana and Qatar."
    )
    [agreement] = values(text, "agreements")
    assert agreement["signatories"] == []


def test_a_brigadiers_rank_before_a_ministers_name_is_no_person():
    text = (
        "President Persaud was joined by Prime Minister Brigadier (Ret'd) Mark Phillips and Vice President Ravi Narine."
    )
    names = [p["name"] for p in values(text, "people")]
    assert "Mark Phillips" in names and "Brigadier" not in names


def test_a_year_a_document_runs_until_is_not_the_year_of_its_signing():
    text = (
        "India and Singapore extend their MoU to 2028\n\n"
        "New Delhi, July 6: India and Singapore on Thursday signed a protocol that extends, until 2028, their pact "
        "on public administration."
    )
    assert [e["start"] for e in values(text, "events") if e["kind"] == "signing"] == [None]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # «ب» after the verb of meeting starts the other party: the adjective before it is the subject's
        (
            "وفي اليوم ذاته، التقى الوزير السوري بالفريق أول سالم بن خالد الحارثي وزير المكتب السلطاني.",
            "سالم بن خالد الحارثي",
            "",
        ),
        # a ruler's title after his name is not the name's last word
        ("وجرت المقابلة بتكليف من السلطان هيثم بن طارق سلطان عُمان، وتبادل الجانبان الأحاديث.", "هيثم بن طارق", "OM"),
    ],
)
def test_arabic_countries_and_names_around_a_meeting(text, name, country):
    found = {p["normal"]: p["country"] for p in values(text, "people")}
    assert found[name] == country


def test_whoever_met_the_one_visitor_with_no_country_told_is_his_host():
    text = (
        "Председатель Сената Арман Сеитов провел встречу с председателем Совета Федерации России Анной Котовой, "
        "которая прибыла в Казахстан с официальным визитом."
    )
    [visit] = values(text, "delegations")
    assert (visit["origin_country"], visit["host_country"], visit["host_officials"]) == ("RU", "KZ", ["Арман Сеитов"])
    [meeting] = [e for e in values(text, "events") if e["kind"] == "meeting"]
    assert {(p["name"], p["role"]) for p in meeting["participants"]} >= {("Арман Сеитов", "host")}


def test_a_span_of_years_gives_no_year_to_a_date_without_one():
    text = (
        "Hanoi (VNA) – The Ugandan President was greeted at a welcome ceremony on the morning of November 24. The "
        "countries look ahead to the 50th anniversary of their diplomatic ties (1973 - 2023)."
    )
    assert [d["start"] for d in values(text, "dates") if d["day"] == 24] == [None]


def test_the_host_and_his_guest_are_the_two_just_named():
    text = (
        "Hanoi (VNA) – Ugandan President Daniel Okello was greeted by Vietnamese President Tran Van Minh at an "
        "official welcome ceremony. Once the ceremony was over, the host and his guest sat down for talks.\n\n"
        "During his stay, the Ugandan President is scheduled to meet Prime Minister Le Van Hai."
    )
    meetings = [{p["name"] for p in e["participants"]} for e in values(text, "events") if e["kind"] == "meeting"]
    assert {"Daniel Okello", "Tran Van Minh"} in meetings
    # the one he is to meet is not of his country: "meet", like "with", starts the other party
    assert {p["name"]: p["country"] for p in values(text, "people")}["Le Van Hai"] == ""
