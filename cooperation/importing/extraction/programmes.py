"""Training programmes: provider, beneficiary and cohort size, one per named programme.

A programme counts where a training cue and its trainees ("civil servants", "госслужащих", "الموظفين") share a
sentence. The trainees' country is the beneficiary, read next to the trainees ("Kenyan officials",
"госслужащих Кыргызстана", "الدبلوماسيين اليمنيين", "diplomats from Somalia and Afghanistan": one programme
per country named so); the provider is the organiser's country, else the country where the course is held,
else the article's other country.
"""

from __future__ import annotations

import re

from .agreement_mentions import _MENTION as AGREEMENT_MENTION
from .base import Found, compile_cue, evidence_for
from .context import DocumentContext, Sentence
from .countries import find_countries

# Nouns that name a course or programme of their own.
_PROGRAMME = compile_cue(
    r"(?<!\w)(?:(?:training|capacity[- ]building|leadership|exchange|scholarship|fellowship|language)\s+"
    r"(?:programme|program|course|workshop)s?|(?:programme|program|course)s?\s+(?:for|on)\s+(?:[\w-]+\s+){0,4}"
    r"(?:civil servants|public servants|officials|diplomats|leaders|officers)|"
    r"программ\w+ (?:подготовки|обучения|повышения|стажировк\w*)|стипенди\w+ программ\w*|программ\w+ стипенди\w*|"
    r"повышени\w+ квалификации|курс\w*|стажировк\w*|по программе(?=\s+[«\"“])|"
    r"برنامج\S*\s+(?:ال)?(?:تدريب|تأهيل)\S*|(?:ال)?دور(?:ة|ات)\s+(?:ال)?(?:تدريبية|دراسية|تأهيلية))(?!\w)",
    re.I,
)
# Training as an activity: a programme only where no agreement is the subject ("the MoU covers the training
# of diplomats" names an area of cooperation, not a course).
_TRAINING = compile_cue(
    r"(?<!\w)(?:train|trains|trained|training|upskill\w*|reskill\w*|обучени\w*|обучать|обучает|обучают|обучил\w*|"
    r"тренинг\w*|"
    r"[وبل]?(?:ال)?تدريب\S*|"
    r"[وبل]?(?:ال)?تأهيل)(?!\w)",
    re.I,
)
# Training named among areas of cooperation, in the same clause: "cooperation in trade, defence and training",
# "сотрудничества в сфере образования и обучения дипломатов", "التعاون في مجالات التجارة والتعليم وتدريب الكوادر".
_AREA = compile_cue(
    r"(?:cooperation|collaboration|partnership|ties|relations)\s+(?:in|on)\s+[^.;:!?]{0,100}$|"
    r"сотрудничеств\w*\s+(?:в|по)\s+[^.;:!?]{0,100}$|"
    r"(?:ال)?تعاون\s+(?:في|بين)\s+[^.;:!?؛]{0,100}$|مجال(?:ات)?\s+[^.;:!?؛]{0,80}$",
    re.I,
)


def _area(sentence: Sentence, match: re.Match) -> bool:
    return bool(_AREA.search(sentence.text[: match.start()])) and not _counted_trainees(sentence)


# A course by its noun alone ("a three-week course on public policy"), not "in the course of the talks".
_COURSE = compile_cue(r"(?<!\w)(?:(?<!the\s)(?<!in\s)courses?(?!\s+of\b)|slots)(?!\w)", re.I)
# Arabic names a study visit of officials "برنامج" bare ("وفد من القيادات … في إطار برنامج معرفي"); a visit's
# own programme ("برنامج الزيارة") is its schedule.
_ANY_PROGRAMME = compile_cue(r"(?<!\w)[وبل]?(?:ال)?برنامج\S*(?!\s+(?:ال)?زيارة)(?!\w)")
_TRAINEES = compile_cue(
    r"(?<!\w)(?:civil servants|public servants|officials|diplomats|participants|trainees|leaders|employees|officers|"
    r"professionals|"
    r"fellows|scholars(?:hips?)?|госслужащ\w*|служащ\w*|слушател\w*|участник\w*|специалист\w*|сотрудник\w*|"
    r"дипломат(?!ическ)\w*|"
    r"чиновник\w*|стипендиат\w*|магистрант\w*|лидер\w*|"
    # a counted noun is singular: "تدريب (100) دبلوماسي ليبي"
    r"(?:(?<=\d )|(?<=\d\) ))دبلوماسي(?!\w)|"
    r"(?:[وبل]?ال|لل|[وبل])?(?:موظف\S*|مشارك\S*|متدرب\S*|كوادر|قيادات|قيادي(?!ة)\S*|دبلوماسي(?:ين|ون|ي|اً|ًا|ا)(?!\w)|"
    # a diplomatic delegation that takes a course ("الوفد الدبلوماسي الفلسطيني"); alone, «الدبلوماسي» is an adjective
    r"وفد\s+(?:ال)?دبلوماسي|"
    r"مسؤول(?!ية)\S*))(?!\w)",
    re.I,
)


# "the programmes the institute runs include …", "البرامج التي ينفذها المعهد", "программы, которые реализует
# академия": an institution's work described in general, not a course for one country's trainees.
_PORTFOLIO = compile_cue(
    r"(?<!\w)(?:(?:programmes|programs|courses)\s+(?:that|which|it|the\s+\w+)\s+(?:\w+\s+)?"
    r"(?:runs?|offers?|conducts?|implements?|organi[sz]es?|provides?)|"
    r"(?:программ|курс)\w*,?\s+(?:которые|что)\s+(?:\w+\s+)?(?:реализу|провод|организу|предлага)\w*|"
    r"(?:ال)?(?:برامج|دورات)\s+(?:ال)?(?:تي|اللتي)\s+(?:ي|ت)(?:نفذ|قدم|نظم|طرح)\S*)(?!\w)",
    re.I,
)


def extract_programmes(context: DocumentContext) -> list[Found]:
    """The training programmes an article is about: one per named programme, else one for the article."""
    strong: list[tuple[Sentence, re.Match]] = []
    spans: list[tuple[Sentence, re.Match, int]] = []
    previous: Sentence | None = None
    for sentence in context.sentences:
        before, previous = previous, sentence
        if not _TRAINEES.search(sentence.text):
            continue
        if _PORTFOLIO.search(sentence.text) and not any(
            _trainees_countries(context, sentence, t) for t in _TRAINEES.finditer(sentence.text)
        ):
            continue  # what an institute runs in general, for no country in particular
        span = _span_cohort(sentence)
        if span is not None:
            spans.append((sentence, *span))
        match = _PROGRAMME.search(sentence.text)
        if span is not None and not strong:
            match = match or span[0]  # the article opens with the tally: it is the programme's own cohort
        about_a_document = _document_in(sentence.text) or _goes_on_about_a_document(sentence, before)
        if match is None and not about_a_document:
            match = _TRAINING.search(sentence.text)
        if match is None and (_counted_trainees(sentence) or not about_a_document):
            # "under the MoU, Singapore will train 200 civil servants", "host 25 officials for a three-week course"
            match = _TRAINING.search(sentence.text) or _COURSE.search(sentence.text)
        if match is not None and match.re is not _PROGRAMME and _area(sentence, match):
            match = None  # "discussed cooperation in trade, agriculture and training": an area, not a course
        if match is None and any(_trainees_countries(context, sentence, t) for t in _TRAINEES.finditer(sentence.text)):
            match = _ANY_PROGRAMME.search(sentence.text)  # "a delegation of Brazilian leaders … a programme"
        if match is not None:
            strong.append((sentence, match))
    if not strong and not spans:
        return []
    groups: dict[str, list] = {}
    for sentence, match in strong:
        name = _programme_name(sentence.text)
        key = name.lower() if name else ""
        # A sentence that names no programme belongs to the one named before it.
        if not key and groups:
            key = list(groups)[-1]
        elif key and key not in groups and "" in groups and not _another_cohort(groups[""], sentence):
            groups[key] = groups.pop("")  # the headline's unnamed programme, now named
        groups.setdefault(key, []).append((sentence, match, name))
    found: list[Found] = []
    for members in groups.values():
        # "Еще 28 специалистов побывали там по программе «Молодые лидеры»": the same sides as the one before.
        found += _programmes(context, members, found[0].value if found else None)
    known = {item.value["participant_count"] for item in found}
    for sentence, trainees, count in spans:
        if count in known or (strong and sentence is strong[0][0]):
            continue  # the course's own cohort, said again with its dates
        known.add(count)
        for item in _programmes(context, [(sentence, trainees, _programme_name(sentence.text))], None):
            item.value["participant_count"] = count
            if found:  # the tally or the commitment frames the course: the same two sides
                item.value["provider"] = found[0].value["provider"]
                item.value["beneficiary"] = found[0].value["beneficiary"]
            found.append(item)
    return found


# "The memorandum is meant to … In particular, it is to serve as a framework for the training of diplomats": the
# pronoun goes on about the document the sentence before named; the training is what it covers.
_IT = compile_cue(r"^(?:[^,]{0,30},\s*)?(?:it|this|они?|оно|она)\s", re.I)


def _goes_on_about_a_document(sentence: Sentence, before: Sentence | None) -> bool:
    return before is not None and bool(_IT.match(sentence.text)) and _document_in(before.text)


# "أسفر الاجتماع عن الاتفاق على تدريب (100) دبلوماسي": agreeing on a course is no document; its figure is the
# course's own cohort.
_AGREEING_ON = re.compile(r"\s+على\s")


def _document_in(text: str) -> bool:
    mentions = AGREEMENT_MENTION.finditer(text)
    return any(not (m.group(0).endswith("اتفاق") and _AGREEING_ON.match(text, m.end())) for m in mentions)


# "capacity building of 1000 civil servants over the next 5 years", "had trained more than 180 officers over the
# past five years", "an additional 1,800 civil servants by 2025": a commitment or a tally over years is recorded
# beside the course it frames.
_SPAN = compile_cue(
    r"(?<!\w)(?:(?:over|during|within|in)\s+the\s+(?:next|past|last|coming)\s+[\w-]+\s+years|"
    r"by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d|за\s+(?:последние\s+|ближайшие\s+)?[\w-]+\s+лет|"
    r"в\s+течение\s+(?:\S+\s+)?лет|خلال\s+(?:ال)?(?:\S+\s+)?(?:سنوات|أعوام|السنوات|الأعوام))(?!\w)",
    re.I,
)
_CAPACITY = compile_cue(
    r"(?<!\w)(?:capacity|trained|train|training|обучени\w*|обучил\w*|подготов\w*|[وبل]?(?:ال)?(?:تدريب|تأهيل)\S*)(?!\w)",
    re.I,
)
_SPAN_COUNT = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[^\s\d]\S*\s+){0,3}$")


def _span_cohort(sentence: Sentence) -> tuple[re.Match, int] | None:
    if not (_SPAN.search(sentence.text) and _CAPACITY.search(sentence.text)):
        return None
    for trainees in _TRAINEES.finditer(sentence.text):
        number = _SPAN_COUNT.search(sentence.text[: trainees.start()])
        count = int(re.sub(r"\D", "", number.group(1))) if number else 0
        if count > 1 and not 1900 <= count <= 2100:
            return trainees, count
    return None


_PROGRAMME_NAME = compile_cue(
    r"[«“\"]([^»”\"]{4,120})[»”\"]|(?:The\s+)?((?:\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w-]*\s+){1,6}(?:\([A-Z]{2,8}\)\s+)?"
    r"(?:Programme|Program|Course|[Pp]ackage|Initiative))(?!\w)"
    r"|((?:Программ\w+|Курс\w*)\s+(?:[А-ЯЁA-Z][\w-]*\s*){1,4}(?:\([A-Z]{2,6}\))?)|(программ\w+\s+[A-Z]{2,8})(?!\w)"
)


def _programme_name(text: str) -> str:
    match = _PROGRAMME_NAME.search(text)
    return next((g.strip() for g in match.groups() if g), "") if match else ""


# What a donor brands its programme with: "Indian Technical and Economic Cooperation", "Indonesian Aid
# Scholarship Programme", "Turkish Government Scholarships" (not "the Philippine Civil Service's programme").
_DONOR_WORDS = compile_cue(
    r"^\s*(?:[\w-]+\s+){0,1}(?:Aid|Scholarships?|Fellowships?|Technical|Cooperation|Government|Development|"
    r"Assistance|Volunteers?)(?!\w)"
)


def _donor(name: str) -> str:
    for code, start, end in find_countries(name or "")[:1]:
        if not re.sub(r"^(?:the\s+)", "", name[:start], flags=re.I).strip() and _DONOR_WORDS.match(name[end:]):
            return code
    return ""


# ("تدريب (100) دبلوماسي ليبي": Arabic releases often bracket the figure)
_COUNT = re.compile(r"(\d[\d ,]*)\)?\s+(?:\S+\s+){0,2}$")
# "Thirty Kenyan officials", "Forty one diplomats": agencies spell out a number that opens a sentence.
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SPELLED = re.compile(rf"(?<![\w-])({'|'.join(_TENS)})(?:[\s-]({'|'.join(_UNITS)}))?\s+(?:\S+\s+){{0,2}}$", re.I)


def _cohort(before: str) -> int | None:
    """The number just before the trainees ("30 civil servants", "Thirty Kenyan officials")."""
    number = _COUNT.search(before)
    if number:
        return int(re.sub(r"\D", "", number.group(1)))
    spelled = _SPELLED.search(before)
    if spelled:
        return _TENS[spelled.group(1).lower()] + _UNITS.get((spelled.group(2) or "").lower(), 0)
    return None


def _own_cohort(sentence: Sentence, trainees: re.Match) -> int | None:
    """The course's cohort, not an agreement's target ("the MoU to train 1,000 civil servants")."""
    if _document_in(sentence.text[: trainees.start()]):
        return None
    return _cohort(sentence.text[: trainees.start()])


def _counted_trainees(sentence: Sentence) -> bool:
    return any(_cohort(sentence.text[: t.start()]) for t in _TRAINEES.finditer(sentence.text))


def _another_cohort(members: list, sentence: Sentence) -> bool:
    """ "327 civil servants were trained … another 28 went under the «Young Leaders» programme"."""
    theirs, ours = _counts(members), _counts([(sentence, None, "")])
    return bool(theirs and ours and not theirs & ours)


def _counts(members: list) -> set[int]:
    """The cohort sizes the sentences give ("327 civil servants"): another size is another cohort."""
    return {
        number
        for sentence, _match, _name in members
        for trainees in _TRAINEES.finditer(sentence.text)
        if (number := _cohort(sentence.text[: trainees.start()])) is not None
    }


def _programmes(context: DocumentContext, members: list, before: dict | None) -> list[Found]:
    sentence, match = members[0][:2]
    name = next((n for _s, _m, n in members if n), "")  # the headline's course, named in the body
    beneficiaries: list[str] = []
    count = None
    for s, _m, _name in members:
        for trainees in _TRAINEES.finditer(s.text):
            if not beneficiaries:
                beneficiaries = _trainees_countries(context, s, trainees)
            if count is None:
                count = _own_cohort(s, trainees)
    if not beneficiaries:  # "the civil servants in the Philippines" said of the same trainees in another sentence
        for s in context.sentences:
            for trainees in _TRAINEES.finditer(s.text):
                if not beneficiaries and _PUBLIC_SERVANTS.match(trainees.group(0)):
                    beneficiaries = _trainees_countries(context, s, trainees)
    if not beneficiaries:
        # "a course for diplomats from African states … 200 diplomats from Nigeria, Kenya and Senegal": the same
        # trainees, named with their countries in a sentence that speaks of no course.
        stems = {t.group(0).lower()[:7] for s, _m, _name in members for t in _TRAINEES.finditer(s.text)}
        for s in context.sentences:
            for trainees in _TRAINEES.finditer(s.text):
                if not beneficiaries and trainees.group(0).lower()[:7] in stems:
                    beneficiaries = _trainees_countries(context, s, trainees)
    if not beneficiaries:  # "23 diplomats from 11 African countries: Mauritania, Togo, …": each one listed
        for s in context.sentences:
            if not beneficiaries and _TRAINEES.search(s.text):
                beneficiaries = _listed_countries(context, s)
    if not beneficiaries and _regional_trainees(members):
        beneficiaries = [None]  # "31 African diplomats": many countries, none named, and not the provider's own
    if not beneficiaries:  # nothing next to the trainees: the country nearest to them
        for s, _m, _name in members:
            for trainees in _TRAINEES.finditer(s.text):
                position = s.start + trainees.start()
                reach = position + len(trainees.group(0)) + 30
                near = [c for c in context.countries if position - 40 <= c[1] <= reach and not _money(context, c[1])]
                if near and not beneficiaries:
                    beneficiaries = [min(near, key=lambda c: abs(c[1] - position))[0]]
    if count is None:  # "The 30 civil servants from Kenya …" in a sentence of its own (not a tally over years)
        for s in context.sentences:
            for trainees in _TRAINEES.finditer(s.text) if _span_cohort(s) is None else ():
                if count is None:
                    count = _own_cohort(s, trainees)
    strong = [(s, m) for s, m, _name in members]
    if not beneficiaries and before is not None and before["beneficiary"]:
        beneficiaries = [before["beneficiary"]]
        provider = before["provider"]
    else:
        provider = _provider(context, strong, beneficiaries)
    donor = _donor(name)
    if donor:  # "the Indonesian Aid Scholarship Programme": the country a programme is branded with funds it
        provider = donor
        beneficiaries = [b for b in beneficiaries if b != donor]
    if not beneficiaries:
        others = [c for c in context.main_countries if c != provider]
        beneficiaries = others[:1] or [provider]
    if not provider and len(set(context.main_countries)) == 1:
        provider = beneficiaries[0]  # a country training its own officials
    start = sentence.start + match.start()
    items = []
    for beneficiary in beneficiaries:
        value = {
            "title": name or sentence.text.strip()[:200],
            "named": bool(name),  # else the title is the sentence, until the import names it (handlers/programme)
            "year": int(context.document_date.year) if context.document_date else None,
            "participant_count": count,
            "provider": provider,
            "provider_organisation": "",
            "beneficiary": beneficiary,
            "countries": context.countries_in(sentence.start, sentence.end),
        }
        item = Found("programme", value, evidence_for(context.text, start, start + len(match.group(0))), 0.7)
        item.extra_evidence = [
            evidence_for(context.text, s.start + m.start(), s.start + m.end()) for s, m in strong[1:4]
        ]
        items.append(item)
    return items


# Trainees named by their region, not their country: "African diplomats", "африканских дипломатов",
# "دبلوماسياً إفريقياً", "الدبلوماسيين الأفارقة"; or only as many countries, none named: "foreign diplomats",
# "diplomats from 14 developing countries", "иностранных дипломатов", "دبلوماسيي الدول الشقيقة والصديقة".
_REGION = compile_cue(
    r"(?<!\w)(?:African|Asian|Arab|Latin\s+American|Caribbean|Pacific|foreign|developing|friendly|"
    r"африканск\w*|азиатск\w*|арабск\w*|латиноамериканск\w*|иностранн\w*|зарубежн\w*|развивающ\w*|"
    r"[وبل]?(?:ال)?(?:[إأ]فريقي\S*|[إأ]فارقة|آسيوي\S*|عرب(?:ي|ية)?\S*|أجانب|الأجنبية|شقيقة|صديقة|نامية))(?!\w)",
    re.I,
)


def _regional_trainees(members: list) -> bool:
    for sentence, _match, _name in members:
        for trainees in _TRAINEES.finditer(sentence.text):
            near = sentence.text[max(0, trainees.start() - 25) : trainees.end() + 25]
            if _REGION.search(near):
                return True
    return False


# Between the trainees and their country: a few words, no punctuation ("diplomats from Somalia",
# "госслужащих Кыргызстана", "الدبلوماسيين اليمنيين", "30 Kenyan officials").
_GAP = re.compile(r"^[^\S\n]*(?:[^\s,.;:،؛()]+[^\S\n]+){0,3}$")
_FROM = re.compile(r"^\s+(?:from|of|in)\s+(?:the\s+)?$", re.I)
# Trainees that are a country's own staff wherever they are named ("civil servants in the Philippines").
_PUBLIC_SERVANTS = compile_cue(r"(?:civil|public) servants|госслужащ\w*|государственн\w+ служащ\w*|الموظف\S*")
_AND = compile_cue(r"^\s*(?:,|and|и|و)\s*$|^\s*و?$", re.I)


_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими)$", re.I)


# "from 11 countries: A, B and C", "из 12 стран — A, B и C", "ينتمون إلى 11 دولة إفريقية، هي: A وB".
_COUNTRY_LIST = compile_cue(
    r"(?:countries|states|nations)\s*(?::|—|–|,\s*(?:namely|including)|\s+(?:namely|including|such as))"
    r"|(?:стран|государств)\w*\s*(?::|—|–|,\s*(?:а именно|включая|в том числе))"
    r"|(?<!\w)(?:دول[ةا]?|بلد[اًا]?|بلدان)(?:\s+\S+){0,2}[،,]?\s*(?:هي|وهي|منها|من بينها)?\s*:",
    re.I,
)


_ONE_MORE_ITEM = compile_cue(r"^\s*(?:,|،|and|и)?\s*و?[^\s,،.]+\s*(?:,|،|and|и)?\s*$", re.I)


def _listed_countries(context: DocumentContext, sentence: Sentence) -> list[str]:
    """The countries listed after "N countries:" in the sentence, when there are at least two."""
    cue = _COUNTRY_LIST.search(sentence.text)
    if not cue:
        return []
    position = sentence.start + cue.end()
    codes: list[str] = []
    for code, c_start, c_end in context.countries:
        if c_start < position or c_start >= sentence.end:
            continue
        between = context.text[position:c_start]
        # One listed word we do not read as a country ("ومالي", also "financial") does not end the list.
        if codes and not _AND.match(between) and not _ONE_MORE_ITEM.match(between):
            break
        if not codes and context.text[position:c_start].strip():
            break
        if code not in codes:
            codes.append(code)
        position = c_end
    return codes if len(codes) >= 2 else []


def _trainees_countries(context: DocumentContext, sentence: Sentence, trainees: re.Match) -> list[str]:
    start, end = sentence.start + trainees.start(), sentence.start + trainees.end()
    gap = _FROM if context.language == "en" else _GAP  # "officials from Kenya", not "officials graduated from X"
    # "госслужащих в Японии", "diplomats in Cairo": where they are is not where they are from.
    after = [
        c
        for c in context.countries
        if end <= c[1] <= end + 40
        and gap.match(context.text[end : c[1]])
        and (context.language == "en" or not _HELD_IN.search(context.text[end : c[1]]))
        and not _ACCREDITED.search(context.text[end : c[1]])
    ]
    # "Egyptian training scholarships": the country before scholarships is the one that grants them.
    granted = trainees.group(0).lower().startswith("scholarship")
    before = [
        c
        for c in context.countries
        if not granted
        and start - 40 <= c[2] <= start
        and _GAP.match(context.text[c[2] : start])
        # Russian names the trainees' country before them as an adjective ("кыргызстанских госслужащих"); a noun
        # there is the sentence's subject ("Украина начала обучать дипломатов").
        and (context.language != "ru" or _ADJECTIVE.search(context.text[c[1] : c[2]]))
    ]
    # Arabic and Russian name the country after the noun, English mostly before it.
    sides = [before, after] if context.language == "en" else [after, before]
    for side in sides:
        if side:
            first = min(side, key=lambda c: min(abs(c[1] - end), abs(start - c[2])))
            codes = [first[0]]
            for other in context.countries:  # "from Somalia and Afghanistan"
                if other[1] > first[2] and _AND.match(context.text[first[2] : other[1]]) and other[0] not in codes:
                    codes.append(other[0])
                    first = other
            return codes
    return []


# "diplomats accredited to Saudi Arabia", "المعتمدين لدى المملكة": the country they are posted in, not theirs.
_ACCREDITED = compile_cue(r"(?<!\w)(?:accredited|аккредитованн\w*|(?:ال)?معتمد\S*|لدى)(?!\w)", re.I)


_CURRENCY = compile_cue(r"(?:dollars?|долларов|доллара|دولار)\s+$", re.I)


def _money(context: DocumentContext, start: int) -> bool:
    """ "2,9 млн долларов США": a currency, not the trainees' country."""
    return bool(_CURRENCY.search(context.text[max(0, start - 12) : start]))


_ORGANISED_BY = compile_cue(
    r"(?:organi[sz]ed by|conducted by|provided by|hosted by|offered by|run by|организован\w* |проводим\w* |"
    r"بتنظيم|تنظمه|ينظمه|نظمت\S*|ينظمها)\s*",
    re.I,
)
# Where the course takes place: "in Riyadh", "в Японии", "في الرياض", "بالرياض".
_HELD_IN = compile_cue(r"(?:(?<!\w)(?:in|at|в|во|في)\s+(?:the\s+)?|(?<!\w)ب)$", re.I)


def _provider(context: DocumentContext, strong: list, beneficiaries: list[str]) -> str:
    for sentence, _match in strong:
        by = _ORGANISED_BY.search(sentence.text)
        if by:
            start = sentence.start + by.end()
            codes = [c for c in context.countries_in(start, sentence.end) if c not in beneficiaries]
            codes += [c[0] for c in context.cities_in(start, sentence.end) if c[0] not in beneficiaries]
            if codes:
                return codes[0]
    for sentence, _match in strong:
        places = [(code, s) for code, s, _e in context.countries if sentence.start <= s < sentence.end]
        places += [(c[0], c[2]) for c in context.cities_in(sentence.start, sentence.end)]
        for code, position in sorted(places, key=lambda p: p[1]):
            if code and code not in beneficiaries and _HELD_IN.search(context.text[max(0, position - 12) : position]):
                return code
    dateline = context.dateline_city  # the report is filed where the course is held
    if beneficiaries and dateline and dateline[0] and dateline[0] not in beneficiaries:
        return dateline[0]
    others = [c for c in context.main_countries if c not in beneficiaries]
    if others:
        return others[0]
    # "... India helps neighbouring countries build the capacities of their civil servants": the one other
    # country the article names, however rarely, is the one that trains.
    rest = {code for code, _s, _e in context.countries if code not in beneficiaries}
    return rest.pop() if beneficiaries and len(rest) == 1 else ""
