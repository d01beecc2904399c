from __future__ import annotations

from cooperation.importing.extraction.people import extract_people

from .conftest import document


def people(name: str, language: str) -> dict[str, dict]:
    text = document(name).decode()
    return {p.value["normal"]: p for p in extract_people(text, language=language)}


def test_english_officials_are_found_with_title_organisation_and_country():
    found = people("en_visit_mongolia.txt", "en")
    assert set(found) == {"Bolormaa Tsendsuren", "Ganbold Erdene", "Oyun Batbayar", "Fatima Al Kaabi"}
    head = found["Bolormaa Tsendsuren"].value
    assert head["title"] == "Deputy Minister of Digital Development and Communications of Mongolia"
    assert head["country"] == "MN"
    assert head["honorific"] == "H.E."
    assert found["Oyun Batbayar"].value["organisation"] == "National Data Agency"


def test_institutions_named_after_people_are_not_people():
    text = "Training follows the Executive Programme of the Mohammed bin Rashid School of Government in Dubai."
    assert extract_people(text, language="en") == []


def test_a_name_in_a_member_list_is_found_without_a_title():
    text = (
        "The delegation was led by Anna Petrova, Deputy Minister of Health. "
        "Other members were Ivan Sidorov and Olga Lis."
    )
    found = {p.value["normal"]: p for p in extract_people(text, language="en")}
    assert set(found) == {"Anna Petrova", "Ivan Sidorov", "Olga Lis"}
    assert found["Ivan Sidorov"].confidence < found["Anna Petrova"].confidence


def test_russian_names_in_oblique_cases_are_put_in_the_nominative_and_keep_the_written_form():
    found = people("ru_meeting_kyrgyzstan.txt", "ru")
    assert set(found) == {"Темирланова А.К.", "Валерий Громыко", "Нурлан Абдыкеримов"}
    gromyko = found["Валерий Громыко"].value
    # "Валерия Громыко" (genitive) and "Валерием Громыко" (instrumental) are one person, two mentions.
    assert {"Валерия Громыко", "Валерием Громыко"} <= set(gromyko["forms"])
    assert len(found["Валерий Громыко"].extra_evidence) == 1
    assert gromyko["title_normal"] == "заместитель Министра цифрового развития"


def test_russian_surname_with_initials_keeps_the_initials_and_gets_a_nominative_surname():
    head = people("ru_meeting_kyrgyzstan.txt", "ru")["Темирланова А.К."].value
    assert head["name"] == "Темирлановой А.К."
    assert head["title_normal"] == "заместитель Председателя Кабинета Министров"


def test_russian_title_is_taken_from_the_persons_own_phrase():
    ambassador = people("ru_meeting_kyrgyzstan.txt", "ru")["Нурлан Абдыкеримов"].value
    assert ambassador["title_normal"].startswith("Чрезвычайный и Полномочный Посол Кыргызской Республики")
    assert ambassador["country"] == "KG"


def test_arabic_officials_are_anchored_on_the_title_that_follows_the_name():
    found = people("ar_mou_jordan.txt", "ar")
    assert set(found) == {"سالم راشد الكعبي", "ليلى منصور الخطيب"}
    assert found["ليلى منصور الخطيب"].value["title"] == "وزيرة دولة لتطوير القطاع العام"


def test_arabic_honorifics_and_particles_stay_with_the_name():
    text = "بتوجيهات الشيخ حمدان بن سالم آل فلاح رئيس المجلس التنفيذي، وحضور مريم خالد النعيمي مديرة المكتب."
    found = {p.value["normal"]: p.value for p in extract_people(text, language="ar")}
    assert set(found) == {"حمدان بن سالم آل فلاح", "مريم خالد النعيمي"}
    assert found["حمدان بن سالم آل فلاح"]["honorific"] == "الشيخ"


def test_known_aliases_find_an_official_mentioned_without_a_title():
    text = "Later, Bolormaa Tsendsuren toured the accelerator."
    found = extract_people(text, language="en", known_aliases={"Bolormaa Tsendsuren": "Bolormaa Tsendsuren"})
    assert [p.value["normal"] for p in found] == ["Bolormaa Tsendsuren"]


def test_every_person_has_evidence_offsets_that_point_at_the_name():
    text = document("en_visit_mongolia.txt").decode()
    for person in extract_people(text, language="en"):
        assert text[person.evidence.start : person.evidence.end] == person.value["name"]
        assert person.value["name"] in person.evidence.passage


def test_the_documents_written_for_these_tests_meet_their_gold_annotations(db):
    from cooperation.importing.evaluation import problems, score_corpus

    from .conftest import DOCUMENTS, GOLD

    scores = score_corpus(DOCUMENTS, GOLD / "own")
    assert len(scores) == 7
    assert problems(scores) == {}


def test_capitalised_words_after_an_institution_are_not_a_person():
    text = "He is Director-General of the Federal Authority for Government Human Resources. He spoke first."
    assert extract_people(text, language="en") == []
