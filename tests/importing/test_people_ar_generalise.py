"""Arabic people: shapes of Arabic news the first rules missed (lists, sides of a signing, regnal numbers,
transliterated names that look like Arabic words), and the prose around them that is still no name. Invented
sentences, none taken from the corpus."""

from __future__ import annotations

import pytest

from cooperation.importing.extraction.people import extract_people


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
    ],
)
def test_prose_around_titles_is_no_name(text):
    assert names(text) == set()
