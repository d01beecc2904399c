"""People rules that should hold in any article: the shapes of news writing, not one article's names."""

from __future__ import annotations

from cooperation.importing.extraction.people import extract_people
from cooperation.importing.extraction.people_ar_words import _fold, _not_a_name_word


def names(text: str, language: str) -> set[str]:
    return {p.value["normal"] for p in extract_people(text, language=language)}


# --- English --------------------------------------------------------------------------------------------------


def test_an_initial_glued_to_the_surname_is_a_full_name():
    text = "Minister of Foreign Affairs B.Battsetseg held talks with her Japanese counterpart on Monday."
    assert "B.Battsetseg" in names(text, "en")


def test_honorifics_written_without_periods_or_in_full_are_not_names():
    text = (
        "He met the Minister of Foreign Affairs of Kuwait, H E Sheikh Salem Abdullah Al Sabah, and the President "
        "of Fiji, His Excellency Ratu Wiliame Katonivere, and Prime Minister Hon. Sitiveni Rabuka."
    )
    found = names(text, "en")
    assert {"Salem Abdullah Al Sabah", "Wiliame Katonivere", "Sitiveni Rabuka"} <= found
    assert not {"E Sheikh", "Hon"} & found


def test_a_name_does_not_run_over_a_line_break():
    text = "Meeting with Speaker Papuashvili\n\nThe Parliament of Georgia said Speaker Shalva Papuashvili spoke."
    found = names(text, "en")
    assert not any("Parliament" in name for name in found)


def test_a_title_ending_in_a_preposition_governs_a_field_not_a_person():
    text = "They met Andrzej Nowak, Chief Advisor on Security Policy to the Foreign Minister."
    assert "Security Policy" not in names(text, "en")


def test_a_possessive_apostrophe_does_not_end_the_clause_of_a_title():
    text = "Iran's ambassador to Tajikistan, Alireza Haghighian, also spoke."
    (person,) = [p for p in extract_people(text, language="en") if p.value["normal"] == "Alireza Haghighian"]
    assert "ambassador to Tajikistan" in person.value["title"]


# --- Russian --------------------------------------------------------------------------------------------------


def test_russian_lone_words_without_a_title_or_a_full_name_are_not_people():
    text = (
        "Политика\n\nЧисло побратимов Витебщины пополнилось. Премьер-министр Беларуси Михаил Мясникович "
        "посетил Китай. Индия стремится стать Вишвагуру, заявила дипломат."
    )
    found = names(text, "ru")
    assert "Михаил Мясникович" in found
    assert not {"Политик", "Политика", "Витебщина", "Вишвагуру"} & found


def test_a_titled_surname_alone_is_still_a_person():
    text = "Заседание правительства, которое президент Токаев провел в среду, было расширенным."
    assert "Токаев" in names(text, "ru")


# --- Arabic ---------------------------------------------------------------------------------------------------


def test_arabic_participles_and_duals_are_not_name_words():
    for word in ("منفصلين", "ومرافقيه", "مساعديه", "لقاءين"):
        assert _not_a_name_word(_fold(word)), word
    for word in ("مارتين", "ماكرون", "محمد"):
        assert not _not_a_name_word(_fold(word)), word


def test_arabic_object_after_a_titled_subject_is_not_a_person():
    text = "سيجري الرئيس الإندونيسي لقاءين منفصلين مع رئيس الوزراء فام مينه تشينه."
    found = names(text, "ar")
    assert "لقاءين منفصلين" not in found
    assert "فام مينه تشينه" in found


def test_the_field_of_a_title_is_cut_off_at_the_given_name():
    text = "Pakistan's Minister for National Food Security Rana Tanveer Hussain signed the MoU."
    assert "Rana Tanveer Hussain" in names(text, "en")


def test_a_byline_is_not_a_person_of_the_article():
    text = "Envoys meet the minister\n\nFrom Aidoghie Paulinus, Abuja\n\nThe Minister received envoys on Monday."
    assert "Aidoghie Paulinus" not in names(text, "en")


def test_a_list_item_title_before_the_next_name_is_not_the_previous_name_s_apposition():
    text = (
        "He received the Minister of Foreign Affairs of Belarus Sergey Aleinik, the Minister of Foreign Affairs "
        "of Iran Hossein Amir Abdollahian, and others."
    )
    found = {p.value["normal"]: p.value for p in extract_people(text, language="en")}
    assert found["Sergey Aleinik"]["country"] == "BY"


def test_the_english_model_reads_an_article_whole_and_skips_long_stretches_without_a_capital():
    from cooperation.importing.extraction.people_en import _runs

    article = "Minister Ana Ruiz arrived in Lima.\n\nshe met the press.\nPresident Dina Boluarte received her.\n"
    assert _runs(article) == [(0, article)]
    register = "\n".join(f"{i}." for i in range(5_000))
    text = f"Minister Ana Ruiz signed the register.\n{register}\nSecretary Omar Haddad countersigned it.\n"
    runs = _runs(text)
    assert [run for _offset, run in runs] == [
        "Minister Ana Ruiz signed the register.\n",
        "Secretary Omar Haddad countersigned it.\n",
    ]
    assert all(text[offset : offset + len(run)] == run for offset, run in runs)
    assert _runs("\n".join(f"{i}." for i in range(100_000))) == []
