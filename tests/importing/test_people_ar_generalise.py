"""Arabic people: shapes of Arabic news the first rules missed (lists, sides of a signing, regnal numbers,
transliterated names that look like Arabic words), and the prose around them that is still no name. Invented
sentences, none taken from the corpus."""

from __future__ import annotations

import pytest

from cooperation.importing.extraction.people import extract_people
from cooperation.importing.extraction.people_ar import extract_arabic


def names(text: str) -> set[str]:
    return {p.value["normal"] for p in extract_people(text, language="ar")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nationality adjective as an item of a list of counterparts, or a side of a signing
        ("والتقى الوزير نظيره الكيني جمال أحمد، والبرتغالي باولو رانجيل.", {"جمال أحمد", "باولو رانجيل"}),
        ("ووقعها عن الجانب القرغيزي أديلبيك قاسم علييف.", {"أديلبيك قاسم علييف"}),
        # «كلاً من» opens a list; a name joined to a found one by و or a comma is one too
        ("وضم الوفد كلاً من فلاديمير سافونوف وميخائيل أوليانوف.", {"فلاديمير سافونوف", "ميخائيل أوليانوف"}),
        ("وهم السادة: خالد العتيبي، وفهد الدوسري، وسعيد الغامدي.", {"خالد العتيبي", "فهد الدوسري", "سعيد الغامدي"}),
        # a regnal number belongs to the name
        ("واستقبل جلالة الملك محمد السادس الوفد.", {"محمد السادس"}),
        # a title with a preposition, a definite noun or a feminine noun right after a transliterated name
        ("والتقى بوزير خارجية كوريا تشو تاي يول.", {"تشو تاي يول"}),
        ("وترأس وزير الخارجية الغاني صامويل أبلاكوا الجولة الثانية.", {"صامويل أبلاكوا"}),
        ("وقدم السفير مارتن كوبلر نسخة من أوراق اعتماده.", {"مارتن كوبلر"}),
        # a given name that is also an everyday word, right after an honorific
        ("وحضر الشيخ صباح سالم الحمود الاجتماع.", {"صباح سالم الحمود"}),
        # Gulf names: a father's name with the article before the family name
        ("وتلقى سمو الشيخ جابر المبارك الحمد الصباح برقية.", {"جابر المبارك الحمد الصباح"}),
        # a Maghrebi family name in ة before a title; a kunya with ال ends the name
        ("واستقبل السيد عمار بلعيدة وزير العدل الوفد.", {"عمار بلعيدة"}),
        ("وتسلم أحمد أبو الفتوح رسالة من الوزير.", {"أحمد أبو الفتوح"}),
        # "Walter", "Anne": a name that reads like a conjunction with the article or a function word
        ("وقال الرئيس فالتر شتاينماير إن الزيارة مهمة.", {"فالتر شتاينماير"}),
        ("وقالت السفيرة الكندية آن ماري توماس إن بلادها تدعم المبادرة.", {"آن ماري توماس"}),
        # Persian keyboard letters are the same letters
        ("واستقبل وزیر الخارجیة الدکتور علی بن محمد الکعبی الوفد.", {"علی بن محمد الکعبی"}),
        # a name set off by commas after a whole title phrase, a counterpart or a listed nationality
        ("والتقى وزير الشؤون الخارجية والتعاون لجمهورية غامبيا، مامادو تانغارا، الوفد.", {"مامادو تانغارا"}),
        (
            "وتباحث مع نظيره الهولندي، كاسبار فيلدكامب، ونظيرتيه الكندية، ميلاني جولي.",
            {"كاسبار فيلدكامب", "ميلاني جولي"},
        ),
        (
            "والتقى ولي العهد الإسباني، فيليبي دي بوربون، والتشيلية، أنطونيا أوريخولا.",
            {"فيليبي دي بوربون", "أنطونيا أوريخولا"},
        ),
        # a name in quotation marks after a title; a given name with the article closed by punctuation
        ('وتسلم الوزير من السفير "نغوين فان تونغ" أوراق اعتماده.', {"نغوين فان تونغ"}),
        ("وودّع الرئيس السفير الطاهر الحسن.", {"الطاهر الحسن"}),
        # a first word that is also a verb, before an accusative title
        ("وتقبل أوراق اعتماد السفير قدم علي زاده سفيراً لجمهورية أذربيجان.", {"قدم علي زاده"}),
        # Vietnamese syllables in ـينه/ـانه; Egyptian ه for ة
        ("واستقبل رئيس الوزراء الفيتنامي فام مينه تشينه الوفد.", {"فام مينه تشينه"}),
        ("وقالت وزيرة الهجرة نبيله مكرم إن الوزارة تتابع.", {"نبيله مكرم"}),
        ("وحضر اللقاء محمد شحاته، مدير الإدارة.", {"محمد شحاته"}),
        # a two-word nationality, a two-word country, a country as a given name
        ("وبحث مع وزيرة العلاقات الدولية الجنوب أفريقية ناليدي باندور التعاون.", {"ناليدي باندور"}),
        ("والتقى رئيس وزراء جزر سليمان جيريميا مانيلي.", {"جيريميا مانيلي"}),
        ("واستقبلت رئيسة الوزراء الإيطالية جورجيا ميلوني الرئيس.", {"جورجيا ميلوني"}),
        # the subject of a verb of the genre's acts, closed by a comma
        ("وأجرى ناصر بوريطة، يوم الاثنين، مباحثات مع الوفد.", {"ناصر بوريطة"}),
        # "his guest" stands for a counterpart before a nationality adjective
        ("وعقد الوزير جلسة مباحثات مع ضيفه الروسي سيرغي لافروف.", {"سيرغي لافروف"}),
        # given names that open like an imperfect verb; a family name in ة closed by commas
        ("وقالت السفيرة الروسية يكاترينا ماكاروفا إن بلادها.", {"يكاترينا ماكاروفا"}),
        ("وحضر سفير جمهورية النيجر لدى المملكة، سيني كوناتة، والسفير.", {"سيني كوناتة"}),
        # the giver of credentials between «من» and the papers
        ("وتسلم الوزير اليوم من لي جيان وي نسخة من أوراق اعتماده.", {"لي جيان وي"}),
    ],
)
def test_a_named_official_is_found(text, expected):
    assert expected <= names(text), names(text)


@pytest.mark.parametrize(
    "text",
    [
        "وتلقى ولي العهد اتصالا هاتفيا من رئيس وزراء اليابان.",
        "وأوضح رئيس البعثة مدى اهتمام بلاده بتطوير العلاقات.",
        "وأكد الجانب الروسي استعداده، وقدم الجانب الصيني منحا دراسية.",
        "وأجرى رئيس الوزراء محادثات مع نظيره، واستعرض المستجدات.",
        "وقال المتحدث باسم الحكومة إن المباحثات تناولت ملفات إقليمية.",
        "وأكد رئيس الوزراء دعم الحكومة الكامل للمبادرة.",
        "وتناول اللقاء كلا من التعاون الاقتصادي والتجاري.",
        # commas after a title set off prose, not a name
        "وقال وزير الخارجية، يوم الأحد، إن بلاده تدعم الحوار.",
        "وناقش وزير الصناعة، ملفات التعاون الصناعي، مع الجانب الصيني.",
        "وتسلم وزير الخارجية، رسالة خطية، من نظيره.",
        "وأجرى وزير الخارجية، اتصالاً هاتفياً، مع نظيره.",
        "وأكد رئيس الوزراء حرصه على التعاون.",
        "وقام الوزير، بزيارة رسمية إلى بكين، التقى خلالها نظيره.",
        "وتلقى الوزير من وزارة الخارجية نسخة من المذكرة.",
    ],
)
def test_prose_around_titles_is_no_name(text):
    assert names(text) == set()


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # with no comma, the title after a subject that precedes another person is that person's
        ("واستقبل الرئيس المصري عبد الفتاح السيسي رئيس وزراء اليونان كيرياكوس ميتسوتاكيس.", "عبد الفتاح السيسي", "EG"),
        ("واستقبل السلطان هيثم بن طارق الرئيس الإيراني إبراهيم رئيسي.", "هيثم بن طارق", ""),
        # an apposition takes the title phrase before it
        ("والتقى رئيس الوزراء الجزائري، نذير العرباوي، وزير خارجية كازاخستان، مراد نورتليو.", "نذير العرباوي", "DZ"),
        # «المالي» is Malian after a definite title or a counterpart, "financial" elsewhere
        ("واستقبل الرئيس المالي آسيمي غويتا الوفد.", "آسيمي غويتا", "ML"),
        ("والتقى الوزير نظيره المالي عبد الله ديوب.", "عبد الله ديوب", "ML"),
        ("وقال المستشار المالي محمد أحمد إن الميزانية تحسنت.", "محمد أحمد", ""),
        # a counterpart's nationality is his, whatever the title before the chain
        ("والتقى الوزير نظيره الأذربيجاني جيحون بيراموف.", "جيحون بيراموف", "AZ"),
    ],
)
def test_a_title_is_given_to_its_own_holder(text, name, country):
    found = {m.normal: m.country for m in extract_arabic(text)}
    assert found.get(name) == country, found
