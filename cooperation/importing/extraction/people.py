"""People with their position, organisation and country.

Russian: natasha finds PER spans and normalises them; surnames with initials ("Шапкиной Ю.А."), which natasha
leaves as written, are put in the nominative with pymorphy3. English and Arabic have no bundled NER model, but
press releases in this genre anchor every official on a title or an honorific ("H.E.", "Deputy Minister of",
"وزيرة", "رئيس"), so rules on those anchors find them; known officials' aliases catch the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from cooperation.names import search_key

from .base import Evidence, Found, evidence_for
from .countries import countries_in, find_countries

# --- shared ------------------------------------------------------------------------------------------------


@dataclass
class Mention:
    name: str  # as written
    normal: str  # nominative / canonical form
    start: int
    end: int
    title: str = ""
    title_normal: str = ""
    organisation: str = ""
    country: str = ""
    honorific: str = ""
    confidence: float = 0.6


def _organisation_in(title: str) -> str:
    match = re.search(
        r"(?:\b(?:of|at|under|for)\s+(?:the\s+)?)((?:Ministry|Academy|Analytical|Centre|Center|Committee|Agency|"
        r"Office|Council|School|Board|Government|Department|National|Astana|Presidential|Steering)\b.*)$",
        title,
    )
    if match:
        return match.group(1).strip(" ,")
    match = re.search(r"\b((?:Министерств|Минсвяз|Академи|Аналитическ|Центр|Комитет|Агентств)\w*.*)$", title)
    if match:
        return match.group(1)
    match = re.search(r"((?:مؤسسة|وزارة|اللجنة|لجنة|مجلس|أكاديمية|مكتب|هيئة)\s.*)$", title)
    return match.group(1) if match else ""


def _dedupe(mentions: Iterable[Mention], text: str) -> list[Found]:
    """One result per person: mentions with the same transliteration key (or surname + initial) merge."""
    people: list[tuple[Mention, list[Mention]]] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        key = search_key(mention.normal).split()
        for head, others in people:
            head_key = search_key(head.normal).split()
            if _same_person(key, head_key):
                others.append(mention)
                # The fullest name and the first title found describe the person best.
                if len(mention.normal) > len(head.normal) and not re.search(r"\b\w\.", mention.normal):
                    head.normal = mention.normal
                for attr in ("title", "title_normal", "organisation", "country", "honorific"):
                    if not getattr(head, attr) and getattr(mention, attr):
                        setattr(head, attr, getattr(mention, attr))
                head.confidence = max(head.confidence, mention.confidence)
                break
        else:
            people.append((mention, []))
    results = []
    for head, others in people:
        value = {
            "name": head.name,
            "normal": head.normal,
            "forms": sorted({m.name for m in [head, *others]} | {head.normal}),
            "title": head.title,
            "title_normal": head.title_normal or head.title,
            "organisation": head.organisation,
            "country": head.country,
            "honorific": head.honorific,
        }
        evidence = evidence_for(text, head.start, head.end)
        extra = [evidence_for(text, m.start, m.end) for m in others]
        results.append(Found("person", value, evidence, head.confidence, extra))
    return results


def _same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    # Surnames agree (allowing a case ending), given names agree or one side is an initial.
    surname_a, surname_b = _surname(a), _surname(b)
    if not surname_a or not surname_b or not _close(surname_a, surname_b):
        return False
    given_a = [t for t in a if t != surname_a]
    given_b = [t for t in b if t != surname_b]
    if not given_a or not given_b:
        return True
    return given_a[0][0] == given_b[0][0]


def _surname(tokens: list[str]) -> str:
    long = [t for t in tokens if len(t) > 1]
    return long[-1] if long else ""


def _close(a: str, b: str) -> bool:
    from rapidfuzz.fuzz import ratio

    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return a == b or ratio(a, b) >= 85 or (common >= 5 and common >= min(len(a), len(b)) - 3)


# --- English -----------------------------------------------------------------------------------------------

_EN_TITLE_HEAD = (
    r"(?:(?:First|Deputy|Vice|Prime|Assistant|Acting|Executive|Permanent|Senior|Chief|Under|Director[- ]General|"
    r"Secretary[- ]General|Minister[- ]Counsell?or)\s+)*"
    r"(?:Minister|Ministers|Ambassador|Director|Chairman|Chairwoman|Chairperson|Chair|President|Vice[- ]President|"
    r"Rector|Secretary|Head|Governor|Advisor|Adviser|Counsell?or|Consul|Commissioner|Chancellor|Mayor|CEO|"
    r"Manager|Undersecretary|Under-Secretary|Speaker|Dean|Founder|Executive|Officer|Coordinator|participant|"
    r"member|expert|founder)\b"
)
# Up to three capitalised qualifiers may precede the head word ("Deputy Cabinet Minister", "UAE Deputy ...").
_EN_TITLE_START = re.compile(rf"(?:(?:[A-Z][a-z]+|[A-Z]{{2,5}})\s+){{0,3}}?(?i:{_EN_TITLE_HEAD})")
_EN_HONORIFIC = r"(?:H\.\s?E\.|H\.H\.|HE|Dr\.?|Sheikh|Sheikha|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|Eng\.?)"
_NAME_PARTICLE = r"(?:bin|bint|ibn|al|Al|El|el|Aal|van|von|de|der|da|di|du|la|le)"
_CAP = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?"
_EN_NAME = rf"{_CAP}(?:\s+(?:{_NAME_PARTICLE}[- ])?{_CAP}){{1,4}}"
_EN_NAME_RE = re.compile(rf"(?:(?P<hon>{_EN_HONORIFIC})\s+)?(?P<name>{_EN_NAME})")

# Capitalised words that begin or make up non-person phrases; a name run is cut at them.
_EN_NOT_NAME = {
    "The", "A", "An", "In", "On", "At", "Of", "For", "By", "With", "From", "To", "As", "And", "During", "Today",
    "Both", "Other", "Opening", "According", "Photos", "This", "These", "Those", "Participants", "Leaders",
    "Ministry", "Minister", "Ministers", "Deputy", "Vice", "First", "Director", "General", "Chairman", "Centre",
    "Center", "Academy", "School", "Office", "Committee", "Council", "Board", "Government", "Governments",
    "Administration", "President", "Presidential", "Republic", "Kingdom", "State", "States", "United", "Arab",
    "Emirates", "National", "Analytical", "Agency", "Department", "Programme", "Program", "Summit", "World",
    "Hub", "Service", "Services", "Public", "Civil", "Digital", "Development", "Innovation", "Accelerator",
    "Accelerators", "Executive", "Leadership", "Steering", "Information", "Society", "Interior", "Safety",
    "Justice", "Finance", "Technologies", "Industry", "Aerospace", "Communications", "Informatisation",
    "Competitiveness", "Experience", "Exchange", "Cabinet", "Affairs", "Head", "Rector", "Ambassador",
    "International", "Programmes", "Secretary", "Foreign", "Economy", "Economic", "Education", "Health",
    "Future", "Artificial", "Intelligence", "Transformation", "Strategic", "Cooperation", "Partnership",
    "Memorandum", "Understanding", "Agreement", "Forum", "Conference", "Roundtable", "Session", "Delegation",
    "University", "Institute", "Bank", "Fund", "Authority", "Commission", "Union", "Asia", "Pacific",
    "Central", "Caucasus", "Middle", "East", "Gulf", "Abu", "Dhabi", "Dubai", "Sharjah", "Minsk", "Astana",
    "Almaty", "Seoul", "Tbilisi", "Bishkek", "Moscow", "JSC", "LLC", "Ltd", "Group", "Team", "Task", "Force",
    "Project", "Projects", "He", "She", "They", "We", "It", "Our", "Their", "His", "Her", "Mohammed",
    "Mohammad", "Muhammad", "Rashid", "Zayed",
}  # fmt: skip
# Given names that start famous institution names ("Mohammed bin Rashid School ..."): a name beginning with one
# of these counts only with a title or honorific, which the anchoring below already requires.
_EN_GIVEN_NAMES_OK = {"Mohammed", "Mohammad", "Muhammad", "Rashid", "Zayed"}
_EN_TITLE_END = re.compile(
    r"(?:\.(?=\s+[A-Z\"“‘'])|\.$|;|\n|,\s+and\s|\s+and\s+(?:H\.E\.|Dr|Mr|Ms)|,\s+(?:H\.E\.|Dr\b|Mr\b|Ms\b)"
    r"|,\s+(?=[a-z‘'“\"])|\s+(?:said|noted|emphasi[sz]ed|stressed|announced|added|stated|underlined|highlighted|"
    r"explained|welcomed|met|visited|signed|was|were|is|has|had)\b|\s*[\"“‘(])"
)
_EN_LIST_CUE = re.compile(
    r"(?:members\s+(?:were|included|are)|included(?:\s+notable\s+figures\s+such\s+as)?|such\s+as|comprised|"
    r"accompanied\s+by|joined\s+by|composed\s+of|consisted\s+of)\s*:?\s*$",
    re.IGNORECASE,
)


def _clean_name_run(name: str) -> tuple[str, int]:
    """Drop leading and trailing words that are not name words; returns the name and the offset removed."""
    tokens = name.split()
    offset = 0
    while tokens and ((tokens[0] in _EN_NOT_NAME and tokens[0] not in _EN_GIVEN_NAMES_OK) or _is_country(tokens[0])):
        offset += len(tokens[0]) + (1 if len(tokens) > 1 else 0)
        offset = name.index(tokens[1], offset - 1) if len(tokens) > 1 else offset
        tokens = tokens[1:]
    while tokens and ((tokens[-1] in _EN_NOT_NAME and tokens[-1] not in _EN_GIVEN_NAMES_OK) or _is_country(tokens[-1])):
        tokens = tokens[:-1]
    return " ".join(tokens), offset


@lru_cache(maxsize=4096)
def _is_country(word: str) -> bool:
    return bool(find_countries(word)) and find_countries(word)[0][2] == len(word)


def _title_after(text: str, position: int) -> tuple[str, int] | None:
    """ ", Deputy Minister of X," right after a name: the title and where it ends."""
    if not text[position:].lstrip().startswith(","):
        return None
    match = re.match(r",?\s*(?:(?:the|a|an)\s+)?", text[position:])
    head = position + match.end()
    if not _EN_TITLE_START.match(text, head):
        return None
    end_match = _EN_TITLE_END.search(text, head)
    end = end_match.start() if end_match else min(len(text), head + 200)
    end = min(end, head + 220)
    return text[position:end].lstrip(" ,"), end


def _title_before(text: str, start: int) -> str:
    """ "the Minister of Justice of Georgia " right before a name, within the same clause."""
    window_start = max(0, start - 220)
    window = text[window_start:start]
    # Only the current clause: after the last sentence end, semicolon or line break.
    cut = max(window.rfind(". "), window.rfind(";"), window.rfind("\n"), window.rfind("’"), window.rfind("'"))
    clause = window[cut + 1 :] if cut >= 0 else window
    best = None
    for match in _EN_TITLE_START.finditer(clause):
        if match.group(0)[0].isupper():
            best = match
            break
    if best is None:
        return ""
    title = clause[best.start() :].strip(" ,")
    # "... Programme of the Mohammed bin Rashid School": a name right after "of the" is part of an institution.
    if re.search(r"\b(?:the|of|at|for|and)\s*$", title) or re.search(r",\s+(?!and\b)[a-z]", title):
        return ""
    # A verb between the title and the name means the title belongs to someone else.
    if re.search(r"\b(?:said|noted|met|visited|announced|is|was|were|and\s+H\.E\.)\b", title):
        return ""
    return title


def _extract_english(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    for match in _EN_NAME_RE.finditer(text):
        raw = match.group("name")
        name, offset = _clean_name_run(raw)
        if len(name.split()) < 2:
            continue
        start = match.start("name") + offset
        end = start + len(name)
        honorific = match.group("hon") or ""
        after = _title_after(text, end)
        title = after[0] if after else ""
        confidence = 0.9 if title else 0.0
        # "... Authority for Government Human Resources": capitalised words glued to an institution word are
        # the rest of the institution's name, not a person named after the title.
        glued_to_institution = offset > 0 and not _is_country(raw.split()[0])
        if not title and not glued_to_institution:
            title = _title_before(text, start)
            confidence = 0.8 if title else 0.0
        if honorific:
            confidence = max(confidence, 0.75) + 0.05
        if not confidence:
            # Listed members ("Other members were A, B, and C"): a name in a list that follows a cue.
            if _in_member_list(text, start):
                confidence = 0.6
            else:
                continue
        if name.split()[0] in _EN_GIVEN_NAMES_OK and not (honorific or title):
            continue
        countries = countries_in(title)
        mentions.append(
            Mention(
                name=name,
                normal=name,
                start=start,
                end=end,
                title=title,
                organisation=_organisation_in(title),
                country=countries[0] if countries else "",
                honorific=honorific.replace(" ", ""),
                confidence=min(confidence, 0.95),
            )
        )
    return mentions


def _in_member_list(text: str, start: int) -> bool:
    clause_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    before = text[clause_start:start]
    # Walk back over "A B, C D, and " to the cue that opened the list.
    stripped = re.sub(rf"(?:{_EN_NAME}(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$", "", before)
    stripped = re.sub(r",?\s*(?:and\s+)?$", "", stripped) if stripped == before else stripped
    return bool(_EN_LIST_CUE.search(stripped))


# --- Russian -----------------------------------------------------------------------------------------------

_RU_TITLE_LEMMAS = {
    "министр", "заместитель", "посол", "председатель", "директор", "глава", "руководитель", "ректор",
    "президент", "премьер-министр", "вице-премьер", "советник", "начальник", "секретарь", "губернатор", "мэр",
    "посланник", "консул", "генеральный", "первый", "чрезвычайный", "полномочный", "помощник", "замминистра",
    "вице-министр", "представитель", "атташе", "управляющий", "эксперт", "участник",
}  # fmt: skip
_RU_HEAD_LEMMAS = {
    "министр", "заместитель", "посол", "председатель", "директор", "глава", "руководитель", "ректор",
    "президент", "премьер-министр", "вице-премьер", "советник", "начальник", "секретарь", "губернатор", "мэр",
    "посланник", "консул", "помощник", "вице-министр", "представитель", "атташе", "управляющий",
}  # fmt: skip
_RU_INITIALS = re.compile(r"(?P<surname>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*(?P<initials>[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?)")
_RU_INITIALS_FIRST = re.compile(
    r"(?P<initials>[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?)\s*(?P<surname>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)"
)


@lru_cache(maxsize=1)
def _natasha():
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Doc, Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _surname_nominative(word: str) -> str:
    """ "Шапкиной" -> "Шапкина", "Залесского" -> "Залесский"; unknown words stay as written."""
    parses = [p for p in _morph().parse(word) if "Surn" in p.tag]
    if not parses:
        return word
    parse = parses[0]
    inflected = parse.inflect({"nomn"})
    if inflected is None:
        return word
    result = inflected.word
    return result[0].upper() + result[1:]


def _name_word_nominative(word: str) -> str:
    for parse in _morph().parse(word):
        grammemes = set(str(parse.tag).replace(" ", ",").split(","))
        if {"Name", "Surn", "Patr"} & grammemes and "plur" not in grammemes:
            inflected = parse.inflect({"nomn", "sing"})
            if inflected is not None:
                return inflected.word[0].upper() + inflected.word[1:]
    return word


def _title_nominative(title: str) -> str:
    """The words of a title up to its head noun, in the nominative ("заместителем Министра" -> "заместитель ...")."""
    words = title.split()
    out: list[str] = []
    head_done = False
    for word in words:
        if head_done:
            out.append(word)
            continue
        parse = _morph().parse(word)[0]
        inflected = parse.inflect({"nomn", "sing"}) if parse.tag.POS in ("NOUN", "ADJF") else None
        new = inflected.word if inflected else word
        if word[0].isupper():
            new = new[0].upper() + new[1:]
        out.append(new)
        if parse.normal_form in _RU_HEAD_LEMMAS:
            head_done = True
    return " ".join(out)


def _ru_title_before(text: str, start: int) -> str:
    window_start = max(0, start - 160)
    window = text[window_start:start]
    # The title is in this person's own phrase: after the last sentence or clause break, and after "с"
    # ("встреча Министра ... с Послом <name>", "во главе с заместителем Министра <name>").
    cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n"), window.rfind(","))
    with_match = list(re.finditer(r"(?<!\w)[сС]\s", window))
    if with_match:
        cut = max(cut, with_match[-1].end() - 1)
    clause = window[cut + 1 :] if cut >= 0 else window
    words = list(re.finditer(r"[\w-]+", clause))
    morph = _morph()
    first_title = None
    for index, word in enumerate(words):
        lemma = morph.parse(word.group(0))[0].normal_form
        if lemma in _RU_HEAD_LEMMAS:
            first_title = index
            break
    if first_title is None:
        return ""
    # Extend left over adjectives and "и" ("Чрезвычайным и Полномочным Послом").
    index = first_title
    while index > 0:
        previous = words[index - 1].group(0)
        if previous == "и" and index > 1 and morph.parse(words[index - 2].group(0))[0].tag.POS != "ADJF":
            break
        parse = morph.parse(previous)[0]
        if previous == "и" or parse.tag.POS == "ADJF" or parse.normal_form in _RU_TITLE_LEMMAS:
            index -= 1
        else:
            break
    title = clause[words[index].start() :].strip(" ,")
    if re.search(r"\b(?:с|и)\s*$", title):  # "встреча Министра ... с" belongs to the previous person
        return ""
    return title


def _extract_russian(text: str) -> list[Mention]:
    Doc, segmenter, morph_vocab, morph_tagger, ner_tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.tag_ner(ner_tagger)
    mentions: list[Mention] = []
    spans: list[tuple[int, int]] = []
    morph = _morph()
    for span in doc.spans:
        if span.type != "PER":
            continue
        words = span.text.split()
        # natasha sometimes tags a title phrase ("Министра с Чрезвычайным") as a person.
        if any(not w[0].isupper() for w in words) or any(
            morph.parse(w)[0].normal_form in _RU_TITLE_LEMMAS for w in words
        ):
            continue
        span.normalize(morph_vocab)
        start, end = span.start, span.stop
        span_text = span.text
        if "\n" in span_text:  # a span never crosses a line: cut it there ("А.К.\n\nВ ходе")
            span_text = span_text.split("\n")[0].rstrip()
            end = start + len(span_text)
            words = span_text.split()
        normal = span.normal if span_text == span.text and span.normal else span_text
        initials = _RU_INITIALS.fullmatch(span_text) or _RU_INITIALS_FIRST.fullmatch(span_text)
        if initials:
            normal = f"{_surname_nominative(initials.group('surname'))} {initials.group('initials').replace(' ', '')}"
        elif len(words) >= 2 and normal.split()[-1] == words[-1]:
            # natasha left an unknown name form as written ("Кирилл Залеским", "Нурланом Абдыкеримовым").
            normal = " ".join(_name_word_nominative(w) for w in normal.split())
        spans.append((start, end))
        mentions.append(_ru_mention(text, span_text, normal, start, end, confidence=0.75))
    for pattern in (_RU_INITIALS, _RU_INITIALS_FIRST):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < s_end and s_start < end for s_start, s_end in spans):
                continue
            if morph.parse(match.group("surname"))[0].tag.POS not in ("NOUN", None) and not any(
                "Surn" in p.tag for p in morph.parse(match.group("surname"))
            ):
                continue
            normal = f"{_surname_nominative(match.group('surname'))} {match.group('initials').replace(' ', '')}"
            spans.append((start, end))
            mentions.append(_ru_mention(text, match.group(0), normal, start, end, confidence=0.7))
    return mentions


def _ru_mention(text: str, name: str, normal: str, start: int, end: int, *, confidence: float) -> Mention:
    title = _ru_title_before(text, start)
    countries = countries_in(title)
    return Mention(
        name=name,
        normal=normal,
        start=start,
        end=end,
        title=title,
        title_normal=_title_nominative(title) if title else "",
        organisation=_organisation_in(title),
        country=countries[0] if countries else "",
        confidence=confidence + (0.15 if title else 0.0),
    )


# --- Arabic ------------------------------------------------------------------------------------------------

_AR_TITLES = (
    "وزير", "وزيرة", "رئيس", "رئيسة", "نائب", "نائبة", "سفير", "سفيرة", "مدير", "مديرة", "الأمين", "أمين",
    "حاكم", "مستشار", "مستشارة", "وكيل", "وكيلة", "عميد", "مساعد", "سمو", "معالي", "سعادة", "المدير",
    "الرئيس", "عضو", "محافظ", "قنصل", "ولي",
)  # fmt: skip
_AR_HONORIFICS = ("الشيخ", "الشيخة", "سمو", "معالي", "سعادة", "الدكتور", "الدكتورة", "د.", "المهندس")
_AR_STOP = {
    "مع", "بحضور", "حضور", "برئاسة", "بقيادة", "عن", "على", "إلى", "الى", "من", "في", "أن", "إن", "التي", "الذي", "كما",
    "وقال", "قال", "قالت", "وقالت", "أكد", "أكدت", "وأكد", "وأكدت", "أضاف", "أضافت", "وأضاف", "وأضافت", "شدد",
    "شددت", "وشدد", "أبرم", "وأبرم", "أبرمت", "وقع", "وقعت", "ووقع", "التقى", "التقت", "استقبل", "استقبلت", "زار",
    "زارت", "بحث", "بحثت", "جهته", "جهتها", "وتوجيهات", "توجيهات", "رؤى", "دولة", "جمهورية", "مذكرة", "تفاهم",
    "اجتماعًا", "اجتماعا", "لقاء", "وفد", "الوفد", "ترأس", "ترأست", "يرأس", "حيث", "وذلك", "ذلك", "هذا", "هذه",
    "خلال", "ضمن", "بين", "عقد", "وعقد", "عقدت", "شارك", "وشارك", "شاركت", "أعلن", "أعلنت", "كلمة",
}  # fmt: skip
_AR_ORG_WORDS = {"مجلس", "وزارة", "اللجنة", "لجنة", "هيئة", "مؤسسة", "دولة", "حكومة", "القمة", "مكتب", "جامعة"}
_AR_NAME_PARTICLES = {"بن", "بنت", "آل", "ابن", "أبو", "عبد", "عبدال"}
_AR_WORD = re.compile(r"[\u0600-\u06ff]+")


def _is_title_word(word: str) -> bool:
    return word in _AR_TITLES or (word.startswith("و") and word[1:] in _AR_TITLES and word[1:] != "زير")


def _extract_arabic(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    words = [(m.group(0), m.start(), m.end()) for m in _AR_WORD.finditer(text)]
    for index, (word, w_start, _w_end) in enumerate(words):
        if word not in _AR_TITLES:
            continue
        # Walk back over the name: words with no punctuation between them, not function words or verbs.
        name_words: list[tuple[str, int, int]] = []
        cursor = index - 1
        stopped_on_title = False
        while cursor >= 0 and len(name_words) < 6:
            candidate, c_start, c_end = words[cursor]
            following_start = name_words[0][1] if name_words else w_start
            gap = text[c_end:following_start]
            # Stop words also come with a conjunction attached ("وحضور", "وبحضور").
            if gap.strip() or candidate in _AR_STOP or (candidate[:1] == "و" and candidate[1:] in _AR_STOP):
                break
            if _is_title_word(candidate):
                stopped_on_title = not gap.strip()
                break
            previous = words[cursor - 1][0] if cursor > 0 else ""
            # "ال" words are names only as a last name ("الرومي") or after آل/بن; otherwise they end the walk.
            if candidate.startswith("ال") and name_words and previous not in _AR_NAME_PARTICLES:
                break
            if candidate.startswith("ال") and not name_words and previous in _AR_STOP:
                break
            name_words.insert(0, (candidate, c_start, c_end))
            if candidate.startswith("ال") and previous not in _AR_NAME_PARTICLES and len(name_words) > 1:
                break
            cursor -= 1
        honorific = ""
        if name_words and name_words[0][0] in _AR_HONORIFICS:
            honorific = name_words.pop(0)[0]
        # "رئيس مجلس الوزراء حاكم دبي": words between two titles are the first title's object, not a name.
        if stopped_on_title or len(name_words) < 2 or all(w.startswith("ال") for w, _s, _e in name_words):
            continue
        if any(w in _AR_ORG_WORDS for w, _s, _e in name_words):
            continue
        first, f_start, f_end = name_words[0]
        # A leading conjunction "و" belongs to the sentence, not the name ("وكوه جيان").
        if first.startswith("و") and len(first) > 3 and first not in {"وليد", "وائل", "وفاء", "وداد", "وسام"}:
            name_words[0] = (first[1:], f_start + 1, f_end)
        if honorific == "" and cursor >= 0 and words[cursor][0] in _AR_HONORIFICS:
            honorific = words[cursor][0]
        start, end = name_words[0][1], name_words[-1][2]
        name = text[start:end]
        title_end = _arabic_title_end(text, w_start)
        title = text[w_start:title_end].strip(" ،,")
        countries = countries_in(title)
        mentions.append(
            Mention(
                name=name,
                normal=name,
                start=start,
                end=end,
                title=title,
                organisation=_organisation_in(title),
                country=countries[0] if countries else "",
                honorific=honorific,
                confidence=0.85,
            )
        )
    return mentions


def _arabic_title_end(text: str, start: int) -> int:
    stop = re.compile(r"[،,.؛:\n\"«»]|\s(?:على|إلى|بهدف|لبحث|خلال|أن|عن|حيث|وذلك|بتوسيع)\s")
    match = stop.search(text, start)
    end = match.start() if match else len(text)
    # At most twelve words: a title never runs longer in this genre.
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > 12:
        end = start + words[11].end()
    return end


# --- public ------------------------------------------------------------------------------------------------


def extract_people(text: str, *, language: str, known_aliases: dict[str, str] | None = None) -> list[Found]:
    """People in ``text`` with title, organisation and country; ``known_aliases`` maps name forms of known
    officials to their canonical name so that a bare "Shapkina" is still found."""
    if language == "ru":
        mentions = _extract_russian(text)
    elif language == "ar":
        mentions = _extract_arabic(text)
    else:
        mentions = _extract_english(text)
    mentions.extend(_known_mentions(text, known_aliases or {}, mentions))
    return _dedupe(mentions, text)


def _known_mentions(text: str, aliases: dict[str, str], found: list[Mention]) -> list[Mention]:
    extra: list[Mention] = []
    for alias in aliases:
        if len(alias) < 4:
            continue
        for match in re.finditer(rf"(?<![\w]){re.escape(alias)}(?![\w])", text):
            start, end = match.span()
            if any(start < m.end and m.start < end for m in [*found, *extra]):
                continue
            # Kept as written, so it merges with a titled mention of the same person in this script.
            extra.append(Mention(name=alias, normal=alias, start=start, end=end, confidence=0.7))
    return extra


def mention_evidence(found: Found) -> list[Evidence]:
    return [found.evidence, *found.extra_evidence]
