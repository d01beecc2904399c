"""Agreement and programme patterns that recur in news writing, on invented sentences: declarations and
programmes between ministries, a kind's noun as a word of its own, the protocol service, intentions to sign,
documents named alongside another, and trainees' countries read apart from where they study."""

from __future__ import annotations

from cooperation.importing.extraction import extract_all

from .extracted import values


def test_a_signed_declaration_and_a_memorandum_signed_alongside_it_are_two_documents():
    text = (
        "Tashkent, 5 May 2024. A declaration on strategic partnership between Uzbekistan and Kenya was signed "
        "yesterday. Alongside the declaration, the two sides put their signatures to a memorandum of "
        "understanding on trade."
    )
    agreements = values(text, "agreements")
    assert [a["kind"] for a in agreements] == ["other", "mou"]
    assert all(sorted(a["parties"]) == ["KE", "UZ"] and a["status"] == "signed" for a in agreements)


def test_a_programme_of_consultations_between_ministries_is_an_agreement():
    texts = [
        "Minsk, 5 May 2024. The talks ended with the signing of a Program of consultations between the Ministries "
        "of Foreign Affairs of Belarus and Kazakhstan for 2024-2025.",
        "Минск, 5 мая 2024 года. Было подписано Соглашение о побратимских связях между Гродно и Харбином (Китай), "
        "а вместе с ним — программа развития двусторонних взаимоотношений.",
    ]
    assert [a["kind"] for a in values(texts[0], "agreements")] == ["programme"]
    assert [a["kind"] for a in values(texts[1], "agreements")] == ["agreement", "programme"]


def test_a_document_set_out_or_joined_exists_without_a_verb_of_signing():
    text = (
        "Tbilisi, 5 May 2024. Georgia and Armenia discussed the areas of cooperation set out in the joint "
        "declaration on strategic partnership."
    )
    (agreement,) = values(text, "agreements")
    assert (agreement["kind"], agreement["status"], sorted(agreement["parties"])) == ("other", "signed", ["AM", "GE"])


def test_a_kind_inside_another_word_or_the_protocol_service_is_no_agreement():
    texts = [
        "Mexico City, 5 May 2024. According to the ministry, Mexico and Chile signed nothing; the famous talks "
        "had an impact on ideals.",
        "Минск, 5 мая 2024 года. В отделе протокола Беларуси сообщили, что делегация Китая подписала книгу "
        "почетных гостей.",
    ]
    for text in texts:
        assert values(text, "agreements") == [], text


def test_an_intention_to_sign_is_proposed():
    texts = [
        "Минск, 5 мая 2024 года. Стороны намерены подписать Соглашение между Минском и Пекином о сотрудничестве.",
        "Tbilisi, 5 May 2024. They stressed the importance of signing the peace agreement between Armenia and "
        "Azerbaijan.",
    ]
    for text in texts:
        (agreement,) = values(text, "agreements")
        assert agreement["status"] == "proposed", text


def test_a_number_before_the_verb_is_who_signed_and_signed_agreements_on_a_subject_are_one_set():
    text = (
        "Mexico City, 30 May 2022. Santiago Cafiero met Marcelo Ebrard. The two signed agreements aimed at "
        "strengthening the strategic association between Argentina and Mexico."
    )
    (agreement,) = values(text, "agreements")
    assert sorted(agreement["parties"]) == ["AR", "MX"]


def test_notes_exchanged_between_governments_are_a_document():
    text = "Бишкек, 13 августа 2020 года. Посол Японии и министр финансов Кыргызстана подписали Обменные ноты."
    (agreement,) = values(text, "agreements")
    assert (agreement["kind"], sorted(agreement["parties"])) == ("other", ["JP", "KG"])


def test_trainees_studying_in_a_country_are_not_from_it():
    text = (
        "Бишкек, 11 июля 2024 года. Директор агентства ознакомился с условиями обучения кыргызстанских "
        "госслужащих в Японии."
    )
    (programme,) = values(text, "programmes")
    assert (programme["provider"], programme["beneficiary"]) == ("JP", "KG")


def test_one_course_for_diplomats_of_several_countries_is_one_programme_per_country():
    text = (
        "Киев, 14 февраля 2023 года. Украина начала обучать дипломатов из стран Африки.\n\n"
        "На базе Дипломатической академии Украины стартовал онлайн-курс для дипломатов из африканских государств. "
        "Более 200 дипломатов из Нигерии, Кении и Сенегала получат возможность перенять опыт."
    )
    programmes = values(text, "programmes")
    assert {(p["provider"], p["beneficiary"]) for p in programmes} == {("UA", "NG"), ("UA", "KE"), ("UA", "SN")}


def test_training_named_as_a_field_or_an_institutes_portfolio_is_no_programme():
    text = (
        "القاهرة في 5 مايو 2024. بدأ وفد من وزارة الخارجية بجمهورية زامبيا زيارة إلى مصر بهدف الإفادة من الخبرة "
        "المصرية في مجال التدريب الدبلوماسي وإعداد الكوادر. وتوقف المدير عند أبرز البرامج التي ينفذها المعهد، "
        "ومنها تدريب الملحقين الدبلوماسيين الجدد."
    )
    assert values(text, "programmes") == []


def test_each_signatory_takes_the_side_named_right_after_them():
    text = (
        "Accra, 3 June 2024\n\nGhana and Peru signed a memorandum of understanding on public service today. It was "
        "signed by Minister Ama Mensah for Ghana and, on behalf of the Government of Peru, by Ambassador Luis Rojas."
    )
    (agreement,) = values(text, "agreements")
    assert {(s["name"], s["party"]) for s in agreement["signatories"]} == {("Ama Mensah", "GH"), ("Luis Rojas", "PE")}


def test_the_article_s_dateline_says_which_day_is_today_whatever_date_was_typed_at_upload():
    import datetime as dt

    text = "Accra, 3 June 2024\n\nGhana and Peru signed a memorandum of understanding on public service today."
    typed = extract_all(text, document_date=dt.date(2024, 6, 4))  # the day it was published
    assert typed["document_date"] == "2024-06-03"
    assert [a["value"]["signed_date"] for a in typed["agreements"]] == ["2024-06-03"]
    # Without a dateline, the typed date is the article's date.
    undated = extract_all(text.split("\n\n", 1)[1], document_date=dt.date(2024, 6, 4))
    assert undated["document_date"] == "2024-06-04"
