"""Cue words of the delegation reader (``visits.py``): a visit, its head, its direction, and what makes a
mention of a visit not one that took place."""

from __future__ import annotations

import re

from .base import compile_cue
from .cues import RECEIVED as _RECEIVED

# "held a series of meetings, receiving in turn the Minister of X, …": the participle receives as the verb does.
RECEIVED = re.compile(_RECEIVED.pattern + r"|(?<!\w)receiving(?!\w)", re.I)

# Credentials presented to a head of state: an ambassador taking up his post, never a visit.
CREDENTIALS = compile_cue(
    r"(?<!\w)(?:credentials|letters\s+of\s+credence|верительн\w+|(?:ال)?أوراق\s+اعتماد\w*|(?:ال)?أوراق\s+(?:ال)?اعتماد)(?!\w)",
    re.I,
)

DELEGATION = compile_cue(r"(?<!\w)(?:delegations?|делегаци\w+|(?:[وب]?ال|[وب])?وفد(?:ا|ًا)?)(?!\w)", re.I)

VISIT = compile_cue(
    # ("the value of high-level visits", "an exchange of visits", "mutual visits": visits in general)
    r"(?<!\w)(?:visit(?:ed|ing|ors?)?(?!s)|(?<!high-level )(?<!of )(?<!mutual )(?<!regular )(?<!reciprocal )visits|"
    r"trip|arriv(?:ed|es|al)|tour(?:ed)?|came to|comes to|travell?ed to|"
    # "O'Neill was also in Manila for the summit in 2015": a stay, told by the place alone.
    r"(?:is|was)\s+(?:also\s+|last\s+)?in(?=\s+(?-i:[A-Z]))|(?:is|was)\s+in\s+the\s+country|landed\s+(?:in|at)|flew\s+(?:in)?to|"
    # "X, Governor of Yunnan, China, paid a call on the Minister of Foreign Affairs": a call on a host's minister
    r"(?:paid|pays|paying)\s+(?:a\s+)?(?:courtesy\s+)?call|call(?:ed|s)?\s+on|"
    r"визит\w*|посети\w*|посещени\w*|прибы\w*|приеха\w*|приезд\w*|приезжа\w*|прилет\w*|побыва\w*|"
    r"поездк\w*|(?:[وبلف]?(?:ال)?|لل)زيار\w*|[وف]?زار(?:ت|ا|وا)?|[وف]?يزور|[وف]?وصل\w*|[وف]?تزور|"
    # "قد توجّه إلى باكو": headed to a place, the Arabic "travelled to".
    r"[وف]?توجه(?:ت|وا)?(?=\s+إلى))(?!\w)",
    re.I,
)

HEADED_BY = compile_cue(
    # "Во главе делегации — X": the head follows the dash.
    r"(?<!\w)(?:headed\s+by|led\s+by|chaired\s+by|под\s+руководством|во\s+главе\s+с|возглавляем\w+|"
    r"во\s+главе\s+(?:делегации|группы)\s*[—–-]|"
    # "Возглавит ее советник министерства X": the party just told, headed by X.
    r"возглав(?:ит|ил|ила|ляет)\s+(?:ее|её|его)|"
    r"[وف]?(?:برئاسة|بقيادة|يترأسه|يرأسه|ترأسه|تترأسه|ترأسها|يترأسها))(?!\w)",
    re.I,
)

LED = compile_cue(r"(?<!\w)(?:led|headed|heading|leading|возглавил\w*|возглавля\w+|ترأس(?:ت)?|يترأس)(?!\w)", re.I)

FROM = compile_cue(r"^\s*(?:from|of|из|от|من)\s+(?:the\s+)?", re.I)

# Talks held by video link: the delegations that took part travelled nowhere.
REMOTE = compile_cue(
    r"(?<!\w)(?:video\s?conferenc\w*|video\s+link|virtual(?:ly)?\s+(?:meeting|talks|format)|online\s+format|"
    r"видеоконференц\w*|видеосвяз\w*|(?:ال)?اتصال (?:ال)?مرئي|تقنية (?:ال)?فيديو|الفيديو كونفرانس)(?!\w)",
    re.I,
)

THIS_CAME = compile_cue(
    r"\s*(?:[وف]?(?:جاء|يأتي|تأتي) ذلك|this (?:came|took place)|"
    r"the (?:meeting|talks) (?:took place|was held|were held)|(?:встреча|переговоры) (?:прошл\w+|состоял\w+))",
    re.I,
)

HERE = compile_cue(r"(?<!\w)(?:here|здесь|هنا)(?!\w)", re.I)

TAKES_PART = compile_cue(
    r"(?<!\w)(?:attend(?:ed|s|ing)?|took\s+part|taking\s+part|participat\w+|участв\w+|принял\w*\s+участие|"
    r"[وف]?شارك\w*|مشارك\w*|[وف]?حضر(?:ت|ه|ها)?)(?!\w)",
    re.I,
)

# Whose greetings or message a visitor conveys stayed at home: "نقل X تحيات خادم الحرمين الشريفين الملك …",
# "conveyed the greetings of President Y", "передал приветствие Президента Z".
CONVEYED = compile_cue(
    r"(?:greetings|regards|message|letter|приветстви\w*|послани\w*|письм\w*|تحيات|تحية|رسالة|برقية)"
    r"[^.،,;]{0,40}$",
    re.I,
)

# "High Commissioner" is what Commonwealth countries call their ambassador to one another.
# "القائم بأعمال سفارة …" (chargé d'affaires of the embassy of …) as well as "القائم بالأعمال".
RESIDENT = compile_cue(r"ambassador|high commissioner|chargé|charge d|посол|поверенн|سفير|القائم ب(?:ال)?أعمال", re.I)
# Staff of an embassy, by a title that places them there ("رئيس قسم الشؤون الاقتصادية بالسفارة", "embassy counsellor").
EMBASSY_STAFF = compile_cue(
    r"embassy|посольств\w*|[بل]?(?:ال)?سفارة|(?:head|chief) of (?:the )?mission|глав\w* миссии|رئيس (?:ال)?بعثة",
    re.I,
)

# The noun for a visit, whose genitive names the visitor: "визит Президента X", "the visit of X", "زيارة الرئيس X".
VISIT_NOUN = compile_cue(
    r"(?<!\w)(?:visit(?:s)?\s+(?:of|by)|визит\w*|поездк\w*|(?:[وبلف]?(?:ال)?|لل)زيار\w*)(?!\w)", re.I
)

# An invitation to visit is not a visit ("at the invitation of X, Y visited" is, and does not match).
INVITED = compile_cue(
    r"invitation to (?:visit|pay)|invited (?:\S+\s+){1,6}?to (?:visit|pay)|"
    r"приглашени\w* (?:посетить|с визитом|на визит)|пригласил\w* (?:\S+\s+){1,6}?(?:посетить|с визитом)|"
    r"دعوة (?:رسمية )?(?:للقيام بزيارة|لزيارة)|دعاه لزيارة|دعته لزيارة",
    re.I,
)

PASSIVE_BY = compile_cue(r"(?:\s+\w+){0,3}?\s+by\s", re.I)
# "X was received in Hanoi on January 23 by Y": after "was", "by" may come further on.
_PASSIVE_AUX = compile_cue(r"(?<!\w)(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", re.I)
_PASSIVE_BY_FAR = compile_cue(r"(?:\s+[\w,]+){0,8}?\s+by\s", re.I)


def passive_by(text: str, verb: re.Match) -> re.Match | None:
    """The "by" that makes the verb passive ("received by Y", "was received in Hanoi on Monday by Y")."""
    near = PASSIVE_BY.match(text, verb.end())
    if near or not _PASSIVE_AUX.search(text[: verb.start()]):
        return near
    return _PASSIVE_BY_FAR.match(text, verb.end())


# "accompanied by Prime Minister X, President Y toured …": X goes along, Y is the visitor.
ACCOMPANIED = compile_cue(r"(?:accompanied by|в сопровождении|برفقة|يرافقه)\s+(?:\S+\s+){0,3}$", re.I)

TOWARDS_BEFORE = compile_cue(r"(?<!\w)(?:to|in|в|во|إلى|الى|في)\s+$", re.I)

TOWARDS = compile_cue(r"(?<!\w)(?:to|в|во|إلى|الى)\s+", re.I)

# An Arabic nisba adjective ("السوري", "العمانية", "الصينيين") names the people, not the place: "سوريا".
AR_ADJECTIVE = re.compile(r"^(?:[وفبلك]{0,2})ال\w+ي(?:ة|ين|ون|ان)?$")

# Words that put a visit in the future or make it a wish, looked for next to the word for the visit only: "will
# visit", "the upcoming visit", "الزيارة المقبلة", "سيجري … خلال زيارته" (not "It will be recalled that X
# made a visit", nor "… visited; they agreed to meet again").
FUTURE_NEAR = compile_cue(
    r"(?<!\w)(?:سيجري|ستجري|سيقوم|ستقوم|سيزور|ستزور|سيتوجه|ستتوجه|المرتقب\w*|المزمع\w*|المقرر\w*|"
    r"expected\s+to|scheduled\s+to|due\s+to|ожида\w+|должен|должна)(?!\w)",
    re.I,
)

# "X, who is in Dushanbe as part of the government delegation": X goes along, someone else leads.
MEMBER_OF = compile_cue(
    r"[^.;]{0,60}?(?<!\w)(?:в\s+составе|входивш\w*\s+в\s+состав|as\s+(?:a\s+)?(?:part|members?)\s+of|among\s+the\s+members\s+of|"
    r"ضمن\s+(?:ال)?وفد|(?:من\s+)?أعضاء\s+(?:ال)?وفد)(?!\w)",
    re.I,
)

# A visit told as one to come (kept as a reading, but never the same visit as one told as made).
PLANNED = compile_cue(
    r"(?<!\w)(?:will|plans?\s+to|planned|upcoming|forthcoming|scheduled|посетит|посетят|приедет|приедут|прибудет|"
    r"прибудут|отправится|отправятся|совершит|планиру\w+|запланирован\w*|предстоящ\w+|должн\w+\s+приехать|"
    r"سيزور|ستزور|سيقوم|ستقوم|سيتوجه|ستتوجه|(?:ال)?مرتقب\w*|(?:ال)?مقبل\w*)(?!\w)",
    re.I,
)

# A visit others prepare: "подготовили почву для визита X", "preparations for the visit of X", "ahead of the
# visit of X", "تمهيدا لزيارة X". Told beside the visit made to prepare it, it is another, later visit.
PREPARED_FOR = compile_cue(
    r"(?<!\w)(?:подготов\w+\s+(?:\w+\s+)?(?:для|к)|в\s+преддверии|накануне|ahead\s+of|preparations?\s+for|"
    r"to\s+prepare\s+for|تمهيدا|تمهيداً|استعدادا|استعداداً|تحضيرا|تحضيراً)(?!\w)",
    re.I,
)

# "предстоящему визиту Президента X в Y", "the upcoming visit of X to Y": a scheduled visit, named as one.
SCHEDULED_VISIT = compile_cue(
    r"(?<!\w)(?:предстоящ\w+\s+(?:\w+\s+)?(?:визит\w*|поездк\w*)|(?:upcoming|forthcoming)\s+(?:\w+\s+)?visit)(?!\w)",
    re.I,
)

# A visit told as a memory of the speaker's: background to the story, not what it reports.
RECALLED = compile_cue(
    r"(?<!\w)(?:recall(?:ed|ing|s)|remind(?:ed|ing)|напомни(?:л|ла|ли|в)|напомним|"
    r"(?:و|ف)?(?:استذكر|استعاد|ذكّر|ذكر)(?:ت)?\s+ب)(?!\w)",
    re.I,
)
