"""How one mention of an agreement reads: its kind, its count, its status, whether it names a new agreement.

Used by the walk over the document in ``agreements.py``: the kind from the noun ("memorandum", "протокол",
"مذكرة تفاهم"), the status from the verb of its sentence, the count from a number before it ("five
memoranda"), and whether it restates an agreement already met (the same kind, about the same subject) or names
one of its own ("another", an ordinal, an indefinite article, a subject: "on health", "о сотрудничестве").
"""

from __future__ import annotations

import re

from .base import Found, compile_cue
from .context import DocumentContext, Sentence
from .countries import find_countries

_KINDS = (
    ("mou", r"memorand(?:um|a)(?:\s+of\s+understanding)?(?:\s+\(MOUs?\))?|MoU(?:'?s)?|MOU(?:'?s)?|"
     r"меморандум\w*(?:\s+о\s+взаимопонимании)?|مذكر(?:ة|ات|تي|تا)\s+(?:ال)?تفاهم|مذكر(?:ة|ات|تي)"),
    ("programme", r"program(?:me)? of cooperation|cooperation program(?:me)?|программ\w+ сотрудничества|"
                  r"برنامج\S*\s+(?:لل|ال)?تعاون"),
    ("protocol", r"protocol|протокол\w*|بروتوكول"),
    ("roadmap", r"road\s?map|action plan|дорожн\w+ карт\w*|план\w* действий|(?:خارطة|خريطة) طريق|خطة عمل"),
    ("treaty", r"convention|treaty|конвенци\w*|договор\w* о (?:дружбе|союзе|партн\w+)|معاهدة|اتفاقية\s+(?:ال)?إطارية"),
    ("agreement", r"agreements?|accord|deals?|соглашени\w*|договор\w*|اتفاقي(?:ة|ات|تين|تان)|اتفاق|صفق(?:ة|ات)"),
    # "signed ten documents": counted documents are as many agreements (a lone "the document" refers back).
    ("other", r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|два|три|четыре|пять|шесть|семь|восемь|"
              r"девять|десять|ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر)\s+(?:documents|документ(?:а|ов)|وثائق)"),
)  # fmt: skip
_MENTION = compile_cue("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KINDS), re.I)
# A later mention that refers back: "the MoU", "the document", "документ", "الوثيقة".
_BACK_REFERENCE = compile_cue(r"(?<!\w)(?:the\s+document|документ\w*|الوثيقة|الاتفاق)(?!\w)", re.I)
_STATUS = (
    ("in_force", r"entered into force|in force|вступил\w* в силу|حيز التنفيذ|دخل\w* حيز"),
    (
        "under_negotiation",
        r"negotiat\w*|draft\w*|being prepared|finali[sz]\w*|ready (?:for|to be) sign\w*|переговор\w*|проект\w*|"
        r"согласова\w*|подготовк\w*|подготовлен\w*|готов\w* к подписанию|التفاوض|مفاوضات|مسودة|مشروع|جاهز\w* للتوقيع",
    ),
    ("proposed", r"will (?:\w+ ){0,3}sign\w*|to be signed|to sign|plan\w* to sign|(?:expected|scheduled|set) to "
                 r"(?:\w+ ){0,2}sign\w*|подпишут|будет подписан\w*|ожидается подписание|планируется подписание|"
                 r"для (?:его |ее |её |их )?подписания|дата подписания|"
                 r"(?:يرتقب|من المقرر|من المنتظر|المتوقع|يتوقع)(?:\s+\S+){0,3}\s+توقيع|"
                 r"планируется подписа\w*|سيتم توقيع|سيوقع\w*|"
                 r"approv\w*|одобри\w*|الموافقة على|وافق\w*|[تي]صادق على توقيع|المصادقة على توقيع"),
    ("signed", r"sign(?:ed|ing|s)?|inked|conclud\w*|extend\w*|renew\w*|prolong\w*|подписа\w*|продл\w*|"
               r"подпис(?:ь|и) под|поставил\w* (?:свои )?подпис\w*|"
               r"[وف]?وقع(?:ت|ا|وا|ها|تا|ته)?|[وف]?[يت]وقعان|[وف]?يوقع(?:ون|ا)?|[وف]?توقيع|الموقع(?:ة|تين|تان)|"
               r"تم توقيع|تمديد|تجديد|أبرم\w*"),
)  # fmt: skip
_STATUS_PATTERNS = [(status, compile_cue(rf"(?<!\w)(?:{cue})(?!\w)", re.I)) for status, cue in _STATUS]
# Mentions that talk about agreements in general, not one the officer would record.
_GENERAL = compile_cue(
    r"(?<!\w)(?:agreements?\s+already|previously\s+signed|ранее\s+подписанн\w*|already\s+signed|"
    r"the\s+agreements\s+reached|договорённост\w*|договоренност\w*|agreed\s+(?:to|that|on))(?!\w)",
    re.I,
)


_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5,
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
        # A day of a date ("12 октября подписали соглашение") counts nothing.
        in_date = any(d.evidence.start <= position < d.evidence.end for d in context.dates)
        if word.isdigit() and 1 < int(word) <= 20 and not in_date:
            return int(word)
        if word.lower() in _NUMBERS:
            return _NUMBERS[word.lower()]
    return None


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
    for status, pattern in _STATUS_PATTERNS:
        if pattern.search(text):
            return status
    return ""


# What marks a mention as naming an agreement of its own: a subject ("on health", "о сотрудничестве",
# "في مجال", "بين"), "another"/"أخرى"/"ещё один", an ordinal, or an indefinite article.
_SUBJECT_AFTER = compile_cue(
    r"^\S*\s*(?:\([^)]{1,20}\)\s*)?(?:on|for|between|concerning|regarding|in|"
    r"о|об|между|по|в области|в сфере|на \d{4}|"
    r"لل\w+|ل[^\s]{3,}|في مجال|في مجالات|في المجال|بين|بشأن|حول|خاص\w*|تتعلق|يتعلق|ترمي|تهدف|يهدف|أخرى|آخر|"
    r"و?تعاون|[أإ]?ضافي\w*|جديد\w*)(?!\w)",
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
    r"подписанн\w+|соответствующ\w+|هذه|هذا|تلك|ذلك)\s+$",
    re.I,
)


def _another(text: str, mention: re.Match) -> bool:
    before = text[max(0, mention.start() - 40) : mention.start()]
    return bool(_ANOTHER_BEFORE.search(before) or re.match(r"^\S*\s+(?:أخرى|آخر)(?!\w)", text[mention.end() :]))


def _names_a_new_one(text: str, mention: re.Match, found: list[Found]) -> bool:
    """ "a memorandum on health" after "the MoU on labour" is another; "the MoU" is the same one, and so is the
    body's "memorandum on cooperation" after the headline's."""
    before = text[max(0, mention.start() - 40) : mention.start()]
    word = mention.group(0)
    if _another(text, mention):
        return True
    if _REFERRING_BEFORE.search(before) or re.search(r"(?:^|\s)ال", word) or re.search(r"(?:ال|لل)$", before):
        return False
    after = text[mention.end() : mention.end() + 60]
    titled = word[:1].isupper() and word.split()[0][1:].islower() and not re.search(r"(?:^|[.!?\n]\s*)$", before)
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
        if (
            (not theirs and not strict)
            or (not words and not strict)
            or len(words & theirs) * 2 >= max(1, min(len(words), len(theirs)))
        ):
            return item
    return None


# Words every agreement's title shares ("cooperation", "между", "التعاون"): they tell no two apart.
_GENERIC = compile_cue(
    r"^(?:the|and|of|on|in|for|between|with|to|a|an|by|was|were|is|signed|government|ministry|republic|state|"
    r"cooperation|mutual|field|area|areas|sphere|"
    r"memorand\w*|mous?|understanding|agreements?|protocols?|programmes?|programs?|"
    r"сотрудничеств\w*|взаимн\w*|област\w*|сфер\w*|между|меморандум\w*|взаимопонимани\w*|соглашени\w*|"
    r"протокол\w*|программ\w*|о|об|в|по|и|от|до|на|с|со|для|к|при|из|за|"
    r"\w*تعاون\w*|مجال\w*|بين|في|مع|على|من|مذكر\w*|تفاهم|\w*اتفاق\w*|\w*برنامج\w*|مشترك\w*|\w*دولة|"
    r"\w*حكوم\w*|جمهورية|المملكة|правительств\w*|республик\w*|государств\w*|также|also|"
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


_CONDITION_ANY = compile_cue(r"(?<!\w)(?:once|when|after|if|until)\s+(?:it\s+is\s+)?signed(?!\w)", re.I)


def _conditional(text: str, mention: re.Match) -> bool:
    return bool(_CONDITION.search(text[max(0, mention.start() - 40) : mention.start()]))


# "The package also included a programme on culture": a document listed after signed ones shares their act.
_LISTING = compile_cue(
    r"(?<!\w)(?:also|as well as|in addition|includ\w*|также|кроме того|в том числе|"
    r"أيضا|أيضاً|كذلك|إلى جانب|شملت|تضمنت|وشملت|وتضمنت|بالإضافة)(?!\w)",
    re.I,
)


def _listing(text: str) -> bool:
    return bool(_LISTING.search(text))


# Where a title's words give way to what is said of it: "the MoU [was signed by ...]", "[который подписали]".
_TITLE_END = re.compile(
    r"\s(?:was|were|is|are|will|would|has|have|had|signed|which|that|who|to be|был\w*|будет|стал\w*|подписа\w*|"
    r"котор\w*|заключ\w*)(?!\w)",
    re.I,
)


# "an agreement on visas and a memorandum on culture": the title ends where the next document is named.
_NEXT_MENTION = compile_cue(
    r"\s(?:and|и|و)\s*(?:(?:an?|a further|another)\s+)?(?=(?:memorand|MoU|MOU|agreement|protocol|меморандум|"
    r"соглашени|протокол|مذكر|اتفاق|بروتوكول|برنامج))",
    re.I,
)


def _title(text: str, mention: re.Match) -> str:
    rest = re.match(r"[^.,;:\n،؛]{0,120}", text[mention.end() :]).group(0)
    end = _TITLE_END.search(rest) or _NEXT_MENTION.search(rest)
    return (mention.group(0) + (rest[: end.start()] if end else rest)).strip()[:300]
