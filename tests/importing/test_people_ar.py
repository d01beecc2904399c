"""Arabic people: the shapes Arabic news uses to name an official, on invented sentences."""

from __future__ import annotations

import pytest

from cooperation.importing.extraction.people import extract_people
from cooperation.importing.extraction.people_ar import extract_arabic

from .extracted import cases_by_shape


def found(text: str) -> dict[str, dict]:
    return {p.value["normal"]: p.value for p in extract_people(text, language="ar")}


@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        ("وافتتح سمو الشيخ منصور بن خالد آل قاسم المعرض.", "منصور بن خالد آل قاسم", "سمو الشيخ"),
        ("وشارك معالي الدكتور راشد سعيد الحمادي في الجلسة.", "راشد سعيد الحمادي", "معالي الدكتور"),
        ("استقبل صاحب السمو الأمير نايف بن سعود بن تركي الوفد الزائر.", "نايف بن سعود بن تركي", "صاحب السمو الأمير"),
        ("وتحدثت سعادة الشيخة شمسة بنت حمد آل ظافر عن المبادرة.", "شمسة بنت حمد آل ظافر", "سعادة الشيخة"),
        ("وأشار د. يوسف عادل الكندي إلى النتائج.", "يوسف عادل الكندي", "د."),
    ],
)
def test_an_honorific_chain_is_not_part_of_the_name_and_does_not_end_it(text, name, honorific):
    people = found(text)
    assert name in people, people
    assert people[name]["honorific"] == honorific


def test_a_name_followed_by_a_comma_and_a_title_keeps_no_comma_and_gets_the_title():
    text = "واستقبل سعادة حميد سالم المنصوري، وكيل وزارة الطاقة، وفداً من أوزبكستان في دبي."
    person = found(text)["حميد سالم المنصوري"]
    assert person["name"] == "حميد سالم المنصوري"
    assert person["title"] == "وكيل وزارة الطاقة"
    assert person["organisation"] == "وزارة الطاقة"


def test_a_name_followed_by_a_title_without_a_comma_and_one_in_a_list():
    text = "ووقع الاتفاقية كل من نورة ماجد الزعابي مديرة إدارة الشراكات، ومروان طارق العمري رئيس قطاع التدريب."
    people = found(text)
    assert set(people) == {"نورة ماجد الزعابي", "مروان طارق العمري"}
    # The conjunction of the list belongs to the sentence: kept as written, dropped from the normal form.
    assert people["مروان طارق العمري"]["name"] == "ومروان طارق العمري"
    assert people["مروان طارق العمري"]["title"] == "رئيس قطاع التدريب"


def test_a_title_before_the_name_anchors_it_and_becomes_its_title():
    text = "وأكد وزير الاتصالات خليفة جاسم البلوشي أن المنصة ستطلق العام المقبل."
    person = found(text)["خليفة جاسم البلوشي"]
    assert person["title"] == "وزير الاتصالات"


NAMES_READ_WHOLE = {
    "bin and al, compound given names": [
        ("وعرض محمد بن سهيل آل صباح تجربة بلاده.", "محمد بن سهيل آل صباح"),
        ("وحضرت الاجتماع مريم بنت عيسى الحوسني مستشارة الهيئة.", "مريم بنت عيسى الحوسني"),
        ("وقالت سلمى راشد الكتبي إن البرنامج حقق أهدافه.", "سلمى راشد الكتبي"),
        ("وأوضحت منيرة عبد الله الفارس، مديرة المشروع، أن التسجيل مفتوح.", "منيرة عبد الله الفارس"),
    ],
    "ould and bint": [
        # The word before ولد is the person's own given name, known or not.
        ("ويضم الوفد كذلك امبارك ولد بلال سفير موريتانيا لدى مصر.", "امبارك ولد بلال"),
        # A given name with the article starts a name, after a conjunction too.
        ("فضلاً عن المختار ولد بابا المدير العام للمراسم.", "المختار ولد بابا"),
        ("ومحمد الأمين ولد سيدي، والحسين ولد الداه المستشار برئاسة الجمهورية.", "الحسين ولد الداه"),
        # After ولد/بنت, الشيخ is a family name.
        ("وحضرت السيدة مريم بنت الشيخ وزيرة الثقافة الحفل.", "مريم بنت الشيخ"),
    ],
    "foreign name after a whole title phrase": [
        # After a title phrase that names a state, a foreign name follows ("بجمهورية" has a preposition on it).
        ("وجهها إليه رئيس الوزراء بجمهورية فنلندا آرتو ميكولا.", "آرتو ميكولا"),
        ("واستقبل سفير جمهورية الفلبين لدى الدولة خوسيه ريكاردو، الذي نقل رسالة.", "خوسيه ريكاردو"),
        # After a title without a nationality, a foreign name ends where the sentence plainly goes on.
        ("ووقع الاتفاق رئيس الوزراء نواز بهادور وولي العهد الأمير سالم بن ناصر.", "نواز بهادور"),
    ],
    "starting with the article": [
        # A given name with the article (unknown, before ولد) or after an honorific, before a word without it.
        ("بحضور معالي الوزير المكلف بالديوان السيد الداهي ولد اعلي، ومستشاريه.", "الداهي ولد اعلي"),
        ("وحضرت سعادة السيدة الهنوف صالح، المكلف بمهام مدير الإدارة.", "الهنوف صالح"),
        ("وحضرت السيدة العنود الشامسي مديرة الإدارة الاجتماع.", "العنود الشامسي"),
        # A family name with the article before ولد does not end the name.
        ("والسفير السيد محمد الأمين ولد الطالب.", "محمد الأمين ولد الطالب"),
    ],
}


@pytest.mark.parametrize(("text", "name"), cases_by_shape(NAMES_READ_WHOLE))
def test_a_name_is_read_whole(text, name):
    people = found(text)
    assert name in people, people


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("وبحث الوزير الكازاخستاني دوسبول تولوغونوف مع الجانب الإماراتي سبل التعاون.", "دوسبول تولوغونوف", "KZ"),
        ("والتقى نظيره الروسي بافيل سوروكين في موسكو.", "بافيل سوروكين", "RU"),
        ("وأكد وزير الداخلية الكوري لي سانغ مين أهمية الشراكة.", "لي سانغ مين", "KR"),
        ("وتسلمت معالي السيدة غولنارا بيكوفا، وزيرة العدل، نسخة من التقرير.", "غولنارا بيكوفا", ""),
    ],
)
def test_a_foreign_name_after_a_nationality_adjective_or_honorific_is_found(text, name, country):
    people = found(text)
    assert name in people, people
    assert people[name]["country"] == country


def test_a_foreign_name_followed_by_a_comma_and_a_title():
    text = "وحضر الحفل وتيمور نازاروف، سفير جمهورية طاجيكستان لدى الدولة، وعدد من المسؤولين."
    people = found(text)
    assert set(people) == {"تيمور نازاروف"}
    assert people["تيمور نازاروف"]["country"] == "TJ"


NOT_PEOPLE = {
    "institutions, places, titles and verbs": [
        "وتخرج المشاركون في برنامج مدرسة محمد بن راشد للإدارة الحكومية بدبي.",
        "وأعلنت مؤسسة محمد بن راشد آل مكتوم للمعرفة نتائج المؤشر.",
        "وفاز المركز بجائزة الشيخ خليفة للتميز الحكومي.",
        "وزار الوفد جامع الشيخ زايد الكبير ومطار زايد الدولي وجامعة خليفة.",
        "وتقع المنشأة على شارع الشيخ محمد بن زايد في مدينة محمد بن زايد.",
        "ووقعت وزارة الاقتصاد وهيئة تنظيم الاتصالات مذكرة تفاهم مع مكتب أبوظبي للاستثمار.",
        "ورحب معالي الوزير بالحضور، وأشاد سعادة المدير العام بجهود الفرق.",
        "وبحث رئيس مجلس الوزراء الأردني مع رئيس الوزراء الكويتي سبل التعاون.",
        "وقدم الفريق الفني مدير المشروع، ويضم فريق عمل مستشار الوزير.",
    ],
    "verbs and nouns around a title": [
        "الرئيسان يبحثان تعزيز التعاون بين البلدين",
        "وزير الخارجية ونائب رئيس مالي يشهدان توقيع اتفاقية التعاون",
        "هبطت طائرة الوزير الجزائرى في مطار تونس.",
        "وزار الوفد مكتب الرئيس جمال عبد الناصر في القاهرة.",
    ],
    "prose around titles and honorifics": [
        # A verb, a verbal noun or a word with a pronoun suffix is not a name, before or after a title.
        "رئيس الجمهورية يتسلّم أوراق اعتماد سفير كندا الجديد.",
        "وأبدى سعادة السفير الكندي سروره بتقديم أوراق اعتماده إلى الرئيس.",
        "وحظي وزير الخارجية الهندي باستقبال حار فور وصوله إلى المطار.",
        "وحظي وزير الخارجية الهندي بترحيب حار لدى وصوله.",
        "وتأتي الزيارة استجابة لدعوة وجهها وزير الخارجية.",
        "ووصل وفد قادم من البرازيل يترأسه وزير الدفاع.",
        # A state word after «سعادة» ("happiness"), a feminine noun after a nationality.
        "معرباً عن سعادة مملكة هولندا بالزيارة.",
        "واستعرض مع السفير الكندي مسيرة علاقات الصداقة بين البلدين.",
        # A ministry in the feminine is not a nationality.
        "وبحث وزير الخارجية سبل تعزيز العلاقات بين البلدين.",
        "وزير خارجية فرنسا يبحث سبل التعاون مع نظيره.",
    ],
}


@pytest.mark.parametrize("text", cases_by_shape(NOT_PEOPLE))
def test_text_that_is_not_a_person_gives_no_people(text):
    assert found(text) == {}


def test_every_arabic_name_is_the_text_at_its_offsets():
    text = (
        "استقبل معالي عبدالرحمن بن سالم الكعبي، وزير الدولة، السيد أندريه فولكوف نائب وزير التعليم الروسي، "
        "بحضور لمياء خالد الحمادي مديرة إدارة التعاون الدولي."
    )
    mentions = extract_arabic(text)
    assert {m.normal for m in mentions} == {"عبدالرحمن بن سالم الكعبي", "أندريه فولكوف", "لمياء خالد الحمادي"}
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.name
        assert not mention.name.endswith(("،", ",", "."))
        assert mention.confidence == 0.85


def test_an_unanchored_name_is_less_certain_than_a_titled_one():
    text = "وأكد سعادة علي حسن الشامسي، مدير المكتب، أهمية البرنامج. وأثنت عائشة يوسف المهيري على الجهود."
    people = {p.value["normal"]: p for p in extract_people(text, language="ar")}
    assert people["عائشة يوسف المهيري"].confidence < people["علي حسن الشامسي"].confidence


def test_a_long_article_reads_each_paragraph_as_a_short_one_would():
    # How fast is measured by `make eval` (CPU per article, the slowest one); here, that a long text is read
    # piece by piece like a short one: the same names at every repetition, none glued across paragraphs.
    paragraph = (
        "وشارك معالي الدكتور راشد سعيد الحمادي، وزير الدولة، في الجلسة التي حضرها الوزير الكازاخستاني "
        "دوسبول تولوغونوف ووفد من مؤسسة محمد بن راشد آل مكتوم للمعرفة، وناقش الجانبان سبل التعاون.\n"
    )
    once = [mention.name for mention in extract_arabic(paragraph)]
    assert once == ["راشد سعيد الحمادي", "دوسبول تولوغونوف"]
    many = [mention.name for mention in extract_arabic(paragraph * 40)]  # about 8,000 characters
    assert many == once * 40


def test_a_final_alef_maqsura_spelling_is_read_like_a_final_ya():
    text = "وأكد وزير الخارجية التونسى عثمان الجرندى فى تصريح أن المباحثات كانت مثمرة."
    people = found(text)
    assert set(people) == {"عثمان الجرندى"}
    assert people["عثمان الجرندى"]["country"] == "TN"


def test_a_participle_after_a_name_is_its_title_not_its_family_name():
    text = "وضم الوفد السيدة سلوى بنت أحمد المكلفة بمهمة برئاسة الجمهورية."
    people = found(text)
    assert set(people) == {"سلوى بنت أحمد"}
    assert people["سلوى بنت أحمد"]["title"] == "المكلفة بمهمة برئاسة الجمهورية"


def test_a_family_name_in_ta_marbuta_with_a_long_a_is_still_a_family_name():
    assert "هالة المعايطة" in found("وشاركت السيدة هالة المعايطة المستشارة في الوزارة.")


def test_an_office_holder_named_inside_an_institution_is_a_person():
    text = "ويعمل الفريق في مكتب الرئيس يوري موسيفيني رئيس أوغندا منذ سنوات."
    people = found(text)
    assert set(people) == {"يوري موسيفيني"}
    assert people["يوري موسيفيني"]["country"] == "UG"


def test_a_first_word_that_is_also_a_verb_is_a_name_between_an_honorific_and_a_title():
    people = found("والبروفسير كان مامادو وزير الصحة، وعدد من المسؤولين.")
    assert set(people) == {"كان مامادو"}
    assert people["كان مامادو"]["honorific"] == "البروفسير"


def test_titles_with_a_conjunction_in_a_list_anchor_the_names_after_them():
    text = (
        "بحضور السفير الكيني لدى المملكة جون كاماو، والسفير الأوغندي لدى المملكة أحمد علي موسى، "
        "ومدير المعهد الدبلوماسي الأوغندي يوسف كاتو، ووزير الطاقة والثروة المعدنية فهد بن سلطان العتيبي."
    )
    people = found(text)
    assert set(people) == {"جون كاماو", "أحمد علي موسى", "يوسف كاتو", "فهد بن سلطان العتيبي"}, people
    assert people["أحمد علي موسى"]["title"] == "السفير الأوغندي لدى المملكة"
    assert people["يوسف كاتو"]["country"] == "UG"
    assert people["فهد بن سلطان العتيبي"]["title"] == "وزير الطاقة والثروة المعدنية"


def test_a_name_after_a_list_opener_and_before_a_definite_title():
    text = "ووقعه كل من دوغان يلماز المدير العام للوكالة، وعبد الكريم صالح المدير العام للمعهد."
    assert set(found(text)) == {"دوغان يلماز", "عبد الكريم صالح"}


def test_a_name_ends_before_a_counterpart_or_a_verb_with_a_conjunction():
    text = "ووقع وزير النقل البرتغالي جواو فيريرا ونظيره المغربي اتفاقية، وكان الرئيس الكيني أوهورو كيماني واستغرقت."
    people = found(text)
    assert {"جواو فيريرا", "أوهورو كيماني"} <= set(people), people
    assert not any("ونظيره" in n or "واستغرقت" in n for n in people)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The noun right after an indefinite title is its complement, whatever it is.
        ("واستقبل الرئيس وزير خارجية بوليفيا خوان ميراندا على هامش القمة.", "خوان ميراندا"),
        # «إلى» and a place continue an envoy's title.
        ("بحضور المبعوث الخاص إلى اليابان نبيل حداد.", "نبيل حداد"),
        # A transliterated name after a bare definite title, ending at punctuation; one word before a full stop.
        ("ونقل رسالة من الرئيس تشو مينغ هوا، في إشارة إلى العلاقات.", "تشو مينغ هوا"),
        ("ورافقه نائب رئيس المراسم السفير بتروشنكو.", "بتروشنكو"),
        # A noun with a pronoun suffix ends a name; so does a definite verbal noun.
        ("ونقلت الصحيفة عن السفير الهندي لدى الدولة راجيف كومار قوله إن الزيارة مهمة.", "راجيف كومار"),
        ("وتولت وزيرة الخارجية الغانية أما بواتينغ التنسيق مع الوفد.", "أما بواتينغ"),
    ],
)
def test_general_shapes_of_foreign_names_after_titles(text, name):
    people = found(text)
    assert name in people, people
    assert not any(n != name and name in n for n in people), people


@pytest.mark.parametrize(
    "text",
    [
        # Places, capitals, subordinators and event nouns are never part of a name.
        "وشارك ممثلو دول الشرق الأوسط وشمال أفريقيا نائب وزير الخارجية في الاجتماع.",
        "وهو ما أحاطت به باريس وصول رئيس الحكومة.",
        "فيما وضع رئيس الوزراء الضيف في صورة التطورات.",
        "وكان الوزير بن سالم زار اليابان في العام الماضي.",
    ],
)
def test_places_and_prose_before_a_title_are_not_names(text):
    people = found(text)
    assert not any(w in n for n in people for w in ("أفريقيا", "باريس", "فيما", "اليابان")), people
