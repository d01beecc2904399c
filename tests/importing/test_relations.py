"""Relations read from invented press releases: who visited whom, who headed, who signed, one event per meeting."""

from __future__ import annotations

from cooperation.importing.extraction import extract_all
from cooperation.importing.extraction.cities import find_cities

from .extracted import values


def test_a_delegation_headed_by_a_minister_visits_a_country():
    text = (
        "KIGALI, 3 March 2025 – A Rwandan delegation headed by Minister of Public Service Jeanne Mukamana "
        "visited Serbia from 1 to 3 March 2025 to study its e-government services."
    )
    (delegation,) = values(text, "delegations")
    assert (delegation["origin_country"], delegation["host_country"]) == ("RW", "RS")
    assert delegation["head"] == "Jeanne Mukamana"
    assert (delegation["start"], delegation["end"]) == ("2025-03-01", "2025-03-03")


def test_the_one_who_receives_is_the_host_even_when_the_verb_comes_first():
    text = (
        "الرياض 14 فبراير 2022 / واس / استقبل صاحب السمو الأمير فيصل بن فرحان وزير الخارجية، اليوم بالرياض، "
        "معالي السيدة ماريا سانتوس وزيرة الخارجية بجمهورية البرتغال."
    )
    (delegation,) = values(text, "delegations")
    assert (delegation["origin_country"], delegation["host_country"]) == ("PT", "SA")


def test_a_russian_delegation_of_a_ministry_keeps_its_country_and_head():
    text = (
        "Делегация Министерства юстиции Республики Узбекистан, которую возглавил первый заместитель министра "
        "юстиции М. Истамов, находилась с визитом в Минске."
    )
    (delegation,) = values(text, "delegations")
    assert (delegation["origin_country"], delegation["host_country"]) == ("UZ", "BY")
    assert delegation["head"] == "Истамов М."
    assert delegation["city"] == "Минск"  # the nominative, not the article's "в Минске"


def test_signatories_sign_on_behalf_of_their_country_and_a_witness_does_not_sign():
    text = (
        "KUALA LUMPUR, 25 November 2013 – India and Malaysia today signed a Memorandum of Understanding on "
        "public administration. Tan Sri Ahmad Rahman, Director General of Public Service, signed it on behalf "
        "of the Government of Malaysia, in the presence of Tan Sri Dr. Omar Latif, Chief Secretary."
    )
    (agreement,) = values(text, "agreements")
    assert agreement["status"] == "signed"
    assert sorted(agreement["parties"]) == ["IN", "MY"]
    assert agreement["signatories"] == [{"name": "Ahmad Rahman", "party": "MY"}]
    assert agreement["signed_date"] == "2013-11-25"


def test_five_memoranda_signed_at_once_are_five_agreements_and_talk_of_agreements_is_none():
    text = (
        "Kigali, 10 February 2017 – Rwanda and Mozambique signed five memoranda of understanding on "
        "agriculture, culture, tourism, energy and public service. Numerous bilateral agreements are in force."
    )
    agreements = values(text, "agreements")
    assert len(agreements) == 5
    assert {tuple(sorted(a["parties"])) for a in agreements} == {("MZ", "RW")}


def test_an_agreement_under_negotiation_is_not_signed():
    text = "Astana, 5 May 2024. Kazakhstan and Paraguay continued negotiations on a draft agreement on visas."
    (agreement,) = values(text, "agreements")
    assert agreement["status"] == "under_negotiation"
    assert agreement["signed_date"] is None


def test_separate_meetings_with_several_officials_are_separate_events():
    text = (
        "Hanoi, 25 August 2023 – A delegation headed by Deputy Minister Tran Van Minh visited Iran. "
        "The delegation held separate meetings with Deputy Foreign Minister Ali Rezaei and with Speaker "
        "Hassan Karimi."
    )
    meetings = [e for e in values(text, "events") if e["kind"] == "meeting"]
    counterparts = sorted(
        {p["name"] for p in m["participants"]} - {"Tran Van Minh"} for m in meetings if len(m["participants"]) > 1
    )
    assert counterparts == [{"Ali Rezaei"}, {"Hassan Karimi"}]


def test_a_training_programme_has_its_provider_beneficiary_and_cohort():
    text = (
        "Abu Dhabi, 2 June 2024 – Thirty Kenyan officials began a leadership programme organised by the UAE. "
        "The 30 civil servants from Kenya will spend two weeks at government entities in the UAE."
    )
    (programme,) = values(text, "programmes")
    assert (programme["provider"], programme["beneficiary"], programme["participant_count"]) == ("AE", "KE", 30)


def test_cities_are_found_in_every_script_and_case():
    found = find_cities("ABU DHABI; в Минске; بالرياض; New Delhi")
    assert [(code, written) for code, written, _s, _e in found] == [
        ("AE", "ABU DHABI"),
        ("BY", "Минске"),
        ("SA", "بالرياض"),
        ("IN", "New Delhi"),
    ]


def test_the_guest_of_a_passive_reception_is_the_visitor():
    text = (
        "KUWAIT CITY, 3 June 2024 — Saudi Minister of Foreign Affairs Prince Faisal bin Farhan was received today "
        "by Kuwait's Amir Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah at Bayan Palace."
    )
    (delegation,) = values(text, "delegations")
    assert (delegation["origin_country"], delegation["host_country"]) == ("SA", "KW")
    assert delegation["head"] == "Faisal bin Farhan"


def test_an_invitation_to_visit_is_not_a_visit():
    text = "Manama, 5 May 2024. The Prime Minister received an invitation to visit the Republic of Korea."
    assert values(text, "delegations") == []


def test_arabic_vowel_marks_do_not_hide_a_signing():
    text = "بغداد في 20 نوفمبر 2024 – وَقَّعَ الأردن والعراق اليوم مذكرة تفاهم في مجال الخدمة المدنية."
    (agreement,) = values(text, "agreements")
    assert agreement["status"] == "signed"
    assert sorted(agreement["parties"]) == ["IQ", "JO"]


def test_a_numeric_dateline_dates_the_article():
    result = extract_all("Бишкек, 06.04.23. /Кабар/. Министры иностранных дел провели переговоры сегодня.")
    assert result["document_date"] == "2023-04-06"
