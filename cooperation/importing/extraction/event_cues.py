"""Cue words of the event reader only (``cues.py`` holds those it shares with the delegation reader, whose
figures depend on them staying as they are).

Arabic writes prepositions, conjunctions and the article onto the noun ("للقمة", "والتوقيع", "بالمطار") and
object pronouns onto the verb ("ووقعها"), and marks an indefinite object with tanween ("مؤتمراً صحفياً"):
the Arabic cues take those affixes, or a sentence reads as holding no event at all.
"""

from __future__ import annotations

import re

from .base import compile_cue

_AR_PRE = r"(?:[وف]?(?:[بلك]?ال|لل|[بل])?)"  # و/ف, then a preposition, then the article
_AR_SUF = r"(?:ها|هما|هم|ه|ات|ين|ان|اً|ا)?"


def _ar(*words: str) -> str:
    return rf"{_AR_PRE}(?:{'|'.join(words)}){_AR_SUF}"


_BLOC = r"(?:Arab|ASEAN|African|EU|GCC|OIC|BRICS|SCO|CIS|CSTO|G20|G7)"

# Most specific first: a sentence that tells of a signing at a forum is the signing. Every kind a sentence
# names is an event of its own ("the MoUs were signed after the two leaders' talks": a meeting and a signing).
EVENT_KIND_CUES: dict[str, str] = {
    # Documents handed over at a ceremony are signed ones: "witnessed the exchange of five agreements".
    "signing": r"sign(?:ed|ing)|inked|exchange(?:d)? (?:of )?(?:the )?(?:\w+ )?(?:agreements|memorand\w+|MoUs|"
    r"instruments|documents)|обмен\w* (?:подписанными )?(?:документами|соглашениями|меморандумами)|"
    r"подписа\w*|подписани\w*|[وف]?تبادل (?:ال)?(?:اتفاقيات|مذكرات|وثائق)|"
    + r"[وف]?(?:وقع|يوقع|توقع|وقعت|وقعا|وقعوا|يوقعان|توقعان)(?:ها|هما|ه)?|"
    + _ar("توقيع"),
    # An informal seminar of two ministries is a discussion round; a course says "training" or "workshop".
    "roundtable": r"round\s?table|(?<!training )seminars?|(?:workshop|panel) discussions?|кругл\w+ стол\w*|"
    + _ar("طاولة مستديرة", "الطاولة المستديرة"),
    "side_event": r"side events?",
    "expert_session": r"expert session|экспертн\w+ сесси\w+",
    # A session of a body of states (the Arab League council, a union's ministers) is a forum of its own.
    "summit": r"(?:meetings?|sessions?|заседани\w+|встреч\w+|"
    + _ar("اجتماع", "اجتماعات", "دورة", "دورات")
    + r")[^.،,;]{0,40}?(?:جامعة الدول|(?:ل)?مجلس (?:ال)?جامعة|الاتحاد ال(?:أ|إ)فريقي|مجلس التعاون|League|Union|"
    r"Organi[sz]ation|Council of (?:Foreign )?Ministers|Лиг\w+|Союз\w*|Организаци\w+|Совет\w* министров)|"
    # The foreign ministers of a bloc in session: "اجتماع وزراء الخارجية العرب", "meeting of ASEAN foreign ministers".
    + r"(?:"
    + _ar("اجتماع", "اجتماعات")
    + r") (?:مجلس )?وزراء (?:ال)?خارجية (?:ال)?(?:دول )?(?:ال)?(?:عرب|خليجي|أفارقة|إسلامي)\w*|"
    r"(?:meetings?|sessions?) of (?:the )?"
    + _BLOC
    + r" (?:foreign )?ministers|"
    + _BLOC
    + r" (?:foreign )?ministers'? (?:meetings?|sessions?)|"
    r"summits?|forums?|(?<!press )(?<!news )(?<!video)conferences?|саммит\w*|форум\w*|"
    r"(?<!пресс-)конференци\w*|" + _ar("قمة", "منتدى", "مؤتمر") + r"(?![\u064b-\u0652]*\s+(?:ال)?صحفي)",
    "training": r"training (?:session|course|workshop|programme|program)|"
    r"capacity[- ]building (?:programme|program|course)|workshops?|course for|language course|graduated|"
    # "the two-week course ran from 14 to 25 October": a course said by its length or its kind, not "of course"
    r"(?:[\w]+-(?:day|week|month)|short|intensive|advanced|speciali[sz]ed) courses?|"
    r"семинар\w*|тренинг\w*|стажировк\w*|курс\w* повышения|обучени\w*|"
    r"(?:\w+недельн|\w+дневн|учебн|краткосрочн|специализированн)\w+ курс\w*|курс\w*(?= (?:для|прош[её]л|проходил))|"
    + _ar("ورشة")
    + "|"
    + _ar("دورة")
    + r" (?:ال)?(?:تدريبية|دراسية|تأهيلية)|(?:ال)?برنامج (?:ال)?تدريبي",
    "exhibition_visit": r"exhibitions?|выставк\w+|" + _ar("معرض"),
    "field_visit": r"field visits?|toured|tour of|tour (?:a|an|the)(?= )|"
    r"visited the (?:[A-Z][\w'-]* ){0,4}(?:headquarters|premises|plant|factory|facilit\w+|site|"
    r"institute|centre|center|university|museum|(?:industrial |technology |science )?park|port|farm|"
    r"hospital|laboratory|academy|college|school|company)|"
    # "посетил Российский университет", "побывал на предприятии": up to two words may name the place
    r"(?:посетил\w*|побывал\w* (?:на|в)) (?:[а-яё-]+ ){0,2}?(?:предприяти|завод|центр|музе|институт|университет|"
    r"(?:промышленн\w+ |индустриальн\w+ )?парк|технопарк|фабрик|комбинат|порт|лаборатори|академи|колледж|школ|"
    r"больниц|компани|хозяйств)\w*|"
    r"(?:[وف]?زار(?:وا|ت)? |[وف]?قام(?:ت)? (?:\S+ ){0,3}?بزيارة (?:(?:إلى|الى) )?(?:ل)?(?:ال)?)"
    r"(?:مقر|موقع|مصنع|مركز|معهد|جامعة|ميناء|شركة|مزرعة|مستشفى|أكاديمية|كلية|مدرسة|متحف|مجمع)|"
    r"почтил\w* память|посетил\w* мемориал\w*|"
    r"осмотрел\w*|ознакоми\w*|познакоми\w*|[وف]?(?:تفقد|يتفقد|تفقدت)\w*|" + _ar("جولة (?:ال)?(?:ميدانية|تفقدية)"),
    # "meet" before a name too: "went on to meet Saysomphone Phomvihane" (not "to meet the needs")
    "meeting": r"met|meet(?=\s+(?:with\b|(?-i:[A-Z])))|meets|meetings?|talks|talked(?= (?:with|to|about|over) )|"
    r"negotiations|(?:sat|sitting|sits) down(?= (?:[^.,;]{0,30} )?with\b)|confer(?:s|ring)?(?= with\b)|"
    # "In his conversation with X", "in a separate session with X", "the first to call on the minister"
    r"conversations?(?= with\b)|sessions?(?= with\b)|call(?:ing)? on(?= (?:the|his|her)\b)|"
    r"consultations|received|hosted|"
    r"discuss(?:ed|ions)|conferred|audiences?|called on|(?:courtesy|farewell) (?:calls?|visits?)|"
    r"credentials|встрет\w*|встреч\w+|переговор\w+|консультаци\w+|принял\w*|обсуди\w*|бесед\w+|"
    r"был\w* принят\w*(?= (?:президент|председател|премьер|министр|глав|руководител|корол|эмир|султан|наследн))|"
    r"аудиенци\w*|верительн\w+ грамот\w*|"
    r"[وف]?(?:التقى|التقت|يلتقي|تلتقي|اجتمع|اجتمعا|تباحث|تباحثا|تباحثت|يتباحث)|"
    + _ar("لقاء", "لقاءين", "لقاءات", "اجتماع", "مقابلة", "مباحثات", "محادثات", "مفاوضات", "مشاورات")
    + r"|[وف]?(?:استقبل|يستقبل|تستقبل|استقبلت)\w*|"
    + _ar("استقبال")
    + r"|[وف]?(?:بحث|بحثت|بحثا)|أوراق (?:ال)?اعتماد\w*|"
    # A farewell call: "لدى وداعه سفراء السودان المعينين", "ودّع الرئيس السفير".
    + _ar("وداع")
    + r"|[وف]?(?:ودع|ودّع|يودع|يودّع)(?!\w)",
    "announcement": r"briefing (?:the )?(?:media|press|journalists|reporters)|брифинг\w*",
    # The protocol around a visit: welcomes at the airport, wreaths, state dinners, press conferences; a call.
    "other": r"(?:tele)?phone (?:call|conversation|talks)|телефонн\w+ (?:разговор|переговор)\w*|"
    r"اتصال(?:اً|ا)? هاتفي(?:اً|ا)?|(?:ال)?اتصال (?:ال)?هاتفي|airports?|air ?(?:force )?bases?|airfields?|"
    r"wreaths?|state dinner|banquet|"
    # A ceremony of its own (an opening, a handover; "was present at a ceremony at which"), not "the ceremony"
    # that goes back to the event just told.
    # (Not the opening ceremony of a forum, which is part of the forum it opens.)
    r"(?:inauguration|launch|handover|handing[- ]over|unveiling) ceremony|opening ceremony(?! of (?:the )?"
    r"(?:[\w'-]+ ){0,4}?(?:forum|summit|conference|session|congress|games|exhibition|expo|festival|week|meeting)s?\b)|"
    r"(?:(?<=(?<!\w)a )|(?<=(?<!\w)an ))ceremony|" + _ar("حفل تدشين") + "|"
    r"press conference|welcom\w* ceremony|official welcome|(?:official )?reception ceremony|"
    r"аэропорт\w*|венок|венки|пресс-конференци\w*|торжественн\w+ церемони\w*|"
    + _ar("مطار", "إكليل", "مأدبة")
    + "|"
    + _ar("مؤتمر")
    + r" (?:ال)?صحفي(?:اً|ا)?",
}
# Words that name the occasion rather than what it was: "the ceremony", "the opening session". Told after an
# event they are a part of it ("Addressing the ceremony, the minister ..."); told first, a ceremony is a
# protocol act of its own and a session a meeting.
GENERIC_CUES = {
    "other": r"ceremony|ceremonies|церемони\w*|торжественн\w+ прием\w*|" + _ar("مراسم", "حفل", "احتفال"),
    "meeting": r"sessions?|заседани\w+|" + _ar("جلسة"),
}
GENERIC_PATTERNS = {kind: compile_cue(rf"(?<!\w)(?:{cue})(?!\w)", re.I) for kind, cue in GENERIC_CUES.items()}
EVENT_KIND_PATTERNS = {kind: compile_cue(rf"(?<!\w)(?:{cue})(?!\w)", re.I) for kind, cue in EVENT_KIND_CUES.items()}

# Words that look like a cue but name no event there: approving or being ready
# for a signing that has not happened, the director of protocol ("مدير مراسم"), an office or foundation named
# after an event ("مؤسسة القمة"), agreements "previously signed", learning about a workshop ("اطلعوا على").
FALSE_CUE_BEFORE = compile_cue(
    r"(?:approv\w+(?: of)?(?: the)?|authori[sz]\w+(?: the)?|ready for|готов\w* к|одобри\w*|"
    r"для(?:\s+(?:его|ее|её|их))?|дата|date of(?: the)?|"
    r"الموافقة على|[وت]?صادق\w* على|مدير|إدارة|دائرة|رئيس|مجال|مجالات|[ول]?شؤون|مؤسسة|"
    r"previously|earlier|ранее|السابق\w*|[وف]?(?:اطلع|اطّلع|تعرف|تعرّف)\w* على|"
    # what is urged, not done: "the importance of signing the peace agreement", "the need for talks"
    r"(?:importance|necessity|need|possibility|prospects?) (?:of|for)|важност\w*|необходимост\w*|أهمية|"
    # what a delegation saw of the host's training, not a training: "ознакомилась с тем, как проходит обучение",
    # "familiarised themselves with how cadets are trained"
    r"ознакоми\w*[^.;]{0,60}|(?:familiari[sz]\w*|acquaint\w*)\s+(?:\w+\s+)?with[^.;]{0,60})\s*$",
    re.I,
)

# Among the protocol acts, each is its own event: the airport welcome is not the wreath laid an hour later.
OTHER_ACTS = {
    # not the "phone" inside a name ("Saysomphone Phomvihane")
    "phone": compile_cue(r"(?<!\w)(?:tele)?phon|телефон|هاتفي", re.I),
    "arrival": compile_cue(
        r"airport|air ?(?:force )?base|airfield|аэропорт|مطار|وصول|كان في استقبال|on arrival|по прибытии", re.I
    ),
    "wreath": compile_cue(r"wreath|венок|венки|إكليل", re.I),
    "dinner": compile_cue(r"dinner|banquet|مأدبة", re.I),
    "press": compile_cue(r"press|пресс|صحفي", re.I),
    "welcome": compile_cue(r"welcom|торжественн", re.I),
}

# "A series of receptions": the summary of the meetings told one by one after it.
SERIES = compile_cue(r"(?<!\w)(?:a series of|series of|серия|серию|سلسلة(?: من)?)\s+$", re.I)
# A statement to the press by one side is an announcement; a joint press conference of two leaders is protocol
# (", the ministry said." closing the sentence only says who reported it).
STATEMENT = compile_cue(
    r"(?<!\w)(?:briefing (?:the )?(?:media|press|journalists|reporters)|брифинг\w*|"
    r"(?:said|announced|stated|told|statement|remarks)\b[^.]{0,60}(?:press|briefing)|(?:press|briefing)[^.]{0,80}\b(?:said|announced|stated)(?![\s.]*$)|"
    # "Свое заявление министр сделал на пресс-конференции": the statement made there
    r"(?:заявил|заявлени)\w*[^.]{0,60}пресс|пресс[^.]{0,80}заявил\w*|قوله|[وف]?أعلن\w*|[وف]?صرح\w*)",
    re.I,
)
JOINT = compile_cue(r"(?<!\w)(?:joint|совместн\w*|[ال]*مشترك\w*)(?!\w)", re.I)
# "على وقع" is "to the sound of", not "signed".
TO_THE_SOUND_OF = compile_cue(r"(?<!\w)على\s+$")
# A signing prepared, not made: "في خطوة تمهّد لتوقيع مذكرة", "paving the way for the signing of". (A summit being
# prepared, "تمهيداً لقمة", is still the summit the article tells of.)
PREPARED_SIGNING = compile_cue(
    r"(?:(?<!\w)(?:تمهد|يمهد|تمهيدا|تمهيداً|تمهيد)\S*\s+(?:ل|لل)?|pav\w+ the way (?:for|to)(?: the)?\s+)$", re.I
)
# A decree or a law signed at home is no signing between countries.
DECREE = compile_cue(r"(?<!\w)(?:decree|указ\w*|постановлени\w*|مرسوم\w*)(?!\w)", re.I)
# "Each separately", "a number of his counterparts": one meeting per counterpart.
SEPARATE = compile_cue(
    r"(?:two )?separate (?:meetings|talks)|separately|(?:several|a number) of (?:his|her) counterparts|"
    r"(?:courtesy )?calls on|"  # "courtesy calls on President A and Prime Minister B": one call on each
    r"(?:двух |две )?отдельн\w+ встреч\w*|"
    r"по отдельности|لقاءات منفصلة|اجتماعات منفصلة|لقاءين منفصلين|كل(?:اً|ا)? على حدة|عدد(?:اً|ا)? من نظرائه",
    re.I,
)
# The reception or the credentials that "حفل"/"مراسم"/"ceremony" introduces are that ceremony, a protocol act.
CEREMONY_BEFORE = compile_cue(r"(?:ceremony|церемони\w*|حفل|[وب]?مراسم)(?:\s+(?:of|по|تسليم|تقديم))?\s*$", re.I)
# An arrival: the reception that goes with it is the airport welcome, not a meeting.
ARRIVAL = compile_cue(
    r"(?<!\w)(?:airports?|air ?(?:force )?bases?|airfields?|on arrival|upon arrival|аэропорт\w*|по прибытии|"
    + _ar("مطار")
    + r"|(?:لدى|فور|عند|بعد) وصول\w*|[وف]?كان في استقبال\w*|встречавш\w*)(?!\w)",
    re.I,
)
# A reception word (rather than a meeting noun or "talks"): at an arrival it is the welcome itself.
RECEPTION = compile_cue(
    r"(?<!\w)(?:met|received|welcomed|встретил\w*|встречал\w*|встречали|встречавш\w*|принял\w*|"
    r"[وف]?(?:استقبل|يستقبل|تستقبل)\w*|" + _ar("استقبال") + r"|مستقبلي\w*)(?!\w)",
    re.I,
)

# A mention that points back at an event already told: "during the meeting", "attending the meeting were",
# "وحضر اللقاء", "خلال الاستقبال", "в ходе встречи", "на встрече", "по итогам встречи". Such a mention adds
# people to that event; its own date, if any, is some other event's ("this meeting is held ahead of the summit").
_TOLD_OF = (
    r"(?<!\w)(?:said|says|noted|explained|added|stated)\s+(?:that\s+)?the\s+$|(?<!\w)(?:أن|بأن)\s+$|"
    r"(?<!\w)(?:сообщил\w*|заявил\w*|отметил\w*|рассказал\w*|пояснил\w*),?\s+что\s+$"
)
BACK_REFERENCE = compile_cue(
    r"(?:(?<!\w)(?:during|at|after|following|in the course of|attending|attended|on the sidelines of|"
    r"this|that)\s+(?:the\s+|this\s+|that\s+)?(?:\w+\s+)?$|"
    r"(?<!\w)(?:в ходе|на|по итогам|после|этой|этих)\s+$|"
    r"(?<!\w)(?:[وف]?(?:خلال|عقب|بعد|إثر|حضر|حضره|حضرها|شهد|شارك في|في مستهل|في ختام|على هامش)|هذا|هذه)\s+"
    r"(?:[وب]?مراسم\s+|حفل\s+)?$|"
    # The meeting as the subject of what was said there: "وتناول اللقاء", "The meeting discussed" (told first).
    r"(?<!\w)[وف]?(?:تناول|بحث|ناقش|استعرض|تطرق|تخلل|تركز|ركز)\s+$|^\s*(?:The|This|That)\s+$|"
    # the meetings already told, as a whole: "the various meetings", "these talks", "all the meetings"
    r"(?<!\w)(?:the various|the several|these|those|all (?:the|these)|both|each of the)\s+$|" + _TOLD_OF + ")",
    re.I,
)
# What someone says of the talks already told: "said the talks covered", "أوضح … أن المباحثات", "сообщил, что
# переговоры". The one who says it (a spokesman) tells of the event; he is not one of its participants.
REPORTED = compile_cue(_TOLD_OF, re.I)
# Plans beyond "will" (``cues.NOT_HAPPENING``): "من المنتظر أن", "يرتقب", "من المقرر", "according to the
# programme", "им предстоит", "is expected to", "once signed", the Arabic future prefix on verbs of meeting.
PLANNED = compile_cue(
    r"(?<!\w)(?:[وف]?من المنتظر|[وف]?من المقرر|[وف]?المقرر|[وف]?(?:يُ?رتقب|يُ?نتظر|تُ?نتظر)|"
    r"[وف]?(?:ب|و)?حسب البرنامج|according to the (?:programme|program|schedule)|согласно программе|"
    r"предстоит|запланирован\w*|предусмотрен\w*|предусматрива\w*|provides for|envisages|covers|касается|касаются|"
    r"[وف]?[تي]نص على|ожидается|побывают|посетят|посетит|проведут|провед[её]т|встретятся|встретится|подпиш[еу]т|"
    # "once signed" is a plan; "once the ministers had signed" tells what happened first.
    r"once(?=,?\s+(?:(?:[^.,;]{0,40}?\s)?(?:is|are|gets?|has been|have been)\s+)?(?:signed|ratified|approved|adopted|"
    r"concluded|finali[sz]ed|completed|implemented|in force)\b)|"
    r"[وف]?(?:سي|ست|سن)(?:جري|عقد|لتقي|شهد|تناول|بحث|نصب|قوم|زور|كون|وقع)\w*)(?!\w)",
    re.I,
)
# A plan told after the noun: "الاجتماع المرتقب", "the meeting planned for", "встреча, намеченная на".
PLANNED_AFTER = compile_cue(
    r"^[\u064b-\u0652]*\s+(?:ال)?(?:مرتقب|مقبل|مقرر|منتظر)\w*|^[\u064b-\u0652]*\s+خلالها|^,?\s+(?:planned|scheduled|expected)\b|^,?\s+намеченн\w*",
    re.I,
)
# Background from another year: "signed last year", "в прошлом году", "في العام الماضي".
LAST_YEAR = compile_cue(
    r"(?<!\w)(?:last year|the previous year|в прошлом году|прошлого года|(?:في )?العام الماضي|السنة الماضية)(?!\w)",
    re.I,
)
# Totals over years ("За 20 лет ... прошли обучение 300 служащих", "from 2006 to 2025") are history, not an event.
OVER_YEARS = compile_cue(
    r"(?<!\w)(?:за \d+ (?:лет|года)|с \d{4} (?:по|до) \d{4}|over the (?:past|last) \d+ years|from \d{4} to \d{4}|"
    r"على مدى \d+ (?:سنوات|عام\w*)|منذ عام \d{4})(?!\w)",
    re.I,
)
# A title in quotes ("دور المفاوضات الدولية") names no event.
# Titles of documents run long ("Record of Discussions between ... and Development of a Business Model") but
# have no punctuation of speech: a long quote with a comma or a full stop is someone's words, which do tell
# of events («Вчера я встретился с министром, и в ходе встречи мы подписали меморандум»).
QUOTED = re.compile(
    r'"[^"\n]{1,80}"|«[^»\n]{1,80}»|“[^”\n]{1,80}”|"[^"\n,.;:!?،]{81,300}"|«[^»\n,.;:!?،]{81,300}»|“[^”\n,.;:!?،]{81,300}”'
)
# What happens in a forward-looking sentence falls on the coming weekday, not the last one; not "signed an
# agreement on Friday that will let diplomats travel", where only the relative clause looks ahead.
FORWARD = compile_cue(
    r"(?<!\w)(?:is|are|was|were)\s+(?:set|due|scheduled|expected|to)\b|"
    r"(?<!\w)(?<!that\s)(?<!which\s)(?<!who\s)(?:will|scheduled)(?!\w)|"
    # "ومن المقرر أن يعقد الوفد يوم الاثنين جولة مباحثات", "в понедельник состоятся переговоры"
    r"(?<!\w)(?:[وف]?(?:من المقرر|من المنتظر|المقرر)|состоится|состоятся|предстоит|проведут|провед[её]т|"
    r"встретятся|запланирован\w*)(?!\w)",
    re.I,
)
# Verbs that say an event took place even when the sentence names no one ("a course was organised").
HELD = compile_cue(
    # "the talks ended with the signing of": what ends something already told took place too
    r"(?<!\w)(?:held|took place|organi[sz]ed|launched|opened|convened|hosted|ended with|concluded with|culminated in|"
    r"завершил\w* подписани\w*|"
    # "following the talks, two memoranda were signed": what follows an event told is an event too
    r"(?:after|following) (?:the|their|these) (?:talks|meetings?|negotiations)|по итогам (?:переговоров|встречи)|"
    r"[وف]?(?:عقب|بعد|في أعقاب) (?:ال)?(?:مباحثات|محادثات|لقاء|اجتماع)|"
    r"состоял\w*|прош(?:ел|ла|ли|ло)|провел\w*|организова\w*|открыл\w*|"
    r"[وف]?(?:نظم|نظمت|عقد|عقدت|عُقد|انطلق|انطلقت|افتتح|اختتم|جرى|جرت|أقيم|أقيمت|استضاف|استضافت|احتضن))(?!\w)",
    re.I,
)
# "The next day he met ...", "На следующий день", "في اليوم التالي": the day after the one the narrative is at
# (and no plan, though "next" usually marks one).
NEXT_DAY = compile_cue(
    r"(?<!\w)(?:the next day|the following day|a day later|the next morning|the following morning|"
    r"на следующий день|на другой день|на следующее утро|[وف]?(?:في )?(?:صباح )?اليوم (?:التالي|الثاني|الموالي))(?!\w)",
    re.I,
)
# "Held meetings with the Speaker and the Minister of Trade": one meeting per counterpart.
PLURAL_MEETINGS = compile_cue(
    r"(?<!\w)(?:meetings|встречи|встречах|" + _ar("لقاءات", "اجتماعات") + r")\s+(?:\w+\s+){0,2}?(?:with|с|со|مع)(?!\w)",
    re.I,
)
