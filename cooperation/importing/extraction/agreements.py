"""Agreements (parties, signatories, signing date, status from the verb) and training programmes.

An agreement is named once in full ("a memorandum of understanding on public service") and then again as
"the MoU", "the memorandum", "the document", "المذكرة", "документ": those later mentions are the same
agreement, so one candidate collects their evidence, and each sentence adds what it says (who signed, when,
on whose behalf). A new agreement starts only where the text names a kind with a subject of its own.
"""

from __future__ import annotations

import re

from .base import Found, compile_cue, evidence_for
from .context import DocumentContext, Sentence

_KINDS = (
    ("mou", r"memorand(?:um|a)(?:\s+of\s+understanding)?(?:\s+\(MOUs?\))?|MoUs?|MOUs?|"
     r"меморандум\w*(?:\s+о\s+взаимопонимании)?|مذكر(?:ة|ات|تي|تا)\s+(?:ال)?تفاهم|مذكر(?:ة|ات|تي)"),
    ("programme", r"programme of cooperation|cooperation programme|программ\w+ сотрудничества|برنامج (?:ال)?تعاون"),
    ("protocol", r"protocol|протокол\w*|بروتوكول"),
    ("roadmap", r"road\s?map|action plan|дорожн\w+ карт\w*|план\w* действий|خارطة طريق|خطة عمل"),
    ("agreement", r"agreements?|accord|treaty|соглашени\w*|договор\w*|اتفاقي(?:ة|ات|تين|تان)|اتفاق"),
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
        r"negotiat\w*|draft\w*|being prepared|finali[sz]\w*|переговор\w*|проект\w*|согласова\w*|подготовк\w*|"
        r"التفاوض|مفاوضات|مسودة|مشروع",
    ),
    ("proposed", r"will (?:\w+ ){0,3}sign\w*|to be signed|to sign|plan\w* to sign|подпишут|будет подписан\w*|"
                 r"планируется подписа\w*|سيتم توقيع|سيوقع\w*|"
                 r"approv\w*|одобри\w*|الموافقة على|وافق\w*"),
    ("signed", r"sign(?:ed|ing)|inked|conclud\w*|extend\w*|renew\w*|prolong\w*|подписа\w*|продл\w*|"
               r"[وف]?وقع(?:ت|ا|وا|ها)?|[وف]?توقيع|تم توقيع|تمديد|تجديد|أبرم\w*"),
)  # fmt: skip
_STATUS_PATTERNS = [(status, compile_cue(rf"(?<!\w)(?:{cue})(?!\w)", re.I)) for status, cue in _STATUS]
_SIGN = compile_cue(
    r"(?<!\w)(?:sign(?:ed|ing)?|inked|подписа\w*|подпис\w+|[وف]?وقع(?:ت|ا|وا|ها)?|[وف]?توقيع)(?!\w)", re.I
)
_ON_BEHALF = compile_cue(r"(?:on behalf of|от имени|نيابة عن)\s+(?:the\s+)?", re.I)
# The side named before the signer: "عن الجانب الأردني X", "с казахстанской стороны X", "on behalf of Y by X".
_SIDE_BEFORE = compile_cue(
    r"(?:عن\s+الجانب\s+\S+|من\s+الجانب\s+\S+|с\s+\S+\s+стороны|от\s+\S+\s+стороны|on\s+the\s+\S+\s+side|"
    r"on behalf of\s+[^,]{3,60}?\s+by(?:\s+the)?)[\s,]*(?:\S+\s+){0,8}$",
    re.I,
)
# Mentions that talk about agreements in general, not one the officer would record.
_GENERAL = compile_cue(
    r"(?<!\w)(?:agreements?\s+already|previously\s+signed|ранее\s+подписанн\w*|already\s+signed|"
    r"the\s+agreements\s+reached|договорённост\w*|договоренност\w*|agreed\s+(?:to|that|on))(?!\w)",
    re.I,
)


def extract_agreements(context: DocumentContext) -> list[Found]:
    found: list[Found] = []
    current: Found | None = None
    for sentence in context.sentences:
        mentions = list(_MENTION.finditer(sentence.text))
        back = _BACK_REFERENCE.search(sentence.text)
        # "X signed it on behalf of Malaysia": a signing sentence right after an agreement continues it.
        if not mentions and not back and current is not None and _SIGN.search(sentence.text):
            back = _SIGN.search(sentence.text)
        if not mentions and not (back and current):
            continue
        if mentions and _GENERAL.search(sentence.text):
            continue
        count = _count_before(context, sentence, mentions[0]) if mentions else None
        status = _status(sentence.text)
        if mentions and count is None and _plural(mentions[0].group(0)) and current is None and status != "proposed":
            continue  # "numerous bilateral agreements are in force": agreements in general
        first = mentions[0] if mentions else back
        kind = first.lastgroup if mentions else current.value["kind"]
        is_new = current is None or (mentions and _names_a_new_one(sentence.text, first, current))
        if is_new:
            if not status:
                continue  # an agreement named with no act (signed, negotiated, extended) is background
            start = sentence.start + first.start()
            current = Found(
                "agreement",
                {
                    "title": _title(sentence.text, first),
                    "kind": kind,
                    "status": status,
                    "parties": [],
                    "party_organisations": [],
                    "signatories": [],
                    "signed_date": None,
                    "precision": None,
                    "event": None,
                },
                evidence_for(context.text, start, start + len(first.group(0))),
                0.75,
            )
            found.append(current)
            # "signed five memoranda (on A; B; C ...)": as many agreements, between the same parties.
            for _n in range(1, min(count or 1, 12)):
                found.append(current)
        else:
            start = sentence.start + first.start()
            current.extra_evidence.append(evidence_for(context.text, start, start + len(first.group(0))))
            if status and _STATUS_ORDER.index(status) < _STATUS_ORDER.index(current.value["status"]):
                current.value["status"] = status
        _read_sentence(context, sentence, current)
    unique: list[Found] = []
    for item in found:
        if item in unique:
            copy = Found(item.kind, dict(item.value), item.evidence, item.confidence, list(item.extra_evidence))
            unique.append(copy)
        else:
            unique.append(item)
    for item in unique:
        _complete(context, item)
    return unique


_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5,
    "مذكرتي": 2, "اتفاقيتين": 2, "ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "تسع": 9, "عشر": 10,
}  # fmt: skip


def _count_before(context: DocumentContext, sentence: Sentence, mention: re.Match) -> int | None:
    own = mention.group(0).split()[0].lower()  # "ten documents": the count is part of the mention
    if own.isdigit() and 1 < int(own) <= 20:
        return int(own)
    if own in _NUMBERS:
        return _NUMBERS[own]
    if mention.group(0).startswith(("مذكرتي", "اتفاقيتين", "مذكرتا", "اتفاقيتان")):
        return 2
    window_start = sentence.start + max(0, mention.start() - 30)
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
    r"^(?:agreements|memoranda|MoUs|MOUs|protocols|accords|treaties|соглашени(?:я|й|ям|ями|ях)|меморандум(?:ы|ов|ами)|"
    r"протокол(?:ы|ов)|اتفاقيات|مذكرات)(?!\w)",
    re.I,
)


def _plural(word: str) -> bool:
    return bool(_PLURAL.match(word))


_STATUS_ORDER = ["in_force", "signed", "under_negotiation", "proposed"]


def _status(text: str) -> str:
    for status, pattern in _STATUS_PATTERNS:
        if pattern.search(text):
            return status
    return ""


def _names_a_new_one(text: str, mention: re.Match, current: Found) -> bool:
    """ "a memorandum on health" after "the MoU on labour" is another; "the MoU" is the same one."""
    before = text[max(0, mention.start() - 12) : mention.start()].lower()
    after = text[mention.end() : mention.end() + 40]
    referring = re.search(r"(?:the|this|that|этот|данн\w+|указанн\w+)\s*$", before) or re.match(
        r"^ال", mention.group(0)
    )
    subject = re.match(r"\s+(?:on|in the field of|о|об|в области|في مجال|بشأن)\s", after)
    return bool(subject and not referring and mention.group(0).lower() not in current.value["title"].lower())


def _title(text: str, mention: re.Match) -> str:
    rest = re.match(r"[^.,;:\n،؛]{0,120}", text[mention.end() :]).group(0)
    return (mention.group(0) + rest).strip()[:300]


_VENUE = re.compile(r"\b(?:in|at)\s+(?:[A-Z][\w-]+\s*){1,3},\s*$")


def _read_sentence(context: DocumentContext, sentence: Sentence, item: Found) -> None:
    value = item.value
    for code, c_start, _c_end in context.countries:
        # "… at the AU summit in Addis Ababa, Ethiopia": a country named as the venue is not a party.
        venue = _VENUE.search(context.text, max(sentence.start, c_start - 40), c_start)
        if sentence.start <= c_start < sentence.end and code not in value["parties"] and not venue:
            value["parties"].append(code)
    sign = _SIGN.search(sentence.text)
    if not sign:
        return
    for person in context.people_in(sentence.start, sentence.end):
        if any(s["name"] == person.name for s in value["signatories"]) or _only_present(context, sentence, person):
            continue
        party = person.country
        side = _SIDE_BEFORE.search(context.text, max(sentence.start, person.start - 120), person.start)
        behalf = _ON_BEHALF.search(context.text, person.end, min(sentence.end, person.end + 80))
        if side and context.countries_in(side.start(), person.start):
            party = context.countries_in(side.start(), person.start)[0]
        elif behalf and context.countries_in(behalf.end(), behalf.end() + 60):
            party = context.countries_in(behalf.end(), behalf.end() + 60)[0]
        value["signatories"].append({"name": person.name, "party": party})
    dates = context.dates_in(sentence.start, sentence.end)
    if dates and not value["signed_date"] and value["status"] in ("signed", "in_force"):
        value["signed_date"], value["precision"] = dates[0].value["start"], dates[0].value["precision"]


# People named after these words in a signing sentence watched or led a visit; they did not sign.
_NOT_SIGNING = compile_cue(
    r"(?<!\w)(?:in the presence of|attended by|witnessed by|headed by|led by|during the visit of|"
    r"в присутствии|во главе с|при участии|بحضور|برئاسة|وبحضور|بمشاركة)(?!\w)",
    re.I,
)


def _only_present(context: DocumentContext, sentence: Sentence, person) -> bool:
    """ "…signed during the visit of a delegation headed by X", "в присутствии X": X is not a signatory,
    unless the signing verb comes after the cue and before X ("…, and X signed")."""
    before = context.text[sentence.start : person.start]
    cues = list(_NOT_SIGNING.finditer(before))
    return bool(cues) and not _SIGN.search(before, cues[-1].end())


def _complete(context: DocumentContext, item: Found) -> None:
    value = item.value
    # Parties a sentence leaves implicit ("the two sides signed"): the document's two countries.
    signatory_parties = [s["party"] for s in value["signatories"] if s["party"]]
    parties = list(dict.fromkeys([*signatory_parties, *value["parties"]]))
    if len(parties) < 2:
        parties = list(dict.fromkeys([*parties, *context.main_countries]))
    value["parties"] = parties[:2] if len(parties) > 2 and len(signatory_parties) < 3 else parties
    if value["status"] in ("signed", "in_force") and not value["signed_date"] and context.document_date:
        value["signed_date"], value["precision"] = context.document_date.isoformat(), "day"
    item.confidence = 0.85 if len(value["parties"]) >= 2 else 0.6


# --- training programmes -----------------------------------------------------------------------------------

_PROGRAMME = compile_cue(
    r"(?<!\w)(?:(?:training|capacity[- ]building|leadership|exchange|scholarship|fellowship)\s+(?:programme|program|"
    r"course|workshop)s?|(?:programme|program|course)s?\s+(?:for|on)\s+(?:\w+\s+){0,3}(?:civil servants|officials|"
    r"diplomats|leaders)|trained|training|обучени\w*|программ\w+ (?:подготовки|обучения|повышения)|"
    r"повышени\w+ квалификации|курс\w*|стажировк\w*|برنامج\w*\s+(?:ال)?تدريب\w*|(?:ال)?دورة\s+(?:ال)?تدريبية|"
    r"(?:ال)?برنامج|تدريب\w*|تأهيل)(?!\w)",
    re.I,
)
_TRAINEES = compile_cue(
    r"(?<!\w)(?:civil servants|officials|diplomats|participants|trainees|leaders|employees|officers|fellows|"
    r"scholars(?:hips?)?|госслужащ\w*|служащ\w*|слушател\w*|участник\w*|специалист\w*|дипломат\w*|"
    r"чиновник\w*|стипенди\w*|магистр\w*|лидер\w*|"
    r"(?:[وبل]?ال|لل|[وبل])?(?:موظف\w*|مشارك\w*|متدرب\w*|كوادر|قيادات|قيادي\w*|دبلوماسي\w*|مسؤول\w*))(?!\w)",
    re.I,
)


def extract_programmes(context: DocumentContext) -> list[Found]:
    """The training programmes an article is about: one per named programme, else one for the article.

    A programme counts where a training cue and its trainees ("civil servants", "госслужащих", "الموظفين")
    share a sentence; the trainees' country is the beneficiary, the organiser's (or the article's other
    country) the provider, and a number before the trainees the cohort's size.
    """
    hits = [(s, m) for s in context.sentences for m in [_PROGRAMME.search(s.text)] if m]
    strong = [(s, m) for s, m in hits if _TRAINEES.search(s.text)]
    if not strong:
        return []
    groups: dict[str, list] = {}
    for sentence, match in strong:
        name = _programme_name(sentence.text)
        key = name.lower() if name else ""
        # A sentence that names no programme belongs to the one named before it.
        if not key and groups:
            key = list(groups)[-1]
        groups.setdefault(key, []).append((sentence, match, name))
    return [_programme(context, members) for members in groups.values()]


_PROGRAMME_NAME = compile_cue(
    r"[«“\"]([^»”\"]{4,120})[»”\"]|((?:[A-Z][\w-]*\s+){1,6}(?:Programme|Program|Course))(?!\w)"
    r"|((?:Программ\w+|Курс\w*)\s+(?:[А-ЯЁA-Z][\w-]*\s*){1,4}(?:\([A-Z]{2,6}\))?)"
)


def _programme_name(text: str) -> str:
    match = _PROGRAMME_NAME.search(text)
    return next((g.strip() for g in match.groups() if g), "") if match else ""


def _programme(context: DocumentContext, members: list) -> Found:
    sentence, match, name = members[0]
    beneficiary, count = "", None
    for s, _m, _name in members:
        for trainees in _TRAINEES.finditer(s.text):
            position = s.start + trainees.start()
            near = [c for c in context.countries if position - 40 <= c[1] <= position + len(trainees.group(0)) + 30]
            if near and not beneficiary:
                beneficiary = min(near, key=lambda c: abs(c[1] - position))[0]
            number = re.search(r"(\d[\d ,]*)\s+(?:\S+\s+){0,2}$", s.text[: trainees.start()])
            if number and count is None:
                count = int(re.sub(r"\D", "", number.group(1)))
    if count is None:  # "The 30 civil servants from Kenya …" in a sentence of its own
        for s in context.sentences:
            for trainees in _TRAINEES.finditer(s.text):
                number = re.search(r"(\d[\d ,]*)\s+(?:\S+\s+){0,2}$", s.text[: trainees.start()])
                if number and count is None:
                    count = int(re.sub(r"\D", "", number.group(1)))
    strong = [(s, m) for s, m, _name in members]
    provider = _provider(context, strong, beneficiary)
    if not beneficiary:
        others = [c for c in context.main_countries if c != provider]
        beneficiary = others[0] if others else ""
    start = sentence.start + match.start()
    value = {
        "title": name or sentence.text.strip()[:200],
        "year": int(context.document_date.year) if context.document_date else None,
        "participant_count": count,
        "provider": provider,
        "provider_organisation": "",
        "beneficiary": beneficiary,
        "countries": context.countries_in(sentence.start, sentence.end),
    }
    item = Found("programme", value, evidence_for(context.text, start, start + len(match.group(0))), 0.7)
    item.extra_evidence = [evidence_for(context.text, s.start + m.start(), s.start + m.end()) for s, m in strong[1:4]]
    return item


def _provider(context: DocumentContext, strong: list, beneficiary: str) -> str:
    for sentence, _match in strong:
        by = re.search(r"(?:organi[sz]ed by|conducted by|provided by|hosted by|offered by|организован\w* |"
                       r"проводим\w* |بتنظيم|تنظمه|نظمت\w*|ينظمها)\s*", sentence.text, re.I)  # fmt: skip
        if by:
            codes = [c for c in context.countries_in(sentence.start + by.end(), sentence.end) if c != beneficiary]
            if codes:
                return codes[0]
    others = [c for c in context.main_countries if c != beneficiary]
    return others[0] if others else ""
