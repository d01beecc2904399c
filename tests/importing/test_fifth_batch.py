"""Shapes found on the fifth batch of unseen articles (measured before tuning, docs/importing.md), each written
here in invented words: an agency's dateline is not where the story happens, a High Commissioner is a resident
envoy, "travelled to" and "played host to" tell a visit."""

from __future__ import annotations

import pytest

from cooperation.importing.extraction import extract_all

from .extracted import values
from .test_visits_general import heads, sides

pytestmark = pytest.mark.django_db


def test_the_city_an_agency_files_from_is_not_where_its_minister_went():
    text = (
        "LIMA, Peru, Mar 3 (ANP) - Peruvian foreign minister Rosa Quispe is holding a series of talks in Chile, "
        "where she arrived on Monday for the regional summit."
    )
    assert heads(text) == {("PE", "CL"): "Rosa Quispe"}


def test_a_place_named_before_where_the_visitor_arrived_is_the_host():
    text = "Kenyan trade minister Peter Mwangi is in Ghana, where he arrived yesterday for talks on cocoa."
    assert sides(text) == [("KE", "GH")]


def test_a_high_commissioner_calling_on_the_minister_is_no_visit():
    text = (
        "Ghana's Minister of Foreign Affairs Ama Boateng held talks on Monday. Later, the Australian High "
        "Commissioner to Ghana, Mark Ellis, came to the Ministry of Foreign Affairs with the British Deputy "
        "High Commissioner."
    )
    assert sides(text) == []


def test_travelled_to_is_a_visit():
    text = (
        "The Senegalese foreign minister, Aissatou Ndiaye, said she had travelled to Mali to deliver a message "
        "from her President."
    )
    assert sides(text) == [("SN", "ML")]


def test_played_host_to_receives_a_guest():
    text = (
        "Ghana's Minister of Foreign Affairs Ama Boateng played host to her Togolese counterpart, Robert Dussey, "
        "in Accra for talks on the border."
    )
    assert heads(text) == {("TG", "GH"): "Robert Dussey"}


def agreements(text: str) -> list[tuple[str, str]]:
    return [(item["kind"], item["status"]) for item in values(text, "agreements")]


def test_documents_introduced_by_a_general_word_after_a_dash_are_recorded():
    text = (
        "Президенты присутствовали при подписании документов. В числе договорённостей, скреплённых подписями, – "
        "Меморандум о взаимопонимании между Министерством культуры Армении и Министерством культуры Лаоса. "
        "Кроме того, был заключен МоВ между университетами двух стран о стажировках."
    )
    assert agreements(text) == [("mou", "signed"), ("mou", "signed")]


def test_an_understanding_reached_is_not_a_treaty():
    text = "Стороны подтвердили достигнутые договорённости и подписали соглашение о воздушном сообщении."
    assert agreements(text) == [("agreement", "signed")]


def test_a_memorandum_on_another_subject_than_the_headlines_is_another_one():
    text = (
        "Armenia and Laos sign a memorandum on tourism\n\n"
        "The ministers signed the memorandum on tourism on Monday. The two sides also signed a Memorandum of "
        "Understanding between the ministries of agriculture."
    )
    assert agreements(text) == [("mou", "signed"), ("mou", "signed")]


def arabic_names(text: str) -> list[str]:
    return [person["normal"] for person in values(text, "people")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a name an agency sets between slashes
        ("واستقبل الرئيس الفلبيني /رامون سانتوس/ الوزير في القصر.", ["رامون سانتوس"]),
        # the next item of a list, its conjunction on the given name
        ("وضم الوفد ماجد الحربي، مدير الإدارة، وآدم كاسترو، سفير كوبا لدى مصر.", ["ماجد الحربي", "آدم كاسترو"]),
        # a Western given name as Arabic papers spell it, after a long title
        ("إضافة إلى سفيرة كندا لدى الأردن ليندا براون.", ["ليندا براون"]),
        # a non-resident ambassador: «غير» inside the title
        ("والسفيرة غير المقيمة لجمهورية زامبيا كاثرين موانزا، إضافة إلى سفير قبرص.", ["كاثرين موانزا"]),
        # «في ضوء»، «في وقت لاحق»: what follows «في» is no person
        ("وبحث الجانبان العلاقات في ضوء قرار الرئيس الأخير، على أن يعقد الرئيس في وقت لاحق لقاء آخر.", []),
    ],
)
def test_arabic_names_in_shapes_of_the_fifth_batch(text, names):
    assert arabic_names(text) == names


def test_titles_between_listed_names_belong_to_the_name_before_them():
    text = (
        "The declaration was signed by Jaan Tamm, Minister for Foreign Affairs of Estonia, Rasa Kazlauskiene, "
        "Minister for Foreign Affairs of Lithuania, and Ilze Berzina, Minister for Foreign Affairs of Latvia."
    )
    people = {person["normal"]: person.get("country") for person in values(text, "people")}
    assert people == {"Jaan Tamm": "EE", "Rasa Kazlauskiene": "LT", "Ilze Berzina": "LV"}


def test_a_fresh_article_a_visit_told_with_a_pronoun_a_witness_and_a_headlines_loose_word():
    """Shapes of an article read as a user would, on `make run` (docs/importing.md): invented words here."""
    text = (
        "Brunei and Fiji sign agreement on training diplomats\n\n"
        "SUVA, 9 March 2011 - The Foreign Service Institute of Fiji and the Diplomatic Academy of Brunei signed a "
        "memorandum of understanding on the training of diplomats, the Fiji Times reported on Wednesday.\n\n"
        "Lim Jock Seng, Second Minister of Foreign Affairs of Brunei, witnessed the signing. He arrived in Fiji on "
        "Monday for a visit of three days.\n\n"
        "Ratu Inoke Kubuabola, Minister for Foreign Affairs of Fiji, told the newspaper that the two institutes "
        "had signed their first memorandum in 2005."
    )
    result = {
        section: [item["value"] for item in items]
        for section, items in extract_all(text).items()
        if isinstance(items, list)
    }
    [agreement] = result["agreements"]
    assert (agreement["kind"], agreement["signatories"], sorted(agreement["parties"])) == ("mou", [], ["BN", "FJ"])
    assert agreement["title"].startswith("memorandum of understanding on the training of diplomats")
    assert [(d["origin_country"], d["host_country"], d["head"]) for d in result["delegations"]] == [
        ("BN", "FJ", "Lim Jock Seng")
    ]


def test_a_cantonese_name_may_end_in_on():
    text = "Chui Sai On, Chief Executive of the Macao Special Administrative Region, opened the forum."
    assert [person["normal"] for person in values(text, "people")] == ["Chui Sai On"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Kenyan President William Ruto arrived in Accra on 4 June 2024 for a three-day state visit.", ("04", "06")),
        ("He arrived in Singapore on 10 January 2011 for an official visit of four days.", ("10", "13")),
        (
            "Президент Казахстана Касым-Жомарт Токаев 12 мая 2024 года прибыл в Минск с трёхдневным государственным "
            "визитом.",
            ("12", "14"),
        ),
        ("وصل وزير الخارجية الأردني أيمن الصفدي إلى الرباط يوم 3 مارس 2024 في زيارة تستغرق يومين.", ("03", "04")),
    ],
)
def test_a_visits_length_gives_its_last_day(text, days):
    text = "Rasmus Berg, the Danish minister, opened the talks.\n\n" + text if text.startswith("He ") else text
    [visit] = [item["value"] for item in extract_all(text)["delegations"]]
    assert (visit["start"][-2:], visit["end"][-2:]) == days
