"""Agreements and training programmes read from invented press releases: one candidate per document however
often it is named, several documents in one sentence, counted packages, status from the verb, parties."""

from __future__ import annotations

from .extracted import values


def test_a_memorandum_named_again_is_the_same_one_and_its_signatories_sign_it():
    text = (
        "Cairo, 5 May 2024. Egypt and Jordan signed an MoU on health. "
        "The MoU was signed by Minister Ahmed Ali and Minister Omar Said."
    )
    (agreement,) = values(text, "agreements")
    assert (agreement["kind"], agreement["status"], sorted(agreement["parties"])) == ("mou", "signed", ["EG", "JO"])
    assert [s["name"] for s in agreement["signatories"]] == ["Ahmed Ali", "Omar Said"]


def test_two_documents_named_in_one_sentence_are_two_agreements_in_every_language():
    texts = [
        "Astana, 5 May 2024. Kazakhstan and Paraguay signed an agreement on visas and a memorandum on culture.",
        "Москва, 5 мая 2024 года. Россия и Казахстан подписали меморандум о сотрудничестве в области образования "
        "и соглашение о торговле.",
        "القاهرة في 5 مايو 2024. وقعت مصر والأردن اتفاقية للتعاون في مجال النقل ومذكرة تفاهم في مجال الثقافة.",
    ]
    for text in texts:
        agreements = values(text, "agreements")
        assert sorted(a["kind"] for a in agreements) == ["agreement", "mou"], text
        assert all(a["status"] == "signed" for a in agreements)


def test_the_headline_and_the_body_name_one_agreement():
    text = (
        "Минюст Узбекистана и Минюст Беларуси подписали меморандум о сотрудничестве\n\n"
        "В Ташкенте подписан Меморандум о взаимном сотрудничестве между Министерством юстиции Республики "
        "Узбекистан и Министерством юстиции Республики Беларусь."
    )
    (agreement,) = values(text, "agreements")
    assert sorted(agreement["parties"]) == ["BY", "UZ"]


def test_counted_documents_are_as_many_agreements_and_a_planned_package_is_one():
    signed = values("Cairo, 5 May 2024. Egypt and Jordan signed three agreements and two memoranda.", "agreements")
    assert len(signed) == 5
    planned = values(
        "Baghdad, 5 May 2024. The ministry approved the signing of three memoranda of understanding with Egypt. "
        "The three memoranda will be signed in Cairo at the end of the month.",
        "agreements",
    )
    assert [(a["kind"], a["status"]) for a in planned] == [("mou", "proposed")]


def test_another_memorandum_is_a_new_one_and_the_memorandum_on_the_same_subject_is_not():
    text = (
        "Cairo, 5 May 2024. Egypt and Jordan signed a memorandum of understanding on tourism. "
        "The memorandum on tourism provides for exchanges. A second memorandum, on education, was also signed."
    )
    assert len(values(text, "agreements")) == 2


def test_an_agreement_still_being_prepared_is_not_signed_and_its_talkers_are_not_signatories():
    text = (
        "Москва, 5 мая 2024 года. Министры провели переговоры. Соглашение о взаимном признании виз подготовлено. "
        "Российская сторона рассчитывает, что документ будет подписан до конца года."
    )
    (agreement,) = values(text, "agreements")
    assert agreement["status"] == "under_negotiation"
    assert agreement["signatories"] == [] and agreement["signed_date"] is None


def test_a_bloc_on_one_side_is_an_organisation_party_and_the_dateline_country_is_no_party():
    text = (
        "BAKU, Azerbaijan, July 10 (Trend)\n\n"
        "The fifth round of negotiations between Uzbekistan and the EU on the draft partnership and cooperation "
        "agreement took place on July 10, 2020. Once signed, the document will broaden trade."
    )
    (agreement,) = values(text, "agreements")
    assert (agreement["parties"], agreement["party_organisations"]) == (["UZ"], ["EU"])
    assert agreement["status"] == "under_negotiation"


def test_the_agreement_a_protocol_extends_is_named_by_its_date():
    text = (
        "20.08.2021\n\nПрезидент Беларуси одобрил проект протокола между правительствами Беларуси и России о "
        "продлении срока действия соглашения от 6 января 1995 года о порядке использования радиостанции."
    )
    agreements = values(text, "agreements")
    assert sorted((a["kind"], a["status"]) for a in agreements) == [
        ("agreement", "signed"),
        ("protocol", "under_negotiation"),
    ]
    assert next(a for a in agreements if a["kind"] == "agreement")["signed_date"] == "1995-01-06"


def test_diplomats_from_two_countries_are_two_programmes_held_where_the_course_is():
    text = (
        "الرياض - واس\n\nانطلق اليوم برنامج تدريبي دبلوماسي يشارك فيه عدد من الدبلوماسيين من الصومال وأفغانستان، "
        "وينظمه معهد الدراسات الدبلوماسية في مقره بالرياض."
    )
    programmes = values(text, "programmes")
    assert sorted((p["provider"], p["beneficiary"]) for p in programmes) == [("SA", "AF"), ("SA", "SO")]


def test_the_trainees_country_is_the_one_named_next_to_them():
    text = (
        "شنغهاي 14 مارس 2019\n\nوتجمع الدورة التدريبية بين الطرفين الصيني واليمني، إذ يستضيف المركز الصيني "
        "الدبلوماسيين اليمنيين."
    )
    (programme,) = values(text, "programmes")
    assert (programme["provider"], programme["beneficiary"]) == ("CN", "YE")


def test_training_an_agreement_provides_for_is_no_programme():
    text = (
        "القاهرة في 11 يونيو 2024. وأضاف أن المذكرة تستهدف توسيع التعاون بين مصر وغينيا الاستوائية في مجال "
        "تدريب الدبلوماسيين."
    )
    assert values(text, "programmes") == []
