"""How one mention of an agreement reads: its kind, its count, its status, whether it names a new agreement.

Used by the walk over the document in ``agreements.py``: the kind from the noun ("memorandum", "протокол",
"مذكرة تفاهم"), the status from the verb of its sentence, the count from a number before it ("five
memoranda"), and whether it restates an agreement already met (the same kind, about the same subject) or names
one of its own ("another", an ordinal, an indefinite article, a subject: "on health", "о сотрудничестве").
"""

from __future__ import annotations

import re

from .base import NUMBER_WORDS, Found, compile_cue
from .context import DocumentContext, Sentence
from .countries import find_countries

_KINDS = (
    ("mou", r"memorand(?:um|a)(?:\s+of\s+(?:understanding|agreement|cooperation))?(?:\s+\((?:MOU|MOA|MOC)s?\))?|"
     r"MoU(?:'?s)?|MOU(?:'?s)?|MoA(?:'?s)?|MOA(?:'?s)?|MoC(?:'?s)?|"
     r"меморандум\w*(?:\s+о\s+взаимопонимании)?(?:\s+\(МоВ\))?|(?-i:МоВ|МОВ)|مذكر(?:ة|ات|تي|تا)\s+(?:ال)?تفاهم|مذكر(?:ة|ات|تي)"),
    # A programme between governments or ministries: "programme of consultations", "программа развития
    # двусторонних отношений" (a training course is a programme of programmes.py, not of this module).
    ("programme", r"program(?:me)? of (?:cooperation|consultations|collaboration|exchanges?|joint actions?)|"
                  r"cooperation program(?:me)?|"
                  r"программ\w+ (?:[\w-]+ ){0,2}(?:сотрудничества|консультаций|взаимодействия|обменов)|"
                  r"программ\w+ развития (?:[\w-]+ ){0,2}(?:отношений|взаимоотношений|связей|сотрудничества)|"
                  r"برنامج\S*\s+(?:لل|ال)?تعاون|(?:ال)?برنامج\S*\s+(?:ال)?تنفيذي\S*"),
    # Not the protocol service: "отдел протокола", "Chief of Protocol", "protocol department", "протокольный".
    ("protocol", r"(?<!chief of )(?<!head of )(?<!office of )(?<!department of )"
                 r"(?<!отдел )(?<!отдела )(?<!отделе )(?<!управлении )(?<!службе )"
                 r"(?<!управление )(?<!управления )(?<!служба )(?<!службы )(?<!департамент )(?<!департамента )"
                 r"(?:protocol(?!\s+(?:department|office|officer|service|division|unit))|протокол(?:а|ом|е|ы|ов|ам|ами|ах)?|"
                 r"بروتوكول)"),
    ("roadmap", r"road\s?map|action plan|work plan|"
                r"план\w* (?:\w+(?:ых|их) )?(?:мероприятий|сотрудничества|консультаций)|дорожн\w+ карт\w*|"
                r"план\w* действий|(?:خارطة|خريطة) طريق|خطة عمل"),
    ("treaty", r"convention|treaty|конвенци\w*|договор\w* о (?:дружбе|союзе|партн\w+)|معاهدة|اتفاقية\s+(?:ال)?إطارية"),
    # "договорённость" is an understanding reached and "договорились" the verb, not a document: "договор" only
    # as a treaty or contract.
    ("agreement", r"agreements?|accord|deals?|pacts?|соглашени\w*|договор(?![её]нност|ил|ив)\w*|"
                  r"اتفاقي(?:ة|ات|تين|تان)|اتفاق|صفق(?:ة|ات)|"
                  # "twelve legal instruments": the treaty word for documents of every kind signed together
                  r"legal\s+instruments?|(?:ال)?آلي(?:ة|ات|تين|تان)\s+(?:ال)?قانوني(?:ة|تين|تان)"),
    # "signed ten documents": counted documents are as many agreements (a lone "the document" refers back).
    # A declaration the sides sign ("a declaration on comprehensive cooperation", "Декларацию о партнерстве"), a
    # record of talks signed as a document ("Record of Discussions", "agreed minutes"); a joint statement is
    # issued, not signed, and is not recorded.
    ("other", r"letters?\s+of\s+intent|LoI|(?:joint\s+)?declarations?|(?:письм\w+|декларац\w+)\s+о\s+намерениях|"
              r"(?:совместн\w+\s+)?декларац\w+|records?\s+of\s+discussions?|agreed\s+minutes|"
              # notes exchanged between governments are a treaty instrument of their own
              r"exchanges?\s+of\s+(?:notes|letters)|обменн\w+\s+(?:нот|письм)\w*|обмен\w*\s+(?:нотами|письмами)|"
              r"(?:ال)?مذكرات\s+(?:ال)?متبادلة|[وب]?(?:ال)?تبادل\s+(?:ال)?(?:رسائل|مذكرات)|"
              r"(?:إعلان|خطاب|رسالة)\s+(?:ال)?نوايا|"
              r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|два|три|четыре|пять|шесть|семь|восемь|"
              r"девять|десять|ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر)\s+(?:documents|документ(?:а|ов)|وثائق)"),
)  # fmt: skip
# A kind's noun is a word of its own in English and Russian: not "accord" in "according", "deal" in "ideal",
# "MoU" in "famous" (Arabic clitics attach to the noun, so Arabic letters may border it).
_MENTION = compile_cue(
    r"(?<![A-Za-zА-Яа-яЁё])(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KINDS)
    + r")(?![A-Za-zА-Яа-яЁё])",
    re.I,
)
# A later mention that refers back: "the MoU", "the document", "документ", "الوثيقة".
# ("документальные свидетельства", documentary evidence, is no document.)
_BACK_REFERENCE = compile_cue(r"(?<!\w)(?:the\s+document|документ(?!альн)\w*|الوثيقة|الاتفاق)(?!\w)", re.I)
_STATUS = (
    ("in_force", r"entered into force|in force|вступил\w* в силу|حيز التنفيذ|دخل\w* حيز"),
    (
        "under_negotiation",
        r"negotiat\w*|draft\w*|being prepared|finali[sz]\w*|ready (?:for|to be) sign\w*|переговор\w*|"
        # "внимание уделили работе над межправительственным соглашением о …", "work on the agreement"
        r"работ\w* над|(?:work|working) on (?:the|a|an) (?:\w+ ){0,2}(?:agreement|memorandum|treaty|protocol)|"
        # "проект"/"مشروع" is also a project and "подготовка кадров" training: only a draft document counts.
        r"проект\w* (?:\w+ )?(?:соглашени|меморандум|протокол|договор|документ|программ|план|дорожн|межправ)\w*|"
        r"согласова\w*|подготовк\w* (?:к|проект\w*|текст\w*|документ\w*)|подготовлен\w*|готов\w* к подписанию|"
        r"التفاوض|مفاوضات|مسودة|مشروع (?:ال)?(?:اتفاق|مذكر|بروتوكول|برنامج|معاهد)\S*|جاهز\w* للتوقيع",
    ),
    # An intention or a wish to sign: "намерены подписать", "intend to sign", "the importance of signing".
    ("proposed", r"agreed to (?:\w+ ){0,2}(?:sign|renew|extend|conclude|ink)|"
                 r"(?:intend\w*|intention|plans?|importance|need|necessity|call\w*) (?:\w+ ){0,2}(?:to sign|of signing|"
                 r"for signing|for (?:the )?conclusion|to conclude)|"
                 r"намерен\w* (?:\w+ ){0,2}(?:подписать|заключить)|(?:is|are) (?:also )?envisaged|"
                 r"(?:могут|может|удастся|сможет|смогут) (?:\w+ ){0,2}(?:подписать|заключить)|"
                 r"hop(?:e|es|ed|ing) (?:\w+ ){0,6}(?:sign\w*|conclu\w+)|could (?:\w+ ){0,2}(?:sign|conclude)|"
                 r"(?:важно|необходимо|нужно|следует) (?:\w+ ){0,2}(?:подписать|заключить|принять|разработать)|"
                 r"(?:важност|необходимост)\w* (?:\w+ )?(?:подписания|заключения)|"
                 r"(?:تعتزم|يعتزم|تعتزمان|يعتزمان|ينويان|تنوي|ينوي|أهمية|ضرورة)\S* (?:\S+ ){0,2}(?:ال)?توقيع|"
                 # "في خطوة تمهّد لتوقيع مذكرة", "paving the way for signing": a signing prepared, not made
                 r"(?:تمهد|يمهد|تمهيدا|تمهيداً|تمهيد)\S* (?:ل|ال|لل)?(?:ال)?توقيع|"
                 r"pav\w* the way (?:for|to) (?:the )?sign\w*|"
                 r"подготов\w+ почв\w* (?:для|к) подписани\w*|"
                 r"possibility of (?:signing|concluding)|(?:возможност|целесообразност)\w* (?:заключения|подписания)|"
                 r"إمكانية (?:توقيع|إبرام)|"
                 r"договорил\w* (?:\w+ )?(?:подписать|продлить|заключить)|"
                 r"اتفق\S* (?:\S+ ){0,2}على (?:توقيع|تمديد|تجديد|إبرام)|"
                 # A document the sides agreed to draw up: "условились принять совместную «дорожную карту»",
                 # "подготовят дорожную карту", "agreed to develop a roadmap", "اتفقا على إعداد خارطة طريق".
                 r"(?:agreed|decided) to (?:\w+ ){0,2}(?:adopt|develop|draw up|prepare|draft)|"
                 r"will (?:\w+ ){0,2}(?:adopt|develop|draw up|prepare|draft)|"
                 r"(?:условил|договорил)\w* (?:\w+ )?(?:принять|разработать|подготовить)|подготовят|разработают|"
                 r"اتفق\S* (?:\S+ ){0,2}على (?:اعتماد|إعداد|وضع)|"
                 r"will (?:\w+ ){0,3}sign\w*|to be signed|to sign|plan\w* to sign|(?:expected|scheduled|set) to "
                 r"(?:\w+ ){0,2}sign\w*|подпишут|будет подписан\w*|ожидается подписание|планируется подписание|"
                 r"для (?:его |ее |её |их )?подписания|дата подписания|"
                 r"(?:يرتقب|من المقرر|من المنتظر|المتوقع|يتوقع)(?:\s+\S+){0,3}\s+(?:ال)?توقيع|"
                 r"планируется подписа\w*|سيتم (?:ال)?توقيع|سيوقع\w*|"
                 r"approv\w*|одобри\w*|الموافقة على|وافق\w*|[تي]صادق على توقيع|المصادقة على توقيع"),
    ("signed", r"sign(?:ed|ing|s)?|inked|sealed|penned|conclud\w*|ratif\w*|ратифиц\w*|"
               r"(?:put|affix\w*|set)\s+(?:their|his|her|its)\s+signatures?|скреп(?:ил|лен|лён)\w* (?:\w+ )?подпис\w*|"
               r"[وف]?(?:[يت]?صادق|المصادقة)\S*(?:\s+\S+){0,3}\s+على|"
               r"заключ(?:ил|ила|или|ено|ен|ён|ена|ены|енн|ённ)\w*|extend\w*|renew\w*|prolong\w*|подписа\w*|продл\w*|"
               r"подпис(?:ь|и) под|поставил\w* (?:свои )?подпис\w*|оформил\w*|"
               r"[وف]?وقع(?:ت|ا|وا|ها|تا|ته)?|[وف]?[يت]وقعان|[وف]?يوقع(?:ون|ا)?|[وف]?(?:بال|ال|لل)?توقيع|الموقع(?:ة|تين|تان)|"
               r"تم (?:ال)?توقيع|(?:جرى|تم|وجرى|وتم) (?:ال)?توقيع|تمديد|تجديد|أبرم\w*"),
)  # fmt: skip
_STATUS_PATTERNS = [(status, compile_cue(rf"(?<!\w)(?:{cue})(?!\w)", re.I)) for status, cue in _STATUS]
# Mentions that talk about agreements in general, not one the officer would record.
_GENERAL = compile_cue(
    r"(?<!\w)(?:agreements?\s+already|previously\s+signed|ранее\s+подписанн\w*|already\s+signed|"
    r"the\s+agreements\s+reached|договорённост\w*|договоренност\w*|"
    r"agreed\s+(?:to(?!\s+(?:sign|conclude|ink|renew|extend)\b)|that|on))(?!\w)",
    re.I,
)


# "В числе договорённостей, скреплённых подписями, – Меморандум о …", "among the agreements reached: an MoU on
# …": the general word introduces the documents the sentence then names, and those are recorded.
_INTRODUCES = compile_cue(r"\s[–—-]\s|:\s")


def _in_general(text: str, mentions: list[re.Match]) -> bool:
    """The sentence speaks of agreements in general ("the agreements reached", "previously signed"), unless that
    general word only introduces the documents named after a dash or a colon."""
    general = _GENERAL.search(text)
    if general is None:
        return False
    introduced = _INTRODUCES.search(text, general.end())
    if introduced and any(m.start() >= introduced.end() for m in mentions):
        return False
    # "confirmed the understandings reached and signed an agreement on air services": one with a subject of its
    # own, named apart from the general word, is a document.
    return not any(
        _SUBJECT_AFTER.search(text[m.end() : m.end() + 60])
        and not _PARTIES_ONLY.match(text[m.end() :])
        and not (m.start() < general.end() + 3 and m.end() > general.start() - 3)  # the general phrase's own
        for m in mentions
    )


_NUMBERS = {
    **NUMBER_WORDS,
    "مذكرتي": 2, "اتفاقيتين": 2, "ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9, "عشر": 10,
}  # fmt: skip


def _count_before(context: DocumentContext, sentence: Sentence, mention: re.Match, since: int = 0) -> int | None:
    """The number of documents a mention counts ("five memoranda"), read after the previous mention ("9
    agreements and memoranda" counts once)."""
    own = mention.group(0).split()[0].lower()  # "ten documents": the count is part of the mention
    if own.isdigit() and 1 < int(own) <= 20:
        return int(own)
    if own in _NUMBERS:
        return _NUMBERS[own]
    if mention.group(0).startswith(("مذكرتي", "اتفاقيتين", "مذكرتا", "اتفاقيتان")):
        return 2
    window_start = sentence.start + max(since, mention.start() - 30)
    words = list(re.finditer(r"[\w-]+", context.text[window_start : sentence.start + mention.start()]))[-2:]
    for match in reversed(words):
        word, position = match.group(0), window_start + match.start()
        if _VERB.match(word):
            return None  # "The two signed agreements": the number before the verb is who signed

        # A day of a date ("12 октября подписали соглашение") counts nothing.
        in_date = any(d.evidence.start <= position < d.evidence.end for d in context.dates)
        if word.isdigit() and 1 < int(word) <= 20 and not in_date:
            return int(word)
        if word.lower() in _NUMBERS:
            return _NUMBERS[word.lower()]
    return None


_VERB = compile_cue(r"^(?:signed|inked|concluded|exchanged|подписали|заключили|وقع\S*)$", re.I)


_PLURAL = compile_cue(
    r"^(?:agreements|memoranda|MoU'?s|MOU'?s|protocols|accords|treaties|соглашени(?:я|й|ям|ями|ях)|меморандум(?:ы|ов|ами)|"
    r"протокол(?:ы|ов)|اتفاقيات|مذكرات)(?!\w)",
    re.I,
)


def _plural(word: str) -> bool:
    return bool(_PLURAL.match(word))


_STATUS_ORDER = ["in_force", "signed", "under_negotiation", "proposed"]
_PLANNED = ("under_negotiation", "proposed")


def _status(text: str) -> str:
    text = _CONDITION_ANY.sub(" ", text)  # "once signed, the document will ..." tells no act yet
    text = _TALKS_OVER.sub(" ", text)  # "по итогам переговоров подписан пакет документов": the talks are over
    for status, pattern in _STATUS_PATTERNS:
        if pattern.search(text):
            return status
    return ""


# "held under a memorandum on cooperation for 2019 - 2023", "в рамках соглашения", "بموجب مذكرة التفاهم": the
# text works within an agreement, so it exists although no verb in the sentence says it was signed.
_WITHIN = compile_cue(
    r"(?<!\w)(?:under|within(?: the framework of)?|in the framework of|pursuant to|in accordance with|"
    r"в рамках|в соответствии с|согласно|на основании|в развитие|"
    # "the areas set out in the joint declaration", "закрепленные в декларации": what a document says.
    r"(?:are|is|as|being)\s+(?:both\s+)?(?:a\s+)?(?:party|parties|signatories|signatory)\s+to|"
    r"set out in|laid down in|outlined in|enshrined in|stipulated in|provided for (?:in|by)|envisaged (?:in|by)|"
    r"(?:закрепл|изложен|предусмотрен|определ)\w+ в|(?:الوارد|المنصوص عليه|المحدد)\S* في|"
    r"بموجب|في إطار|وفق|وفقا ل|تنفيذا ل)\s+(?:(?:a|an|the|this|its|their|ранее|ال)\s*)?(?:\S+\s+){0,2}$",
    re.I,
)


def _within(text: str, mention: re.Match) -> bool:
    return bool(_WITHIN.search(text[max(0, mention.start() - 50) : mention.start()]))


# What marks a mention as naming an agreement of its own: a subject ("on health", "о сотрудничестве",
# "في مجال", "بين"), "another"/"أخرى"/"ещё один", an ordinal, or an indefinite article.
_SUBJECT_AFTER = compile_cue(
    r"^\S*\s*(?:\([^)]{1,20}\)\s*)?(?:on|for|between|concerning|regarding|in(?!\s+(?:(?-i:[A-Z])|\d))|"
    r"о|об|между|по|в области|в сфере|на \d{4}|"
    r"لل\w+|ل[^\s]{3,}|في مجال|في مجالات|في المجال|بين|بشأن|حول|خاص\w*|تتعلق|يتعلق|ترمي|تهدف|يهدف|أخرى|آخر|"
    r"و?تعاون|[أإ]?ضافي\w*|جديد\w*|aimed at|intended to|to (?:strengthen|develop|promote|boost|enhance|expand)|"
    r"направленн\w+ на|الرامية|الهادفة)(?!\w)",
    re.I,
)
_ANOTHER_BEFORE = compile_cue(
    r"(?:another|a (?:further|second|third|fourth|fifth|separate)|second|third|fourth|fifth|sixth|seventh|"
    r"ещё один|еще один|еще одно|ещё одно|ещё одну|еще одну|друг\w+|втор\w+|треть\w+|четв[её]рт\w+|"
    r"перв\w+ из них|вторым|третьим)\s+(?:\S+\s+){0,3}$",
    re.I,
)
_REFERRING_BEFORE = re.compile(
    r"(?<!\w)(?:the|this|that|these|those|its|their|said|этот|эти|это|этого|этом|данн\w+|указанн\w+|"
    r"подписанн\w+|соответствующ\w+|هذه|هذا|تلك|ذلك)\s+(?:(?:renewed|signed|revised|amended|updated)\s+)?$",
    re.I,
)


def _another(text: str, mention: re.Match) -> bool:
    before = text[max(0, mention.start() - 40) : mention.start()]
    return bool(_ANOTHER_BEFORE.search(before) or re.match(r"^\S*\s+(?:أخرى|آخر)(?!\w)", text[mention.end() :]))


_ALONG_WITH = compile_cue(
    r"(?<!\w)(?:as well as|along with|alongside|together with|and also|а также|вместе с ним\w*|наряду с \w+|"
    r"إلى جانب|وكذلك|بالإضافة إلى)[\s,—–-]*(?:(?:a|an|the|ال)\s+)?(?:\S+\s+){0,2}$",
    re.I,
)


def _names_a_new_one(text: str, mention: re.Match, found: list[Found]) -> bool:
    """ "a memorandum on health" after "the MoU on labour" is another; "the MoU" is the same one, and so is the
    body's "memorandum on cooperation" after the headline's."""
    before = text[max(0, mention.start() - 40) : mention.start()]
    word = mention.group(0)
    if _another(text, mention):
        return True
    if _ALONG_WITH.search(before) and not any(item.value["kind"] == mention.lastgroup for item in found):
        return True  # "подписано Соглашение …, а вместе с ним — программа": a document of another kind beside it
    after = text[mention.end() : mention.end() + 60]
    titled = word[:1].isupper() and word.split()[0][1:].islower() and not re.search(r"(?:^|[.!?\n]\s*)$", before)
    # "подписали Грантовое соглашение", "Рамочное соглашение": Russian capitalises a title's first word only.
    titled = titled or bool(re.search(r"(?<![.!?\n]\s)(?<!^)\s[А-ЯЁ][а-яё]+(?:ое|ый|ий|ая|ую|ого|ой)\s+$", before))
    if _REFERRING_BEFORE.search(before) or re.search(r"(?:^|\s)ال", word) or re.search(r"(?:ال|لل)$", before):
        # "The MoU signed by X covers …, alongside the Agreement for Scientific and Technical Cooperation": a
        # title of another kind, on a subject no document met so far has, is one of its own despite "the".
        return bool(
            titled
            and _SUBJECT_AFTER.search(after)
            and not any(item.value["kind"] == mention.lastgroup for item in found)
            and _same_subject(mention, found, text) is None
        )
    indefinite = re.search(r"(?<!\w)(?:a|an)\s+(?:[\w-]+\s+){0,3}$", before, re.I) or (
        # Arabic marks the definite, not the indefinite; "اتفاقية التعاون" is definite by what follows it.
        _ARABIC.match(word) and (" " in word or not re.match(r"^\S*\s+ال", after))
    )
    subject = _SUBJECT_AFTER.search(after) and not _PARTIES_ONLY.match(after)
    if not (subject or titled or indefinite or _DATED.match(after)):
        return False
    return _same_one(mention, found, text, strict=bool(titled or indefinite)) is None


# "the agreement of 6 January 1995 on ...", "соглашения от 6 января 1995 года": one named by its date.
_DATED = compile_cue(
    r"^\S*\s*\(?(?:также\s+|also\s+)?(?:от|dated|of|signed (?:on|in)|المؤرخ\w*|الموقع\w* في|بتاريخ)\s+\d{1,2}\s", re.I
)
_ARABIC = re.compile(r"[\u0621-\u064a]")

# "an agreement between the two countries" names its parties, not a subject of its own.
_PARTIES_ONLY = compile_cue(
    r"^\S*\s+(?:between|among)\s+(?:the\s+)?(?:two|both)\s+(?:countries|sides|governments|nations)|"
    r"^\S*\s+(?:между\s+(?:двумя\s+)?(?:странами|сторонами|государствами))|^\S*\s+بين\s+(?:البلدين|الجانبين|الدولتين)",
    re.I,
)


def _same_one(mention: re.Match, found: list[Found], text: str = "", *, strict: bool = False) -> Found | None:
    """The candidate this mention restates: of the same kind, about the same subject (a mention about
    nothing in particular, "the memorandum on cooperation", restates the latest of its kind, unless it is
    introduced as one of its own: "signed a Memorandum on cooperation")."""
    words = _subject_words(_title(text, mention) if text else mention.group(0))
    for item in reversed(found):
        if item.value["kind"] != mention.lastgroup:
            continue
        theirs = _subject_words(item.value["title"])
        if (not theirs and not strict) or (not words and not strict) or _shares_subject(words, theirs):
            return item
    return None


def _shares_subject(words: set[str], theirs: set[str]) -> bool:
    """Two titles are on the same subject when half the subject words of the shorter one are the other's too."""
    return len(words & theirs) * 2 >= max(1, min(len(words), len(theirs)))


def _same_subject(mention: re.Match, found: list[Found], text: str) -> Found | None:
    """The candidate of any kind about the same subject ("the Agreement on health" after "an MoU on health")."""
    words = _subject_words(_title(text, mention))
    theirs = [(item, _subject_words(item.value["title"])) for item in found]
    return next((item for item, t in theirs if not words or (t and words & t)), None)


# Words every agreement's title shares ("cooperation", "между", "التعاون"): they tell no two apart.
_GENERIC = compile_cue(
    r"^(?:the|and|of|on|in|for|between|with|to|a|an|by|was|were|is|signed|government|ministry|republic|state|"
    r"cooperation|mutual|field|area|areas|sphere|"
    r"memorand\w*|mous?|understanding|agreements?|protocols?|programmes?|programs?|"
    r"сотрудничеств\w*|взаимн\w*|област\w*|сфер\w*|между|меморандум\w*|взаимопонимани\w*|соглашени\w*|"
    r"протокол\w*|программ\w*|о|об|в|по|и|от|до|на|с|со|для|к|при|из|за|"
    r"\w*تعاون\w*|مجال\w*|بين|في|مع|على|من|مذكر\w*|تفاهم|\w*اتفاق\w*|\w*برنامج\w*|مشترك\w*|\w*دولة|"
    r"\w*حكوم\w*|جمهورية|المملكة|правительств\w*|республик\w*|государств\w*|также|also|"
    r"this|that|these|already|effect|этом|этому|этого|этой|уже|بذلك|بهذا|الشأن|"
    # "по этому направлению", "in this direction", "في هذا الاتجاه": the subject just told, not a new one
    r"направлени\w*|direction|track|الاتجاه|الصدد|"
    # "between the two countries" names the parties, not what the document is about
    r"two|both|countries|sides|nations|двумя|обеими|странами|сторонами|البلدين|الجانبين|الدولتين|"
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|"
    r"декабр\w*|год\w*|january|february|march|april|may|june|july|august|september|october|november|december|"
    r"year|يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|عام)$",
    re.I,
)


def _stem(word: str) -> str:
    if _ARABIC.match(word):  # "لتقديم" and "بتقديم", "لطلاب" and "الطلاب": the clitics tell nothing
        return re.sub(r"^(?:[وف])?(?:[بلك])?(?:ال|ل)?", "", word)[:4] or word[:4]
    return word.lower()[:6]


def _subject_words(title: str) -> set[str]:
    countries = find_countries(title)  # "with the Government of Bangladesh" names a party, not the subject
    return {
        _stem(w.group(0))
        for w in re.finditer(r"\w{2,}", title)
        if not _GENERIC.match(w.group(0))
        and not w.group(0).isdigit()
        and not any(start <= w.start() < end for _code, start, end in countries)
    }


# "Once signed, the document will ...": a condition, not an act.
_CONDITION = compile_cue(r"(?:once|when|after|if|until)\s+(?:it\s+is\s+)?signed[\s,]*$", re.I)


_TALKS_OVER = compile_cue(
    r"(?<!\w)(?:по итогам|в ходе|после|по результатам|following|after|at the end of|in the course of|"
    r"في ختام|عقب|خلال|في أعقاب)\s+(?:\S+\s+){0,2}(?:переговоров|negotiations|talks|المباحثات|المفاوضات)(?!\w)",
    re.I,
)


_CONDITION_ANY = compile_cue(r"(?<!\w)(?:once|when|after|if|until)\s+(?:it\s+is\s+)?signed(?!\w)", re.I)


def _conditional(text: str, mention: re.Match) -> bool:
    return bool(_CONDITION.search(text[max(0, mention.start() - 40) : mention.start()]))


# "The package also included a programme on culture": a document listed after signed ones shares their act.
_LISTING = compile_cue(
    r"(?<!\w)(?:also|as well as|in addition|includ\w*|among|alongside|также|кроме того|в том числе|среди|"
    r"أيضا|أيضاً|كذلك|إلى جانب|شملت|تضمنت|وشملت|وتضمنت|بالإضافة|"
    # "two documents were signed. The first is an agreement on A; the second, an agreement on B"
    r"the\s+(?:first|second|third|fourth|other|last)|one\s+of\s+them|перв(?:ый|ая|ое)|втор(?:ой|ая|ое)|"
    r"друг(?:ой|ая|ое)\s+[—–-]|(?:один|одна|одно)\s+из\s+них|أحدهما|إحداهما|الأولى|الثانية)(?!\w)",
    re.I,
)


def _listing(text: str) -> bool:
    return bool(_LISTING.search(text))


# Where a title's words give way to what is said of it: "the MoU [was signed by ...]", "[который подписали]".
_TITLE_END = re.compile(
    r"\s(?:was|were|is|are|will|would|has|have|had|signed|which|that|who|to be|был\w*|будет|стал\w*|подписа\w*|"
    r"котор\w*|заключ\w*|могут|может|можно|удастся|планиру\w*|сможет|смогут|could)(?!\w)",
    re.I,
)


# "an agreement on visas and a memorandum on culture": the title ends where the next document is named.
_NEXT_MENTION = compile_cue(
    r"\s(?:and|и|و)\s*(?:(?:an?|a further|another)\s+)?(?=(?:memorand|MoU|MOU|agreement|protocol|меморандум|"
    r"соглашени|протокол|مذكر|اتفاق|بروتوكول|برنامج))",
    re.I,
)


# English names an agreement before its noun: "the Special Status Agreement", "a Comprehensive Economic
# Partnership Agreement" (not a sentence's first word, nor a name that ends with the signatory's title).
_NAME_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][\w-]*\s+){1,5})$")
_NOT_NAME = re.compile(r"^(?:The|A|An|This|That|Under|Both|Two|And|Minister|President)$")


def _title(text: str, mention: re.Match) -> str:
    # "to train 1,000 civil servants": a comma or point between digits does not end the title
    rest = re.match(r"(?:[^.,;:\n،؛]|(?<=\d)[.,](?=\d)){0,120}", text[mention.end() :]).group(0)
    end = _TITLE_END.search(rest) or _NEXT_MENTION.search(rest)
    title = (mention.group(0) + (rest[: end.start()] if end else rest)).strip()
    named = _NAME_BEFORE.search(text[max(0, mention.start() - 80) : mention.start()])
    if named and mention.group(0)[:1].isupper():
        words = named.group(1).split()
        while words and _NOT_NAME.match(words[0]):
            words = words[1:]
        start = mention.start() - len(named.group(1))
        if words and start > 0 and not re.search(r"[.!?\n]\s*$", text[:start]):
            title = " ".join(words) + " " + title
    opening, closing = title.find("«"), title.find("»")
    if closing != -1 and (opening == -1 or closing < opening):
        # "«дорожную карту» сотрудничества": the mention starts inside the quotes; its closing quote goes
        title = " ".join(title.replace("»", "", 1).split())
    return title[:300]
