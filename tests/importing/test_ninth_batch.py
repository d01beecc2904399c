"""Shapes found on the ninth batch of unseen articles and on fresh articles read on ``make run`` (measured before
tuning, docs/importing.md), each written here in invented words: a counterpart's nationality says the other
minister is from the story's other country, a clause naming two countries says nothing of whose a minister is, an
ambassador *to* a country is not its own, a national agency's dateline says whose an untold minister is, the one
whose greetings a visitor brings stayed home, an embassy's staff make no visit, and a course told by its length is
one training with its whole span of days."""

from __future__ import annotations

import pytest

from .extracted import values
from .test_visits_general import heads, sides

pytestmark = pytest.mark.django_db


def countries(text: str) -> dict[str, str]:
    return {p["normal"]: p["country"] for p in values(text, "people")}


def test_a_minister_beside_his_foreign_counterpart_is_from_the_storys_other_country():
    text = (
        "Chile and Norway sign a memorandum in Oslo\n\n"
        "Foreign Minister Ana Rojas and her Norwegian counterpart Lars Berg signed a memorandum on polar research "
        "in Oslo on Monday."
    )
    assert countries(text) == {"Ana Rojas": "CL", "Lars Berg": "NO"}
    assert sides(text) == [("CL", "NO")]


def test_an_arabic_minister_beside_his_counterpart_is_from_the_other_country_and_visits_it():
    text = (
        "تشيلي والنرويج توقعان في أوسلو مذكرة تفاهم\n\n"
        "شهدت العاصمة النرويجية أوسلو اليوم توقيع وزيرة الخارجية آنا روخاس ونظيرها النرويجي لارس بيرغ على "
        "مذكرة تفاهم.\n\n"
        "وعقدت جلسة مشاورات بين وفدي تشيلي والنرويج ترأستها الوزيرة روخاس."
    )
    found = {p["normal"]: (p["title"], p["country"]) for p in values(text, "people")}
    assert found["لارس بيرغ"] == ("نظيرها النرويجي", "NO")
    assert found["آنا روخاس"][1] == "CL"
    assert sides(text) == [("CL", "NO")]


def test_a_clause_that_names_two_countries_says_nothing_of_whose_the_minister_is():
    text = "وعقدت جلسة مشاورات بين وفدي تشيلي والنرويج ترأسها الوزير خوان بيريز."
    assert countries(text) == {"خوان بيريز": ""}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وكان في استقباله في المطار سفير خادم الحرمين الشريفين لدى إسبانيا الأمير فهد بن سالم.", "فهد بن سالم"),
        ("He was welcomed at the airport by the Ambassador to Spain Omar Haddad of the Kingdom.", "Omar Haddad"),
    ],
)
def test_an_ambassador_to_a_country_does_not_serve_it(text, name):
    assert countries(text)[name] != "ES"


def test_the_custodian_of_the_two_holy_mosques_names_saudi_arabia():
    text = "وكان في استقباله سفير خادم الحرمين الشريفين لدى إسبانيا الأمير فهد بن سالم."
    assert countries(text)["فهد بن سالم"] == "SA"


@pytest.mark.parametrize(
    ("dateline", "country"),
    [("القاهرة - (أ ش أ):", "EG"), ("ABU DHABI, 4th March, 2025 (WAM) --", "AE"), ("МИНСК, 3 марта. /БелТА/.", "BY")],
)
def test_a_national_agencys_dateline_says_whose_an_untold_minister_is(dateline, country):
    sentence = {
        "ar": "وقّع جمال حسن، وزير الخارجية، اليوم مع وزير خارجية البرازيل باولو سيلفا اتفاقاً للتعاون.",
        "en": "The Minister of Foreign Affairs Jamal Hassan signed an accord with Brazil's Foreign Minister Paulo "
        "Silva today.",
        "ru": "Министр иностранных дел Иван Петров подписал соглашение с министром иностранных дел Бразилии "
        "Паулу Силвой.",
    }
    language = "ar" if "أ ش أ" in dateline else "ru" if "БелТА" in dateline else "en"
    found = countries(f"{dateline} {sentence[language]}")
    assert country in found.values()
    assert "BR" in found.values()


def test_no_agency_no_guess():
    text = "The Minister of Foreign Affairs Jamal Hassan signed an accord with Brazil's Foreign Minister Paulo Silva."
    assert countries(text)["Jamal Hassan"] == ""


def test_whoever_heads_a_visit_serves_the_country_it_comes_from():
    text = (
        "Moscow, 3 March 2025. Russian Foreign Minister Ivan Sokolov received Foreign Minister Jean Habimana, who "
        "arrived from Rwanda on an official visit."
    )
    assert heads(text) == {("RW", "RU"): "Jean Habimana"}
    assert countries(text)["Jean Habimana"] == "RW"


def test_the_king_whose_greetings_a_visitor_brings_is_not_the_head_of_the_visit():
    text = (
        "السعودية وغانا توقعان اتفاقية عامة للتعاون\n\n"
        "أكرا 21 أكتوبر 2025 - نقل نائب وزير الخارجية فهد بن سالم خلال زيارته إلى غانا تحيات خادم الحرمين "
        "الشريفين الملك عبدالله بن فيصل إلى رئيس جمهورية غانا كوفي مينسا."
    )
    assert heads(text) == {("SA", "GH"): "فهد بن سالم"}


def test_the_staff_of_an_embassy_in_the_capital_make_no_visit():
    text = (
        "الرباط - التقى سفير خادم الحرمين الشريفين لدى المملكة المغربية فهد بن سالم اليوم سفير جمهورية "
        "الصين الشعبية لي وي، بحضور رئيس قسم الشؤون الاقتصادية بالسفارة ماجد العتيبي."
    )
    assert sides(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "New Delhi, 26 October 2024. The two-week course ran from 14 to 25 October 2024 in Mussoorie for 35 "
        "officials from the Maldives. The programme concluded on 25 October 2024.",
        "Дели, 26 октября 2024. Двухнедельный курс прошел с 14 по 25 октября 2024 года в Массури для 35 "
        "чиновников Мальдив.",
    ],
)
def test_a_course_told_by_its_length_is_one_training_over_its_whole_span(text):
    trainings = [(e["start"], e["end"]) for e in values(text, "events") if e["kind"] == "training"]
    assert trainings == [("2024-10-14", "2024-10-25")]


@pytest.mark.parametrize(
    ("sentence", "name", "title", "country"),
    [
        (
            "He met Ana Lima, Timor-Leste's Minister for Foreign Affairs, on Monday.",
            "Ana Lima",
            "Timor-Leste's Minister for Foreign Affairs",
            "TL",
        ),
        (
            "He met Prime Minister Nuno Costa of Guinea-Bissau and invited him.",
            "Nuno Costa",
            "Prime Minister of Guinea-Bissau",
            "GW",
        ),
    ],
)
def test_a_country_with_a_hyphen_or_after_the_name_is_the_officials(sentence, name, title, country):
    found = {p["normal"]: (p["title"], p["country"]) for p in values(sentence, "people")}
    assert found[name] == (title, country)


def test_a_plural_signed_with_its_list_is_one_agreement_per_item():
    text = (
        "Ankara, 10 September 2020. Turkish Foreign Minister Ali Demir visited Guinea-Bissau. Several agreements "
        "were signed during the visit: on information technologies and archives, on air services, and on "
        "schools. A trade agreement would be finalised later."
    )
    agreements = [(a["title"], a["status"]) for a in values(text, "agreements")]
    assert agreements[:3] == [
        ("agreement on information technologies and archives", "signed"),
        ("agreement on air services", "signed"),
        ("agreement on schools", "signed"),
    ]
    assert [status for _title, status in agreements[3:]] == ["under_negotiation"]


def test_the_agencys_country_is_not_given_to_the_next_of_a_list_of_another_countrys_officials():
    text = (
        "مدريد 12 مارس 2014 (واس) - وصل رئيس مجلس الشورى فهد بن سالم اليوم إلى مدريد في زيارة رسمية. ومن المقرر أن "
        "يلتقي بالعاهل الإسباني الملك فيليبي، ورئيس مجلس النواب خوان غارسيا."
    )
    found = countries(text)
    assert found["فهد بن سالم"] == "SA"
    assert found["خوان غارسيا"] != "SA"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a given name no list knows, followed by بن and a known one
        (
            "وكان في استقباله إلى جانب السفير المعين لدى مسقط ضاري بن محمد العتيبي، وعدد من المسؤولين.",
            "ضاري بن محمد العتيبي",
        ),
        # a foreign given name as Arabic news writes it, as the subject of a verb of speaking
        ("كما تحدث فيديريكو بيانكي عن العلاقات السياسية بين البلدين.", "فيديريكو بيانكي"),
    ],
)
def test_arabic_names_without_a_title(text, name):
    assert name in countries(text)


def test_a_conjunction_and_preposition_on_a_definite_noun_end_an_arabic_name():
    text = "وأُطلقت خلال مراسم الاستقبال 21 طلقة مدفعية تحية للرئيس ماركو بيانكي وللوفد الإيطالي المرافق له."
    assert "ماركو بيانكي" in countries(text)
    assert not [name for name in countries(text) if "للوفد" in name]
