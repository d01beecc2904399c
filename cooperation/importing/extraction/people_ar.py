"""Arabic people: rules on how Arabic news names people, since no offline Arabic NER model ships its weights.

An Arabic news article names an official in a few fixed shapes, and each is an anchor here:

- an honorific chain before the name: «معالي الدكتور …», «صاحب السمو الشيخ …», «سعادة السيد …»;
- a title after the name, with or without a comma: «… المري، وزير الاقتصاد», «… الكعبي مدير المكتب»;
- a title before the name: «وزير الاقتصاد عبدالله بن طوق المري» (the name starts at a known given name), or a
  title/counterpart word and a nationality adjective before a transliterated foreign name: «الوزير الكازاخستاني
  …», «نظيره الروسي …»;
- a known given name followed by بن/بنت/آل or a family name with ال, with no anchor at all (lower confidence).
- a whole title phrase («رئيس الوزراء بجمهورية كوريا …», «رئيس الوزراء …») before a transliterated name that
  ends where the sentence plainly goes on (punctuation, a stop word, «وولي العهد», «ونظيره»).

Words of prose no name has stop a name or keep it from starting: a pronoun suffix («سروره», «وصوله»), a derived
verb or verbal noun («يتسلّم», «استجابة», «باستقبال»), a state word («مملكة»), a country.

The name itself runs over given names, the particles بن/بنت/ابن/آل/أبو/عبد/ولد with the word they govern, and
other name-like words; a family name with ال (or the word after آل) ends it. A name right after an institution
word («مؤسسة محمد بن راشد …», «جائزة الشيخ …») or right before «لل…» («… للإدارة الحكومية») is part of an
organisation's name, not a person. The given names are in ``arabic_given_names.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .countries import countries_in
from .people_base import Mention, organisation_in

_DIACRITICS = re.compile(r"[\u064b-\u0652\u0670\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Arabic letters and diacritics; Arabic punctuation (، ؛ ؟) and digits are not part of a word.
_WORD = re.compile(r"[\u0621-\u065f\u0670-\u06d3]+")
_TANWEEN = re.compile(r"[\u064b-\u064d]|اً$")


def _fold(word: str) -> str:
    """Without diacritics and tatweel, hamza on alef folded, a final ى written ي: the form every word list is
    compared in. Egyptian and Maghrebi papers write a final ي as ى ("فى", "الموريتانى", "الناجى"); only
    «على» ("on") keeps it, since «علي» is a given name."""
    folded = _DIACRITICS.sub("", word).translate(_ALEF)
    if folded.endswith("ى") and folded.lstrip("وف") != "على":
        folded = folded[:-1] + "ي"
    return folded


_FINAL_YEH = re.compile(r"ى(?=[^\u0621-\u065f\u0670-\u06d3]|$)")


def _countries(text: str) -> list[str]:
    """``countries_in`` on text whose final ى is written ي ("الموريتانى" is Mauritanian)."""
    return countries_in(_FINAL_YEH.sub("ي", text))


def _folded(words: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in words.split())


_TITLE_STEMS = (
    "وزير وزيرة رئيس رئيسة نائب نائبة سفير سفيرة مدير مديرة أمين أمينة حاكم مستشار مستشارة وكيل وكيلة عميد "
    "عميدة مساعد مساعدة عضو عضوة محافظ قنصل منسق منسقة ممثل ممثلة مندوب مندوبة مبعوث مبعوثة مفوض مفوضة ملك "
    "ملكة أمير أميرة قائد ولي سكرتير سكرتيرة ملحق متحدث ناطق مسؤول مسؤولة خبير خبيرة أستاذ أستاذة باحث باحثة "
    "مؤسس رئيسا نائبا وزيرا مكلف مكلفة معتمد معتمدة منتدب منتدبة"
)
# Titles, indefinite ("وزير الاقتصاد") and definite ("الوزير", "المدير العام").
_INDEFINITE_TITLES = _folded(_TITLE_STEMS)
_TITLES = _INDEFINITE_TITLES | {"ال" + w for w in _INDEFINITE_TITLES}
_TO = _fold("إلى")
# Honorifics and ranks that come before a name and are never part of it.
_HONORIFICS = _folded(
    "معالي سعادة سمو فخامة سماحة نيافة حضرة الشيخ الشيخة الدكتور الدكتورة د السيد السيدة الآنسة المهندس "
    "المهندسة الأستاذ الأستاذة اللواء الفريق العميد العقيد المقدم العماد القاضي الأمير الأميرة الملك الملكة "
    "السمو الجلالة المعالي السعادة الفخامة الحاج الحاجة البروفيسور البروفسور البروفسير البروفيسير البرفسور "
    "البرفيسور المستشار السفير السفيرة "
    "الوزير الوزيرة الرئيس الرئيسة القنصل المبعوث النائب"
)
# Honorific chain words that only follow another one ("صاحب السمو", "الفريق أول", "اللواء الركن").
_CHAIN_TAIL = _folded("أول الركن ركن")
_OWNER = _folded("صاحب صاحبة")
_OWNER_OF = _folded("السمو الجلالة المعالي السعادة الفخامة")
# Definite titles used like an honorific; a nationality adjective may follow them ("الوزير الكازاخستاني").
_TITLE_HONORIFICS = _folded(
    "السفير السفيرة الوزير الوزيرة الرئيس الرئيسة القنصل المبعوث النائب المستشار الأمير الأميرة الملك الملكة"
)
# "His counterpart" words: like a title before a (usually foreign) name, after a nationality adjective.
_COUNTERPARTS = _folded("نظيره نظيرته نظيرها نظيريه نظراؤه نظيرهم")
_PARTICLES = _folded("بن بنت ابن ابنة آل أبو ابو أبي بو ولد عبد")
# Words that end a name: prepositions, conjunctions, pronouns, time words, and the verbs of this genre.
_STOP = _folded(
    """
    مع عن على إلى الى من في أن إن أنه أنها أنّ التي الذي الذين اللذان اللتان اللذين كما حيث وذلك ذلك هذا هذه
    هذان تلك خلال ضمن بين عبر لدى منذ حتى بعد قبل أمام حول نحو عند ثم أو أم بل قد لقد لم لن لا ما كل كلا جميع
    بعض غير سوى يوم أمس مساء صباح ظهر عقب إثر لدى بحضور حضور برئاسة بقيادة بمشاركة مشاركة بتوجيهات توجيهات
    بتوجيه رعاية برعاية تحت إطار بحسب وفق وفقا وسط بصفته بوصفه باعتباره ممثلا نيابة عنه عنها له لها به بها
    فيه فيها منه منها إليه إليها عليه عليها وهو وهي هو هي هم كلمة بيان تصريح تصريحات لقاء اجتماع زيارة وفد
    وفدا مذكرة اتفاقية تفاهم جهته جهتها جانبه جانبها قال قالت أكد أكدت أضاف أضافت شدد شددت أبرم أبرمت وقع
    وقعت وقّع التقى التقت استقبل استقبلت زار زارت بحث بحثت ناقش ناقشت ترأس ترأست يرأس ترأسه عقد عقدت شارك
    شاركت أعلن أعلنت أوضح أوضحت أشار أشارت أعرب أعربت رحب رحبت شهد شهدت حضر حضرت افتتح افتتحت دشن دشنت أطلق
    أطلقت تسلم تسلمت سلم سلمت قدم قدمت ألقى ألقت نوه نوهت أشاد أشادت ثمن ثمنت اجتمع اجتمعت تناول تناولت
    استعرض استعرضت تباحث تباحثت أجرى أجرت التقيا وقعا بحثا يستقبل تستقبل يلتقي تلتقي يبحث تبحث يوقع توقع
    يشارك تشارك يزور تزور يترأس ترحب يرحب يؤكد تؤكد يشهد تشهد كان كانت أصبح ليس يعد يعتبر جاء جرى تم يتم
    أفاد أفادت لفت لفتت نقل نقلت أجاب رأس ضم ضمت تضمن يضم وتضم أناب كرم كرمت هنأ هنأت بعث بعثت تلقى تلقت
    اطلع اطلعت تفقد تفقدت أثنى أثنت دعا دعت طالب طالبت أوصى أوصت عبر عبرت شكر شكرت يرافقه يرافقها رافقه
    المرافق يمثل تمثل يتقدمهم يضم قام قامت أمام لصالح مثل تولى تولت تولاها يتولى ترأسها أدار أدارت
    كذلك أيضا أيضاً فضلا علاوة إضافة بالإضافة
    فيما بينما عندما حينما حين لما إذ إذا كلما ريثما
    """
)
# Words that continue a title phrase although they are stop words elsewhere ("سفير مصر في …", "لدى المملكة").
_INSIDE_TITLE = _folded("في لدى")
# "المستشار برئاسة الجمهورية": «برئاسة» ends a title ("وفد برئاسة …") unless the presidency itself follows.
_AT_THE_SEAT_OF = _fold("برئاسة")
_SEATS = _folded("الجمهورية الحكومة الوزراء مجلس")
# "ولد الشيخ", "بنت الشيخ": after a particle of descent الشيخ is a family name, not an honorific.
_SHEIKH = _folded("الشيخ الشيخة")
_MAGHREB_LINEAGE = _folded("ولد بنت")
_FUNCTION_WORDS = _folded("مع عن على إلى الى من في أن إن التي الذي كما حيث ذلك هذا هذه خلال بين لدى منذ و أو ثم")
# Everyday nouns that come right before a title ("يضم فريق عمل مستشار …") and are never part of a name.
_COMMON_NOUNS = _folded(
    """
    فريق عمل مجموعة عدد جانب طرف كبار ممثلي أعضاء رؤساء وزراء سفراء مدراء مديري مسؤولي قادة خبراء موظفي
    موظفو ممثلو بحضورها بحضوره سيدة رجل نساء رجال شباب طلاب طالب مشاركين مشاركون دولة مملكة جمهورية
    إمارة سلطنة أوراق نسخة
    وصول قدوم مغادرة توقيع استقبال تعيين انتخاب تكليف تنصيب تسلم تسليم
    """
)
# Compass points, continents, regions and capitals: places, never part of a person's name ("وشمال أفريقيا نائب
# وزير …", "أحاطت به موسكو وصول رئيس …"). Countries are recognised by ``countries_in``; these are not.
_PLACES = _folded(
    """
    شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي أفريقيا إفريقيا آسيا أوروبا أمريكا أميركا أوقيانوسيا
    موسكو بكين واشنطن لندن باريس برلين طوكيو روما مدريد أنقرة إسطنبول اسطنبول طهران بغداد دمشق بيروت
    مسقط أبوظبي دبي الشارقة الدوحة المنامة الرياض جدة القاهرة الخرطوم طرابلس الرباط نواكشوط صنعاء عدن
    القدس غزة جنيف نيويورك بروكسل فيينا نيودلهي كابول باكو داكار نيروبي شنغهاي
    """
)
# Institutions: a name right after one of these is the institution's name ("مؤسسة محمد بن راشد").
_ORG_WORDS = _folded(
    "مؤسسة جائزة مدرسة جامعة مركز برنامج مبادرة مجمع مستشفى شارع ميناء مدينة متحف حديقة مسجد جامع قاعة قصر "
    "أكاديمية معهد كلية مكتبة صندوق كرسي منحة مطار جسر نادي بطولة كأس مسابقة منطقة مجلس وزارة هيئة لجنة "
    "دائرة مكتب حكومة شركة مجموعة مصرف بنك مشروع منصة قمة مؤتمر منتدى قلادة ميدالية مختبر مرصد محطة حي "
    "ضاحية سد مستشفيات مراكز جوائز مدارس برامج منحة شارع طريق استراتيجية مئوية وثيقة زمالة نفق حي قمر"
)
# Words in a title phrase between the title and the name ("وزير شؤون مجلس الوزراء …", "سفير جمهورية …").
_TITLE_NOUNS = _folded(
    "دولة شؤون شئون مجلس وزارة هيئة إدارة دائرة مكتب مركز لجنة قطاع مؤسسة جهاز ديوان وزراء عام إمارة جمهورية "
    "مملكة سلطنة حكومة أمناء جامعة كلية معهد أكاديمية بلدية محافظة منطقة شرطة قيادة أركان بنك مصرف شركة صندوق "
    "اتحاد غرفة سوق رابطة جمعية برلمان نواب شيوخ مجلسي وزير وكيل أول دبي أبوظبي الشارقة عجمان"
)
_STATE_WORDS = _folded("جمهورية مملكة دولة إمارة سلطنة")
# "ال" words that continue a given name ("نور الدين", "عبد الله") instead of ending it as a family name.
_AL_CONTINUES = _folded("الدين الله الرحمن الإسلام")
# "ال" words that follow names but are not family names.
_AL_NOT_NAME = _folded(
    """
    اليوم الماضي الجاري المقبل الحالي الأسبوع الشهر العام الجانب الجانبان الجانبين البلدين البلدان الطرفين
    الطرفان الوفد الوفود الدولة الحكومة المملكة الإمارات القمة الاجتماع اللقاء الزيارة المذكرة الاتفاقية
    التعاون العلاقات الأول الثاني الثالث المعظم الأعلى الضيف الضيفة الضيوف الحضور المشاركين المشاركون
    الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الموافق المرافق المرافقة الرسمي الرسمية
    العاصمة البلاد الجمهورية المدينة الرياض القاهرة الكويت الدوحة المنامة
    """
)
# Adjectives ending in ي/ية that are not nationalities (so "الرئيس التنفيذي" is not "the Xian president").
_NOT_NATIONALITY_MASCULINE = _folded(
    """
    التنفيذي الإداري المالي الفني الرسمي الحكومي الاقتصادي السياسي الإقليمي الدولي العالمي الوطني الاتحادي
    المحلي الرقمي الاستراتيجي التقني الأكاديمي العلمي الثقافي الإعلامي القانوني العسكري الأمني التجاري
    الاستثماري الصحي البيئي الصناعي الزراعي الرياضي السياحي الاجتماعي التعليمي الإنمائي القومي الشعبي
    النيابي التشريعي القضائي الدبلوماسي الفعلي الحالي الماضي الثاني الجاري الإلكتروني الذكي المعرفي
    التنموي الإنساني الدائمي الخارجي الداخلي الحكومي الشرفي الفخري الأساسي الرئيسي المستقبلي
    """
)
_NOT_NATIONALITY = _NOT_NATIONALITY_MASCULINE | {w + "ة" for w in _NOT_NATIONALITY_MASCULINE}

# Verbs of saying, and what follows the speaker: "وقالت عائشة ميران إن …", "وأكد سالم الكعبي أن …".
_SPEECH_VERBS = _folded("قال قالت أكد أكدت أوضح أوضحت أضاف أضافت أشار أشارت شدد شددت لفت لفتت صرح صرحت نوه نوهت")
_SPEECH_FOLLOWERS = _folded("أن إن أنه أنها بأن")

# Definite titles of an office (not of a royal house): "مكتب الرئيس …" is the president's office, a person; "جامعة
# الملك سعود" is a university.
_OFFICE_HONORIFICS = _folded("الرئيس الرئيسة الوزير الوزيرة السفير السفيرة القنصل المبعوث النائب المستشار")
# Particles of descent: the word before one is the person's own given name ("اسلكو ولد احمد", "سلمى بنت …").
_LINEAGE = _folded("بن بنت ابن ابنة ولد")

_MAX_FREE_WORDS = 4  # name words not governed by a particle: "محمد حسين بحر العلوم"


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int
    fold: str
    bare: str  # without diacritics, hamza kept: "إلهام" and "ألكسندر" do not start with the article


@cache
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(every given name, the ones that are also everyday words), folded."""
    names: set[str] = set()
    ambiguous: set[str] = set()
    path = Path(__file__).with_name("arabic_given_names.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, mark = line.partition(" ")
        names.add(_fold(word))
        if mark.strip() == "?":
            ambiguous.add(_fold(word))
    return frozenset(names), frozenset(ambiguous)


def _chain_word(fold: str) -> str:
    """An honorific with a conjunction or preposition attached ("وسعادة", "لسمو", "للشيخ") without it."""
    if fold in _HONORIFICS or fold in _OWNER or fold in _COUNTERPARTS:
        return fold
    if fold.startswith("لل"):
        return "ال" + fold[2:]
    return fold[1:] if fold[:1] in "وبلف" else fold


def _strip_conjunction(fold: str) -> str:
    return fold[1:] if len(fold) > 3 and fold[0] in "وف" else fold


def _is_stop(fold: str) -> bool:
    return fold in _STOP or _strip_conjunction(fold) in _STOP


def _is_title(fold: str, *, prefixed: bool = False) -> bool:
    return fold in _TITLES or (prefixed and fold[:1] == "و" and fold[1:] in _TITLES)


def _is_org(fold: str) -> bool:
    for prefix in ("", "و", "ل", "ب", "ال", "لل", "وال", "بال", "ول", "وب"):
        if fold.startswith(prefix) and fold[len(prefix) :] in _ORG_WORDS:
            return True
    return False


def _is_al(token: _Token) -> bool:
    return token.bare.startswith("ال") and len(token.bare) > 3


def _has_attached_article(bare: str) -> bool:
    """ "والوفد", "بالوزارة", "للإدارة": a conjunction or preposition on a definite noun, never a name."""
    return any(bare.startswith(p) and len(bare) > len(p) + 1 for p in ("وال", "بال", "فال", "كال", "لل"))


def _is_nationality(token: _Token) -> bool:
    fold = token.fold
    if not _is_al(token) or fold in _NOT_NATIONALITY or fold in _AL_NOT_NAME:
        return False
    return bool(_countries(token.text)) or (len(fold) >= 6 and fold.endswith(("ي", "ية")))


def _verb_like(fold: str) -> bool:
    """An imperfect verb in the dual or the plural: a prefix يـ/تـ and a suffix ـان/ـون ("يشهدان", "تبحثان",
    "ويجتمعون"). A long vowel right after the prefix is a transliterated name instead ("تايسون", "يوهانسون" has
    و, but only a name's first word is tested, never a surname)."""
    if fold[:1] in "وف" and len(fold) > 6:
        fold = fold[1:]
    return len(fold) >= 6 and fold[0] in "يت" and fold[1] not in "اي" and fold.endswith(("ان", "ون"))


def _adjective_after_name(fold: str) -> bool:
    """ "المكلفة", "المعتمدة", "المنتدبة": a feminine participle with the article after a name is a title or an
    adjective, not a family name (family names in ال…ة have a long ا: "المعايطة", "الطراونة")."""
    return fold.startswith("الم") and fold.endswith("ة") and 7 <= len(fold) <= 9 and "ا" not in fold[3:-1]


def _pronoun_suffixed(fold: str) -> bool:
    """ "سروره", "وصوله", "وجهها": a noun or a verb with an attached pronoun ـه/ـها. Names ending in ـيه/ـاه/ـوه
    ("أندريه", "الداه") and «الله» are kept; four letters are enough ("قوله", "بلده"): a known given name is kept
    by the caller."""
    if len(fold) < 4:
        return False
    return fold.endswith("ها") or (fold.endswith("ه") and not fold.endswith(("يه", "اه", "وه", "الله")))


def _derived_form(fold: str) -> bool:
    """A derived verb or verbal noun, never a name: a form X «است…» ("استجابة", "باستقبال", "واستغرقت") or an
    imperfect of form V/VI/X «يت…/يست…/تت…/تست…» ("يتسلّم", "يترأسه")."""
    stem = fold[1:] if fold[:1] in "وفبل" and len(fold) > 6 else fold
    if stem.startswith("است") and len(stem) >= 6:
        return True
    stem = fold[1:] if fold[:1] in "وف" and len(fold) > 5 else fold
    return len(stem) >= 5 and stem.startswith(("يت", "يست", "تت", "تست"))


def _definite_verbal_noun(fold: str) -> bool:
    """A verbal noun of a derived form with the article, never a family name: «التفعيل» ("التوقيع", "التنسيق"),
    «الافتعال»/«الانفعال» ("الاجتماع", "الانتخاب") and «الاستفعال» ("الاستقبال"). Family names of these lengths end
    in ي or ة ("الانصاري", "التميمي"), so those are kept."""
    stem = fold[1:] if fold[:1] in "وبلف" and fold[1:3] == "ال" else fold
    if not stem.startswith("ال") or stem.endswith(("ي", "ة")):
        return False
    if stem.startswith("الاست") and len(stem) >= 8:
        return True
    if stem.startswith("الت") and len(stem) == 7 and stem[5] == "ي":
        return True
    # «الافتعال» has ت after its first radical, «الانفعال» has ن before it: "الاجتماع", "الانتخاب", "الانضمام".
    return stem.startswith("الا") and len(stem) == 8 and stem[6] == "ا" and (stem[4] == "ت" or stem[3] == "ن")


def _not_a_name_word(fold: str) -> bool:
    """Word shapes of Arabic prose that no name has (a known given name always is one)."""
    shaped = _pronoun_suffixed(fold) or _derived_form(fold) or _definite_verbal_noun(fold)
    return shaped and fold not in _given_names()[0]


def _nameish(token: _Token) -> bool:
    fold = token.fold
    return (
        len(fold) >= 2
        and not _is_stop(fold)
        and not _not_a_name_word(fold)
        and not (len(fold) >= 4 and _chain_word(fold) in _HONORIFICS | _COUNTERPARTS)  # "ونظيره", "والسيد"
        and not _is_title(fold, prefixed=True)
        and fold not in _HONORIFICS
        and fold not in _COUNTERPARTS
        and fold not in _COMMON_NOUNS
        and fold not in _PLACES
        and _strip_conjunction(fold) not in _PLACES
        and not (not _is_al(token) and _countries(token.text))  # "زار الوزير بن علوي سوريا"
        and not _is_org(fold)
        and not _TANWEEN.search(token.text)
        and not _has_attached_article(token.bare)
        and not (len(fold) > 5 and fold.endswith(("ها", "هما", "هم")))  # a pronoun suffix: "افتتاحها"
    )


def _governed(token: _Token) -> bool:
    """The word after بن/آل/عبد is a name whatever else it may mean ("آل صباح", "بن الحسين", "عبد الله")."""
    fold = token.fold
    if fold in _FUNCTION_WORDS or _is_title(fold, prefixed=True) or fold in _HONORIFICS or _is_org(fold):
        return False
    return not _TANWEEN.search(token.text) and not _has_attached_article(token.bare) and fold not in _AL_NOT_NAME


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = [
            _Token(m.group(0), m.start(), m.end(), _fold(m.group(0)), _DIACRITICS.sub("", m.group(0)))
            for m in _WORD.finditer(text)
        ]
        self.names, self.ambiguous = _given_names()
        self.taken = [False] * len(self.tokens)  # tokens already in a name, an honorific or an institution's name

    # --- token relations -------------------------------------------------------------------------------------

    def gap(self, left: int, right: int) -> str:
        """ "space" when only spaces separate two tokens, "comma" for a comma, "break" for anything else."""
        between = self.text[self.tokens[left].end : self.tokens[right].start]
        if "\n" in between:
            return "break"
        stripped = between.strip()
        if not stripped:
            return "space"
        return "comma" if stripped in {"،", ","} else "break"

    def dotted(self, index: int) -> bool:
        """ "د. محمد": the abbreviation of الدكتور, a dot between it and the name."""
        if self.tokens[index].fold != "د" or index + 1 >= len(self.tokens):
            return False
        between = self.text[self.tokens[index].end : self.tokens[index + 1].start]
        return between.strip() == "." and "\n" not in between

    def adjacent(self, left: int, right: int) -> bool:
        return left >= 0 and right < len(self.tokens) and self.gap(left, right) == "space"

    def given(self, index: int) -> bool:
        """A known given name starts here: "محمد", "عبدالله", or "عبد" + "الله"/"الرحمن"."""
        token = self.tokens[index]
        if token.fold in self.names:
            return True
        return token.fold == "عبد" and self.adjacent(index, index + 1) and _is_al(self.tokens[index + 1])

    def given_with_prefix(self, index: int) -> int:
        """Length of an attached و/ف/ل/ب before a known given name ("ومحمد", "لعبدالله"), or -1."""
        fold = self.tokens[index].fold
        if self.given(index):
            return 0
        for prefix in ("و", "ف", "ل", "ب", "وب", "ول"):
            rest = fold[len(prefix) :]
            if fold.startswith(prefix) and rest in self.names:
                return len(prefix)
            following = self.adjacent(index, index + 1) and _is_al(self.tokens[index + 1])
            if fold.startswith(prefix) and rest == "عبد" and following:  # "وعبد الرحمن"
                return len(prefix)
        return -1

    def org_before(self, index: int) -> bool:
        return index > 0 and self.adjacent(index - 1, index) and _is_org(self.tokens[index - 1].fold)

    def org_after(self, index: int) -> bool:
        """ "… للإدارة الحكومية": a name followed by لل+noun is an institution's name."""
        return self.adjacent(index, index + 1) and self.tokens[index + 1].bare.startswith("لل")

    # --- the name itself -------------------------------------------------------------------------------------

    def lineage_after(self, index: int) -> bool:
        """ "الناني ولد …", "الحنشي ولد …": بن/بنت/ولد follows, so the word is a given name, article or not."""
        return self.adjacent(index, index + 1) and self.tokens[index + 1].fold in _LINEAGE

    def read_name(self, start: int, *, article: bool = False) -> list[int]:
        """Indices of the name words from ``start`` on (empty when no name starts there). With ``article`` (right
        after an honorific) a first word with the article followed by a word without it is a given name too:
        "السيدة الجوهرة فخرو"."""
        tokens, names = self.tokens, []
        index, free = start, 0
        while index < len(tokens) and free < _MAX_FREE_WORDS:
            if names and not self.adjacent(names[-1], index):
                break
            token = tokens[index]
            if (token.fold in _PARTICLES and names) or token.fold in _PARTICLES - {"ال", "بن", "بنت", "ولد"}:
                follower = index + 1
                if not self.adjacent(index, follower):
                    break
                nxt = tokens[follower]
                if not _governed(nxt) and not (token.fold in _MAGHREB_LINEAGE and nxt.fold in _SHEIKH):
                    break
                names += [index, follower]
                index += 2
                free += 1
                if token.fold == "ال":  # آل + family: the name ends
                    break
                continue
            # "محمد الأمين ولد …": before ولد/بن a word with the article is a name, even one that is a title.
            lineage = bool(names) and _is_al(token) and self.lineage_after(index) and not _is_stop(token.fold)
            if not lineage and (not _nameish(token) or (not names and _verb_like(token.fold))):
                break
            if _is_al(token) and not names and (self.given(index) or self.lineage_after(index) or article):
                names.append(index)  # "الحسين ولد الناجى": a given name with the article starts the name
                free += 1
                index += 1
                continue
            if _is_al(token):
                if not names or token.fold in _AL_NOT_NAME or token.fold in _NOT_NATIONALITY:
                    break
                if _adjective_after_name(token.fold):
                    break
                names.append(index)
                if token.fold in _AL_CONTINUES or self.lineage_after(index):
                    index += 1  # "عبد الله", "محمد الحنشي ولد الكتاب"
                    continue
                break
            if names and token.fold.endswith("ة") and not self.given(start) and token.fold not in self.names:
                break  # "لي سانغ مين أهمية": a feminine noun, not the end of a transliterated name
            names.append(index)
            free += 1
            index += 1
        return names

    def boundary_after(self, last: int) -> bool:
        """The sentence plainly goes on after token ``last``: punctuation, the end, a stop word, a title with a
        conjunction ("وولي العهد"), an honorific or a counterpart ("ونظيره")."""
        following = last + 1
        if following >= len(self.tokens) or self.gap(last, following) != "space":
            return True
        fold = self.tokens[following].fold
        return (
            _is_stop(fold)
            or _not_a_name_word(fold)  # "… سيبي جورج قوله، …": a noun with a pronoun suffix
            or _is_title(fold, prefixed=True)
            or self.chain_at(following) != following
            or _chain_word(fold) in _HONORIFICS | _COUNTERPARTS
        )

    def has_given(self, names: list[int]) -> bool:
        return any(self.given(i) for i in names)

    # --- anchors ---------------------------------------------------------------------------------------------

    def chain_at(self, index: int) -> int:
        """End (exclusive) of an honorific chain starting at ``index``; ``index`` when there is none."""
        tokens = self.tokens
        first = _chain_word(tokens[index].fold)
        if first not in _HONORIFICS and first not in _OWNER and first not in _COUNTERPARTS:
            return index
        if first in _OWNER and not (self.adjacent(index, index + 1) and tokens[index + 1].fold in _OWNER_OF):
            return index
        end, previous = index + 1, first
        while end < len(tokens):
            if not (self.adjacent(end - 1, end) or self.dotted(end - 1)):
                break
            fold = tokens[end].fold
            if not (
                fold in _HONORIFICS
                or fold in _CHAIN_TAIL
                or fold in _OWNER_OF
                or (fold in _OWNER and self.adjacent(end, end + 1) and tokens[end + 1].fold in _OWNER_OF)
                or ((previous in _TITLE_HONORIFICS or previous in _COUNTERPARTS) and _is_nationality(tokens[end]))
            ):
                break
            previous = fold
            end += 1
        # "د" alone is a letter, not an honorific, unless a dot follows it.
        if first == "د" and end == index + 1 and not self.text[tokens[index].end :].startswith("."):
            return index
        return end

    def title_after(self, last: int) -> tuple[int, int] | None:
        """(start, end) offsets of a title right after the name, with or without a comma."""
        following = last + 1
        if following >= len(self.tokens) or self.gap(last, following) == "break":
            return None
        token = self.tokens[following]
        if not _is_title(token.fold):
            return None
        end = _arabic_title_end(self.text, token.start)
        # The title ends where the sentence goes on: a verb or function word, or the next person's honorific.
        index = following + 1
        while index < len(self.tokens) and self.tokens[index].start < end:
            fold = self.tokens[index].fold
            chain = self.chain_at(index)
            seat = fold == _AT_THE_SEAT_OF and index + 1 < len(self.tokens) and self.tokens[index + 1].fold in _SEATS
            if (_is_stop(fold) and fold not in _INSIDE_TITLE and not seat) or (
                chain != index and self.adjacent(chain - 1, chain) and self.read_name(chain)
            ):
                end = self.tokens[index].start
                break
            index += 1
        return token.start, end

    def title_before(self, first: int) -> tuple[int, int] | None:
        """(start, end) of a title phrase that ends right before token ``first`` ("وزير التخطيط …")."""
        best = None
        index = first - 1
        while index >= 0 and first - index <= 12 and self.adjacent(index, index + 1) and not self.taken[index]:
            token = self.tokens[index]
            if _is_title(token.fold):
                best = index
            elif _is_title(token.fold, prefixed=True):
                best = index
                break
            elif not self.title_object(index) and token.fold not in _HONORIFICS:
                break
            index -= 1
        if best is None:
            return None
        prefixed = self.tokens[best].fold not in _TITLES  # "، ووزير النقل …": a new item of a list
        if not prefixed and best > 0 and self.taken[best - 1] and self.gap(best - 1, best) != "break":
            return None  # "… الظاهري مديرة الإدارة السفير …": the title belongs to the name before it
        start = self.tokens[best].start + (1 if prefixed else 0)
        return start, self.tokens[first - 1].end

    def place(self, index: int) -> bool:
        token = self.tokens[index]
        return bool(_countries(token.text)) or _strip_conjunction(token.fold) in _PLACES or token.fold in _PLACES

    def construct_after_title(self, index: int) -> bool:
        """An indefinite title is always followed by its complement ("وزير خارجية …", "سفير دولة …"), so the word
        right after one is part of the title, whatever it is, unless it is a known given name or a stop word."""
        if index == 0 or not self.adjacent(index - 1, index) or self.given(index) or _is_stop(self.tokens[index].fold):
            return False
        title = self.tokens[index - 1].fold
        return title in _INDEFINITE_TITLES or (title[:1] == "و" and title[1:] in _INDEFINITE_TITLES)

    def title_object(self, index: int) -> bool:
        """A word that continues a title phrase: "الاقتصاد", "شؤون", "لتطوير", "جمهورية رواندا"."""
        token = self.tokens[index]
        fold = token.fold
        if fold == _TO and self.adjacent(index, index + 1) and self.place(index + 1):
            return True  # "المبعوث الخاص إلى روسيا": an envoy's or a delegation's destination
        if _is_stop(fold) and fold not in _INSIDE_TITLE:
            return False
        if fold in _INSIDE_TITLE or _is_al(token) or _has_attached_article(token.bare):
            return True
        if fold in _TITLE_NOUNS or _is_title(fold, prefixed=True) or self.place(index):
            return True
        if self.construct_after_title(index):
            return True  # "وزير خارجية أذربيجان": the noun right after an indefinite title is its complement
        if fold[:1] in "بل" and fold[1:] in _STATE_WORDS:
            return True  # "رئيس الوزراء بجمهورية كوريا"
        if fold[:1] == "ل" and len(fold) >= 5 and fold not in self.names:
            return True  # "لشؤون", "لتطوير"
        return index > 0 and self.adjacent(index - 1, index) and self.tokens[index - 1].fold in _STATE_WORDS


def extract_arabic(text: str) -> list[Mention]:
    reader = _Reader(text)
    tokens = reader.tokens
    taken = reader.taken
    mentions: list[Mention] = []

    def add(names: list[int], *, chain: tuple[int, int] | None, prefix: int = 0, anchored: bool) -> None:
        if not names or any(taken[i] for i in names):
            return
        first, last = names[0], names[-1]
        lead = chain[0] if chain else first
        # "مكتب الرئيس سلفا كير ميارديت رئيس جنوب السودان": an office-holder with a title is a person still.
        office = bool(chain) and _chain_word(tokens[lead].fold) in _OFFICE_HONORIFICS and reader.title_after(last)
        if (reader.org_before(lead) and not office) or reader.org_after(last):
            for i in range(lead, last + 1):
                taken[i] = True  # "جامع الشيخ زايد": no later rule may take the name out of the institution's
            return
        # Words with the article only are a noun phrase ("السفراء المعتمدين"), unless a given name leads them.
        if not reader.given(first) and all(_is_al(tokens[i]) or tokens[i].fold in _PARTICLES for i in names):
            return
        for i in range(chain[0] if chain else first, last + 1):
            taken[i] = True
        start, end = tokens[first].start, tokens[last].end
        normal_start = start
        if prefix:
            if tokens[first].fold[:prefix] == "و":
                normal_start = start + 1  # the conjunction belongs to the sentence: kept as written, not in normal
            else:
                start = normal_start = start + prefix  # a preposition ("لمحمد") is not part of the name at all
        honorific = ""
        if chain and chain[1] > chain[0]:
            honorific = text[tokens[chain[0]].start : tokens[chain[1] - 1].end]
            if reader.dotted(chain[1] - 1):
                honorific += "."
            head = tokens[chain[0]].fold
            if head not in _HONORIFICS and head not in _OWNER and head not in _COUNTERPARTS:
                honorific = honorific[2:] if head.startswith("لل") else honorific[1:]
        span = reader.title_after(last) or reader.title_before(chain[0] if chain else first)
        title = text[span[0] : span[1]].strip(" ،,") if span else ""
        if not title and chain and chain[1] > chain[0]:
            heads = [i for i in range(*chain) if _chain_word(tokens[i].fold) in _TITLE_HONORIFICS | _COUNTERPARTS]
            if heads:
                title = text[tokens[heads[0]].start : tokens[chain[1] - 1].end]
        countries = _countries(title)
        mentions.append(
            Mention(
                name=text[start:end],
                normal=text[normal_start:end],
                start=start,
                end=end,
                title=title,
                organisation=organisation_in(title),
                country=countries[0] if countries else "",
                honorific=honorific,
                confidence=0.85 if (anchored or title or honorific) else 0.6,
            )
        )

    # 1. Honorific chains: "معالي الدكتور …", "صاحب السمو الشيخ …", "الوزير الكازاخستاني …", "نظيره الروسي …".
    for index in range(len(tokens)):
        if taken[index]:
            continue
        end = reader.chain_at(index)
        if end == index or end >= len(tokens) or not (reader.adjacent(end - 1, end) or reader.dotted(end - 1)):
            continue
        chain_words = [_chain_word(tokens[index].fold), *(tokens[i].fold for i in range(index + 1, end))]
        pure = any(w in _HONORIFICS - _TITLE_HONORIFICS or w in _OWNER_OF for w in chain_words)
        names = reader.read_name(end)
        if not names and pure:
            names = reader.read_name(end, article=True) or _name_despite_first_word(reader, end)
        if not names:
            continue
        nationality = any(_is_nationality(tokens[i]) for i in range(index, end))
        # A bare definite title ("الرئيس …") anchors a known given name, a nationality-marked or titled foreign one.
        foreign_ok = (nationality or reader.title_after(names[-1])) and _foreign_first(reader, names, article=True)
        # "من الرئيس شي جين بينغ، …": a transliterated name with no article that ends where the sentence goes on;
        # "… السفير كوزنيسوف.": one such word right before punctuation.
        verbs = any(_verb_like(tokens[i].fold) for i in names)
        foreign_ok = foreign_ok or (
            not verbs
            and (_foreign_first(reader, names) or _foreign_surname(reader, names))
            and reader.boundary_after(names[-1])
        )
        if not pure and not reader.has_given(names) and not foreign_ok:
            continue
        add(names, chain=(index, end), anchored=True)

    # 2. A title before the name: "وزير التخطيط خالد …", "وزير الخارجية الروسي سيرغي لافروف".
    for index, token in enumerate(tokens):
        if taken[index] or not _is_title(token.fold, prefixed=True):
            continue  # "والسفير الأفغاني لدى المملكة …", "ومدير المعهد …": a conjunction on the title too
        cursor = index + 1
        while cursor < len(tokens) and cursor - index <= 10 and reader.adjacent(cursor - 1, cursor):
            if taken[cursor] or reader.chain_at(cursor) != cursor:
                break
            if reader.given(cursor) and not reader.org_before(cursor):
                if cursor > index + 1 and tokens[cursor - 1].fold not in _PARTICLES:
                    add(reader.read_name(cursor), chain=None, anchored=True)
                break
            if _is_nationality(tokens[cursor]) and reader.adjacent(cursor, cursor + 1):
                names = reader.read_name(cursor + 1)
                # A foreign name has no article; an Arabic one ("… المعدنية بندر بن إبراهيم الخريف") is one by
                # its given name or its بن.
                arabic = reader.has_given(names) or any(tokens[i].fold in _LINEAGE for i in names[1:])
                if len(names) >= 2 and (arabic or _foreign_first(reader, names)):
                    add(names, chain=None, anchored=True)
                    break
            if not reader.title_object(cursor):
                # "رئيس الوزراء بجمهورية كوريا لي نيك يون.", "رئيس الوزراء شهباز شريف وولي العهد …": a foreign
                # name right after a whole title phrase, up to where the sentence plainly goes on. After a
                # conjunction ("… الحكومي وكوه جيان رئيس …") a new item of a list starts, with its own title.
                if cursor > index + 1 and not _leading_conjunction(tokens[cursor].bare):
                    names = reader.read_name(cursor)
                    verbs = any(_verb_like(tokens[i].fold) for i in names)
                    if _foreign_first(reader, names) and not verbs and reader.boundary_after(names[-1]):
                        add(names, chain=None, anchored=True)
                break
            cursor += 1

    # 3. A title after the name, with or without a comma: walk back from the title.
    for index, token in enumerate(tokens):
        if not _is_title(token.fold) or index == 0 or taken[index] or taken[index - 1]:
            continue
        if reader.gap(index - 1, index) == "break":
            continue
        names = _walk_back(reader, index - 1)
        if names:
            prefix = max(reader.given_with_prefix(names[0]), 0)
            if prefix == 0 and not reader.given(names[0]) and _leading_conjunction(tokens[names[0]].bare):
                prefix = 1
            add(names, chain=None, prefix=prefix, anchored=True)

    # 4. No anchor: a known given name and a family name ("وأكدت عهود الرومي"), or بن/آل.
    for index in range(len(tokens)):
        if taken[index]:
            continue
        prefix = reader.given_with_prefix(index)
        if prefix < 0 or _fold(tokens[index].fold[prefix:]) in reader.ambiguous:
            continue
        if index > 0 and reader.adjacent(index - 1, index) and tokens[index - 1].fold in _PARTICLES:
            continue
        if prefix == 0 and reader.given(index):
            names = reader.read_name(index)
        else:
            names = [index, *reader.read_name(index + 1)] if reader.adjacent(index, index + 1) else [index]
            names = names if len(names) > 1 and names[1] == index + 1 else [index]
        if len(names) < 2:
            continue
        words = [tokens[i] for i in names]
        strong = any(w.fold in _PARTICLES for w in words[1:]) or (
            _is_al(words[-1]) and words[-1].fold not in _AL_CONTINUES and not _countries(words[-1].text)
        )
        if not strong and len(names) <= 3 and prefix == 0:
            strong = _spoken(reader, names)
        if strong and not any(_is_title(w.fold, prefixed=True) for w in words):
            add(names, chain=None, prefix=prefix, anchored=False)

    mentions.sort(key=lambda m: m.start)
    return mentions


def _name_despite_first_word(reader: _Reader, start: int) -> list[int]:
    """ "والبروفسير كان بوبكر وزير الصحة": after an honorific and before a title, a first word that is also a
    verb ("كان" is a Fulani family name too) is a name; a preposition or a conjunction never is."""
    tokens = reader.tokens
    if start + 1 >= len(tokens) or not reader.adjacent(start, start + 1):
        return []
    fold = tokens[start].fold
    if len(fold) < 3 or fold in _FUNCTION_WORDS or fold in _SPEECH_VERBS or not _is_stop(fold):
        return []
    if _is_title(fold, prefixed=True) or _is_org(fold) or _is_al(tokens[start]):
        return []
    rest = reader.read_name(start + 1)
    if not rest or len(rest) > 3 or not reader.title_after(rest[-1]):
        return []
    return [start, *rest]


def _foreign_first(reader: _Reader, names: list[int], *, article: bool = False) -> bool:
    """A transliterated name of two words or more with no article: its first word is not a feminine noun in ة
    ("مسيرة علاقات …", "دعوة رسمية"), an imperfect verb ("يبحث سبل …") nor a verbal noun after a preposition
    ("بترحيب حار", "بمشاركة واسعة"), unless it is a known given name."""
    if len(names) < 2 or (not article and any(_is_al(reader.tokens[i]) for i in names)):
        return False
    first = reader.tokens[names[0]].fold
    if reader.given(names[0]):
        return True
    if first.endswith("ة") or (first[:1] == "ي" and first[1:2] not in "اوي"):
        return False
    return not (len(first) >= 5 and first[:2] in {"بت", "بم", "لت", "لم"} and first not in reader.names)


def _foreign_surname(reader: _Reader, names: list[int]) -> bool:
    """A single transliterated word right before punctuation ("السفير كوزنيسوف."): no article, no ة, no imperfect
    prefix, not an everyday word of the name list, four letters or more."""
    if len(names) != 1:
        return False
    index = names[0]
    token = reader.tokens[index]
    fold = token.fold
    if _is_al(token) or fold in reader.ambiguous or len(fold) < 4 or fold.endswith(("ة", "ا", "ات")):
        return False
    if fold[:1] in "يت" and fold[1:2] not in "اوي":
        return False
    following = index + 1
    return following >= len(reader.tokens) or reader.gap(index, following) != "space"


def _spoken(reader: _Reader, names: list[int]) -> bool:
    """A name between a verb of saying and what was said: "وقالت عائشة ميران إن …"."""
    first, last, tokens = names[0], names[-1], reader.tokens
    if first == 0 or not reader.adjacent(first - 1, first):
        return False
    if _strip_conjunction(tokens[first - 1].fold) not in _SPEECH_VERBS:
        return False
    if last + 1 < len(tokens) and reader.adjacent(last, last + 1):
        return tokens[last + 1].fold in _SPEECH_FOLLOWERS
    return reader.text[tokens[last].end :].lstrip(" ")[:1] == ":"


def _leading_conjunction(bare: str) -> bool:
    """ "وإيمانويل", "وكوه": a و before a name that is not itself a name starting with و ("وليد", "وانغ")."""
    return (bare[:1] == "و" and len(bare) > 3 and bare[1] not in "اوي") or bare.startswith("وو")


def _walk_back(reader: _Reader, last: int) -> list[int]:
    """The name that ends at token ``last`` (a title follows it), walking back to where the sentence resumes."""
    tokens = reader.tokens
    names: list[int] = []
    index = last
    while index >= 0 and len(names) < 7:
        if names and not reader.adjacent(index, names[0]):
            break
        token = tokens[index]
        fold = token.fold
        if fold in _PARTICLES:
            if not names:
                return []
            names.insert(0, index)
            index -= 1
            continue
        if _is_title(fold, prefixed=True) and not names:
            return []  # "رئيس مجلس الوزراء حاكم دبي": between two titles is the first one's object
        if _is_title(fold) or reader.chain_at(index) != index:
            if _is_title(fold):
                return []
            break
        if not _nameish(token) and not (fold.startswith("و") and reader.given_with_prefix(index) > 0):
            break
        if _is_al(token):
            governed = index > 0 and _strip_conjunction(tokens[index - 1].fold) == "عبد"  # "وعبد الكريم"
            if names and tokens[names[0]].fold not in _PARTICLES and fold not in _AL_CONTINUES and not governed:
                break
            if fold in _AL_NOT_NAME or fold in _NOT_NATIONALITY or _countries(token.text):
                break
        names.insert(0, index)
        # A given name after a conjunction or preposition ("ومحمد") starts the name.
        if reader.given_with_prefix(index) > 0:
            break
        index -= 1
    # A name does not start with a particle governed by nothing ("بن طوق" alone is still a name: keep it).
    while names and tokens[names[0]].fold in _PARTICLES - {"بن", "أبو", "ابو", "بو", "عبد"}:
        names.pop(0)
    if not names:
        return []
    givens = [p for p, i in enumerate(names) if reader.given_with_prefix(i) >= 0]
    givens = [p for p in givens if p == 0 or tokens[names[p - 1]].fold not in _PARTICLES]
    # The word before the first بن/بنت/ولد is the person's own given name, known or not ("اسلكو ولد احمد").
    sons = [p - 1 for p, i in enumerate(names) if p > 0 and tokens[i].fold in _LINEAGE]
    starts = givens[:1] + sons[:1]
    if starts:
        names = names[min(starts) :]  # words before the name's first word are the sentence's, not the name's
    else:
        if any(_is_al(tokens[i]) for i in names):
            return []  # an unknown word and a definite noun: "حضر الاستقبال"
        names = names[-3:]
        first = names[0]
        # "ووقعه كل من شنول قازانجي المدير العام …": after a stop word or a comma the words are the name itself.
        opened = not reader.adjacent(first - 1, first) or _is_stop(tokens[first - 1].fold)
        title = last + 1
        if title < len(tokens) and reader.gap(last, title) == "space" and _is_al(tokens[title]) and not opened:
            return []  # "حطّت طائرة الرئيس …": a definite title right after unknown words is their noun's object
        if any(tokens[i].fold.endswith("ة") for i in names):
            return []  # "زيارة وزير …", "استجابة لدعوة …": a feminine noun in a construct, not a name
        if any(_countries(tokens[i].text) for i in names):
            return []  # "قادماً من تركيا يترأسه وزير …": a country is no part of a name
    free = [i for p, i in enumerate(names) if p == 0 or tokens[names[p - 1]].fold not in _PARTICLES]
    if len(names) < 2 or len(free) > _MAX_FREE_WORDS + 1:
        return []
    return names


def _arabic_title_end(text: str, start: int) -> int:
    stop = re.compile(r"[،,.؛:\n\"«»()]|\s(?:على|إلى|بهدف|لبحث|خلال|أن|عن|حيث|وذلك|بتوسيع|مع|اليوم|أمس)\s")
    match = stop.search(text, start)
    end = match.start() if match else len(text)
    # At most twelve words: a title never runs longer in this genre.
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > 12:
        end = start + words[11].end()
    return end
