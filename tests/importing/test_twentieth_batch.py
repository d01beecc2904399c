"""Shapes found in the twentieth round (docs/importing.md), each written here in invented words."""

from __future__ import annotations

import pytest

from .extracted import values

pytestmark = pytest.mark.django_db


def test_plural_agreements_signed_with_each_of_several_governments_are_one_per_counterpart():
    text = (
        "الإمارات توقع شراكات في التحديث الحكومي\n\n"
        "أبرمت دولة الإمارات اتفاقيات للشراكة في مجال التحديث الحكومي مع ثلاث حكومات.\n\n"
        "ووقّع الاتفاقيات عن الجانب الإماراتي معالي سالم يوسف الدرمكي، وزير شؤون مجلس الوزراء، وذلك مع كل من: "
        "معالي كريم نوفل، نائب رئيس جمهورية المالديف، ومعالي ليلى شمعون، رئيس وزراء بربادوس، ومعالي منصور "
        "الكعبي، وزير الأشغال العامة في جمهورية غويانا."
    )
    agreements = values(text, "agreements")
    assert sorted(tuple(a["parties"]) for a in agreements) == [("AE", "BB"), ("AE", "GY"), ("AE", "MV")]
    guyana = next(a for a in agreements if a["parties"] == ["AE", "GY"])
    assert [s["name"] for s in guyana["signatories"]] == ["سالم يوسف الدرمكي", "منصور الكعبي"]


def test_a_multilateral_agreement_named_in_the_singular_stays_one():
    text = (
        "Ministers of Armenia, Belarus and Kyrgyzstan signed an agreement on customs data in Minsk.\n\n"
        "The agreement was signed by Minister Aram Vardanyan for Armenia, Minister Oleg Lisichko for Belarus "
        "and Minister Bakyt Osmonov for Kyrgyzstan."
    )
    agreements = values(text, "agreements")
    assert len(agreements) == 1
    assert sorted(agreements[0]["parties"]) == ["AM", "BY", "KG"]


@pytest.mark.parametrize(
    "signing",
    [
        "احتفل البلدان بالتوقيع على مذكرة تعاون في مجال معالجة النفايات البلدية.",
        "وشهدت العاصمة التوقيع على مذكرة تعاون في مجال معالجة النفايات البلدية.",
    ],
)
def test_the_arabic_signing_noun_with_its_article_or_preposition_is_a_signing(signing):
    text = (
        "محادثات بين الكويت واليابان في طوكيو\n\n"
        f"عقد رئيس وزراء الكويت جلسة مباحثات مع رئيس وزراء اليابان.\n\n{signing}"
    )
    agreements = values(text, "agreements")
    assert [(a["kind"], a["status"], sorted(a["parties"])) for a in agreements] == [("mou", "signed", ["JP", "KW"])]


def test_legal_instruments_and_an_exchange_of_letters_are_documents():
    text = (
        "وقع المغرب وبوركينا فاسو في واغادوغو آلية قانونية للتعاون في مجال النقل.\n\n"
        "كما جرى توقيع تبادل رسائل يحصل بموجبه الجانب البوركينابي على تجهيزات."
    )
    kinds = sorted(a["kind"] for a in values(text, "agreements"))
    assert kinds == ["agreement", "other"]


def test_who_attended_the_signing_ceremony_before_the_name_is_no_signatory():
    text = (
        "قطر وإندونيسيا توقعان مذكرة تفاهم\n\n"
        "وقعت دولة قطر وجمهورية إندونيسيا مذكرة تفاهم بشأن منح دراسية.\n\n"
        "ووقّع المذكرة من الجانب القطري سعادة السيدة مريم بنت خالد العطية وزير الدولة، فيما وقّعتها من الجانب "
        "الإندونيسي سعادة السيدة ديوي ليستاري وزيرة الخارجية.\n\n"
        "وحضرت مراسم التوقيع سعادة السيدة نورة الكبيسي مديرة إدارة الشؤون الآسيوية."
    )
    agreement = values(text, "agreements")[0]
    assert [s["name"] for s in agreement["signatories"]] == ["مريم بنت خالد العطية", "ديوي ليستاري"]


def test_and_others_ends_an_arabic_name_and_a_post_at_a_ministry_keeps_the_name_after_it():
    text = (
        "وفد سوداني يتوجه إلى موسكو\n\n"
        "غادر وفد سوداني الخرطوم إلى موسكو ويترأسه وزير المعادن كمال عثمان الطيب، ويضم مدير ملف التعدين "
        "بوزارة المعادن هند صديق، علاوة على المدير التنفيذي بالوزارة سامي العبيدي وآخرين."
    )
    names = [p["name"] for p in values(text, "people")]
    assert "هند صديق" in names
    assert "سامي العبيدي" in names
    assert not any("وآخرين" in name for name in names)
    delegation = values(text, "delegations")[0]
    assert (delegation["origin_country"], delegation["host_country"]) == ("SD", "RU")
    assert delegation["head"] == "كمال عثمان الطيب"


def test_an_institution_named_with_a_hyphen_is_no_person_beside_its_president():
    text = (
        "Speaking at the closing ceremony, Jae-Won Pyeon, president of the Lowland-Africa Foundation, thanked "
        "the participants."
    )
    people = values(text, "people")
    assert [p["name"] for p in people] == ["Jae-Won Pyeon"]
    assert people[0]["title"] == "president of the Lowland-Africa Foundation"


def test_the_one_talked_with_is_not_the_visitor_of_a_courtesy_visit_told_after():
    text = (
        "Sri Lankan Speaker ends Vietnam visit\n\n"
        "Ravi Gunasekara, Speaker of the Sri Lankan Parliament, ended his official visit to Vietnam on April 27.\n\n"
        "During the visit, the Sri Lankan parliament leader held talks with his Vietnamese counterpart Tran Thi Lan "
        "and paid a courtesy visit to General Secretary Vo Van Minh."
    )
    sides = [(d["origin_country"], d["host_country"], d["head"]) for d in values(text, "delegations")]
    assert sides == [("LK", "VN", "Ravi Gunasekara")]


def test_visits_in_general_are_no_visit():
    text = (
        "ISLAMABAD: Foreign Minister Tariq Mahmood received the Australian High Commissioner, Neil Carter.\n\n"
        "In his conversation with Neil Carter, Mahmood stressed the value of high-level visits and of an exchange of "
        "visits between the two parliaments."
    )
    assert values(text, "delegations") == []


def test_courtesy_calls_on_two_leaders_are_two_meetings():
    text = (
        "Vice Minister Li Wenhao of China arrived in Kathmandu on June 24 for a three-day visit to Nepal.\n\n"
        "His programme includes courtesy calls on President Hari Bahadur Thapa and Prime Minister Gopal Koirala."
    )
    meetings = [e for e in values(text, "events") if e["kind"] == "meeting"]
    participants = [sorted(p["name"] for p in m["participants"]) for m in meetings]
    assert ["Hari Bahadur Thapa"] in [[n for n in p if n != "Li Wenhao"] for p in participants]
    assert ["Gopal Koirala"] in [[n for n in p if n != "Li Wenhao"] for p in participants]


def test_a_statement_made_at_a_press_conference_is_an_announcement():
    text = (
        "Лавров выступил в Ханое\n\n"
        "Глава МИД России Сергей Лавров провёл в Ханое переговоры с министром иностранных дел Вьетнама Фам Ван "
        "Туаном.\n\n"
        "Свое заявление министр сделал на пресс-конференции, которая прошла по итогам переговоров."
    )
    kinds = [e["kind"] for e in values(text, "events")]
    assert "announcement" in kinds
    assert "other" not in kinds


# The three fresh articles of this round (docs/importing.md), in invented words.


def test_one_plural_title_for_two_people_gives_each_his_own_country():
    text = (
        "Министры обороны Армении и Казахстана обсудили сотрудничество\n\n"
        "В Ереване состоялись переговоры министров обороны Армении и Казахстана Сурена Папикяна и Руслана Жаксылыкова."
    )
    people = {p["normal"]: p for p in values(text, "people")}
    assert people["Сурен Папикян"]["country"] == "AM"
    assert people["Руслан Жаксылыков"]["country"] == "KZ"
    assert people["Руслан Жаксылыков"]["title"] == "министр обороны Казахстана"


def test_a_delegation_seeing_how_training_goes_is_no_training():
    text = (
        "Находясь в Ереване, военная делегация Монголии побывала в академии Вооруженных сил Армении и "
        "ознакомилась с тем, в каких условиях там проходит обучение."
    )
    assert "training" not in [e["kind"] for e in values(text, "events")]


def test_a_step_paving_the_way_for_a_signing_signs_nothing():
    text = (
        "سفارة اليمن تبحث مع الخارجية الأردنية تدريب دبلوماسيين\n\n"
        "في خطوة تمهّد لتوقيع مذكرة تفاهم بين الأردن واليمن في هذا الشأن، بحثت السفارة اليمنية في عمّان، يوم "
        "الإثنين، مع وزارة الخارجية الأردنية إتاحة فرص تدريب لعدد من الدبلوماسيين اليمنيين."
    )
    assert "signing" not in [e["kind"] for e in values(text, "events")]
    agreement = values(text, "agreements")[0]
    assert (agreement["status"], sorted(agreement["parties"])) == ("proposed", ["JO", "YE"])


def test_who_accompanied_someone_in_the_meeting_is_in_that_meeting_not_another():
    text = (
        "التقى مدير المعهد الدبلوماسي اليمني سالم عوض الكثيري في عمّان السفير زياد الحمود، نائب مدير المعهد "
        "الدبلوماسي الأردني.\n\n"
        "ورافق الكثيري في اللقاء فؤاد سعيد باعباد، رئيس قسم التدريب بالسفارة اليمنية في عمّان."
    )
    meetings = [e for e in values(text, "events") if e["kind"] == "meeting"]
    assert len(meetings) == 1
    delegation = values(text, "delegations")[0]
    assert delegation["members"] == ["فؤاد سعيد باعباد"]


def test_a_country_a_department_deals_with_is_not_the_one_its_official_serves():
    text = (
        "التقى مدير المعهد الدبلوماسي اليمني سالم عوض الكثيري في عمّان السفير نادر الطراونة، نائب مدير إدارة "
        "اليمن بوزارة الخارجية الأردنية."
    )
    people = {p["name"]: p for p in values(text, "people")}
    assert people["نادر الطراونة"]["country"] == "JO"
    delegation = values(text, "delegations")[0]
    assert delegation["host_officials"] == ["نادر الطراونة"]
    assert delegation["city"] == "عمّان"


def test_a_bracketed_count_of_singular_trainees_is_the_cohort_even_after_agreeing_on_it():
    text = (
        "وأسفر اجتماع الجانبين الأردني واليمني عن الاتفاق على تدريب (60) دبلوماسي يمني، تتألف الدفعة الأولى "
        "منهم من (20) دبلوماسياً."
    )
    programme = values(text, "programmes")[0]
    assert programme["participant_count"] == 60
    assert programme["beneficiary"] == "YE"


def test_a_memorandum_that_frames_training_is_no_training_programme():
    text = (
        "Chile, Georgia sign MoU on diplomatic training\n\n"
        "A memorandum of understanding between the diplomatic academies of Chile and Georgia has been signed.\n\n"
        "The memorandum is meant to bring the two services closer. In particular, it is to serve as a framework "
        "for the training of diplomats."
    )
    assert values(text, "programmes") == []


def test_a_hyphenated_title_is_no_name_and_the_side_closes_a_long_institution_name():
    text = (
        "Chile, Georgia sign MoU on diplomatic training\n\n"
        "The document was signed for Chile by Pablo Herrera, Ambassador of Chile in Georgia, while Levan "
        "Kiknadze, Executive Vice-Rector of the Diplomatic Training School, put his signature to it on behalf of "
        "the Diplomatic Training School of the Ministry of Foreign Affairs of Georgia.\n\n"
        "Ambassador Herrera and Executive Vice-Rector Kiknadze agreed that the memorandum would help."
    )
    assert sorted(p["name"] for p in values(text, "people")) == ["Levan Kiknadze", "Pablo Herrera"]
    agreement = values(text, "agreements")[0]
    assert {s["name"]: s["party"] for s in agreement["signatories"]} == {"Pablo Herrera": "CL", "Levan Kiknadze": "GE"}


# From the second set of fresh articles, uploaded on `make run` before any change (docs/importing.md).


def test_the_headline_document_the_body_describes_in_its_package_is_one_candidate():
    text = (
        "Armenia and Iraq sign visa waiver agreement and memorandum on consultations\n\n"
        "In the course of the consultations the two sides put their signatures to two documents. The first is the "
        "Agreement between Armenia and Iraq on Mutual Exemption of Visas for Holders of Diplomatic Passports. The "
        "second is the Memorandum of Understanding on Political Consultations between the foreign ministries of "
        "Armenia and Iraq."
    )
    kinds = sorted(a["kind"] for a in values(text, "agreements"))
    assert kinds == ["agreement", "mou"]


def test_clergy_titles_and_people_named_among_others():
    text = (
        "The delegation visited the cathedral. There the deputy minister Aram Sargsyan met Archbishop Vahan "
        "Karapetyan, the Primate of the Armenian Apostolic Church in Iraq, and members of the friendship group, "
        "among them Salim Hanna Yousif."
    )
    names = sorted(p["name"] for p in values(text, "people"))
    assert names == ["Aram Sargsyan", "Salim Hanna Yousif", "Vahan Karapetyan"]


def test_a_scheme_named_like_a_person_is_no_person():
    text = "Twenty diplomats from Sri Lanka were trained under the programme, among them Colombo Plan alumni."
    assert values(text, "people") == []


def test_work_on_an_agreement_is_a_negotiation():
    text = (
        "Министр иностранных дел Беларуси Владимир Макей встретился в Минске с главой МИД России Сергеем "
        "Лавровым.\n\nСтороны уделили внимание работе над межправительственным соглашением о взаимном признании виз."
    )
    agreement = values(text, "agreements")[0]
    assert agreement["status"] == "under_negotiation"


def test_the_one_talked_with_after_the_visit_noun_is_not_its_visitor():
    text = (
        "العاهل الأردني يختتم زيارة رسمية إلى سلطنة عُمان شهدت مباحثات مع السلطان فهد بن سالم\n\n"
        "عاد جلالة الملك عبدالله الثاني إلى أرض الوطن أمس، مختتماً زيارة رسمية قام بها إلى سلطنة عُمان."
    )
    delegation = values(text, "delegations")[0]
    assert (delegation["origin_country"], delegation["host_country"]) == ("JO", "OM")
    assert delegation["head"] == "عبدالله الثاني"
