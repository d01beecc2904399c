"""Shapes found in the nineteenth round and in the fresh articles read on `make run` (docs/importing.md), each
written here in invented words."""

from __future__ import annotations

import pytest

from .extracted import values

pytestmark = pytest.mark.django_db


def test_a_visit_the_story_recalls_does_not_hide_the_talks_it_reports():
    # The fresh Russian article's shape: the visit reported is told by talks in a city; the only visit word is
    # the host's memory of his own trip the other way. Both are visits, the reported one first.
    text = (
        "Министр иностранных дел Российской Федерации Сергей Лавров провёл в Москве переговоры с министром "
        "иностранных дел Туркменистана Рашидом Мередовым.\n\n"
        "Стороны обсудили двустороннее сотрудничество.\n\n"
        "Сергей Лавров напомнил, что в июне он посетил Ашхабад с официальным визитом."
    )
    delegations = values(text, "delegations")
    sides = [(d["origin_country"], d["host_country"]) for d in delegations]
    assert sides == [("TM", "RU"), ("RU", "TM")]
    assert delegations[0]["head"] == "Рашид Мередов"
    assert delegations[0]["city"] == "Москва"
    meeting = next(e for e in values(text, "events") if e["kind"] == "meeting")
    assert meeting["city"] == "Москва"


def test_without_the_memory_the_visit_word_still_wins():
    text = (
        "Министр иностранных дел Российской Федерации Сергей Лавров провёл в Москве переговоры с министром "
        "иностранных дел Туркменистана Рашидом Мередовым.\n\n"
        "В июне Сергей Лавров посетил Ашхабад с официальным визитом."
    )
    sides = [(d["origin_country"], d["host_country"]) for d in values(text, "delegations")]
    assert sides == [("RU", "TM")]  # unchanged: two visit readings of equal weight, one told with the word


@pytest.mark.parametrize(
    "honoured",
    [
        "the delegation laid a wreath at the statue of Tomas Verhaal, the country's first president",
        "the delegation walked along a boulevard that bears the name of President Tomas Verhaal",
        "the delegation visited the mausoleum of Tomas Verhaal",
    ],
)
def test_a_person_honoured_by_a_statue_or_a_street_is_nobody_of_the_visit(honoured):
    text = (
        "Deputy Prime Minister Anton Greyling of Lowvania began a three-day visit to Mozambique on July 29.\n\n"
        f"On the first day, {honoured}.\n\n"
        "Deputy Prime Minister Anton Greyling then met the Prime Minister of Mozambique, Carlos Benfica."
    )
    text = text.replace("Lowvania", "Vietnam")
    delegation = values(text, "delegations")[0]
    assert (delegation["origin_country"], delegation["host_country"]) == ("VN", "MZ")
    assert delegation["head"] == "Anton Greyling"
    assert "Tomas Verhaal" not in delegation["members"] + delegation["host_officials"]
    for event in values(text, "events"):
        assert "Tomas Verhaal" not in [p["name"] for p in event["participants"]]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Министр Иван Корнеев передал привет от имени Президента Беларуси Александра Лукашенко.", True),
        ("Министр Иван Корнеев возложил цветы к памятнику Президенту Александру Лукашенко.", False),
    ],
)
def test_on_behalf_of_is_no_honour(text, kept):
    # "от имени" is on behalf of, not "named after" ("имени"): the one named there still counts for relations.
    from cooperation.importing.extraction.context import build_context
    from cooperation.importing.extraction.people import extract_people

    people = extract_people(text, language="ru")
    assert "Александр Лукашенко" in [p.value["normal"] for p in people]
    context = build_context(text, language="ru", document_date=None, people=people, dates=[])
    assert ("Александр Лукашенко" in [p.name for p in context.people]) is kept


def test_another_persons_ambassador_before_a_minister_does_not_make_him_resident():
    # "Sharing the Ambassador's assessment, Deputy Prime Minister X": X's own title says he travels.
    text = (
        "Deputy Prime Minister Anton Greyling of Vietnam began a visit to Mozambique on July 29.\n\n"
        "He met the staff of the embassy, where Ambassador Lena Voss briefed him.\n\n"
        "Sharing the Ambassador's assessment, Deputy Prime Minister Anton Greyling said ties had grown."
    )
    delegation = values(text, "delegations")[0]
    assert (delegation["origin_country"], delegation["host_country"]) == ("VN", "MZ")
    assert delegation["head"] == "Anton Greyling"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Соглашение о торговле услугами могут подписать 8 июня в Сочи, сообщил генсек Содружества.", ""),
        ("Кроме того, стороны подчеркнули, что важно принять совместную «дорожную карту» сотрудничества.", "proposed"),
        ("The signing of a number of agreements between Belarus and Pakistan is also envisaged.", "proposed"),
    ],
)
def test_a_possible_or_wished_document_is_not_signed(text, status):
    statuses = {a["status"] for a in values(text, "agreements")}
    assert "signed" not in statuses
    if status:
        assert statuses == {status}


def test_a_possible_signing_is_no_signing_event_and_no_title_word():
    text = (
        "30 мая, Минск. Генеральный секретарь Содружества Сергей Лебедев выразил надежду на то, что соглашение "
        "о свободной торговле услугами удастся подписать 8 июня в Сочи."
    )
    assert not [e for e in values(text, "events") if e["kind"] == "signing"]
    text = "Соглашение о свободной торговле услугами могут подписать в Сочи."
    assert [a["title"] for a in values(text, "agreements")] == ["Соглашение о свободной торговле услугами"]


@pytest.mark.parametrize(
    "text",
    [
        # the fresh Arabic article's shape: the guest hands over a letter from his president, who stayed home
        "استقبل وزير الخارجية السعودي في مكتبه بالرياض اليوم وزير العلاقات الخارجية الأنغولي تيتي برانكو، "
        "الذي سلمه رسالة خطية من الرئيس الأنغولي جواو مورينو.",
        "Saudi Foreign Minister Faisal Amran received in Riyadh the Angolan Minister of External Relations Tito "
        "Branco, who conveyed a message from Angolan President Joao Moreno.",
    ],
)
def test_the_sender_of_a_letter_is_no_member_of_the_visit(text):
    delegation = values(text, "delegations")[0]
    assert (delegation["origin_country"], delegation["host_country"]) == ("AO", "SA")
    assert not {"جواو مورينو", "Joao Moreno"} & set(delegation["members"] + [delegation["head"]])


def test_a_ministrys_last_title_word_is_not_glued_to_the_name():
    text = (
        "Rabat - Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates Nadir Belkacem and the "
        "Minister of Foreign Affairs of the Maldives Ahmed Rasheed signed four agreements in Rabat on Friday."
    )
    assert "Nadir Belkacem" in [p["normal"] for p in values(text, "people")]


def test_was_received_with_by_further_on_is_passive():
    # A fresh English article's shape: "X, in Vietnam on an official visit, was received in Hanoi on January 23
    # by Y": X is the guest, Y receives.
    text = (
        "Hanoi – Lithuanian Minister of the Interior Ramunas Kairys, currently in Vietnam on an official visit, "
        "was received in Hanoi on January 23 by Deputy Prime Minister Tran Van Long."
    )
    delegation = values(text, "delegations")[0]
    assert (delegation["origin_country"], delegation["host_country"]) == ("LT", "VN")
    assert delegation["head"] == "Ramunas Kairys"
    assert delegation["host_officials"] == ["Tran Van Long"]


@pytest.mark.parametrize(
    "described",
    [
        "The first is an agreement exempting holders of diplomatic passports from visas; the second is an "
        "agreement on the readmission of citizens.",
        "One of them is an agreement exempting holders of diplomatic passports from visas, the other an agreement "
        "on the readmission of citizens.",
    ],
)
def test_documents_counted_then_described_one_by_one(described):
    text = f"In Hanoi, the ministers of Vietnam and Lithuania signed two documents. {described}"
    titles = sorted(a["title"] for a in values(text, "agreements"))
    assert titles == [
        "agreement exempting holders of diplomatic passports from visas",
        "agreement on the readmission of citizens",
    ]
    assert {a["status"] for a in values(text, "agreements")} == {"signed"}


def test_the_visit_being_prepared_is_not_the_one_made():
    # A fresh Russian article's shape: the foreign minister came to Moscow to prepare his president's visit; the
    # headline names the president's visit. The visit made is the minister's; the president's is not proposed.
    text = (
        "Главы МИД Узбекистана и России подготовили почву для визита Мирзаева в Москву\n\n"
        "8 ноября в Москве прошли переговоры министра иностранных дел Российской Федерации Сергея Лаврова и министра "
        "иностранных дел Республики Узбекистан Абдулазиза Каримова. Узбекский министр прибыл в российскую столицу с "
        "рабочим визитом.\n\n"
        "Главной темой встречи стала подготовка к предстоящему визиту президента Республики Узбекистан Шавката "
        "Мирзаева в Российскую Федерацию."
    )
    delegations = values(text, "delegations")
    assert [(d["origin_country"], d["host_country"], d["head"]) for d in delegations] == [
        ("UZ", "RU", "Абдулазиз Каримов")
    ]
    assert delegations[0]["host_officials"] == ["Сергей Лавров"]
    assert not [m for m in delegations[0]["members"] if "Мирза" in m]


def test_a_title_for_a_name_takes_the_person_just_named():
    text = (
        "The Minister of Foreign Affairs of Zambia Joseph Malanji held talks in Nairobi with the Cabinet Secretary "
        "for Foreign Affairs of Kenya Monica Juma. The Zambian minister arrived in Kenya on Monday for a two-day visit."
    )
    delegation = values(text, "delegations")[0]
    assert (delegation["origin_country"], delegation["host_country"]) == ("ZM", "KE")
    assert delegation["head"] == "Joseph Malanji"


def test_a_counterpart_told_by_his_country_alone_is_welcomed_to_a_city():
    text = (
        "Russian Foreign Minister Sergei Lavrov held talks in Moscow.\n\n"
        "Opening the meeting, Minister Lavrov welcomed his Kazakhstani counterpart to Moscow and spoke of the "
        "intensive contacts between the two countries."
    )
    delegation = values(text, "delegations")[0]
    assert (delegation["origin_country"], delegation["host_country"]) == ("KZ", "RU")
    assert delegation["head"] != "Sergei Lavrov"  # he welcomed the guest: he hosts, whatever else is unknown


def test_a_document_recalled_as_signed_is_no_signing_of_the_story():
    text = (
        "ASTANA – Foreign Minister Arman Dauletov held talks with his Azerbaijani counterpart Rauf Guliyev in "
        "Astana on Monday. Minister Dauletov recalled that the two countries had signed an agreement on air "
        "services in 2019."
    )
    assert not [e for e in values(text, "events") if e["kind"] == "signing"]
    assert [e["kind"] for e in values(text, "events")] == ["meeting"]
