from __future__ import annotations

import pytest

from cooperation.importing.extraction.countries import countries_in, extract_countries, find_countries


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Belarusian group", "BY"),
        ("в составе белорусской делегации", "BY"),
        ("Посол в Республике Беларусь", "BY"),
        ("وزير خارجية بيلاروس", "BY"),
        ("with Emirati officials", "AE"),
        ("Посол Объединённых Арабских Эмиратов", "AE"),
        ("حكومة الإمارات", "AE"),
        ("وفد إماراتي", "AE"),
        ("Kazakhstani civil servants", "KZ"),
        ("казахстанские госслужащие", "KZ"),
        ("جمهورية كوريا الجنوبية", "KR"),
        ("the Kyrgyz Republic", "KG"),
        ("والأردن", "JO"),
    ],
)
def test_names_adjectives_and_inflections_give_the_country(text, code):
    assert countries_in(text) == [code]


def test_each_country_is_reported_once_with_every_mention_as_evidence():
    text = "Belarus and the UAE met. The Belarusian side thanked the Emirati hosts."
    found = {f.value["code"]: f for f in extract_countries(text)}
    assert set(found) == {"BY", "AE"}
    assert found["BY"].value["mentions"] == 2
    assert text[found["AE"].evidence.start : found["AE"].evidence.end] == "UAE"


def test_a_longer_name_wins_over_the_shorter_inside_it():
    assert countries_in("the United Arab Emirates and the Republic of Korea") == ["AE", "KR"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # English names and demonyms, including countries the hand-written list never had
        ("a Rwandan delegation", "RW"),
        ("the Serbian minister", "RS"),
        ("Paraguayan officials", "PY"),
        ("two Filipinos", "PH"),
        ("a Swiss expert", "CH"),
        ("the Dutch ambassador", "NL"),
        ("Ivorian civil servants", "CI"),
        ("in Côte d’Ivoire", "CI"),
        ("in Cote d'Ivoire", "CI"),
        ("in Papua New Guinea", "PG"),
        ("Equatorial Guinea", "GQ"),
        ("the Nigerian side", "NG"),
        ("Nigeria", "NG"),
        ("a Nigerien delegation", "NE"),
        ("the Dominican Republic", "DO"),
        ("South Sudan", "SS"),
        ("the Republic of the Sudan", "SD"),
        ("DR Congo", "CD"),
        ("the Democratic Republic of the Congo", "CD"),
        ("Congo", "CG"),
        ("South Korea", "KR"),
        ("the DPRK", "KP"),
        ("the United States of America", "US"),
        ("the U.S. ambassador", "US"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Eswatini", "SZ"),
        ("Myanmar (Burma)", "MM"),
        ("Saint Kitts and Nevis", "KN"),
        # Russian: names in oblique cases, adjectives in any ending, multi-word names where every word inflects
        ("в Сербии", "RS"),
        ("с Сербией", "RS"),
        ("из Парагвая", "PY"),
        ("парагвайской делегации", "PY"),
        ("руандийская сторона", "RW"),
        ("в Руанде", "RW"),
        ("Беларусью", "BY"),
        ("в Южной Корее", "KR"),
        ("Саудовской Аравии", "SA"),
        ("с Объединёнными Арабскими Эмиратами", "AE"),
        ("эмиратской стороной", "AE"),
        ("Соединёнными Штатами", "US"),
        ("в Нигерии", "NG"),
        ("в Нигере", "NE"),
        ("Египта", "EG"),
        ("Кот-д’Ивуара", "CI"),
        ("в Папуа — Новой Гвинее", "PG"),
        ("Демократической Республики Конго", "CD"),
        ("Королевства Саудовская Аравия", "SA"),
        ("в Самоа", "WS"),
        # Arabic: attached prefixes, the article, and nisba adjectives in every number and gender
        ("وفد رواندي", "RW"),
        ("الوفد البرازيلي", "BR"),
        ("البرازيليين", "BR"),
        ("الحكومة البرازيلية", "BR"),
        ("بالمملكة العربية السعودية", "SA"),
        ("للإمارات", "AE"),
        ("وللبرازيل", "BR"),
        ("بصربيا", "RS"),
        ("الجانب الصربي", "RS"),
        ("كوريا الشمالية", "KP"),
        ("الوفد الكوري الجنوبي", "KR"),
        ("وأثيوبيا", "ET"),
        ("جنوب السودان", "SS"),
        ("الكونغو الديمقراطية", "CD"),
    ],
)
def test_every_country_is_recognised_in_each_language(text, code):
    assert countries_in(text) == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Adjectives and demonyms of smaller states and territories that used to give no country
        ("Basotho officials", "LS"),
        ("a Mosotho diplomat", "LS"),
        ("Eswatini", "SZ"),
        ("the Swazi delegation", "SZ"),
        ("Timorese civil servants", "TL"),
        ("Central African troops", "CF"),
        ("Falkland Islanders", "FK"),
        ("Cook Islanders", "CK"),
        ("a Sao Tomean student", "ST"),
        ("Vanuatuan officials", "VU"),
        ("the Guinea-Bissauan side", "GW"),
        ("U.S. Virgin Islanders", "VI"),
        ("British Virgin Islanders", "VG"),
        ("Wallisian", "WF"),
        # Russian stems take every case ending
        ("коморской делегации", "KM"),
        ("коморских дипломатов", "KM"),
        ("делегация Лесото", "LS"),
        ("папуа-новогвинейская сторона", "PG"),
        ("бисау-гвинейской делегации", "GW"),
        ("маршалльская делегация", "MH"),
        ("соломонских дипломатов", "SB"),
        ("доминикская сторона", "DM"),
        ("мэнского правительства", "IM"),
        # Arabic nisbas: masculine, feminine and plural, with and without the article and attached prefixes
        ("للدبلوماسيين القمريين", "KM"),
        ("الوفد القمري", "KM"),
        ("الحكومة القمرية", "KM"),
        ("الدبلوماسيون القمريون", "KM"),
        ("الوفد الرواندي", "RW"),
        ("الحكومة الهايتية", "HT"),
        ("الرئيس الجيبوتي", "DJ"),
        ("وفد زيمبابوي", "ZW"),
        ("الزيمبابويين", "ZW"),
        ("الجانب التشيلي", "CL"),
        ("الوفد الغيني الاستوائي", "GQ"),
        ("السفارة الفاتيكانية", "VA"),
        ("الحكومة الدومينيكية", "DM"),
        ("الجانب المالاوي", "MW"),
        ("بالمسؤولين السيراليونيين", "SL"),
        ("الوفد البوروندي", "BI"),
        ("الدبلوماسيين الفيجيين", "FJ"),
        ("المملكة السوازية", "SZ"),
        ("الوفد التيموري", "TL"),
    ],
)
def test_smaller_states_adjectives_give_the_country(text, code):
    assert countries_in(text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "التقويم الهجري القمري",  # "قمري" is "lunar" before it is Comorian
        "خلال الشهر القمري",
        "السنة القمرية",
        "في العصر التيموري",  # Timurid, not Timorese
        "the Economic Community of Central African States",
    ],
)
def test_adjectives_that_are_also_common_words_are_blocked_in_their_usual_phrases(text):
    assert countries_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "a roast turkey",  # English names are case-sensitive
        "a chad of paper",
        "Arab states",  # not a country on its own
        "New Mexico and New Jersey",  # a US state that contains a country's name
        "across Latin America",
        "the Indian Ocean",
        "Латинской Америки",
        "того же мнения",  # "Того" the country is capitalised
        "само собой",  # "Самоа" does not decline
        "في أمريكا اللاتينية",
        "الدعم المالي",  # "مالي" is "financial" before it is Mali
    ],
)
def test_words_that_only_look_like_countries_are_not_countries(text):
    assert countries_in(text) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Guinea, Guinea-Bissau and Papua New Guinea", ["GN", "GW", "PG"]),
        ("Niger and Nigeria", ["NE", "NG"]),
        ("Dominica and the Dominican Republic", ["DM", "DO"]),
        ("Sudan and South Sudan", ["SD", "SS"]),
        ("Korea and North Korea", ["KR", "KP"]),
        ("Congo and DR Congo", ["CG", "CD"]),
        ("Serbian-US relations", ["RS", "US"]),
        ("российско-китайские отношения", ["RU", "CN"]),
        ("كوريا وكوريا الشمالية", ["KR", "KP"]),
    ],
)
def test_the_longest_name_wins_and_neighbours_stay_apart(text, codes):
    assert countries_in(text) == codes


def test_find_countries_gives_spans_in_text_order():
    text = "The Rwandan and Serbian delegations"
    assert [(code, text[start:end]) for code, start, end in find_countries(text)] == [
        ("RW", "Rwandan"),
        ("RS", "Serbian"),
    ]


def test_an_ambiguous_name_is_less_certain_until_an_unambiguous_mention():
    jordan_alone = extract_countries("a meeting with Jordan")[0]
    assert jordan_alone.confidence < 0.8
    both = extract_countries("a meeting with Jordan and the Jordanian minister")[0]
    assert both.value["mentions"] == 2
    assert both.confidence == 0.95


def test_every_iso_country_has_a_name_in_each_language():
    from cooperation.importing.extraction.build_country_forms import iso_codes
    from cooperation.importing.extraction.countries import _DATA

    codes = iso_codes()
    assert len(codes) == 249
    for language in ("en", "ru", "ar"):
        assert set(codes) <= set(_DATA["forms"][language].values()), language


@pytest.mark.parametrize(
    "text",
    [
        "a course for French-speaking diplomats",
        "taught in the Spanish language",
        "лекции на французском языке",
        "الدبلوماسيين الأفارقة الناطقين باللغة الفرنسية",
    ],
)
def test_a_language_is_not_its_country(text):
    assert countries_in(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("توجو", "TG"), ("الجابون", "GA"), ("بنجلاديش", "BD"), ("السنجال", "SN"), ("المغرب", "MA")],
)
def test_egyptian_spellings_with_jim_name_the_country(text, code):
    assert countries_in(text) == [code]


def test_a_western_region_is_not_read_with_jim():
    assert countries_in("الصحراء الجربية") == []
