"""How one Arabic word reads, for ``people_ar``: the folded form every list is compared in, the word lists of
news prose (titles, honorifics, stop words, places, institutions) and the shapes of words no name has."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .cities import find_cities
from .countries import countries_in

# Diacritics, tatweel and the zero-width (non-)joiners some sites put inside a word.
_DIACRITICS = re.compile(r"[\u064b-\u0652\u0670\u0640\u200c\u200d]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Text typed on a Persian or Urdu keyboard (or copied from such a site) has its own yeh, kaf and heh:
# "وزیر", "الخارجیة", "تفاھم" are the Arabic words, and the names in them are the same names.
_PERSIAN_LETTERS = str.maketrans({"ی": "ي", "ک": "ك", "ھ": "ه", "ە": "ه", "ۀ": "ة", "ۃ": "ة"})
# Arabic letters and diacritics; Arabic punctuation (، ؛ ؟) and digits are not part of a word.
_WORD = re.compile(r"[\u0621-\u065f\u0670-\u06d3\u200c\u200d]+")


def _bare(word: str) -> str:
    """Without diacritics, in Arabic letters, hamza kept: "إلهام" and "ألكسندر" do not start with the article."""
    return _DIACRITICS.sub("", word).translate(_PERSIAN_LETTERS)


_TANWEEN = re.compile(r"[\u064b-\u064d]|اً$")


def _fold(word: str) -> str:
    """Without diacritics and tatweel, hamza on alef folded, a final ى written ي: the form every word list is
    compared in. Egyptian and Maghrebi papers write a final ي as ى ("فى", "الموريتانى", "الناجى"); only
    «على» ("on") keeps it, since «علي» is a given name."""
    folded = _bare(word).translate(_ALEF)
    if folded.endswith("ى") and folded.lstrip("وف") != "على":
        folded = folded[:-1] + "ي"
    return folded


_FINAL_YEH = re.compile(r"ى(?=[^\u0621-\u065f\u0670-\u06d3]|$)")


def _countries(text: str) -> list[str]:
    """``countries_in`` on text whose final ى is written ي ("الموريتانى" is Mauritanian)."""
    return countries_in(_FINAL_YEH.sub("ي", text.translate(_PERSIAN_LETTERS)))


def _folded(words: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in words.split())


_TITLE_STEMS = (
    "وزير وزيرة رئيس رئيسة نائب نائبة سفير سفيرة مدير مديرة أمين أمينة حاكم مستشار مستشارة وكيل وكيلة عميد "
    "عميدة مساعد مساعدة عضو عضوة محافظ قنصل منسق منسقة ممثل ممثلة مندوب مندوبة مبعوث مبعوثة مفوض مفوضة ملك "
    "ملكة أمير أميرة قائد قائم قائمة ولي موفد موفدة سكرتير سكرتيرة ملحق متحدث متحدثة ناطق ناطقة مسؤول مسؤولة "
    "خبير خبيرة أستاذ أستاذة باحث باحثة مؤسس رئيسا نائبا وزيرا سفيرا كاتب كاتبة مكلف مكلفة معتمد معتمدة منتدب منتدبة "
    "عاهل "  # "بالعاهل الإسباني خوان كارلوس": the monarch
    "سيناتور سيناتورة "  # "السيناتور ماركواين مولين"
    "عضوا عضوي "  # the dual before two names: "عضوا مجلس النواب X وY"
    "معاون معاونة"  # Syrian usage: "معاون وزير الخارجية", an assistant minister
)
# Titles, indefinite ("وزير الاقتصاد") and definite ("الوزير", "المدير العام").
_INDEFINITE_TITLES = _folded(_TITLE_STEMS)
_TITLES = _INDEFINITE_TITLES | {"ال" + w for w in _INDEFINITE_TITLES}
_TO = _fold("إلى")
# Honorifics and ranks that come before a name and are never part of it.
_HONORIFICS = _folded(
    "معالي سعادة سمو فخامة جلالة سماحة السلطان نيافة حضرة الشيخ الشيخة الدكتور الدكتورة د السيد السيدة الآنسة المهندس "
    "المهندسة الأستاذ الأستاذة اللواء الفريق العميد العقيد المقدم العماد القاضي الأمير الأميرة الملك الملكة "
    "السمو الجلالة المعالي السعادة الفخامة الحاج الحاجة البروفيسور البروفسور البروفسير البروفيسير البرفسور "
    "البرفيسور المستشار السفير السفيرة "
    "الوزير الوزيرة الرئيس الرئيسة القنصل المبعوث النائب السيناتور السيناتورة"
)
# Honorific chain words that only follow another one ("صاحب السمو", "الفريق أول", "اللواء الركن").
_CHAIN_TAIL = _folded("أول الركن ركن")
_OWNER = _folded("صاحب صاحبة")
_OWNER_OF = _folded("السمو الجلالة المعالي السعادة الفخامة")
# Definite titles used like an honorific; a nationality adjective may follow them ("الوزير الكازاخستاني").
_TITLE_HONORIFICS = _folded(
    "السفير السفيرة الوزير الوزيرة الرئيس الرئيسة القنصل المبعوث النائب المستشار الأمير الأميرة الملك الملكة "
    "السيناتور السيناتورة"
)
# "His counterpart" words: like a title before a (usually foreign) name, after a nationality adjective.
_COUNTERPARTS = _folded(
    "نظيره نظيرته نظيرها نظيرتها نظيريه نظيرتيه نظيراه نظيرتاه نظراؤه نظرائه نظيرهم ضيفه ضيفها ضيفيه الضيف الضيفة"
)
_PARTICLES = _folded("بن بنت ابن ابنة آل أبو ابو أبي بو ولد عبد")
# Words that end a name: prepositions, conjunctions, pronouns, time words, and the verbs of this genre.
_STOP = _folded(
    """
    مع عن على إلى الى من في أن إن أنه أنها أنّ التي الذي الذين اللذان اللتان اللذين كما حيث وذلك ذلك هذا هذه
    بشأن حيال تجاه هذان تلك خلال ضمن بين عبر لدى منذ حتى بعد قبل أمام حول نحو عند ثم أو أم بل قد لقد لم لن لا ما
    كل كلا جميع بعض غير سوى يوم أمس مساء صباح ظهر عقب إثر لدى بحضور حضور برئاسة بقيادة بمشاركة مشاركة بتوجيهات توجيهات
    بتوجيه رعاية برعاية تحت إطار بحسب وفق وفقا وسط بصفته بوصفه باعتباره ممثلا نيابة عنه عنها له لها به بها
    فيه فيها منه منها إليه إليها عليه عليها وهو وهي هو هي هم كلمة بيان تصريح تصريحات لقاء اجتماع زيارة وفد
    وفدا مذكرة اتفاقية تفاهم جهته جهتها جانبه جانبها قال قالت أكد أكدت أضاف أضافت شدد شددت أبرم أبرمت وقع
    وقعت وقّع التقى التقت استقبل استقبلت زار زارت بحث بحثت ناقش ناقشت ترأس ترأست يرأس ترأسه عقد عقدت شارك
    شاركت أعلن أعلنت أوضح أوضحت أشار أشارت أعرب أعربت رحب رحبت شهد شهدت حضر حضرت افتتح افتتحت دشن دشنت أطلق
    أطلقت تسلم تسلمت سلم سلمت قدم قدمت ألقى ألقت نوه نوهت أشاد أشادت ثمن ثمنت اجتمع اجتمعت تناول تناولت
    استعرض استعرضت تباحث تباحثت أجرى أجرت التقيا وقعا بحثا يستقبل تستقبل يلتقي تلتقي يبحث تبحث يوقع توقع
    يشارك تشارك يزور تزور يترأس ترحب يرحب يؤكد تؤكد يشهد تشهد كان كانت أصبح ليس يعد يعتبر جاء جرى تم يتم
    يكون تكون يصل تصل يتوجه تتوجه يجري تجري يقوم تقوم يغادر تغادر يلقي تلقي يفتتح تفتتح يعقد تعقد
    أفاد أفادت لفت لفتت نقل نقلت أجاب رأس ضم ضمت تضمن يضم وتضم أناب كرم كرمت هنأ هنأت بعث بعثت تلقى تلقت
    اطلع اطلعت تفقد تفقدت أثنى أثنت دعا دعت طالب طالبت أوصى أوصت عبر عبرت شكر شكرت يرافقه يرافقها رافقه
    المرافق يمثل تمثل يتقدمهم يضم قام قامت أمام لصالح مثل تولى تولت تولاها يتولى ترأسها أدار أدارت
    كذلك أيضا أيضاً فضلا علاوة إضافة بالإضافة باسم
    هاتفيا رسميا حاليا سابقا لاحقا مؤخرا شخصيا ميدانيا افتراضيا مرئيا تلفونيا خطيا
    فيما بينما عندما حينما حين لما إذ إذا كلما ريثما بما مما عما
    جدد جددت يجدد تجدد يسهم تسهم يساهم تساهم
    أخيه أخوه أخاه أخته أخيها شقيقه شقيقها شقيقته بمقر مقر
    يبدأ تبدأ يختتم تختتم يغادر تغادر يجري تجري يعقد تعقد يدعو تدعو يتوجه تتوجه يلقي تلقي يفتتح تفتتح
    يقوم تقوم يهنئ تهنئ يتلقى يستعرض تستعرض يناقش تناقش يودع تودع يوجه توجه يبعث تبعث يعزي تعزي يشيد تشيد
    عرض عرضت يعرض تعرض أبدى أبدت حرص حرصت استمع استمعت
    آخرين آخرون آخر أخرى غيرهم وغيره آخرى
    """
)
# Words that continue a title phrase although they are stop words elsewhere ("سفير مصر في …", "لدى المملكة").
_INSIDE_TITLE = _folded("في لدى باسم غير")  # "المتحدث باسم الخارجية", "السفيرة غير المقيمة"
# "المستشار برئاسة الجمهورية": «برئاسة» ends a title ("وفد برئاسة …") unless the presidency itself follows.
_AT_THE_SEAT_OF = _fold("برئاسة")
_SEATS = _folded("الجمهورية الحكومة الوزراء مجلس")
# "ولد الشيخ", "بنت الشيخ": after a particle of descent الشيخ is a family name, not an honorific.
_SHEIKH = _folded("الشيخ الشيخة")
_MAGHREB_LINEAGE = _folded("ولد بنت")
_FUNCTION_WORDS = _folded("مع عن على إلى الى من في أن إن التي الذي كما حيث ذلك هذا هذه خلال بين لدى منذ و أو ثم")
# Everyday nouns that come right before a title ("يضم فريق عمل مستشار …"), or right after a name as the object of
# the verb ("وأكد السفير لي تشن حرص بلاده", "وناقش الوزير البريطاني ملف …"); never part of a name.
_COMMON_NOUNS = _folded(
    """
    فريق عمل مجموعة عدد جانب طرف كبار ممثلي أعضاء رؤساء وزراء سفراء مدراء مديري مسؤولي قادة خبراء موظفي
    موظفو ممثلو بحضورها بحضوره سيدة رجل نساء رجال شباب طلاب طالب مشاركين مشاركون دولة مملكة جمهورية
    إمارة سلطنة أوراق نسخة إجراءات وجهات جهات
    وصول قدوم مغادرة توقيع استقبال تعيين انتخاب تكليف تنصيب تسلم تسليم
    سبل ملف ملفات آفاق أوجه مجالات جهود فرص حرص دعم عمق موقف مواقف تطورات سير نتائج تعزيز تطوير
    أهمية ضرورة رغبة استعداد تقدير شكر تحيات تهاني تهانئ
    """
)
# Compass points, continents, regions and capitals: places, never part of a person's name ("وشمال أفريقيا نائب
# وزير …", "أحاطت به موسكو وصول رئيس …"). Countries are recognised by ``countries_in``; these are not.
_PLACES = _folded(
    """
    شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي أوسط أدنى أقصى أفريقيا إفريقيا آسيا أوروبا أمريكا أميركا أوقيانوسيا
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
    الشعب الشعبين الشعوب
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
_SPEECH_VERBS = _folded(
    "قال قالت أكد أكدت أوضح أوضحت أضاف أضافت أشار أشارت شدد شددت لفت لفتت صرح صرحت نوه نوهت تحدث تحدثت"
)
# What follows the speaker: what was said ("إن", "أن") or what it was about ("تحدث X عن …").
_SPEECH_FOLLOWERS = _folded("أن إن أنه أنها بأن عن")
# Verbs of the acts this genre reports, whose subject follows them: "أجرى ناصر بوريطة، يوم الاثنين، مباحثات".
_ACT_VERBS = _folded(
    "استقبل استقبلت التقى التقت أجرى أجرت بحث بحثت ناقش ناقشت ترأس ترأست شارك شاركت زار زارت وصل وصلت غادر "
    "غادرت تسلم تسلمت وقع وقعت عقد عقدت اجتمع اجتمعت تباحث تباحثت هنأ هنأت بعث بعثت تلقى تلقت افتتح افتتحت"
)

# Definite titles of an office (not of a royal house): "مكتب الرئيس …" is the president's office, a person; "جامعة
# الملك سعود" is a university.
_OFFICE_HONORIFICS = _folded("الرئيس الرئيسة الوزير الوزيرة السفير السفيرة القنصل المبعوث النائب المستشار")
# Particles of descent: the word before one is the person's own given name ("اسلكو ولد احمد", "سلمى بنت …").
# A kunya: "أبو الغيط", "أبو الفتوح" is a family name, so أبو + a word with ال ends a name.
_KUNYA = _folded("أبو ابو أبي بو")
_LINEAGE = _folded("بن بنت ابن ابنة ولد")

# Regnal numbers: "الملك عبدالله الثاني", "الملك محمد السادس", "الملك تشارلز الثالث" are one name.
_REGNAL = _folded("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر")

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


_SHORT_PREPOSITIONS = _folded("عن من في مع")


def _is_stop(fold: str) -> bool:
    # "وعن", "ومن": a conjunction on a two-letter preposition is a stop word too.
    short = len(fold) == 3 and fold[0] == "و" and fold[1:] in _SHORT_PREPOSITIONS  # not "فام" (Pham)
    # "فراس", "فيصل": a given name that reads like a conjunction and a verb is no stop word.
    stripped = _strip_conjunction(fold) in _STOP and fold not in _given_names()[0]
    # "ناصر بوريطة سيصل", "فؤاد حسين سيكون": a verb in the future tense ends the name before it
    future = len(fold) >= 4 and fold[0] == "س" and fold[1:] in _STOP and fold not in _given_names()[0]
    return fold in _STOP or stripped or short or future


def _is_title(fold: str, *, prefixed: bool = False) -> bool:
    return fold in _TITLES or (prefixed and _title_prefix(fold) > 0)


def _title_prefix(fold: str) -> int:
    """Length of a conjunction or preposition on a title ("ووزير", "بوزير خارجية اليابان", "لسفير"), or -1."""
    for prefix in ("وب", "ول", "وك", "و", "ب", "ل", "ك"):  # "كسفير لجمهورية كوبا": ك "as"
        if fold.startswith(prefix) and fold[len(prefix) :] in _TITLES:
            return len(prefix)
    return -1


def _is_org(fold: str) -> bool:
    for prefix in ("", "و", "ل", "ب", "ال", "لل", "وال", "بال", "ول", "وب"):
        if fold.startswith(prefix) and fold[len(prefix) :] in _ORG_WORDS:
            return True
    return False


def _is_al(token: _Token) -> bool:
    return token.bare.startswith("ال") and len(token.bare) > 3


def _has_attached_article(bare: str) -> bool:
    """ "والوفد", "بالوزارة", "للإدارة": a conjunction or preposition on a definite noun, never a name. A noun
    has three letters at least, so "فالتر", "والتر" (Walter) are transliterated names."""
    if bare.startswith(("لل", "ولل", "فلل")):  # "للوفد", "وللوفد"
        return len(bare) > 3 + (not bare.startswith("لل"))
    return any(bare.startswith(p) and len(bare) > len(p) + 2 for p in ("وال", "بال", "فال", "كال", "وبال"))


def _is_nationality(token: _Token) -> bool:
    fold = token.fold
    if not _is_al(token) or fold in _NOT_NATIONALITY or fold in _AL_NOT_NAME:
        return False
    if _countries(token.text):
        return True
    # "السفير الهادي الصديق": a given name with the article is no adjective of a country.
    return len(fold) >= 6 and fold.endswith(("ي", "ية")) and fold[2:] not in _given_names()[0]


def _is_side(fold: str) -> bool:
    """ "الجانب", "عن الجانب", "وللجانب": the side of a signing or a talk, named by a nationality adjective."""
    return fold in {"الجانب", "للجانب"} or (fold[:1] in "وبف" and fold[1:] in {"الجانب", "للجانب"})


def _listed_nationality(token: _Token) -> bool:
    """ "والمغربي", "والسعودي": a nationality adjective with the conjunction of a list (the bare one is a title's
    or a counterpart's and is read with them)."""
    bare = token.bare
    if not bare.startswith("وال") or len(bare) < 7:
        return False
    rest = token.text[1:] if token.text[:1] == "و" else token.text
    inner = _Token(rest, token.start + 1, token.end, _fold(rest), _bare(rest))
    return _is_nationality(inner)


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
    # «افتعال»/«انفعال» with no article: "اهتمام", "اجتماع", "انسحاب" ("مدى اهتمام بلاده" is no name)
    # (radicals are consonants: "أنطوان", "أنيبال" have a long vowel where a radical would be).
    if len(stem) == 6 and stem[0] == "ا" and stem[4] == "ا" and not any(c in "اوي" for c in stem[1:4]):
        return stem[2] == "ت" or stem[1] == "ن"
    stem = fold[1:] if fold[:1] in "وف" and len(fold) > 5 else fold
    if not (len(stem) >= 5 and stem.startswith(("يت", "يست", "تت", "تست"))):
        return False
    # "تتيانا": a long vowel right after the prefix and a final ا is a transliteration, not a verb (a form V
    # root starting with ي is rare, and the imperfect ends in ا only in the dual after أن/لم).
    return not (stem[2] in "يا" and stem.endswith("ا") and not stem.endswith(("وا", "تا")))


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


def _participle_plural(fold: str) -> bool:
    """ "محادثات", "مباحثات", "مشاورات": a plural in ـات of a participle or verbal noun in م…, the object that
    follows a name ("… مصطفى مدبولي محادثات مع …"); family names in ـات ("عرفات", "بركات") have no such م."""
    stem = fold[1:] if fold[:1] in "وبل" and len(fold) > 7 else fold
    stem = stem[2:] if stem.startswith("ال") else stem  # "المستجدات", "المباحثات"
    return stem.startswith("م") and stem.endswith("ات") and len(stem) >= 6


def _participle_masculine_plural(fold: str) -> bool:
    """ "منفصلين", "مشاركين", "ومرافقيه", "مساعديه": a participle in م… (a consonant after the م) with the sound
    plural or dual ـين/ـون, or the construct ـيه/ـيها with a pronoun: the people or things after a name, never
    a name ("الرئيس الإندونيسي لقاءين منفصلين", "بالضيف الزيمبابوي ومرافقيه"). Transliterations put a long
    vowel after the م ("مارتين"); a known given name ("محمدين") is kept by the caller."""
    stem = fold[1:] if fold[:1] in "وفبل" and len(fold) > 6 else fold
    return (
        len(stem) >= 6 and stem[0] == "م" and stem[1] not in "اويى" and stem.endswith(("ين", "ون", "يه", "يها", "يهم"))
    )


def _dual_of_hamza_noun(fold: str) -> bool:
    """ "لقاءين", "لقاءان", "إجراءين": the dual of a noun ending in ـاء; a hamza on the line after a long ا
    before the dual ending is Arabic morphology that transliterated names do not use."""
    return len(fold) >= 5 and fold.endswith(("اءين", "اءان"))


def _not_a_name_word(fold: str) -> bool:
    """Word shapes of Arabic prose that no name has (a known given name always is one)."""
    shaped = (
        _pronoun_suffixed(fold)
        or _derived_form(fold)
        or _definite_verbal_noun(fold)
        or _participle_plural(fold)
        or _participle_masculine_plural(fold)
        or _dual_of_hamza_noun(fold)
    )
    names = _given_names()[0]
    return shaped and fold not in names and _ta_as_ha(fold) not in names


def _ta_as_ha(fold: str) -> str:
    """ "نبيله" → "نبيلة": Egyptian papers write a final ة as ه."""
    return fold[:-1] + "ة" if fold.endswith("ه") and len(fold) >= 4 else fold


def _transliterated_h(fold: str) -> bool:
    """ "مينه", "ثانه", "تشينه", "دينه": a Vietnamese syllable (Minh, Thanh, Chinh, Dinh) ends in ـينه/ـانه like a
    noun with a pronoun suffix; inside a transliterated name (never its first word) a short one is the name's.
    A prepositional prefix on a longer word is prose ("بيانه", "وصوله")."""
    if fold.endswith("ونه") and len(fold) == 6:
        # "تيميسغن تيرونه" (Tiruneh): an Ethiopian name; a verb with the plural and a pronoun starts with its
        # own prefix ("يعتبرونه"), and a noun with a pronoun is shorter ("كونه", "دونه")
        return fold[0] not in "ينأاوفبل" and not (fold[0] == "ت" and fold[1] not in "اوي")
    if not fold.endswith(("ينه", "انه")) or not 4 <= len(fold) <= 5:
        return False
    return not (len(fold) == 5 and fold[0] in "وفبل")


def _malian(previous: str, fold: str) -> bool:
    """ "الرئيس المالي", "نظيره المالي", "وزير الخارجية المالي": «المالي» is "Malian" right after a definite title,
    a counterpart or «الخارجية»/«الوزراء»; elsewhere it is "financial" ("الدعم المالي", "المستشار المالي")."""
    if fold not in _MALIAN:
        return False
    previous = _strip_conjunction(previous)
    return previous in _MALI_HEADS or previous in _COUNTERPARTS


def _malian_title(title: str) -> bool:
    words = [_fold(w) for w in title.split()]
    return any(_malian(a, b) for a, b in itertools.pairwise(words))


_MALIAN = _folded("المالي المالية")
_MALI_HEADS = _folded("الرئيس الرئيسة السفير السفيرة الوزير الوزيرة الخارجية الوزراء المبعوث الجانب")


def _two_word_nationality(first: str, second: str) -> bool:
    """ "الجنوب أفريقية", "الجنوب سوداني": a nationality adjective written as two words."""
    second = second[2:] if second.startswith("ال") else second
    return first in _SOUTH and second.rstrip("ة") in _SOUTH_OF


_SOUTH = _folded("الجنوب جنوب")
_SOUTH_OF = _folded("أفريقي إفريقي افريقي سوداني")


def _nameish(token: _Token, *, shapes: bool = True) -> bool:
    """A word that may be part of a name; ``shapes=False`` leaves out the test of prose word shapes."""
    fold = token.fold
    return (
        len(fold) >= 2
        # "آن" (Anne) folds to "ان" but no function word is written with a madda: a transliterated name
        and not (_is_stop(fold) and not token.bare.startswith("آ"))
        and not (shapes and _not_a_name_word(fold))
        and not (len(fold) >= 4 and _chain_word(fold) in _HONORIFICS | _COUNTERPARTS)  # "ونظيره", "والسيد"
        and not _is_title(fold, prefixed=True)
        and fold not in _HONORIFICS
        and fold not in _COUNTERPARTS
        and _strip_conjunction(fold) not in _COMMON_NOUNS  # "… ستيفن فاجن وعدد من …"
        and fold not in _PLACES
        and _strip_conjunction(fold) not in _PLACES
        and not _in_a_place(token)  # "السفير الروسي بدمشق الكسندر يفيموف": where he serves, not his name
        and not (_is_al(token) and fold[2:] in _PLACES)  # "الشرق الأوسط"
        and not (fold[:1] == "ل" and fold[1:] in _TITLE_NOUNS)  # "لشؤون"
        and not (not _is_al(token) and _countries(token.text))  # "زار الوزير بن علوي سوريا"
        and not _is_org(fold)
        and not _TANWEEN.search(token.text)
        and not _has_attached_article(token.bare)
        and not (len(fold) > 5 and fold.endswith(("ها", "هما", "هم")))  # a pronoun suffix: "افتتاحها"
    )


def _in_a_place(token: _Token) -> bool:
    """ "بدمشق", "وبالرياض", "لموسكو": a city with a preposition glued on (a name never starts with one)."""
    if token.fold[:1] not in "بلو" or len(token.fold) < 5:
        return False
    hits = find_cities(token.text)
    return bool(hits) and hits[0][2] == 0 and hits[0][3] == len(token.text)


def _governed(token: _Token) -> bool:
    """The word after بن/آل/عبد is a name whatever else it may mean ("آل صباح", "بن الحسين", "عبد الله")."""
    fold = token.fold
    if fold in _FUNCTION_WORDS or _is_title(fold, prefixed=True) or fold in _HONORIFICS or _is_org(fold):
        return False
    return not _TANWEEN.search(token.text) and not _has_attached_article(token.bare) and fold not in _AL_NOT_NAME
